package io.shipready.backoffice.provisioning.client;

import io.shipready.core.ShipreadyException;

/** The input of a provisioning run is unusable (CSV, options, token): nothing was sent. */
public class ProvisionInputException extends ShipreadyException {
  public ProvisionInputException(String message) {
    super(message);
  }

  public ProvisionInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
