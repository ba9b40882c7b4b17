package io.shipready.output.label;

import io.shipready.core.ShipreadyException;

/** The root of every label error: a bad template, a unit that cannot be labelled, a printer. */
public class LabelException extends ShipreadyException {
  public LabelException(String message) {
    super(message);
  }

  public LabelException(String message, Throwable cause) {
    super(message, cause);
  }
}
