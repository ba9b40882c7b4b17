package io.shipready.store;

/**
 * A run's record could not be stored. The run's outcome must not be shown as final: the unit has to
 * be run again once the store is fixed.
 */
public class RecordNotStoredException extends StoreException {
  public RecordNotStoredException(String message, Throwable cause) {
    super(message, cause);
  }
}
