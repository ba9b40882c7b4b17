package io.shipready.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recipe check} refuses what a station would refuse at start, and a line folder's other
 * files are checked with their own readers; {@code run} refuses the same recipes before any unit.
 */
class RecipeCheckCommandTest {
  private static final Path LINES = Path.of("..", "lines");

  /** The first example of docs/recipes.md, whose image and OS list are not beside it. */
  private static final String WITHOUT_ITS_FILES =
      """
      recipe: sample-sensor
      version: "1.0"
      station:
        device_family: particle
        slots: 4
      steps:
        - id: identify
          kind: identify
        - id: flash_app
          kind: flash
          with: {image: images/app.bin, region: app}
          timeout: 30s
          retry: {count: 2, delay: 1s}
        - id: measure_power
          kind: measure
          measurements:
            - {name: vdd, units: V, range: {min: 3.0, max: 3.6}}
      """;

  @Test
  void aRecipeWhoseImageIsMissingIsRefusedWithItsLineStepAndFix(@TempDir Path dir)
      throws IOException {
    Path recipe = dir.resolve("sensor.yaml");
    Files.writeString(recipe, WITHOUT_ITS_FILES);

    CommandLineRun check = CommandLineRun.of("recipe", "check", recipe.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(recipe + ": checked as a recipe: 1 problem")
        .contains(recipe + ":11:")
        .contains("step 'flash_app'")
        .contains("images/app.bin not found")
        .contains("put the approved image there");
  }

  @Test
  void aRunWhoseImageIsMissingIsRefusedAtStartAndRecordsNothing(@TempDir Path dir)
      throws IOException {
    Path recipe = dir.resolve("sensor.yaml");
    Files.writeString(recipe, WITHOUT_ITS_FILES);
    Path db = dir.resolve("records.db");

    CommandLineRun run =
        CommandLineRun.of(
            "run", "--recipe", recipe.toString(), "--simulate", "3", "--db", db.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(recipe + ":11:").contains("step 'flash_app'");
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.out()).doesNotContain("ERROR");
    assertThat(db).as("the records are not even opened").doesNotExist();
  }

  @Test
  void aPinnedHashTheImageDoesNotHaveStopsRunAndCheck(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("images"));
    Files.writeString(dir.resolve("images/app.bin"), "not the approved image");
    Path recipe = dir.resolve("pinned.yaml");
    Files.writeString(
        recipe,
        WITHOUT_ITS_FILES.replace("region: app}", "region: app, sha256: " + "ab".repeat(32) + "}"));

    CommandLineRun check = CommandLineRun.of("recipe", "check", recipe.toString());
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            recipe.toString(),
            "--simulate",
            "1",
            "--db",
            dir.resolve("r.db").toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("pins " + "ab".repeat(32)).contains("not the approved file");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("not the approved file");
  }

  @Test
  void anUnknownFamilyStopsRunAsItFailsCheck(@TempDir Path dir) throws IOException {
    Path recipe = dir.resolve("family.yaml");
    Files.writeString(
        recipe,
        """
        recipe: family
        version: "1"
        station:
          device_family: particel
        steps:
          - id: identify
            kind: identify
        """);

    CommandLineRun check = CommandLineRun.of("recipe", "check", recipe.toString());
    CommandLineRun run =
        CommandLineRun.of(
            "run",
            "--recipe",
            recipe.toString(),
            "--simulate",
            "2",
            "--db",
            dir.resolve("r.db").toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains(recipe + ":4:").contains("unknown device family 'particel'");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown device family 'particel'");
  }

  @Test
  void aStationConfigIsCheckedAsOneAndItsChangeMeRefused(@TempDir Path dir) throws IOException {
    Path config = dir.resolve("station-config.yaml");
    Files.copy(LINES.resolve("sample/station-config.template.yaml"), config);

    CommandLineRun check = CommandLineRun.of("recipe", "check", config.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(config + ": checked as a station config:")
        .containsPattern(
            config.toString().replace("\\", "\\\\") + ":\\d+:\\d+: stationId is still CHANGE_ME")
        .doesNotContain("unknown key 'stationId'");
  }

  @Test
  void everyFileOfTheBundledLinesIsCheckedAsWhatItIs() throws IOException {
    List<String> files;
    try (Stream<Path> all = Files.list(LINES.resolve("azure-sphere"))) {
      files = all.filter(f -> f.toString().endsWith(".yaml")).map(Path::toString).sorted().toList();
    }

    CommandLineRun check =
        CommandLineRun.of(
            Stream.concat(Stream.of("recipe", "check"), files.stream()).toArray(String[]::new));

    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out())
        .contains("line.yaml: ok, line profile (azure-sphere, 3 stations)")
        .contains("stand-in.yaml: ok, stand-in unit template (family azure-sphere")
        .contains("station-config.template.yaml: ok, station config template")
        .contains("programming.yaml: ok, recipe (azure-sphere-programming");
  }

  @Test
  void aBrokenLineProfileIsReportedAsOne(@TempDir Path dir) throws IOException {
    Path line = dir.resolve("line.yaml");
    Files.writeString(line, "line: broken\nstations: []\n");

    CommandLineRun check = CommandLineRun.of("recipe", "check", line.toString());

    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out())
        .contains(line + ": checked as a line profile: 1 problem")
        .contains("'stations' must list the line's stations");
  }
}
