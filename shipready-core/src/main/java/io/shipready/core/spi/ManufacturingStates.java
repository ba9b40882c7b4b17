package io.shipready.core.spi;

import io.shipready.core.device.ManufacturingState;
import java.util.List;

/** Reads and advances a device's manufacturing state, and lists its capabilities (certificates). */
public interface ManufacturingStates extends Capability {
  ManufacturingState current() throws InterruptedException;

  /**
   * Moves the device forward to a later state.
   *
   * @throws OperationRefusedException when the target is not later than the current state
   */
  void advanceTo(ManufacturingState target) throws InterruptedException;

  /** Capabilities installed on the device (e.g. a field-servicing capability). */
  List<String> installedCapabilities() throws InterruptedException;
}
