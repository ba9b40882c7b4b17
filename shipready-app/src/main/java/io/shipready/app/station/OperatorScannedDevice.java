package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.Markings;
import java.util.Optional;

/**
 * A unit whose barcodes no fixture reads: its scan steps ask the operator, who scans on the station
 * page. Everything else is the unit's own.
 */
public final class OperatorScannedDevice implements Device {
  private final Device device;

  public OperatorScannedDevice(Device device) {
    this.device = requireNonNull(device, "device");
  }

  @Override
  public String slot() {
    return device.slot();
  }

  @Override
  public String family() {
    return device.family();
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    return type == Markings.class ? Optional.empty() : device.capability(type);
  }
}
