package io.shipready.device.tools.azsphere;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code azsphere device list-attached}: the chip's device id, the IP address of its
 * interface (may change after a PC reboot) and its connection path (the FTDI location id of the USB
 * port, which survives reboots).
 */
public record AttachedDevice(String deviceId, String ipAddress, String connectionPath) {
  public AttachedDevice {
    requireNonNull(deviceId, "deviceId");
    requireNonNull(ipAddress, "ipAddress");
    requireNonNull(connectionPath, "connectionPath");
  }

  /** True when the slot's target (connection path, IP address or device id) names this device. */
  public boolean matches(String target) {
    return target.equalsIgnoreCase(connectionPath)
        || target.equals(ipAddress)
        || target.equalsIgnoreCase(deviceId);
  }
}
