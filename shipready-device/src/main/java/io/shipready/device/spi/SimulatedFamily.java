package io.shipready.device.spi;

import io.shipready.core.model.StepSpec;
import io.shipready.device.sim.FamilyModel;
import io.shipready.device.sim.FaultPlanner;
import io.shipready.device.sim.SimUnit;
import java.util.List;
import java.util.function.Predicate;

/**
 * A device family the simulator can build units of. Each family registers one in {@code
 * META-INF/services/io.shipready.device.spi.SimulatedFamily}; {@link
 * io.shipready.device.sim.SimulatedFleet} finds it by the name a recipe gives in {@code
 * station.device_family}, and {@link FaultPlanner} asks it for the faults of its own operations.
 *
 * <p>Implementations have a public no-argument constructor and keep no state: one instance serves
 * every fleet.
 */
public interface SimulatedFamily {
  /** The family's name as recipes write it in {@code station.device_family}, e.g. particle. */
  String name();

  /**
   * A fresh unit of this family (blank flash, no faults) on {@code unit}, which knows the unit's
   * number, slot, settings and faults. Its identifiers and measurements must depend only on what
   * {@code unit} derives from the seed, so unit 7 of a seed is the same unit in every run.
   */
  FamilyModel build(SimUnit unit);

  /**
   * The faults of this family's own operations that {@code step} can reveal, for steps the planner
   * has no generic faults for (flash, measure, scan and console are generic). A step kind the
   * family does not know gives none.
   *
   * @param firstTouch true the first time an operation (such as {@code recover}) is asked about in
   *     the recipe, so each operation gets its faults at the first step that touches it
   */
  default List<FaultPlanner.Opportunity> opportunities(
      StepSpec step, Predicate<String> firstTouch) {
    return List.of();
  }
}
