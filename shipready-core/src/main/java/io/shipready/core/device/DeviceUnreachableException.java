package io.shipready.core.device;

/** The device stopped answering or was unplugged: an ERROR, the unit itself may be fine. */
public class DeviceUnreachableException extends DeviceException {
  public DeviceUnreachableException(String message) {
    super(message, false);
  }
}
