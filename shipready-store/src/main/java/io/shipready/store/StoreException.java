package io.shipready.store;

import io.shipready.core.ShipreadyException;

/** Something went wrong with the traceability store. Subclasses say what. */
public class StoreException extends ShipreadyException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
