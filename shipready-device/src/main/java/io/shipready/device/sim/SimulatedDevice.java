package io.shipready.device.sim;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One simulated unit in a slot, built by {@link SimulatedFleet#unit}. It keeps its family's rules
 * (a refused e-fuse write is refused here as on the line) and can be made to fail with {@link
 * #inject(Fault)}. Safe to use from several threads at once, as parallel steps of one unit do.
 */
public final class SimulatedDevice implements Device {
  private final SimUnit unit;
  private final FamilyModel model;

  SimulatedDevice(SimUnit unit, FamilyModel model) {
    this.unit = unit;
    this.model = model;
  }

  @Override
  public String slot() {
    return unit.slot;
  }

  @Override
  public String family() {
    return unit.family;
  }

  public int unitNumber() {
    return unit.unitNumber;
  }

  @Override
  public <T extends Capability> Optional<T> capability(Class<T> type) {
    requireNonNull(type, "type");
    return Optional.ofNullable(model.capabilities().get(type)).map(type::cast);
  }

  /** The capability interfaces this unit's family has. */
  public Set<Class<? extends Capability>> capabilityTypes() {
    return model.capabilities().keySet();
  }

  /**
   * Makes the unit fail as the fault says, from now on (or for the next attempts, for a {@link
   * Fault#times(int) transient} fault). Faults add up; they act in the order injected.
   *
   * @throws IllegalArgumentException when the fault cannot act on this family (a region it does not
   *     have, a misspelt operation)
   */
  public void inject(Fault fault) {
    requireNonNull(fault, "fault");
    model.accept(fault instanceof Fault.Transient t ? t.fault() : fault);
    unit.faults.add(fault);
  }

  /** The faults still able to act; transient ones say how many attempts they have left. */
  public List<Fault> faults() {
    return unit.faults.active();
  }

  /**
   * Removes the faults still waiting to act. What faults already did to the unit stays done (a
   * half-written region, a stale keystore).
   */
  public void clearFaults() {
    unit.faults.clear();
  }

  /**
   * The simulated time this unit has spent on operations so far (latencies, transfers, boots),
   * whatever the time scale: a dry run at time scale 0 still tells how long the work would take.
   * Operations on parallel threads each count in full; hangs from faults do not count.
   */
  public Duration busyTime() {
    return unit.pace.busyTime();
  }

  @Override
  public String toString() {
    return unit.family + " unit " + unit.unitNumber + " at slot " + unit.slot;
  }
}
