package io.shipready.core.device;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;

/**
 * A step asked a device for something its family cannot do: a recipe written for another family.
 */
public class CapabilityMissingException extends DeviceException {
  public CapabilityMissingException(Device device, Class<? extends Capability> type) {
    super(
        "device at slot "
            + device.slot()
            + " ("
            + device.family()
            + ") has no "
            + type.getSimpleName()
            + " capability; check the recipe's device family",
        false);
  }
}
