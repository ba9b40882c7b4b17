package io.shipready.core.recipe;

import io.shipready.core.ShipreadyException;
import java.util.List;
import java.util.stream.Collectors;

/** A recipe that cannot be run, with every problem found in it (not just the first). */
public class RecipeException extends ShipreadyException {
  private final List<RecipeProblem> problems;

  public RecipeException(List<RecipeProblem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<RecipeProblem> problems() {
    return problems;
  }

  private static String summary(List<RecipeProblem> problems) {
    return problems.size()
        + (problems.size() == 1 ? " problem" : " problems")
        + " in recipe:\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
