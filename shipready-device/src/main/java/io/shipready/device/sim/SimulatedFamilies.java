package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.device.spi.SimulatedFamily;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The device families the simulator knows: every {@link SimulatedFamily} registered with {@link
 * ServiceLoader}, by name. Looked up once; a family is added by registering it, never by naming it
 * here.
 */
public final class SimulatedFamilies {
  private static final Map<String, SimulatedFamily> FAMILIES = load();

  private SimulatedFamilies() {}

  /** Every family's name, in alphabetical order. */
  public static List<String> names() {
    return List.copyOf(FAMILIES.keySet());
  }

  public static Optional<SimulatedFamily> find(String name) {
    return Optional.ofNullable(FAMILIES.get(requireNonNull(name, "name")));
  }

  /**
   * @throws IllegalArgumentException for a family nobody registered, naming the known ones
   */
  public static SimulatedFamily of(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the simulator has no device family '"
                        + name
                        + "'; use one of "
                        + names()
                        + " in the recipe's station.device_family"));
  }

  private static Map<String, SimulatedFamily> load() {
    Map<String, SimulatedFamily> families = new TreeMap<>();
    for (SimulatedFamily family :
        ServiceLoader.load(SimulatedFamily.class, SimulatedFamily.class.getClassLoader())) {
      SimulatedFamily other = families.putIfAbsent(family.name(), family);
      if (other != null) {
        throw new IllegalStateException(
            "two simulated device families are named '"
                + family.name()
                + "': "
                + other.getClass().getName()
                + " and "
                + family.getClass().getName()
                + "; rename one or remove one from META-INF/services");
      }
    }
    return Collections.unmodifiableMap(families);
  }
}
