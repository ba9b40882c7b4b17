package io.shipready.device.slots;

import io.shipready.core.ShipreadyException;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.DeviceDriver;
import io.shipready.core.spi.SlotBinding;
import io.shipready.core.spi.SlotSettings;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import java.util.Map;
import java.util.Set;

/**
 * The {@code simulated} driver: a simulated unit of a family in the slot, unit number {@code n}
 * being the same unit in every run of the same seed. Keys: {@code family} (required), {@code
 * simulation} (a recipe's {@code simulation:} block, e.g. {@code {seed: 7, time_scale: 0}}; files
 * in it are taken from the slot map's folder).
 */
public final class SimulatedDriver implements DeviceDriver {
  public static final String NAME = "simulated";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a simulated unit of a device family, for dry runs and training";
  }

  @Override
  public SlotBinding bind(SlotSettings settings) {
    String family = settings.string("family");
    Map<String, Object> block = settings.map("simulation");
    SimulatedFleet fleet;
    try {
      fleet = new SimulatedFleet(SimulationSettings.fromMap(block, settings.baseDirectory()));
    } catch (IllegalArgumentException | ShipreadyException bad) {
      throw settings.error("simulation", "is wrong: " + bad.getMessage());
    }
    String slot = settings.slot();
    Set<Class<? extends Capability>> capabilities;
    try {
      // A unit is built in memory only: its family's capabilities, without reaching anything.
      capabilities = Set.copyOf(fleet.unit(0, slot, family).capabilityTypes());
    } catch (IllegalArgumentException | ShipreadyException bad) {
      throw settings.error("family", "is wrong: " + bad.getMessage());
    }
    return new SlotBinding() {
      @Override
      public Set<Class<? extends Capability>> capabilities() {
        return capabilities;
      }

      @Override
      public Device attach(int number, String serial) {
        return fleet.unit(number, slot, family);
      }

      @Override
      public void close() {}
    };
  }
}
