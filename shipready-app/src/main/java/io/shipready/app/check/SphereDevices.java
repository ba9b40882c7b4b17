package io.shipready.app.check;

import io.shipready.core.spi.Device;

/**
 * Opens the Azure Sphere device a command names, by its IP address or connection path. The station
 * has many devices attached, so a command always names one; this is the one place the command line
 * reaches a device outside a recipe run.
 */
public interface SphereDevices {

  /**
   * The attached device at {@code address} (IP address or connection path).
   *
   * @throws io.shipready.core.ShipreadyException when no device answers there, or the tool that
   *     reaches devices is missing
   */
  Device open(String address);
}
