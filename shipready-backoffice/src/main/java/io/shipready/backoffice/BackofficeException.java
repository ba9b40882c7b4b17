package io.shipready.backoffice;

import io.shipready.core.ShipreadyException;

/** The back office cannot do what was asked; the message says what and how to fix it. */
public class BackofficeException extends ShipreadyException {
  public BackofficeException(String message) {
    super(message);
  }

  public BackofficeException(String message, Throwable cause) {
    super(message, cause);
  }
}
