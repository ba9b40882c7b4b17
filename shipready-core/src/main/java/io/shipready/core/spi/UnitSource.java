package io.shipready.core.spi;

import io.shipready.core.model.AttachedUnit;
import java.util.Optional;

/**
 * Supplies the units a slot runs, one after another: a simulated batch, an emulated line, or an
 * operator loading a fixture.
 */
public interface UnitSource {
  /**
   * Waits for the next unit in the slot.
   *
   * @return empty when no more units will come to this slot
   */
  Optional<AttachedUnit> next(String slot) throws InterruptedException;
}
