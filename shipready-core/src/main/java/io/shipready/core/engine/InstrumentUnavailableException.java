package io.shipready.core.engine;

import io.shipready.core.ShipreadyException;

/**
 * A step could not have its shared instrument: it stayed busy past the step's timeout, or it is out
 * of service because a step holding it hung.
 */
final class InstrumentUnavailableException extends ShipreadyException {
  private final boolean outOfService;

  InstrumentUnavailableException(String message, boolean outOfService) {
    super(message);
    this.outOfService = outOfService;
  }

  /** True when no wait will ever get the instrument: trying again is pointless. */
  boolean outOfService() {
    return outOfService;
  }
}
