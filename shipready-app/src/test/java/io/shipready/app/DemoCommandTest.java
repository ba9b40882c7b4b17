package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's first command: every bundled line, a summary, and where everything went. */
class DemoCommandTest {
  @Test
  void runsEveryLineAndSaysWhereTheRecordsFilesAndLabelsAre(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("demo");

    CommandLineRun demo =
        CommandLineRun.of(
            "demo",
            "--out",
            out.toString(),
            "--lines",
            Path.of("..", "lines").toString(),
            "--units",
            "4");

    assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
    assertThat(demo.out())
        .contains("afero-asr", "azure-sphere")
        .contains("programming", "product-label", "rssi-ble", "rssi-wifi", "recovery")
        .contains("records: " + out.resolve("demo.db").toAbsolutePath())
        .contains("bin/shipready trace ");
    assertThat(out.resolve("demo.db")).exists();
    try (var files = Files.list(out.resolve("afero-asr").resolve("files"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anySatisfy(name -> assertThat(name).startsWith("01_").endsWith(".afero"));
    }
    for (Path config : Files.newDirectoryStream(out.resolve("afero-asr"), "station-config-*")) {
      assertThat(Files.readString(config).lines().filter(l -> !l.strip().startsWith("#")))
          .noneMatch(l -> l.contains("CHANGE_ME"));
    }
  }
}
