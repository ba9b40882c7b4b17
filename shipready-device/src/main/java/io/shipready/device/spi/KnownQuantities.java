package io.shipready.device.spi;

import io.shipready.core.spi.Sensors;
import java.util.Set;

/**
 * Sensors that know what they measure, so a slot whose driver and fixture both measure (a J-Link's
 * target voltage, a power supply's current) can ask each for its own quantities.
 */
public interface KnownQuantities extends Sensors {
  /** The quantity names {@link #read} answers. */
  Set<String> quantities();
}
