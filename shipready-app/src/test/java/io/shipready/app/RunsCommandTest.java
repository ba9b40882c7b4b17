package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipready runs}: finding units by what happened to them, on a real simulated shift. */
class RunsCommandTest {
  @TempDir static Path folder;
  private static SampleShift shift;

  @BeforeAll
  static void runAShift() throws Exception {
    shift = SampleShift.run(folder, "RUNS-1", 12, 5);
    assertThat(shift.count("FAIL") + shift.count("ERROR")).as("some units fail").isPositive();
  }

  private static JsonNode runs(String... filters) throws Exception {
    List<String> args = new ArrayList<>(List.of("runs", "--db", shift.db().toString(), "--json"));
    args.addAll(List.of(filters));
    CommandLineRun run = CommandLineRun.of(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  @Test
  void failedListsExactlyTheUnitsThatDidNotPassWithTheirIdentifiers() throws Exception {
    Set<String> expected = new HashSet<>();
    for (JsonNode run : shift.summary().get("runs")) {
      if (!run.get("outcome").asText().equals("PASS")) {
        expected.add(run.get("run_id").asText() + " " + run.get("failed_step").asText());
      }
    }
    JsonNode failed = runs("--failed", "--limit", "100");
    Set<String> listed = new HashSet<>();
    for (JsonNode run : failed) {
      listed.add(run.get("run_id").asText() + " " + run.get("failed_step").asText());
      assertThat(run.get("station_id").asText()).isEqualTo("RUNS-1");
      assertThat(run.get("outcome").asText()).isIn("FAIL", "ERROR", "ABORTED");
    }
    assertThat(listed).isEqualTo(expected);
    // A unit failing after its scan is named by its serial, with its other identifiers.
    assertThat(failed)
        .anySatisfy(
            run -> {
              assertThat(run.get("unit").asText()).startsWith("P0");
              assertThat(run.get("identifiers").size()).isGreaterThan(1);
            });
  }

  @Test
  void stepStationSinceAndLimitNarrowTheList() throws Exception {
    String step = runs("--failed").get(0).get("failed_step").asText();
    JsonNode atStep = runs("--step", step);
    assertThat(atStep).isNotEmpty();
    atStep.forEach(run -> assertThat(run.get("failed_step").asText()).isEqualTo(step));

    assertThat(runs("--limit", "3")).hasSize(3);
    assertThat(runs("--limit", "100")).hasSize(12);
    assertThat(runs("--station", "RUNS-1", "--since", "1h", "--limit", "100")).hasSize(12);
    assertThat(runs("--station", "ANOTHER")).isEmpty();
    assertThat(runs("--since", java.time.Instant.now().toString())).isEmpty();
  }

  @Test
  void theTableShowsWhenWhereHowAndWhoWithATraceHint() {
    CommandLineRun run = CommandLineRun.of("runs", "--db", shift.db().toString(), "--failed");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("started", "station", "outcome", "stopped at", "unit")
        .contains("RUNS-1")
        .contains("shipready trace");
    CommandLineRun none =
        CommandLineRun.of("runs", "--db", shift.db().toString(), "--station", "ANOTHER");
    assertThat(none.out()).contains("no run in").contains("matches");
    CommandLineRun bad = CommandLineRun.of("runs", "--db", shift.db().toString(), "--limit", "0");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--limit must be at least 1");
  }
}
