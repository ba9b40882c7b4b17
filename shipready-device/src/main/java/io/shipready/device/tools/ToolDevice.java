package io.shipready.device.tools;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A device reached through vendor tools: its slot, its family and the capabilities its drivers give
 * it (a programmer alone, or identity plus image store plus manufacturing states...).
 */
public final class ToolDevice implements Device {
  private final String slot;
  private final String family;
  private final Map<Class<? extends Capability>, Capability> capabilities;

  private ToolDevice(
      String slot, String family, Map<Class<? extends Capability>, Capability> capabilities) {
    this.slot = requireNonNull(slot, "slot");
    this.family = requireNonNull(family, "family");
    this.capabilities = Map.copyOf(capabilities);
  }

  public static Builder builder(String slot, String family) {
    return new Builder(slot, family);
  }

  @Override
  public String slot() {
    return slot;
  }

  @Override
  public String family() {
    return family;
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    requireNonNull(type, "type");
    return Optional.ofNullable(capabilities.get(type)).map(type::cast);
  }

  public Set<Class<? extends Capability>> capabilityTypes() {
    return capabilities.keySet();
  }

  @Override
  public String toString() {
    return family + " at " + slot + " (tool drivers)";
  }

  /** Collects the capabilities one slot's drivers provide. */
  public static final class Builder {
    private final String slot;
    private final String family;
    private final Map<Class<? extends Capability>, Capability> capabilities = new LinkedHashMap<>();

    private Builder(String slot, String family) {
      this.slot = slot;
      this.family = family;
    }

    public <T extends Capability> Builder with(Class<T> type, T capability) {
      capabilities.put(requireNonNull(type, "type"), requireNonNull(capability, "capability"));
      return this;
    }

    public ToolDevice build() {
      return new ToolDevice(slot, family, capabilities);
    }
  }
}
