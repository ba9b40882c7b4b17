package io.shipready.device.sim;

import io.shipready.core.spi.Capability;
import java.util.Map;

/** One device family's simulated unit: its capabilities and how faults change it. */
public interface FamilyModel {
  Map<Class<? extends Capability>, Capability> capabilities();

  /**
   * Checks that a fault makes sense for this family (a region it has, a quantity it measures) and
   * applies the faults that change the unit once, when injected.
   *
   * @throws IllegalArgumentException naming what the family has instead
   */
  void accept(Fault fault);
}
