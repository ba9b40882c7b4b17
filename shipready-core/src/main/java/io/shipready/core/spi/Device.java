package io.shipready.core.spi;

import io.shipready.core.device.CapabilityMissingException;
import java.util.Optional;

/** One unit as a station sees it through the slot it is attached to. */
public interface Device {

  /** The slot this device is attached at: the name every device command carries. */
  String slot();

  /** The device's family (afero-asr, azure-sphere, particle...). */
  String family();

  /** The capability of the given type, when this device has it. */
  <T extends Capability> Optional<T> capability(Class<T> type);

  /**
   * The capability of the given type.
   *
   * @throws CapabilityMissingException when this device does not have it
   */
  default <T extends Capability> T require(Class<T> type) {
    return capability(type).orElseThrow(() -> new CapabilityMissingException(this, type));
  }
}
