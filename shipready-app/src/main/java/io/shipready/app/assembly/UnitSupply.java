package io.shipready.app.assembly;

import static java.util.Objects.requireNonNull;

import io.shipready.core.spi.UnitSource;
import java.nio.file.Path;
import java.util.List;

/** Where a station's units come from: the simulator, a slot map's devices, or a given source. */
public sealed interface UnitSupply {

  /**
   * Simulated units of the recipe's device family.
   *
   * @param batch units dealt to the slots (a run's whole batch; a page's first batch)
   * @param faultHeadroom units beyond the batch that faults are planned for (the page may start
   *     more)
   * @param operatorScans the units' barcodes are scanned by the operator instead of the fixture
   */
  record Simulated(
      int batch, Integer slots, SimulationChoice choice, int faultHeadroom, boolean operatorScans)
      implements UnitSupply {
    public Simulated {
      requireNonNull(choice, "choice");
      if (batch < 0 || faultHeadroom < 0) {
        throw new IllegalArgumentException("batch and faultHeadroom must be 0 or more");
      }
    }
  }

  /**
   * The units a slot map's drivers reach, one slot per entry.
   *
   * @param batch units to run in all; null for one per slot
   * @param serialPrefix the start of the serials a station gives units without their own; null for
   *     one made from the time
   */
  record SlotsFile(Path file, Integer batch, String serialPrefix) implements UnitSupply {
    public SlotsFile {
      requireNonNull(file, "file");
    }
  }

  /** A source made by the caller, for benchmarks that shape their own units. */
  record Given(List<String> slots, UnitSource source, boolean simulated) implements UnitSupply {
    public Given {
      slots = List.copyOf(slots);
      requireNonNull(source, "source");
    }
  }
}
