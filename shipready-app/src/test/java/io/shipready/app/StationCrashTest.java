package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shipready.store.ExportFormat;
import io.shipready.store.Store;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real station process (SIGKILL, no chance to clean up) at random moments of a 24-unit run,
 * twenty times over one database, and checks after each kill that no unit was shown PASS without
 * its complete record, that the runs left open are closed as ABORTED with a reason on the next
 * start, and that the database is intact.
 */
class StationCrashTest {
  private static final Path SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml");
  private static final Pattern RECORDED_PASS =
      Pattern.compile("unit (\\d+) PASS \\(recorded\\) run ([0-9a-f-]{36})");
  private static final int SAMPLE_STEPS = 11;
  private static final int SAMPLE_MEASUREMENTS = 3;

  @Test
  void aKilledStationNeverShowsPassWithoutTheRecordAndAbortsWhatWasOpen(@TempDir Path dir)
      throws Exception {
    long seed = Long.getLong("shipready.crash.seed", System.nanoTime());
    System.out.println("crash test seed " + seed + " (-Dshipready.crash.seed to repeat)");
    Random random = new Random(seed);
    Path db = dir.resolve("station.db");
    int passesChecked = 0;
    int abortedSeen = 0;
    for (int round = 1; round <= 20; round++) {
      Path log = dir.resolve("round-" + round + ".log");
      Process station = startStation(db, round, log);
      // Mostly in the middle of the batch, timed from the first step the station shows (a busy
      // machine may take many seconds to start one); now and then while it is still starting.
      boolean duringStartUp = random.nextInt(5) == 0;
      if (!duringStartUp) {
        awaitFirstStep(station, log);
      }
      long killAfter = duringStartUp ? 300 + random.nextInt(1500) : random.nextInt(2500);
      boolean ended = station.waitFor(killAfter, TimeUnit.MILLISECONDS);
      if (!ended) {
        station.destroyForcibly();
        station.waitFor(10, TimeUnit.SECONDS);
      }

      Map<String, String> shownPass = shownPass(Files.readString(log));
      try (Store store = Store.open(db.toString())) {
        assertThat(store.checkIntegrity()).as("round %d", round).isEqualTo("ok");
        Map<String, JsonNode> runs = storedRuns(store);
        for (String runId : shownPass.keySet()) {
          JsonNode run = runs.get(runId);
          assertThat(run).as("round %d: run %s was shown PASS", round, runId).isNotNull();
          assertThat(run.get("outcome").asText()).isEqualTo("PASS");
          assertComplete(run);
          passesChecked++;
        }
        // What the station does when it starts again.
        var aborted = store.closeOpenRuns("crash-test", "station killed during the run");
        for (var run : aborted) {
          assertThat(shownPass).doesNotContainKey(run.runId());
        }
        abortedSeen += aborted.size();
        assertThat(store.closeOpenRuns("crash-test", "again")).isEmpty();
        for (JsonNode run : storedRuns(store).values()) {
          assertThat(run.get("outcome").isNull()).as("run left open").isFalse();
        }
      }
    }
    System.out.printf(
        "crash test: %d PASS shown and checked, %d open runs aborted on restart%n",
        passesChecked, abortedSeen);
    // Twenty kills spread over the run must have caught units both finished and in progress.
    assertThat(passesChecked).isPositive();
    assertThat(abortedSeen).isPositive();
  }

  /** Waits until the station shows its first step (or ends), at most a minute. */
  private static void awaitFirstStep(Process station, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (station.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(log)
          && new String(Files.readAllBytes(log), java.nio.charset.StandardCharsets.UTF_8)
              .contains("[slot ")) {
        return;
      }
      Thread.sleep(20);
    }
  }

  @Test
  void theNextStartListsTheRunsItClosed(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("station.db");
    Process station = startStation(db, 1, dir.resolve("first.log"));
    Thread.sleep(1_500);
    station.destroyForcibly();
    station.waitFor(10, TimeUnit.SECONDS);

    Path log = dir.resolve("second.log");
    Process restart = startStation(db, 2, log);
    assertThat(restart.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String output = Files.readString(log);
    assertThat(restart.exitValue()).as(output).isZero();
    try (Store store = Store.open(db.toString())) {
      assertThat(store.closeOpenRuns("crash-test", "again")).isEmpty();
    }
    assertThat(output).containsPattern("ABORTED|no runs were left open");
  }

  private static Process startStation(Path db, int seed, Path log) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(
        List.of(
            "run",
            "--recipe",
            SAMPLE.toString(),
            "--simulate",
            "24",
            "--seed",
            Integer.toString(seed),
            "--fail-rate",
            "0.1",
            "--time-scale",
            "0.05",
            "--db",
            db.toString(),
            "--station",
            "crash-test",
            "--lines"));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /** run id -> unit number, for every "PASS (recorded)" line the station printed. */
  private static Map<String, String> shownPass(String output) {
    Map<String, String> shown = new HashMap<>();
    Matcher matcher = RECORDED_PASS.matcher(output);
    while (matcher.find()) {
      shown.put(matcher.group(2), matcher.group(1));
    }
    return shown;
  }

  private static Map<String, JsonNode> storedRuns(Store store) throws Exception {
    StringWriter json = new StringWriter();
    store.export(null, ExportFormat.JSON, json);
    Map<String, JsonNode> runs = new HashMap<>();
    for (JsonNode run : new ObjectMapper().readTree(json.toString())) {
      runs.put(run.get("run_id").asText(), run);
    }
    return runs;
  }

  private static void assertComplete(JsonNode run) {
    List<String> passedSteps = new ArrayList<>();
    int measurements = 0;
    for (JsonNode step : run.get("steps")) {
      if (step.get("outcome").asText().equals("PASS")) {
        passedSteps.add(step.get("step_id").asText());
      }
      measurements += step.get("measurements").size();
    }
    assertThat(passedSteps).as("passed steps of %s", run.get("run_id")).hasSize(SAMPLE_STEPS);
    assertThat(measurements).isGreaterThanOrEqualTo(SAMPLE_MEASUREMENTS);
  }
}
