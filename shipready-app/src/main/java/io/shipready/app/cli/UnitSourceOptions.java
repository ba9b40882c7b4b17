package io.shipready.app.cli;

import java.nio.file.Path;
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
}
