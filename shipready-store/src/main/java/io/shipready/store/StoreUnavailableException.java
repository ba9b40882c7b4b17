package io.shipready.store;

/**
 * The store could not be opened or reached: a URL that names no database shipready can use, a
 * server that does not answer, a file that cannot be written. The message names the URL (never its
 * password) and what to check.
 */
public class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message) {
    super(message);
  }

  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
