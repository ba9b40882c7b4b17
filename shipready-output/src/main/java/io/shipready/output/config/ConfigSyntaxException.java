package io.shipready.output.config;

/**
 * The file's text could not be read as YAML or JSON at all; carried to the reader, not thrown out.
 */
final class ConfigSyntaxException extends RuntimeException {
  private final int line;
  private final int column;
  private final String fix;

  ConfigSyntaxException(String message, int line, int column) {
    this(message, line, column, "correct the syntax; the template shows the expected shape");
  }

  ConfigSyntaxException(String message, int line, int column, String fix) {
    super(message);
    this.line = line;
    this.column = column;
    this.fix = fix;
  }

  String fix() {
    return fix;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
