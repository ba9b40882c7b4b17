package io.shipready.output.factoryfile;

import io.shipready.core.ShipreadyException;

/** A factory file could not be written, opened or named; the message says which and what to do. */
public class FactoryFileException extends ShipreadyException {
  public FactoryFileException(String message) {
    super(message);
  }

  public FactoryFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
