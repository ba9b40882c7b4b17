package io.shipready.output.config;

/**
 * The file's text could not be read as YAML or JSON at all; carried to the reader, not thrown out.
 */
final class ConfigSyntaxException extends RuntimeException {
  private final int line;
  private final int column;

  ConfigSyntaxException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }
}
