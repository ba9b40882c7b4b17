package io.shipready.device.tools;

import io.shipready.core.device.DeviceUnreachableException;

/**
 * A vendor tool did not finish in its time limit and was stopped with everything it started. A tool
 * that hangs almost always waits for a device that does not answer, so this is an ERROR, not a
 * verdict on the unit.
 */
public class ToolTimeoutException extends DeviceUnreachableException {
  public ToolTimeoutException(String message) {
    super(message);
  }
}
