package io.shipready.device.gdb;

import io.shipready.core.device.DeviceException;

/**
 * The GDB server (a probe server or an emulator's stub) could not be reached, broke the protocol or
 * refused a request. It says nothing about the unit itself, so a step that meets it is an ERROR,
 * not a FAIL. Messages name the server's host:port.
 */
public class GdbRemoteException extends DeviceException {
  public GdbRemoteException(String message) {
    super(message, false);
  }

  public GdbRemoteException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
