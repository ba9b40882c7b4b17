package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  private static final String SAMPLE = Path.of("..", "lines", "sample", "recipe.yaml").toString();

  private static JsonNode runSample(long seed, double failRate) throws Exception {
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            "24",
            "--seed",
            Long.toString(seed),
            "--fail-rate",
            Double.toString(failRate),
            "--time-scale",
            "0.01",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  /** unit number -> "OUTCOME at step: message" for every unit that did not pass. */
  private static Map<Integer, String> failures(JsonNode summary) {
    Map<Integer, String> failures = new TreeMap<>();
    for (JsonNode run : summary.get("runs")) {
      if (!run.get("outcome").asText().equals("PASS")) {
        failures.put(
            run.get("unit").asInt(),
            run.get("outcome").asText() + " at " + run.get("failed_step").asText());
      }
    }
    return failures;
  }

  @Test
  void failuresLandOnTheFaultyUnitsAtTheRightStepAndNowhereElse() throws Exception {
    JsonNode summary = runSample(7, 0.1);

    assertThat(summary.get("units").asInt()).isEqualTo(24);
    Map<Integer, String> planned = new TreeMap<>();
    for (JsonNode fault : summary.get("injected_faults")) {
      planned.put(
          fault.get("unit").asInt(),
          fault.get("expected").asText() + " at " + fault.get("step").asText());
    }
    assertThat(planned).isNotEmpty();
    assertThat(failures(summary)).isEqualTo(planned);
    assertThat(summary.get("faults_astray")).isEmpty();
    for (JsonNode run : summary.get("runs")) {
      if (!run.get("outcome").asText().equals("PASS")) {
        assertThat(run.get("message").asText()).as("unit %s", run.get("unit")).isNotBlank();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameOutcomesAndAnotherSeedOthers() throws Exception {
    JsonNode first = runSample(7, 0.1);
    JsonNode again = runSample(7, 0.1);
    JsonNode other = runSample(8, 0.1);

    assertThat(failures(again)).isEqualTo(failures(first));
    assertThat(identifiers(again)).isEqualTo(identifiers(first));
    assertThat(identifiers(other)).isNotEqualTo(identifiers(first));
  }

  @Test
  void withoutFaultsEveryUnitPasses() throws Exception {
    JsonNode summary = runSample(3, 0);

    assertThat(summary.get("pass").asInt()).isEqualTo(24);
    assertThat(summary.get("first_pass_yield").asDouble()).isEqualTo(1.0);
  }

  private static List<String> identifiers(JsonNode summary) {
    List<String> ids = new ArrayList<>();
    summary.get("runs").forEach(run -> ids.add(run.get("identifiers").toString()));
    return ids;
  }

  @Test
  void theLiveConsoleNamesEachFailureAndTheSummaryCountsThem() {
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            SAMPLE,
            "--simulate",
            "8",
            "--seed",
            "7",
            "--fail-rate",
            "0.5",
            "--time-scale",
            "0.01");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("[slot 1]")
        .contains("scan_serial PASS")
        .contains("first-pass yield")
        .contains("units per hour")
        .contains("each showed at its planned step");
  }

  @Test
  void badUsageExitsTwoWithTheMessageAndWhereTheUsageIs() {
    CommandLineRun run = CommandLineRun.of("run", "--recipe", SAMPLE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("(--simulate=N | --slots-file=FILE)")
        .contains("See 'shipready run --help'.")
        .doesNotContain("Usage:");
  }

  @Test
  void aBrokenRecipeStopsTheStationWithFileLineAndColumn(@TempDir Path dir) throws Exception {
    Path recipe = dir.resolve("broken.yaml");
    Files.writeString(
        recipe,
        """
        recipe: broken
        version: "1"
        station:
          device_family: particle
        steps:
          - id: first
            kind: flsh
        """);

    CommandLineRun run = CommandLineRun.of("run", "--recipe", recipe.toString(), "--simulate", "1");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("broken.yaml:7:").contains("flsh").contains("flash");
    assertThat(run.err()).doesNotContain("Exception");
  }

  @Test
  void recipeCheckReportsEveryProblemWithItsPlace(@TempDir Path dir) throws Exception {
    Path recipe = dir.resolve("two-problems.yaml");
    Files.writeString(
        recipe,
        """
        recipe: two-problems
        version: "1"
        station:
          device_family: particle
          slots: four
        steps:
          - id: power
            kind: measure
            measurements:
              - name: vdd
                units: V
        """);

    CommandLineRun run = CommandLineRun.of("recipe", "check", recipe.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("two-problems.yaml:5:").contains("two-problems.yaml:10:");
    assertThat(run.out()).contains("2 problems");
  }

  @Test
  void theBundledSampleRecipeChecksClean() {
    CommandLineRun run = CommandLineRun.of("recipe", "check", SAMPLE);

    assertThat(run.exitCode()).as(run.out()).isZero();
  }
}
