package io.shipready.app.station;

import io.shipready.core.ShipreadyException;

/** An action on the station page that cannot be done, with the HTTP status that says why. */
public final class ActionRefusedException extends ShipreadyException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ActionRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
