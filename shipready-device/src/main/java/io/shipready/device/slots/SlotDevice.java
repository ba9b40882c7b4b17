package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import java.util.Map;
import java.util.Optional;

/** A unit as its driver gives it, with what the slot adds (console, fixture instruments). */
final class SlotDevice implements Device {
  private final Device unit;
  private final Map<Class<? extends Capability>, Capability> added;

  SlotDevice(Device unit, Map<Class<? extends Capability>, Capability> added) {
    this.unit = requireNonNull(unit, "unit");
    this.added = Map.copyOf(added);
  }

  @Override
  public String slot() {
    return unit.slot();
  }

  @Override
  public String family() {
    return unit.family();
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    requireNonNull(type, "type");
    // What the slot adds is either missing from the driver or combines the driver's with its own.
    Optional<T> slot = Optional.ofNullable(added.get(type)).map(type::cast);
    return slot.isPresent() ? slot : unit.capability(type);
  }

  /** The device its driver gave, for callers that know the driver's own type. */
  public Device unit() {
    return unit;
  }

  @Override
  public String toString() {
    return unit + " with " + added.keySet().stream().map(Class::getSimpleName).toList();
  }
}
