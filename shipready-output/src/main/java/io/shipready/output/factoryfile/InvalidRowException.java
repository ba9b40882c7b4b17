package io.shipready.output.factoryfile;

import static java.util.Objects.requireNonNull;

/** A row refused before anything was written: a required field is missing or malformed. */
public class InvalidRowException extends FactoryFileException {
  private final String field;

  public InvalidRowException(String field, String message) {
    super(message);
    this.field = requireNonNull(field, "field");
  }

  /** The field at fault, as the file's header names it. */
  public String field() {
    return field;
  }
}
