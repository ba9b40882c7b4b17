package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.shipready.core.steps.StandardSteps;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Mistakes that used to pass the checker and only showed on the line, if at all. */
class RecipeRefusalsTest {
  private static final Set<String> FAMILIES = Set.of("afero-asr", "azure-sphere", "particle");

  private static List<RecipeProblem> problems(String family, String steps) {
    return new RecipeParser(StandardSteps.library(), FAMILIES)
        .check(
            "refused.yaml",
            """
            recipe: refused
            version: "1"
            station:
              device_family: %s
            steps:
              - id: identify
                kind: identify
            """
                    .formatted(family)
                + steps);
  }

  private static List<RecipeProblem> problems(String steps) {
    return problems("particle", steps);
  }

  @Test
  void aPinnedHashThatIsNotASha256IsRefusedWhereItIsWritten() {
    List<RecipeProblem> problems =
        problems(
            """
              - id: flash_app
                kind: flash
                with: {image: images/app.bin, region: app, sha256: 06547a59a5ad}
            """);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location().line()).isEqualTo(10);
    assertThat(problems.get(0).message()).contains("'sha256'").contains("64 hexadecimal digits");
    assertThat(problems.get(0).fix()).contains("sha256sum");
  }

  @Test
  void aPatternParameterThatDoesNotCompileIsRefused() {
    List<RecipeProblem> problems =
        problems(
            """
              - id: scan_serial
                kind: scan
                with: {pattern: "P0[0-9A-Z{11}"}
              - id: hello
                kind: console
                with: {send: hello, expect: "(ok"}
            """);

    assertThat(problems).extracting(p -> p.location().line()).containsExactly(10, 13);
    assertThat(problems)
        .allSatisfy(p -> assertThat(p.message()).contains("is not a valid regular expression"));
  }

  @Test
  void anUnknownDeviceFamilyIsRefusedWithTheKnownOnes() {
    List<RecipeProblem> problems = problems("particel", "");

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).location().line()).isEqualTo(4);
    assertThat(problems.get(0).message()).isEqualTo("unknown device family 'particel'");
    assertThat(problems.get(0).fix()).contains("did you mean 'particle'?").contains("azure-sphere");
  }

  @Test
  void aLimitThatNothingCanEqualIsRefused() {
    List<RecipeProblem> problems =
        problems(
            """
              - id: power
                kind: measure
                measurements:
                  - {name: vdd, equals: .nan}
                  - {name: mode, one_of: [1, .inf]}
                  - {name: text_nan, equals: ".nan"}
            """);

    assertThat(problems).extracting(p -> p.location().line()).containsExactly(11, 12);
    assertThat(problems.get(0).message()).contains("'equals'").contains("finite");
  }

  @Test
  void unknownYamlTagsAreRefusedAndTheRestIsStillChecked() {
    List<RecipeProblem> problems =
        problems(
            """
              - id: power
                kind: measure
                measurements:
                  - {name: vdd, equals: !volts 3}
                  - {name: blob, equals: !!binary aGVsbG8=}
                  - {name: quoted, equals: "!not_a_tag"}
              - id: wait
                kind: wait
                with: {duration: !seconds 2}
            """);

    assertThat(problems)
        .extracting(RecipeProblem::message)
        .containsExactly(
            "unknown YAML tag '!volts'",
            "unknown YAML tag '!!binary'",
            "unknown YAML tag '!seconds'");
    assertThat(problems).extracting(p -> p.location().line()).containsExactly(11, 12, 16);
  }
}
