package io.shipready.app.assembly;

import io.shipready.app.station.OperatorScannedDevice;
import io.shipready.core.ShipreadyException;
import io.shipready.core.engine.Station;
import io.shipready.core.model.AttachedUnit;
import io.shipready.core.recipe.Recipe;
import io.shipready.device.sim.FaultPlanner;
import io.shipready.device.sim.FaultPlanner.PlannedFault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFamilies;
import io.shipready.device.sim.SimulatedFleet;
import io.shipready.device.sim.SimulationSettings;
import java.util.List;
import java.util.Map;

/**
 * Slots of simulated units of the recipe's device family, each unit carrying the fault planned for
 * it. The recipe's {@code simulation:} settings are read with the recipe's folder, so a setting
 * that names a file (a key, an OS list) is found wherever the station runs.
 */
final class SimulatedSlots implements StationSlots {
  private final List<String> names;
  private final SimulatedFleet fleet;
  private final String family;
  private final Map<Integer, PlannedFault> faults;
  private final boolean operatorScans;

  SimulatedSlots(Recipe recipe, UnitSupply.Simulated supply) {
    int count = supply.slots() != null ? supply.slots() : Math.max(1, recipe.station().slots());
    if (count < 1) {
      throw new ShipreadyException("a station needs at least 1 slot, --slots was " + count);
    }
    this.family = recipe.station().deviceFamily();
    if (SimulatedFamilies.find(family).isEmpty()) {
      // Without this every slot would go out of service at once and the batch end with no unit.
      throw new ShipreadyException(
          recipe.source()
              + ": the simulator has no device family '"
              + family
              + "' (station.device_family); simulate one of "
              + SimulatedFamilies.names()
              + ", or run the recipe on real units with --slots-file");
    }
    this.names = Station.Builder.numberedSlots(count);
    this.fleet = new SimulatedFleet(settings(recipe, supply.choice()));
    this.faults =
        FaultPlanner.plan(
            recipe, fleet, supply.batch() + supply.faultHeadroom(), supply.choice().failRate());
    this.operatorScans = supply.operatorScans();
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public AttachedUnit attach(int number, String slot) {
    SimulatedDevice device = fleet.unit(number, slot, family);
    PlannedFault fault = faults.get(number);
    if (fault != null) {
      device.inject(fault.opportunity().fault());
    }
    return new AttachedUnit(number, operatorScans ? new OperatorScannedDevice(device) : device);
  }

  @Override
  public boolean simulated() {
    return true;
  }

  @Override
  public Map<Integer, PlannedFault> faults() {
    return faults;
  }

  private static SimulationSettings settings(Recipe recipe, SimulationChoice choice) {
    SimulationSettings.Builder builder;
    try {
      builder = SimulationSettings.fromMap(recipe.simulation(), recipe.baseDir()).toBuilder();
    } catch (IllegalArgumentException bad) {
      throw new ShipreadyException(recipe.source() + ": simulation: " + bad.getMessage());
    }
    builder.seed(choice.seed());
    if (choice.timeScale() != null) {
      builder.timeScale(choice.timeScale());
    }
    return builder.build();
  }
}
