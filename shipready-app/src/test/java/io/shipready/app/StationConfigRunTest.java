package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationConfigRunTest {
  private static final Path LINES = Path.of("..", "lines");
  private static final String SAMPLE = LINES.resolve("sample/recipe.yaml").toString();

  @Test
  void aConfigWithChangeMeLeftStopsTheStationBeforeAnyUnit(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("station.db");

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            "2",
            "--db",
            db.toString(),
            "--config",
            LINES.resolve("afero-asr/station-config.template.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("station-config.template.yaml:8:")
        .contains("stationId is still CHANGE_ME")
        .contains("partNo is still CHANGE_ME");
    assertThat(run.out()).doesNotContain("unit 1");
    assertThat(db).doesNotExist();
  }

  @Test
  void aFilledConfigNamesTheStationInTheRecords(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("station-config.yaml");
    Files.writeString(
        config,
        """
        stationId: PROG-07
        computerName: "Linie 3 – Prüfplatz"
        programmerName: acme-tracker
        timeZone: Europe/Berlin
        outputFolder: out
        archiveFolder: archive
        partNo: 100-0012-01
        manufacturer: Acme Electronics
        factory: Shenzhen-2
        hwVersion: "1.2"
        """);
    Path db = dir.resolve("station.db");

    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            "1",
            "--time-scale",
            "0.01",
            "--db",
            db.toString(),
            "--config",
            config.toString(),
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();

    CommandLineRun export = CommandLineRun.of("export", "--format", "json", "--db", db.toString());
    assertThat(new ObjectMapper().readTree(export.out()).get(0).get("station_id").asText())
        .isEqualTo("PROG-07");
  }
}
