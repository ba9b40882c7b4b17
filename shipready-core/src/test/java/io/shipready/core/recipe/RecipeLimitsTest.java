package io.shipready.core.recipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recipes at and beyond the limits of what is read: each is refused with file:line:column, or read,
 * without overflowing the stack or running out of memory.
 */
class RecipeLimitsTest {
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private final RecipeParser parser = new RecipeParser(TestSteps.library());

  private static String head() {
    return """
        recipe: limits
        version: "1.0"
        station: {device_family: particle}
        """;
  }

  /** An identification step, then {@code measures} measure steps, each after the one before. */
  private static String chain(int measures, String firstDependsOn) {
    StringBuilder yaml = new StringBuilder(head()).append("steps:\n");
    yaml.append("  - {id: identify, kind: identify")
        .append(firstDependsOn == null ? "" : ", depends_on: [" + firstDependsOn + "]")
        .append("}\n");
    for (int i = 0; i < measures; i++) {
      yaml.append("  - {id: m")
          .append(i)
          .append(", kind: measure, measurements: [{name: v")
          .append(i)
          .append(", range: {min: 3}}]}\n");
    }
    return yaml.toString();
  }

  private List<RecipeProblem> check(String yaml) {
    return assertTimeoutPreemptively(PATIENCE, () -> parser.check("r.yaml", yaml));
  }

  @Test
  void nestingTwoThousandLevelsDeepIsAProblemNotAStackOverflow() {
    String yaml =
        head() + "simulation:\n  deep: " + "[".repeat(2000) + "]".repeat(2000) + "\nsteps: []\n";

    List<RecipeProblem> problems = check(yaml);

    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).toString())
        .startsWith("r.yaml:5:")
        .contains("nested more than 50 levels");
  }

  @Test
  void aRecursiveAliasIsAProblemNotAStackOverflow() {
    String yaml =
        head()
            + """
            simulation:
              loop: &loop [1, *loop]
            steps:
              - {id: identify, kind: identify}
            """;

    List<RecipeProblem> problems = check(yaml);

    assertThat(problems).extracting(RecipeProblem::toString).hasSize(1);
    assertThat(problems.get(0).location().line()).isEqualTo(5);
    assertThat(problems.get(0).location().column()).isEqualTo(19);
    assertThat(problems.get(0).message()).contains("'*loop' is inside the value '&loop'");
  }

  @Test
  void aRecursiveAliasInAStepIsAProblem() {
    String yaml =
        head()
            + """
            steps:
              - {id: identify, kind: identify, with: &w {again: *w}}
            """;

    assertThat(check(yaml)).singleElement().extracting(p -> p.location().line()).isEqualTo(5);
  }

  @Test
  void twentyThousandStepsAreCheckedInLinearTimeAndMemory() {
    List<RecipeProblem> problems = check(chain(19_999, null));

    assertThat(problems).isEmpty();
  }

  @Test
  void aCycleThroughTwentyThousandStepsIsReportedWithoutRecursion() {
    List<RecipeProblem> problems = check(chain(19_999, "m19998"));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.location().line()).isEqualTo(5);
              assertThat(problem.message())
                  .startsWith("steps depend on each other in a cycle: identify -> m19998");
            });
  }

  @Test
  void moreThanTwentyThousandStepsAreRefused() {
    List<RecipeProblem> problems = check(chain(20_000, null));

    assertThat(problems)
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.location().line()).isEqualTo(5);
              assertThat(problem.message())
                  .isEqualTo("steps holds 20001 steps, more than the 20000 allowed");
            });
  }
}
