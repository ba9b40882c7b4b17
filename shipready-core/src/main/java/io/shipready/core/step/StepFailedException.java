package io.shipready.core.step;

import io.shipready.core.ShipreadyException;

/** The unit failed a step: a reply did not match, a check said FAIL. */
public class StepFailedException extends ShipreadyException {
  public StepFailedException(String message) {
    super(message);
  }
}
