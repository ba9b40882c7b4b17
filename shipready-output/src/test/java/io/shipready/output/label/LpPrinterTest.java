package io.shipready.output.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lp printer runs a real program. Where no print service is installed, a small shell script
 * stands in for lp and records what it was given.
 */
class LpPrinterTest {
  @TempDir Path dir;

  private Path script(String body) throws IOException {
    assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
    Path lp = dir.resolve("lp");
    Files.writeString(lp, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(lp, PosixFilePermissions.fromString("rwx------"));
    return lp;
  }

  @Test
  void missingLpIsAClearError() {
    LpPrinter printer =
        new LpPrinter("ZEBRA300", dir.resolve("no-lp-here").toString(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> printer.print("^XA^XZ", "unit-1"))
        .isInstanceOf(PrinterException.class)
        .hasMessageStartingWith("print queue ZEBRA300: cannot run '" + dir.resolve("no-lp-here"))
        .hasMessageContaining("label 'unit-1' was not printed")
        .hasMessageContaining("cups-client");
  }

  @Test
  void sendsTheZplRawToTheQueue() throws IOException {
    Path lp =
        script(
            "printf '%s\\n' \"$@\" > \""
                + dir.resolve("args")
                + "\"; cat > \""
                + dir.resolve("data")
                + "\"");
    String zpl = Labels.render(Bundled.TRACKER.path(), Bundled.TRACKER.fields, 203).zpl();

    new LpPrinter("ZEBRA300", lp.toString(), Duration.ofSeconds(5)).print(zpl, "P045AB1234567");

    assertThat(Files.readAllLines(dir.resolve("args")))
        .containsExactly("-d", "ZEBRA300", "-o", "raw", "-t", "P045AB1234567");
    assertThat(dir.resolve("data")).hasContent(zpl.strip());
    assertThat(Files.readString(dir.resolve("data"))).isEqualTo(zpl);
  }

  @Test
  void lpRefusalIsReportedWithWhatLpSaid() throws IOException {
    Path lp =
        script("cat > /dev/null; echo 'lp: The printer or class does not exist.' >&2; exit 1");

    assertThatThrownBy(
            () ->
                new LpPrinter("NOPE", lp.toString(), Duration.ofSeconds(5))
                    .print("^XA^XZ", "unit-2"))
        .isInstanceOf(PrinterException.class)
        .hasMessage(
            "print queue NOPE: lp refused label 'unit-2' (exit 1: lp: The printer or class does not"
                + " exist.); check the queue name and state with lpstat -p NOPE");
  }

  @Test
  void queueNameThatLooksLikeAnOptionIsRefused() {
    assertThatThrownBy(() -> new LpPrinter("-o"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lpstat -p");
  }
}
