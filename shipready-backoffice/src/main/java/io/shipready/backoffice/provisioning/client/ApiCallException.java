package io.shipready.backoffice.provisioning.client;

import io.shipready.core.ShipreadyException;

/** A request the API refused for good, or that kept failing after every retry. */
public class ApiCallException extends ShipreadyException {
  private final int status;

  public ApiCallException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status, or 0 when there was no answer. */
  public int status() {
    return status;
  }
}
