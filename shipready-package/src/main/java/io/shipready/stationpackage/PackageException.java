package io.shipready.stationpackage;

import io.shipready.core.ShipreadyException;

/**
 * A station package that cannot be built, opened, trusted or installed, or an installed package
 * whose files no longer match what was approved. The message names the file or the cause, and what
 * to do about it.
 */
public class PackageException extends ShipreadyException {
  public PackageException(String message) {
    super(message);
  }

  public PackageException(String message, Throwable cause) {
    super(message, cause);
  }
}
