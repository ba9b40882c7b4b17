package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Settings;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings a unit keeps across reboots (its configuration area). */
public final class StoredSettings implements Settings {
  private final SimUnit unit;
  private final Map<String, String> values = new HashMap<>(); // guarded by this

  public StoredSettings(SimUnit unit) {
    this.unit = unit;
  }

  @Override
  public void set(String name, String value) throws InterruptedException {
    requireNonNull(name, "name");
    requireNonNull(value, "value");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a setting needs a name (slot " + unit.slot + ")");
    }
    unit.begin("settings");
    synchronized (this) {
      values.put(name, value);
    }
  }

  @Override
  public Optional<String> get(String name) {
    requireNonNull(name, "name");
    unit.beginUninterruptibly("settings");
    return stored(name);
  }

  /** The value without a device operation, for what the unit itself does at boot. */
  public synchronized Optional<String> stored(String name) {
    return Optional.ofNullable(values.get(name));
  }
}
