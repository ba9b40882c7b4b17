package io.shipready.output.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing to fix in a station configuration file.
 *
 * @param file the file as the user named it
 * @param line 1-based line, 0 when the problem is with the file as a whole
 * @param column 1-based column, 0 when unknown
 * @param field the key at fault, or empty when the problem is not one key's
 * @param message what is wrong
 * @param fix what to write instead
 */
public record ConfigProblem(
    String file, int line, int column, String field, String message, String fix) {
  public ConfigProblem {
    requireNonNull(file, "file");
    requireNonNull(field, "field");
    requireNonNull(message, "message");
    requireNonNull(fix, "fix");
  }

  /** Where the problem is, as editors and compilers write it: {@code file:line:column}. */
  public String location() {
    if (line <= 0) {
      return file;
    }
    return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
  }

  @Override
  public String toString() {
    return location() + ": " + message + (fix.isEmpty() ? "" : " -> " + fix);
  }
}
