package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsCommandTest {
  @Test
  void showsWhereAToolIsFound(@TempDir Path dir) throws Exception {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "marks a file executable with POSIX permissions; run on Linux or macOS");
    Path azsphere = Files.writeString(dir.resolve("azsphere"), "#!/bin/sh\n");
    Files.setPosixFilePermissions(azsphere, PosixFilePermissions.fromString("rwx------"));

    CommandLineRun run = CommandLineRun.of("tools", "--path", "azsphere=" + azsphere, "azsphere");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("azsphere  " + azsphere);
  }

  @Test
  void aRequiredToolThatIsMissingFailsWithTheSettingToFill(@TempDir Path dir) {
    Path nowhere = dir.resolve("JLinkExe");

    CommandLineRun run = CommandLineRun.of("tools", "--path", "jlink=" + nowhere, "jlink");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("jlink     missing: jlink not found: the configured path " + nowhere)
        .contains("SHIPREADY_TOOL_JLINK");
  }

  @Test
  void anUnknownToolIsBadUsage() {
    CommandLineRun run = CommandLineRun.of("tools", "stlink");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown tool 'stlink'; use one of [az, azsphere, esptool");
  }
}
