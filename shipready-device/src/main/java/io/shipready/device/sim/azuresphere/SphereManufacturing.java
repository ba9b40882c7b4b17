package io.shipready.device.sim.azuresphere;

import static java.util.Objects.requireNonNull;

import io.shipready.core.device.ManufacturingState;
import io.shipready.core.device.OperationRefusedException;
import io.shipready.core.spi.ManufacturingStates;
import java.util.List;

/** Blank, then Module1Complete, then DeviceComplete: forward only, and DeviceComplete for good. */
final class SphereManufacturing implements ManufacturingStates {
  private final AzureSphereUnit sphere;

  SphereManufacturing(AzureSphereUnit sphere) {
    this.sphere = sphere;
  }

  @Override
  public ManufacturingState current() {
    sphere.unit.beginUninterruptibly("state");
    synchronized (sphere) {
      return sphere.state;
    }
  }

  @Override
  public void advanceTo(ManufacturingState target) throws InterruptedException {
    requireNonNull(target, "target");
    sphere.unit.begin("state");
    synchronized (sphere) {
      ManufacturingState current = sphere.state;
      if (current == ManufacturingState.DEVICE_COMPLETE) {
        throw new OperationRefusedException(
            "the unit at "
                + sphere.unit.where()
                + " is DeviceComplete, which is permanent; it cannot be set to "
                + target.displayName());
      }
      if (target.compareTo(current) <= 0) {
        throw new OperationRefusedException(
            "the unit at "
                + sphere.unit.where()
                + " is "
                + current.displayName()
                + " and cannot be set to "
                + target.displayName()
                + ": the manufacturing state only moves forward, Blank -> Module1Complete -> "
                + "DeviceComplete");
      }
      sphere.state = target;
    }
  }

  @Override
  public List<String> installedCapabilities() {
    sphere.unit.beginUninterruptibly("state");
    synchronized (sphere) {
      return List.copyOf(sphere.capabilities);
    }
  }
}
