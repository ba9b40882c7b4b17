package io.shipready.core.device;

/** Programming an image failed or its read-back did not match: the unit fails. */
public class FlashFailedException extends DeviceException {
  public FlashFailedException(String message) {
    super(message, true);
  }
}
