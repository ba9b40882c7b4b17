package io.shipready.app.simulate;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.UnitSource;
import io.shipready.device.sim.FaultPlanner.PlannedFault;
import io.shipready.device.sim.SimulatedDevice;
import io.shipready.device.sim.SimulatedFleet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A batch of simulated units, handed to slots as they free up, each carrying the fault planned for
 * it (if any).
 */
public final class SimulatedUnits implements UnitSource {
  private final SimulatedFleet fleet;
  private final String family;
  private final int count;
  private final Map<Integer, PlannedFault> faults;
  private final AtomicInteger next = new AtomicInteger();

  public SimulatedUnits(
      SimulatedFleet fleet, String family, int count, Map<Integer, PlannedFault> faults) {
    this.fleet = fleet;
    this.family = family;
    this.count = count;
    this.faults = Map.copyOf(faults);
  }

  @Override
  public Optional<AttachedUnit> next(String slot) {
    int number = next.incrementAndGet();
    if (number > count) {
      return Optional.empty();
    }
    SimulatedDevice device = fleet.unit(number, slot, family);
    PlannedFault fault = faults.get(number);
    if (fault != null) {
      device.inject(fault.opportunity().fault());
    }
    return Optional.of(new AttachedUnit(number, device));
  }
}
