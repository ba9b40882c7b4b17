package io.shipready.core.recipe;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Every problem found while reading one recipe. Reading goes on after a problem, so the author
 * fixes a file in one pass instead of one error per run.
 */
final class Problems {
  private final String source;
  private final List<RecipeProblem> found = new ArrayList<>();

  Problems(String source) {
    this.source = requireNonNull(source, "source");
  }

  String source() {
    return source;
  }

  SourceLocation at(Node node) {
    return node.getStartMark().map(this::at).orElse(new SourceLocation(source, 0, 0));
  }

  SourceLocation at(Mark mark) {
    return new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
  }

  void add(Node node, String message, String fix) {
    add(at(node), message, fix);
  }

  void add(SourceLocation location, String message, String fix) {
    found.add(new RecipeProblem(location, message, fix));
  }

  boolean none() {
    return found.isEmpty();
  }

  /** In file order, which is how an author works through them. */
  List<RecipeProblem> inFileOrder() {
    List<RecipeProblem> sorted = new ArrayList<>(found);
    sorted.sort(
        Comparator.comparingInt((RecipeProblem p) -> p.location().line())
            .thenComparingInt(p -> p.location().column()));
    return List.copyOf(sorted);
  }
}
