package io.shipready.app.check;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.Device;
import io.shipready.device.tools.ToolLocator;
import io.shipready.device.tools.ToolMissingException;
import io.shipready.device.tools.ToolRunner;
import io.shipready.device.tools.azsphere.AzsphereCli;
import io.shipready.device.tools.azsphere.AzsphereDevice;
import io.shipready.device.tools.azsphere.AzsphereSettings;

/**
 * Real Azure Sphere devices, reached through the vendor's {@code azsphere} command line (found on
 * the PATH or through {@code SHIPREADY_TOOL_AZSPHERE}); every command names the device.
 */
public final class AzsphereDevices implements SphereDevices {
  private final ToolLocator locator;

  public AzsphereDevices() {
    this(ToolLocator.fromEnvironment());
  }

  AzsphereDevices(ToolLocator locator) {
    this.locator = requireNonNull(locator, "locator");
  }

  @Override
  public Device open(String address) {
    requireNonNull(address, "address");
    try {
      return AzsphereDevice.attach(
          new AzsphereCli(new ToolRunner(locator), AzsphereSettings.DEFAULTS), "check", address);
    } catch (ToolMissingException e) {
      throw new ShipreadyException(
          "cannot reach the device at "
              + address
              + ": "
              + e.getMessage()
              + "; or check a simulated unit with --simulate",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShipreadyException("interrupted while looking for the device at " + address, e);
    }
  }
}
