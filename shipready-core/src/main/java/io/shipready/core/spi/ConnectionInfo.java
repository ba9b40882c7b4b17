package io.shipready.core.spi;

/**
 * How the station reaches the device: the connection path (USB location, survives a reboot) and the
 * current IP address (may change after a reboot).
 */
public interface ConnectionInfo extends Capability {
  String connectionPath();

  String ipAddress();
}
