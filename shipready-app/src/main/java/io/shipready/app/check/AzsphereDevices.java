package io.shipready.app.check;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import io.shipready.core.device.Device;

/**
 * Real Azure Sphere devices, reached through the vendor's {@code azsphere} command-line tool. The
 * driver that speaks to that tool belongs in {@code io.shipready.device.tools}; until it is wired
 * here, asking for a real device says so plainly instead of pretending.
 */
public final class AzsphereDevices implements SphereDevices {

  @Override
  public Device open(String address) {
    requireNonNull(address, "address");
    throw new ShipreadyException(
        "cannot reach the device at "
            + address
            + ": this build has no azsphere driver (io.shipready.device.tools) wired to the"
            + " command line yet; use --simulate to check a simulated unit");
  }
}
