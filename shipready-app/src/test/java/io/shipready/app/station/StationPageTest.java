package io.shipready.app.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.shipready.store.StationAction;
import io.shipready.store.Store;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station page's server, over real HTTP, with simulated units and a real SQLite store. */
// A guard against a hung stream read, not a speed check.
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class StationPageTest {
  @TempDir Path folder;

  @Test
  void eightSimulatedUnitsRunAndTheFiguresCountThem() throws Exception {
    try (RunningStation station =
        RunningStation.start(
            folder,
            "--recipe",
            RunningStation.SAMPLE,
            "--simulate",
            "8",
            "--seed",
            "7",
            "--fail-rate",
            "0.3",
            "--time-scale",
            "0.01")) {
      JsonNode state =
          station.awaitState(
              "8 runs recorded",
              s ->
                  s.get("figures").get("runs").asInt() == 8
                      && countRecorded(s) == Math.min(8, s.get("slots").size()));

      JsonNode figures = state.get("figures");
      assertThat(figures.get("units").asInt()).isEqualTo(8);
      int failed = figures.get("fail").asInt() + figures.get("error").asInt();
      assertThat(figures.get("pass").asInt() + failed).isEqualTo(8);
      assertThat(figures.get("firstPassYield").asDouble())
          .isEqualTo(figures.get("pass").asInt() / 8.0);
      assertThat(figures.get("measurements").get("supply_voltage").get("count").asInt())
          .isEqualTo(8);
      assertThat(figures.get("measurements").get("supply_voltage").get("low").asDouble())
          .isEqualTo(3.2);
      int paretoTotal = 0;
      for (JsonNode row : figures.get("pareto")) {
        paretoTotal += row.get("count").asInt();
      }
      assertThat(paretoTotal).isEqualTo(failed);
      for (JsonNode tile : state.get("slots")) {
        assertThat(tile.get("durable").asBoolean()).isTrue();
        if (!tile.get("outcome").asText().equals("PASS")) {
          assertThat(tile.get("failedStep").asText()).isNotEmpty();
        }
      }
      assertThat(station.stopAsEngineer()).isZero();
      assertThat(station.output()).contains("8 unit");
    }
  }

  @Test
  void aNewPageGetsASnapshotThenCoalescedSlotUpdates() throws Exception {
    try (RunningStation station =
        RunningStation.start(
            folder, "--recipe", RunningStation.SAMPLE, "--simulate", "4", "--time-scale", "0.01")) {
      HttpResponse<java.io.InputStream> stream =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(station.url + "events"))
                      .header("Accept", "text/event-stream")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      assertThat(stream.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        String first = readEvent(lines);
        assertThat(first).startsWith("event: snapshot").contains("\"station\":\"PAGE-01\"");
        station.awaitState("4 runs", s -> s.get("figures").get("runs").asInt() == 4);
        // A change after the snapshot arrives as a slot update.
        assertThat(station.post("api/slots/2/start", Map.of("user", "li.wei")).statusCode())
            .isEqualTo(200);
        String next = readEvent(lines);
        while (!next.startsWith("event: slots")) {
          next = readEvent(lines);
        }
        assertThat(next).contains("\"slot\":\"2\"");
      }
      station.awaitState("5 runs", s -> s.get("figures").get("runs").asInt() == 5);
      JsonNode stats =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(station.get("api/stats").body());
      // Many events, far fewer tile updates sent: changes between two pushes are merged.
      assertThat(stats.get("slotUpdates").asLong()).isLessThan(stats.get("changesSeen").asLong());
    }
  }

  @Test
  void theOperatorScansAnswersAndRetestsAndTheEngineerNeedsThePin() throws Exception {
    Path recipe = RunningStation.write(folder, "recipe.yaml", RunningStation.OPERATOR_RECIPE);
    try (RunningStation station =
        RunningStation.start(
            folder,
            "--recipe",
            recipe.toString(),
            "--simulate",
            "1",
            "--slots",
            "1",
            "--scan-at-station")) {
      // The unit waits for its serial to be scanned.
      JsonNode scan = awaitPrompt(station, "SCAN");
      assertThat(scan.get("message").asText()).isEqualTo("Scan the serial sticker");
      assertThat(
              station
                  .post("api/scan", Map.of("user", "li.wei", "code", "P0ABCDEFGHIJK"))
                  .statusCode())
          .isEqualTo(200);

      // Then asks about the LED; "no" fails the unit at that step.
      JsonNode confirm = awaitPrompt(station, "CONFIRM");
      assertThat(
              station
                  .post(
                      "api/prompts/" + confirm.get("id").asLong() + "/answer",
                      Map.of("user", "li.wei", "answer", "no"))
                  .statusCode())
          .isEqualTo(200);
      JsonNode failed = awaitOutcome(station, "FAIL");
      assertThat(failed.get("failedStep").asText()).isEqualTo("check_led");
      assertThat(failed.get("serial").asText()).isEqualTo("P0ABCDEFGHIJK");

      // An action that is not JSON (as a form on another site would send) is refused.
      HttpResponse<String> form =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(station.url + "api/slots/1/start"))
                      .header("Content-Type", "text/plain")
                      .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"x\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(form.statusCode()).isEqualTo(415);

      // A scan nobody waits for is refused and says so.
      HttpResponse<String> stray =
          station.post("api/scan", Map.of("user", "li.wei", "code", "P0STRAY000000"));
      assertThat(stray.statusCode()).isEqualTo(409);
      assertThat(stray.body()).contains("no slot is waiting for a scan");

      // Retest the same unit: it passes this time.
      assertThat(station.post("api/slots/1/retest", Map.of("user", "li.wei")).statusCode())
          .isEqualTo(200);
      awaitPrompt(station, "SCAN");
      station.post("api/scan", Map.of("user", "li.wei", "code", "P0ABCDEFGHIJK"));
      JsonNode again = awaitPrompt(station, "CONFIRM");
      station.post(
          "api/prompts/" + again.get("id").asLong() + "/answer",
          Map.of("user", "li.wei", "answer", "yes"));
      JsonNode passed = awaitOutcome(station, "PASS");
      assertThat(passed.get("unit").asInt()).isEqualTo(1);
      JsonNode figures = station.state().get("figures");
      assertThat(figures.get("units").asInt()).isEqualTo(1);
      assertThat(figures.get("runs").asInt()).isEqualTo(2);
      assertThat(figures.get("firstPassYield").asDouble()).isZero();

      // A new unit; stopping it needs the engineer PIN.
      assertThat(station.post("api/slots/1/start", Map.of("user", "li.wei")).statusCode())
          .isEqualTo(200);
      awaitPrompt(station, "SCAN");
      HttpResponse<String> wrong =
          station.post("api/slots/1/stop", Map.of("user", "li.wei", "pin", "1111"));
      assertThat(wrong.statusCode()).isEqualTo(403);
      assertThat(wrong.body()).contains("wrong engineer PIN").doesNotContain(RunningStation.PIN);
      assertThat(
              station
                  .post("api/slots/1/stop", Map.of("user", "eng.ana", "pin", RunningStation.PIN))
                  .statusCode())
          .isEqualTo(200);
      JsonNode aborted = awaitOutcome(station, "ABORTED");
      assertThat(aborted.get("message").asText()).contains("stopped by eng.ana (engineer)");

      assertThat(station.stopAsEngineer()).isZero();
    }
    try (Store store = Store.open(folder.resolve("station.db").toString())) {
      List<String> actions =
          store.actions(RunningStation.STATION).stream()
              .map(
                  a ->
                      a.user()
                          + " "
                          + a.role()
                          + " "
                          + a.action()
                          + (a.allowed() ? "" : " REFUSED"))
              .toList();
      assertThat(actions)
          .containsSubsequence(
              "li.wei operator scan",
              "li.wei operator answer",
              "li.wei operator scan REFUSED",
              "li.wei operator retest",
              "li.wei operator start",
              "li.wei engineer stop REFUSED",
              "eng.ana engineer stop",
              "eng.ana engineer stop station");
      assertThat(store.actions(RunningStation.STATION))
          .extracting(StationAction::detail)
          .noneMatch(detail -> detail.contains(RunningStation.PIN));
    }
  }

  @Test
  void aMissingSlotsFileIsNamed() {
    var run =
        io.shipready.app.station.Cli.run(
            "station", "--recipe", RunningStation.SAMPLE, "--slots-file", "line.yaml");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("line.yaml");
  }

  @Test
  void withoutAUnitSourceTheUsageSaysWhichToGive() {
    var run = io.shipready.app.station.Cli.run("station", "--recipe", RunningStation.SAMPLE);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--simulate N").contains("--slots-file FILE");
  }

  private static int countRecorded(JsonNode state) {
    int recorded = 0;
    for (JsonNode tile : state.get("slots")) {
      if (!tile.get("outcome").asText().isEmpty() && !tile.get("state").asText().equals("BUSY")) {
        recorded++;
      }
    }
    return recorded;
  }

  private static JsonNode awaitPrompt(RunningStation station, String kind) throws Exception {
    JsonNode state =
        station.awaitState(
            "a " + kind + " question in slot 1",
            s -> {
              JsonNode prompt = station.tile(s, "1").get("prompt");
              return prompt != null && !prompt.isNull() && prompt.get("kind").asText().equals(kind);
            });
    return station.tile(state, "1").get("prompt");
  }

  private static JsonNode awaitOutcome(RunningStation station, String outcome) throws Exception {
    JsonNode state =
        station.awaitState(
            "slot 1 to show " + outcome,
            s -> station.tile(s, "1").get("outcome").asText().equals(outcome));
    return station.tile(state, "1");
  }

  private static String readEvent(BufferedReader lines) throws java.io.IOException {
    StringBuilder event = new StringBuilder();
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isEmpty()) {
        if (event.length() > 0) {
          return event.toString();
        }
        continue;
      }
      if (!line.startsWith(":")) {
        event.append(line).append('\n');
      }
    }
    return event.toString();
  }
}
