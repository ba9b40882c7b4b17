package io.shipready.app.emulated;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * What the emulated tier needs on the machine. Asked for with {@code -Demulated} (the Maven profile
 * sets shipready.test.emulated), a missing tool fails the tier; run any other way, the tests report
 * themselves skipped and say how to enable them. They never pass without QEMU.
 */
public final class EmulatedTools {
  public static final String QEMU = "qemu-system-arm";
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  private EmulatedTools() {}

  public static void require(String... tools) {
    for (String tool : tools) {
      if (!onPath(tool)) {
        String message =
            tool
                + " is not installed, so the emulated tests cannot run. Install them with"
                + " 'apt-get install -y qemu-system-arm gcc-arm-none-eabi make' and run"
                + " 'mvn verify -Demulated' (.ci/run does both).";
        if (Boolean.getBoolean("shipready.test.emulated")) {
          fail(message);
        }
        Assumptions.abort("emulated tests skipped: " + message);
      }
    }
  }

  /** Builds the test firmware from its sources into the folder and returns the image. */
  static Path buildFirmware(Path into) throws Exception {
    Path sources = REPO.resolve("firmware/nrf51-test");
    Process make =
        new ProcessBuilder(List.of("make", "-C", sources.toString(), "BUILD=" + into))
            .redirectErrorStream(true)
            .start();
    String output = new String(make.getInputStream().readAllBytes());
    if (!make.waitFor(120, TimeUnit.SECONDS) || make.exitValue() != 0) {
      fail("building the test firmware failed:\n" + output);
    }
    return into.resolve("nrf51-test.bin");
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
