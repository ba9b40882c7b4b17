package io.shipready.output.factoryfile;

/**
 * A factory file that cannot be taken in: the line at fault, the field when one is, and why. Lines
 * count from 1, the header row included.
 */
public class FactoryFileLineException extends FactoryFileException {
  private final int line;
  private final String field;

  /**
   * @param field the column at fault as the header names it, or null when the fault is the line's
   *     shape rather than one field
   */
  public FactoryFileLineException(int line, String field, String reason) {
    super("line " + line + (field == null ? "" : ", field " + field) + ": " + reason);
    this.line = line;
    this.field = field;
  }

  public int line() {
    return line;
  }

  /** The column at fault, or null. */
  public String field() {
    return field;
  }
}
