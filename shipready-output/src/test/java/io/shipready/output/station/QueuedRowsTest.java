package io.shipready.output.station;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.event.Event;
import io.shipready.core.model.Outcome;
import io.shipready.output.config.StationConfig;
import io.shipready.output.factoryfile.TestStations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step's row waits in the queue until its run is recorded: a run that did not pass leaves no row,
 * a passed one leaves exactly one, and the same row given twice is written once.
 */
class QueuedRowsTest {
  @TempDir Path dir;

  @Test
  void aRowReachesTheFileOnlyOnceItsRunPassedAndIsRecorded() throws Exception {
    StationConfig station = TestStations.station(dir);
    try (ConfiguredOutputs outputs = ConfiguredOutputs.open(station, dir, Clock.systemUTC())) {
      outputs.queueRow("run-failed", "provision", "provisioning_queue", unit("P001"));
      outputs.queueRow("run-passed", "provision", "provisioning_queue", unit("P002"));
      assertThat(queueFiles(station)).isEmpty();
      assertThat(queued(station)).hasSize(2);

      outputs.on(recorded("run-failed", Outcome.FAIL));
      assertThat(queueFiles(station)).isEmpty();
      outputs.on(recorded("run-passed", Outcome.PASS));
      Path file = queueFiles(station).get(0);
      assertThat(Files.readAllLines(file)).hasSize(2).last().asString().startsWith("D-P002,");

      // The same row again (a station that stopped between writing and recording it): once.
      outputs.queueRow("run-again", "provision", "provisioning_queue", unit("P002"));
      outputs.on(recorded("run-again", Outcome.PASS));
      assertThat(Files.readAllLines(file)).hasSize(2);
      assertThat(queued(station)).isEmpty();
      assertThat(outputs.rowsSettled().written()).isEqualTo(2);
      assertThat(outputs.rowsSettled().dropped()).isEqualTo(1);
    }
  }

  @Test
  void aRunThatEndedBeforeTheStationsMidnightHasItsRowInThatDaysFile() throws Exception {
    StationConfig station = TestStations.station(dir); // Asia/Shanghai
    // Recorded one second after midnight in Shanghai, the run having ended two seconds before.
    Clock afterMidnight = Clock.fixed(Instant.parse("2025-01-15T16:00:01Z"), ZoneOffset.UTC);
    try (ConfiguredOutputs outputs = ConfiguredOutputs.open(station, dir, afterMidnight)) {
      outputs.queueRow("run-late", "provision", "provisioning_queue", unit("P003"));
      outputs.on(
          new Event.RunFinished(
              "run-late",
              "1",
              1,
              Outcome.PASS,
              "",
              "",
              Duration.ofMinutes(3),
              Instant.parse("2025-01-15T15:59:59Z")));
      outputs.on(recorded("run-late", Outcome.PASS));
    }
    assertThat(queueFiles(station))
        .singleElement()
        .satisfies(file -> assertThat(file.getFileName().toString()).endsWith("_20250115.csv"));
  }

  private static Map<String, String> unit(String serial) {
    return Map.of(
        "device_id",
        "D-" + serial,
        "serial",
        serial,
        "iccid",
        "8901" + serial,
        "product",
        "12345",
        "claim",
        "true",
        "activate_sim",
        "true",
        "name",
        serial);
  }

  private static Event.RunRecorded recorded(String runId, Outcome outcome) {
    return new Event.RunRecorded(runId, "1", 1, outcome, true, Instant.now());
  }

  private static java.util.List<Path> queueFiles(StationConfig station) throws Exception {
    try (Stream<Path> files = Files.list(station.outputFolder())) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("provisioning-queue_"))
          .toList();
    }
  }

  private static java.util.List<Path> queued(StationConfig station) throws Exception {
    Path folder = station.outputFolder().resolve(RowQueue.FOLDER);
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.toList();
    }
  }
}
