package io.shipready.app.cli;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What {@code shipready recipe check} found in one file.
 *
 * @param checkedAs what the file was taken for and checked as: "recipe", "station config"...
 * @param summary what it holds, shown when it is fine
 * @param problems each problem as {@code file:line:column: what (fix)}; empty when it is fine
 */
record CheckedFile(String checkedAs, String summary, List<String> problems) {
  CheckedFile {
    requireNonNull(checkedAs, "checkedAs");
    requireNonNull(summary, "summary");
    problems = List.copyOf(problems);
  }

  static CheckedFile ok(String checkedAs, String summary) {
    return new CheckedFile(checkedAs, summary, List.of());
  }

  static CheckedFile refused(String checkedAs, List<String> problems) {
    return new CheckedFile(checkedAs, "", problems);
  }
}
