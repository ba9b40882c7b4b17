package io.shipready.app.assembly;

import io.shipready.core.model.AttachedUnit;
import io.shipready.device.sim.FaultPlanner.PlannedFault;
import java.util.List;
import java.util.Map;

/** A station's slots and how unit number n comes to be attached in one of them. */
interface StationSlots extends AutoCloseable {
  List<String> names();

  /** Unit number {@code number}, attached at {@code slot}. */
  AttachedUnit attach(int number, String slot) throws InterruptedException;

  /** Whether the units are simulated (a dry run), for the record and the displays. */
  boolean simulated();

  /** The faults planned for simulated units, by unit number; empty for real units. */
  default Map<Integer, PlannedFault> faults() {
    return Map.of();
  }

  /** What the station's record says about where its units come from. */
  default Map<String, String> fields() {
    return Map.of();
  }

  /** Releases what the slots hold open (probes, consoles, tool sessions). */
  @Override
  default void close() {}
}
