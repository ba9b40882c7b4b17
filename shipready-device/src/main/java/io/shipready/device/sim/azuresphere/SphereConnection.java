package io.shipready.device.sim.azuresphere;

import io.shipready.core.spi.ConnectionInfo;

/**
 * The station's interface to an azure-sphere unit. Both values belong to the USB interface, not to
 * the chip, so they are known even when the unit does not answer (that is how one finds a unit that
 * needs recovery): no command latency, no faults.
 */
final class SphereConnection implements ConnectionInfo {
  private final AzureSphereUnit sphere;

  SphereConnection(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public String connectionPath() {
    return sphere.connectionPath;
  }

  @Override
  public String ipAddress() {
    return sphere.ipAddress();
  }
}
