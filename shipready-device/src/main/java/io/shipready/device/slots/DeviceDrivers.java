package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.EditDistance;
import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.DeviceDriver;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The device drivers a station knows, by name: every {@link DeviceDriver} registered with {@link
 * ServiceLoader} on the class path. A vendor's driver joins by being registered; nothing here names
 * one.
 */
public final class DeviceDrivers {
  private final Map<String, DeviceDriver> byName;

  private DeviceDrivers(Map<String, DeviceDriver> byName) {
    this.byName = Collections.unmodifiableMap(byName);
  }

  /** The drivers registered where this class was loaded from. */
  public static DeviceDrivers load() {
    return load(DeviceDrivers.class.getClassLoader());
  }

  public static DeviceDrivers load(ClassLoader loader) {
    List<DeviceDriver> found =
        ServiceLoader.load(DeviceDriver.class, loader).stream()
            .map(ServiceLoader.Provider::get)
            .toList();
    return of(found);
  }

  /**
   * Exactly these drivers.
   *
   * @throws ShipreadyException when two have the same name
   */
  public static DeviceDrivers of(Collection<? extends DeviceDriver> drivers) {
    Map<String, DeviceDriver> byName = new TreeMap<>();
    for (DeviceDriver driver : drivers) {
      requireNonNull(driver, "driver");
      DeviceDriver other = byName.putIfAbsent(driver.name(), driver);
      if (other != null) {
        throw new ShipreadyException(
            "two device drivers are named '"
                + driver.name()
                + "' ("
                + other.getClass().getName()
                + " and "
                + driver.getClass().getName()
                + "); remove one from the class path");
      }
    }
    return new DeviceDrivers(byName);
  }

  public Optional<DeviceDriver> find(String name) {
    return Optional.ofNullable(byName.get(requireNonNull(name, "name")));
  }

  /** Every driver's name, sorted. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Every driver, by name. */
  public Collection<DeviceDriver> all() {
    return byName.values();
  }

  /** The known name nearest to a misspelt one, when one is near enough to be meant. */
  Optional<String> nearest(String name) {
    return EditDistance.nearest(name, byName.keySet());
  }
}
