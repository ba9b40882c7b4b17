package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A label template that cannot be used, with every problem found in it (not only the first), each
 * naming the file, the key and what to write instead.
 */
public class LabelTemplateException extends LabelException {
  private final String source;
  private final List<String> problems;

  public LabelTemplateException(String source, List<String> problems) {
    super(summary(requireNonNull(source, "source"), requireNonNull(problems, "problems")));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public LabelTemplateException(String source, String problem) {
    this(source, List.of(problem));
  }

  /** The template's file name. */
  public String source() {
    return source;
  }

  /** Each problem as "key is ...; use ...", without the file name. */
  public List<String> problems() {
    return problems;
  }

  private static String summary(String source, List<String> problems) {
    if (problems.size() == 1) {
      return source + ": " + problems.get(0);
    }
    StringBuilder text = new StringBuilder(source + ": " + problems.size() + " problems");
    for (String problem : problems) {
      text.append("\n  ").append(source).append(": ").append(problem);
    }
    return text.toString();
  }
}
