package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shipready.core.model.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a recipe is refused: where the problem is reported, what it says, and the fix. */
class RecipeProblemsTest {
  /** Five lines; "steps:" follows on line 6 and the first step on line 7. */
  static final String HEAD =
      """
      recipe: sample
      version: "1.0"
      station:
        device_family: particle
        instruments: [rf_tester]
      """;

  private final RecipeParser parser = new RecipeParser(TestSteps.library());

  private List<RecipeProblem> problems(String yaml) {
    return parser.check("r.yaml", yaml);
  }

  private RecipeProblem onlyProblem(String yaml) {
    List<RecipeProblem> problems = problems(yaml);
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private RecipeProblem onlyProblemInSteps(String steps) {
    return onlyProblem(HEAD + "steps:\n" + steps);
  }

  private static void assertAt(RecipeProblem problem, int line, int column) {
    assertThat(problem.location()).isEqualTo(new SourceLocation("r.yaml", line, column));
  }

  @Test
  void throwsWithEveryProblem() {
    assertThatThrownBy(() -> parser.parse("r.yaml", "recipe: x\n", null))
        .isInstanceOf(RecipeException.class)
        .hasMessageContaining("3 problems in recipe:")
        .hasMessageContaining("r.yaml:1:1: the recipe has no 'version' (add 'version: \"1.0\"')");
  }

  @Test
  void yamlSyntaxError() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: [identify
              - id: flash_app
            """);

    assertAt(problem, 9, 7);
    assertThat(problem.message())
        .isEqualTo(
            "YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence"
                + " started at line 8, column 11)");
    assertThat(problem.fix()).contains("check the indentation, colons and quotes");
  }

  @Test
  void tabIndentation() {
    RecipeProblem problem = onlyProblem("recipe: x\n\tversion: 1\n");

    assertAt(problem, 2, 1);
    assertThat(problem.message()).contains("Do not use \\t(TAB) for indentation");
  }

  @Test
  void emptyFile() {
    RecipeProblem problem = onlyProblem("# nothing yet\n");

    assertAt(problem, 1, 1);
    assertThat(problem.message()).isEqualTo("the recipe is empty");
    assertThat(problem.fix()).contains("'recipe:', 'version:', 'station:' and 'steps:'");
  }

  @Test
  void notAMapping() {
    RecipeProblem problem = onlyProblem("- recipe: sample\n- version: 1\n");

    assertAt(problem, 1, 1);
    assertThat(problem.message())
        .isEqualTo("the recipe must be a mapping of keys to values, not a list");
    assertThat(problem.fix()).startsWith("start the file with 'recipe: <name>'");
  }

  @Test
  void unknownTopLevelKey() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                descripton: a sensor
                steps:
                  - {id: identify, kind: identify}
                """);

    assertAt(problem, 6, 1);
    assertThat(problem.message()).isEqualTo("unknown key 'descripton' in the recipe");
    assertThat(problem.fix())
        .isEqualTo(
            "did you mean 'description'? valid keys: recipe, version, description, station,"
                + " simulation, variants, setup, teardown, steps");
  }

  @Test
  void unknownStepKey() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with: {image: app.bin}
                timout: 30s
            """);

    assertAt(problem, 10, 5);
    assertThat(problem.message()).isEqualTo("unknown key 'timout' in step 'flash_app'");
    assertThat(problem.fix()).startsWith("did you mean 'timeout'? valid keys: id, kind, name,");
  }

  @Test
  void unknownStationKeyWithNothingClose() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: "1.0"
            station:
              device_family: particle
              colour: blue
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 5, 3);
    assertThat(problem.message()).isEqualTo("unknown key 'colour' in station");
    assertThat(problem.fix()).isEqualTo("valid keys: name, device_family, slots, instruments");
  }

  @Test
  void keyWrittenTwice() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with: {image: app.bin}
                kind: identify
            """);

    assertAt(problem, 10, 5);
    assertThat(problem.message()).isEqualTo("key 'kind' appears twice in step 'flash_app'");
    assertThat(problem.fix()).isEqualTo("keep one of them; the other is at r.yaml:8:5");
  }

  @Test
  void missingRequiredKey() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: "1.0"
            station:
              slots: 2
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 4, 3);
    assertThat(problem.message()).isEqualTo("station has no 'device_family'");
    assertThat(problem.fix())
        .isEqualTo("add 'device_family:', the family the steps are written for");
  }

  @Test
  void stepWithoutKind() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
              - id: flash_app
                with: {image: app.bin}
            """);

    assertAt(problem, 9, 5);
    assertThat(problem.message()).isEqualTo("step 'flash_app' has no 'kind'");
    assertThat(problem.fix())
        .isEqualTo(
            "add 'kind:' naming one of: identify, flash, measure, efuse, ready_to_ship, set_state");
  }

  @Test
  void stepWithoutIdIsNamedByItsPlace() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
              - kind: flash
                with: {image: app.bin}
            """);

    assertAt(problem, 9, 5);
    assertThat(problem.message()).isEqualTo("step 2 of steps has no 'id'");
    assertThat(problem.fix()).contains("add 'id: <name>'");
  }

  @Test
  void noSteps() {
    RecipeProblem problem = onlyProblem(HEAD + "steps: []\n");

    assertAt(problem, 6, 8);
    assertThat(problem.message()).isEqualTo("'steps' is empty");
    assertThat(problem.fix()).isEqualTo("add at least one step");
  }

  @Test
  void keyWithoutValue() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                timeout:
            """);

    assertAt(problem, 9, 5);
    assertThat(problem.message()).isEqualTo("'timeout' in step 'identify' has no value");
    assertThat(problem.fix()).isEqualTo("give it a value or remove it");
  }

  @Test
  void slotsNotANumber() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: "1.0"
            station:
              device_family: particle
              slots: four
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 5, 10);
    assertThat(problem.message())
        .isEqualTo("'slots' in station must be a whole number, not 'four'");
    assertThat(problem.fix()).isEqualTo("write a whole number such as 4");
  }

  @Test
  void slotsBelowOne() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: "1.0"
            station: {device_family: particle, slots: 0}
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 3, 43);
    assertThat(problem.message()).isEqualTo("'slots' in station must be 1 or more, not 0");
    assertThat(problem.fix()).contains("e.g. slots: 4");
  }

  @Test
  void timeoutNotADuration() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                timeout: abc
            """);

    assertAt(problem, 9, 14);
    assertThat(problem.message())
        .isEqualTo("'timeout' in step 'identify' must be a duration, not 'abc'");
    assertThat(problem.fix())
        .isEqualTo(
            "write a number with a unit, such as 500ms, 30s, 2m or 1h (a bare number is"
                + " seconds)");
  }

  @Test
  void timeoutOfZero() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                timeout: 0s
            """);

    assertAt(problem, 9, 14);
    assertThat(problem.message()).isEqualTo("'timeout' in step 'identify' must be more than zero");
  }

  @Test
  void rangeBoundNotANumber() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - name: vdd
                    range: {min: low, max: 3.6}
            """);

    assertAt(problem, 11, 22);
    assertThat(problem.message())
        .isEqualTo("'min' in range of measurement 'vdd' must be a number, not 'low'");
    assertThat(problem.fix()).isEqualTo("write a number such as 3.3 or -65");
  }

  @Test
  void mappingWhereASingleValueBelongs() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                name: {text: Identify}
            """);

    assertAt(problem, 9, 11);
    assertThat(problem.message())
        .isEqualTo("'name' in step 'identify' must be a single value, not a mapping");
  }

  @Test
  void listWhereAMappingBelongs() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with: [image, app.bin]
            """);

    assertAt(problem, 9, 11);
    assertThat(problem.message())
        .isEqualTo("'with' in step 'flash_app' must be a mapping of keys to values, not a list");
    assertThat(problem.fix()).isEqualTo("write 'key: value' lines indented under it");
  }

  @Test
  void invalidStepId() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: Identify-Unit
                kind: identify
            """);

    assertAt(problem, 7, 9);
    assertThat(problem.message()).isEqualTo("step id 'Identify-Unit' is not valid");
    assertThat(problem.fix()).contains("lowercase letters, digits and '_'");
  }

  @Test
  void invalidRecipeName() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: Sample Sensor
            version: "1.0"
            station: {device_family: particle}
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 1, 9);
    assertThat(problem.message()).isEqualTo("recipe name 'Sample Sensor' is not valid");
    assertThat(problem.fix()).contains("(e.g. sample-sensor)");
  }

  @Test
  void unknownStepKind() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flsh
            """);

    assertAt(problem, 8, 11);
    assertThat(problem.message()).isEqualTo("unknown step kind 'flsh' in step 'flash_app'");
    assertThat(problem.fix())
        .isEqualTo(
            "did you mean 'flash'? known kinds: identify, flash, measure, efuse, ready_to_ship,"
                + " set_state");
  }

  @Test
  void unknownParameter() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with:
                  image: app.bin
                  verfy: true
            """);

    assertAt(problem, 11, 7);
    assertThat(problem.message())
        .isEqualTo("unknown parameter 'verfy' for kind 'flash' in step 'flash_app'");
    assertThat(problem.fix()).isEqualTo("did you mean 'verify'? flash takes: image, verify");
  }

  @Test
  void parameterOfAKindThatTakesNone() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                with: {image: app.bin}
            """);

    assertAt(problem, 9, 12);
    assertThat(problem.fix()).isEqualTo("kind 'identify' takes no parameters: remove it");
  }

  @Test
  void missingParameter() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with:
                  verify: true
            """);

    assertAt(problem, 10, 7);
    assertThat(problem.message())
        .isEqualTo("step 'flash_app' has no parameter 'image', which kind 'flash' requires");
    assertThat(problem.fix())
        .isEqualTo("add 'image: ...' under 'with:' (the image, relative to the recipe)");
  }

  @Test
  void missingParameterWithoutWith() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
            """);

    assertAt(problem, 7, 5);
    assertThat(problem.message()).contains("has no parameter 'image'");
  }

  @Test
  void mistypedParameters() {
    List<RecipeProblem> problems =
        problems(
            HEAD
                + "steps:\n"
                + """
                  - id: flash_app
                    kind: flash
                    with: {image: [a.bin, b.bin], verify: maybe}
                  - id: measure
                    kind: measure
                    with: {samples: 2.5, scale: high, settle: soon, channels: {a: 1}}
                    measurements: [{name: vdd, range: {min: 3}}]
                """);

    assertThat(problems)
        .extracting(RecipeProblem::toString)
        .containsExactly(
            "r.yaml:9:19: 'image' in the parameters of step 'flash_app' must be a single value,"
                + " not a list (write it on one line after the colon, e.g. name: some text)",
            "r.yaml:9:43: 'verify' in the parameters of step 'flash_app' must be true or false,"
                + " not 'maybe' (write true or false)",
            "r.yaml:12:21: 'samples' in the parameters of step 'measure' must be a whole number,"
                + " not '2.5' (write a whole number such as 4)",
            "r.yaml:12:33: 'scale' in the parameters of step 'measure' must be a number, not"
                + " 'high' (write a number such as 3.3 or -65)",
            "r.yaml:12:47: 'settle' in the parameters of step 'measure' must be a duration, not"
                + " 'soon' (write a number with a unit, such as 500ms, 30s, 2m or 1h (a bare"
                + " number is seconds))",
            "r.yaml:12:63: 'channels' in the parameters of step 'measure' must be a list, not a"
                + " mapping (write [a, b] or one '- item' per line)");
  }

  @Test
  void textParametersAcceptNumbers() {
    assertThat(
            problems(
                HEAD
                    + "steps:\n"
                    + """
                      - {id: flash_app, kind: flash, with: {image: 42}}
                    """))
        .isEmpty();
  }

  @Test
  void parameterValueNotAllowed() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                with: {mode: fsat}
                measurements: [{name: vdd, range: {min: 3}}]
            """);

    assertAt(problem, 9, 18);
    assertThat(problem.message())
        .isEqualTo("'mode' in the parameters of step 'measure' is 'fsat', which is not allowed");
    assertThat(problem.fix()).isEqualTo("did you mean 'fast'? allowed values: fast, precise");
  }

  @Test
  void measurementOnAKindThatTakesNone() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: flash_app
                kind: flash
                with: {image: app.bin}
                measurements:
                  - {name: vdd, range: {min: 3}}
            """);

    assertAt(problem, 10, 5);
    assertThat(problem.message())
        .isEqualTo("kind 'flash' takes no measurements, but step 'flash_app' declares some");
    assertThat(problem.fix())
        .isEqualTo("remove 'measurements:' or use a kind that measures: measure");
  }

  @Test
  void measurementWithoutALimit() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - name: vdd
                    units: V
            """);

    assertAt(problem, 10, 9);
    assertThat(problem.message()).isEqualTo("measurement 'vdd' has no limit");
    assertThat(problem.fix()).startsWith("add at least one of range:, equals:, regex: or one_of:");
  }

  @Test
  void invalidRegex() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - {name: serial, regex: "P[0-9{6}"}
            """);

    assertAt(problem, 10, 31);
    assertThat(problem.message())
        .startsWith(
            "'regex' in measurement 'serial' is not a valid regular expression: Unclosed"
                + " character class");
    assertThat(problem.fix()).startsWith("correct the pattern");
  }

  @Test
  void rangeUpsideDown() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - {name: vdd, range: {min: 3.6, max: 3}}
            """);

    assertAt(problem, 10, 28);
    assertThat(problem.message()).isEqualTo("range of measurement 'vdd' has min 3.6 above max 3");
    assertThat(problem.fix()).isEqualTo("swap them, or correct the one that is wrong");
  }

  @Test
  void rangeWithoutBounds() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - {name: vdd, range: {}}
            """);

    assertAt(problem, 10, 28);
    assertThat(problem.message()).isEqualTo("range of measurement 'vdd' has neither min nor max");
  }

  @Test
  void emptyOneOf() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - {name: band, one_of: []}
            """);

    assertAt(problem, 10, 30);
    assertThat(problem.message()).isEqualTo("'one_of' in measurement 'band' is empty");
  }

  @Test
  void duplicateStepIdAcrossSections() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                setup:
                  run:
                    - {id: identify, kind: identify}
                steps:
                  - id: identify
                    kind: identify
                """);

    assertAt(problem, 10, 9);
    assertThat(problem.message())
        .isEqualTo("step id 'identify' is used twice (first at r.yaml:8:12)");
    assertThat(problem.fix()).contains("give every step its own id");
  }

  @Test
  void duplicateMeasurementName() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                measurements:
                  - {name: vdd, range: {min: 3}}
                  - {name: vdd, range: {max: 4}}
            """);

    assertAt(problem, 11, 9);
    assertThat(problem.message())
        .isEqualTo("measurement name 'vdd' is used twice (first at r.yaml:10:9)");
    assertThat(problem.fix()).startsWith("give every measurement its own name");
  }

  @Test
  void dependsOnUnknownStep() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
              - id: flash_app
                kind: flash
                with: {image: app.bin}
                depends_on: [identfy]
            """);

    assertAt(problem, 12, 18);
    assertThat(problem.message()).isEqualTo("step 'flash_app' depends on unknown step 'identfy'");
    assertThat(problem.fix()).isEqualTo("did you mean 'identify'? steps in steps: identify");
  }

  @Test
  void dependsOnAStepInAnotherSection() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                setup:
                  run:
                    - {id: power_on, kind: flash, with: {image: boot.bin}}
                steps:
                  - id: identify
                    kind: identify
                    depends_on: power_on
                """);

    assertAt(problem, 12, 17);
    assertThat(problem.message())
        .isEqualTo("step 'identify' depends on 'power_on', which is in setup.run, not in steps");
    assertThat(problem.fix()).startsWith("a step may wait only for steps of its own section");
  }

  @Test
  void dependencyCycle() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: a
                kind: flash
                with: {image: a.bin}
                depends_on: [c]
              - id: b
                kind: flash
                with: {image: b.bin}
              - id: c
                kind: flash
                with: {image: c.bin}
            """);

    assertAt(problem, 10, 18);
    assertThat(problem.message())
        .isEqualTo("steps depend on each other in a cycle: a -> c -> b -> a");
    assertThat(problem.fix()).startsWith("remove one of these dependencies");
  }

  @Test
  void stepDependingOnItself() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                depends_on: identify
            """);

    assertAt(problem, 9, 17);
    assertThat(problem.message())
        .isEqualTo("steps depend on each other in a cycle: identify -> identify");
  }

  @Test
  void lockOfAnUndeclaredInstrument() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: measure
                kind: measure
                lock: rf_testr
                measurements: [{name: rssi, range: {min: -70}}]
            """);

    assertAt(problem, 9, 11);
    assertThat(problem.message())
        .isEqualTo("step 'measure' locks 'rf_testr', which is not an instrument of the station");
    assertThat(problem.fix())
        .isEqualTo(
            "did you mean 'rf_tester'? declare it in station.instruments, or use one of:"
                + " rf_tester");
  }

  @Test
  void variantLimitsForAnUnknownMeasurement() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                variants:
                  eu:
                    limits:
                      vd: {range: {min: 3.1}}
                steps:
                  - id: measure
                    kind: measure
                    measurements: [{name: vdd, range: {min: 3}}]
                """);

    assertAt(problem, 9, 7);
    assertThat(problem.message())
        .isEqualTo("variant 'eu' sets limits for unknown measurement 'vd'");
    assertThat(problem.fix()).isEqualTo("did you mean 'vdd'? measurements in steps: vdd");
  }

  @Test
  void variantLimitWithoutAValidator() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                variants:
                  eu:
                    limits:
                      vdd: {}
                steps:
                  - id: measure
                    kind: measure
                    measurements: [{name: vdd, range: {min: 3}}]
                """);

    assertAt(problem, 9, 12);
    assertThat(problem.message()).isEqualTo("measurement 'vdd' in variant 'eu' has no limit");
  }

  @Test
  void badRetry() {
    List<RecipeProblem> problems =
        problems(
            HEAD
                + "steps:\n"
                + """
                  - id: flash_a
                    kind: flash
                    with: {image: a.bin}
                    retry: {count: -1}
                  - id: flash_b
                    kind: flash
                    with: {image: b.bin}
                    retry: {count: 1, on: [fial]}
                  - id: flash_c
                    kind: flash
                    with: {image: c.bin}
                    retry: {delay: 1s}
                """);

    assertThat(problems)
        .extracting(RecipeProblem::toString)
        .containsExactly(
            "r.yaml:10:20: 'count' in retry of step 'flash_a' must be 0 or more (write how many"
                + " times to try again, e.g. 2)",
            "r.yaml:14:27: 'on' in retry of step 'flash_b' names 'fial', which is not an ending"
                + " of a step (did you mean 'fail'? endings: fail, error, timeout)",
            "r.yaml:18:12: retry of step 'flash_c' has no 'count' (add 'count: <n>', how many"
                + " times to try again)");
  }

  @Test
  void badOnFail() {
    RecipeProblem problem =
        onlyProblemInSteps(
            """
              - id: identify
                kind: identify
                on_fail: skip
            """);

    assertAt(problem, 9, 14);
    assertThat(problem.message()).isEqualTo("'on_fail' in step 'identify' is 'skip'");
    assertThat(problem.fix()).isEqualTo("write one of: stop, continue");
  }

  @Test
  void reportsEveryProblemInFileOrder() {
    List<RecipeProblem> problems =
        problems(
            """
            recipe: sample
            version: "1.0"
            station:
              device_family: particle
              slots: four
            steps:
              - id: identify
                kind: identfy
              - id: flash_app
                kind: flash
                timout: 30s
              - id: measure
                kind: measure
                measurements:
                  - name: vdd
                    range: {min: low}
            """);

    assertThat(problems)
        .extracting(p -> p.location().line() + ":" + p.location().column() + " " + p.message())
        .containsExactly(
            "5:10 'slots' in station must be a whole number, not 'four'",
            "8:11 unknown step kind 'identfy' in step 'identify'",
            "9:5 step 'flash_app' has no parameter 'image', which kind 'flash' requires",
            "11:5 unknown key 'timout' in step 'flash_app'",
            "16:22 'min' in range of measurement 'vdd' must be a number, not 'low'");
  }

  @Test
  void versionThatIsNeitherTextNorANumber() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: true
            station: {device_family: particle}
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 2, 10);
    assertThat(problem.message())
        .isEqualTo("'version' in the recipe must be text or a number, not 'true'");
    assertThat(problem.fix()).isEqualTo("write the version in quotes, e.g. version: \"1.0\"");
  }

  @Test
  void instrumentDeclaredTwice() {
    RecipeProblem problem =
        onlyProblem(
            """
            recipe: sample
            version: "1.0"
            station: {device_family: particle, instruments: [rf, rf]}
            steps:
              - {id: identify, kind: identify}
            """);

    assertAt(problem, 3, 49);
    assertThat(problem.message()).isEqualTo("'instruments' in station names an instrument twice");
  }

  @Test
  void simulationSettingWithoutValue() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                simulation:
                  fault_rate:
                steps:
                  - {id: identify, kind: identify}
                """);

    assertAt(problem, 7, 3);
    assertThat(problem.message()).isEqualTo("'fault_rate' in simulation has no value");
  }

  @Test
  void invalidVariantName() {
    RecipeProblem problem =
        onlyProblem(
            HEAD
                + """
                variants:
                  "eu sku":
                    limits:
                      vdd: {range: {min: 3.1}}
                steps:
                  - {id: measure, kind: measure, measurements: [{name: vdd, range: {min: 3}}]}
                """);

    assertAt(problem, 7, 3);
    assertThat(problem.message()).isEqualTo("variant name 'eu sku' is not valid");
  }

  @Test
  void unreadableFile(@TempDir Path folder) {
    Path missing = folder.resolve("missing.yaml");

    assertThatThrownBy(() -> parser.parse(missing))
        .isInstanceOf(RecipeException.class)
        .satisfies(
            thrown -> {
              RecipeProblem problem = ((RecipeException) thrown).problems().get(0);
              assertThat(problem.location())
                  .isEqualTo(new SourceLocation(missing.toString(), 0, 0));
              assertThat(problem.message()).isEqualTo("recipe not found: " + missing);
              assertThat(problem.fix()).isEqualTo("check the path");
            });
  }

  @Test
  void folderGivenAsRecipe(@TempDir Path folder) {
    assertThatThrownBy(() -> parser.parse(folder))
        .isInstanceOf(RecipeException.class)
        .satisfies(
            thrown ->
                assertThat(((RecipeException) thrown).problems().get(0).message())
                    .isEqualTo(
                        folder
                            + " is a folder; give the recipe file (e.g. "
                            + folder.resolve("recipe.yaml")
                            + ")"));
  }

  @Test
  void fileThatIsNotUtf8(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("latin1.yaml");
    Files.write(file, "recipe: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(parser.check(file))
        .extracting(RecipeProblem::message)
        .containsExactly("the recipe is not UTF-8 text");
  }
}
