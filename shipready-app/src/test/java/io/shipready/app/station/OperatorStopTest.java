package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.store.StationAction;
import io.shipready.store.Store;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station with no engineer PIN set is still stopped from its page: by the operator, whose name
 * and time go into the record. Real HTTP on loopback, a real SQLite store.
 */
// A guard against a hung station, not a speed check.
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class OperatorStopTest {
  @TempDir Path folder;

  @Test
  void withoutAPinTheOperatorStopsARunAndTheStationAndBothAreRecorded() throws Exception {
    assumeTrue(
        System.getenv(EngineerPinCheck.ENVIRONMENT) == null,
        EngineerPinCheck.ENVIRONMENT + " is set for the tests: this test needs a station without");
    Path config = RunningStation.configWithoutPin(folder);
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.OPERATOR_RECIPE);
    Instant before = Instant.now();
    try (RunningStation station =
        RunningStation.start(
            folder,
            config,
            "--recipe",
            recipe.toString(),
            "--simulate",
            "1",
            "--slots",
            "1",
            "--scan-at-station")) {
      assertThat(station.output()).contains("no engineer PIN is set").contains("operators stop");
      JsonNode state = station.state();
      assertThat(state.get("station").get("engineerPin").asBoolean()).isFalse();
      // The unit waits for its scan: a run in progress to stop.
      station.awaitState(
          "a scan question in slot 1",
          s -> {
            JsonNode prompt = station.tile(s, "1").get("prompt");
            return prompt != null && !prompt.isNull();
          });

      HttpResponse<String> stop = station.post("api/slots/1/stop", Map.of("user", "li.wei"));
      assertThat(stop.statusCode()).as(stop.body()).isEqualTo(200);
      JsonNode aborted =
          station.awaitState(
              "the run in slot 1 aborted",
              s -> station.tile(s, "1").get("outcome").asText().equals("ABORTED"));
      assertThat(station.tile(aborted, "1").get("message").asText())
          .contains("stopped by li.wei (operator)");

      HttpResponse<String> stopStation = station.post("api/station/stop", Map.of("user", "li.wei"));
      assertThat(stopStation.statusCode()).as(stopStation.body()).isEqualTo(200);
      assertThat(station.exitCode()).isZero();
    }
    try (Store store = Store.open(folder.resolve("station.db").toString())) {
      List<StationAction> stops =
          store.actions(RunningStation.STATION).stream()
              .filter(a -> a.action().startsWith("stop"))
              .toList();
      assertThat(stops)
          .extracting(a -> a.user() + " " + a.role() + " " + a.action() + " " + a.allowed())
          .containsExactly("li.wei operator stop true", "li.wei operator stop station true");
      assertThat(stops)
          .allSatisfy(
              a -> assertThat(a.at()).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now()));
      assertThat(stops.get(0).slot()).isEqualTo("1");
    }
  }
}
