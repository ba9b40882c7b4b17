package io.shipready.app.cli;

import io.shipready.core.ShipreadyException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where a station's units come from: simulated units, or the devices a slot map reaches. */
public final class UnitSourceOptions {
  @Option(
      names = "--simulate",
      required = true,
      paramLabel = "N",
      description = "N simulated units of the recipe's device family (a dry run).")
  Integer simulate;

  @Option(
      names = "--slots-file",
      required = true,
      paramLabel = "FILE",
      description =
          "The slot map: each slot's driver (a vendor tool, a GDB server and console, or"
              + " simulated) and how it reaches its unit. shipready emulate writes one.")
  Path slotsFile;

  /** How long a station waits for a slot map that is not there yet. */
  static final Duration SLOT_MAP_WAIT = Duration.ofSeconds(30);

  /**
   * The slot map, once it exists. {@code shipready emulate ... &} followed at once by a station is
   * the usual way to start both, and the emulator writes its map only when its units are up; so a
   * missing map is waited for, saying so, before it is an error.
   */
  Path slotsFileWhenWritten(PrintWriter err) throws InterruptedException {
    if (Files.exists(slotsFile)) {
      return slotsFile;
    }
    err.println(
        "waiting up to "
            + SLOT_MAP_WAIT.toSeconds()
            + " s for the slot map "
            + slotsFile
            + " (shipready emulate writes it once its units are up)");
    err.flush();
    long deadline = System.nanoTime() + SLOT_MAP_WAIT.toNanos();
    while (!Files.exists(slotsFile)) {
      if (System.nanoTime() > deadline) {
        throw new ShipreadyException(
            "there is no slot map "
                + slotsFile.toAbsolutePath()
                + ": start shipready emulate --out "
                + slotsFile
                + " first, or name the slot map of your slots (see docs/vendor-tools.md)");
      }
      Thread.sleep(200);
    }
    return slotsFile;
  }
}
