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
import java.util.Map;

/**
 * Real Azure Sphere devices, reached through the vendor's {@code azsphere} command line or the
 * {@code az sphere} extension (found on the PATH or through {@code SHIPREADY_TOOL_AZSPHERE} /
 * {@code SHIPREADY_TOOL_AZ}); every command names the device.
 */
public final class AzsphereDevices implements SphereDevices {
  private final ToolLocator locator;
  private final Map<String, String> environment;
  private final AzsphereSettings settings;

  public AzsphereDevices() {
    this(AzsphereSettings.DEFAULTS);
  }

  public AzsphereDevices(AzsphereSettings settings) {
    this(ToolLocator.fromEnvironment(), Map.of(), settings);
  }

  /** With the tools at these paths and these variables added to their environment. */
  public AzsphereDevices(
      ToolLocator locator, Map<String, String> environment, AzsphereSettings settings) {
    this.locator = requireNonNull(locator, "locator");
    this.environment = Map.copyOf(environment);
    this.settings = requireNonNull(settings, "settings");
  }

  @Override
  public Device open(String address) {
    requireNonNull(address, "address");
    try {
      return AzsphereDevice.attach(
          new AzsphereCli(new ToolRunner(locator).withEnvironment(environment), settings),
          "check",
          address);
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
