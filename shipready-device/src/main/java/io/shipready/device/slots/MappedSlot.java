package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.SlotBinding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One slot of a slot map: its name, its driver, its settings as written, and the slot bound to its
 * driver (nothing opened until a unit is attached).
 *
 * @param settings the slot's keys other than {@code slot} and {@code driver}, as written
 */
public record MappedSlot(
    String slot, String driver, Map<String, Object> settings, SlotBinding binding) {
  public MappedSlot {
    requireNonNull(slot, "slot");
    requireNonNull(driver, "driver");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    requireNonNull(binding, "binding");
  }

  /** What every unit in this slot will be able to do. */
  public Set<Class<? extends Capability>> capabilities() {
    return binding.capabilities();
  }
}
