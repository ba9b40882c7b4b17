package io.shipready.device.emulated;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.UnitSource;
import io.shipready.device.slots.SlotUnits;
import java.time.Duration;
import java.util.Optional;

/**
 * Units on the {@code gdb-remote} slots of a slot map, each given the next serial from the
 * station's sequence ({@code <prefix><number>}).
 *
 * @deprecated use {@link SlotUnits} over a {@link io.shipready.device.slots.SlotMap}, which takes
 *     every driver
 */
@Deprecated(forRemoval = true)
public final class ProbeUnits implements UnitSource, AutoCloseable {
  private final SlotUnits units;

  /**
   * @param count how many units to run in all, handed to slots as they free up
   * @param serialPrefix the start of every serial this source gives out
   */
  @SuppressWarnings("removal")
  public ProbeUnits(SlotMap map, int count, String serialPrefix, Duration bootTimeout) {
    this.units = new SlotUnits(map.toSlotMap(bootTimeout), count, serialPrefix);
  }

  @Override
  public Optional<AttachedUnit> next(String slot) {
    try {
      return units.next(slot);
    } catch (InterruptedException stopped) {
      // gdb-remote slots attach without waiting; an interrupt is kept for the caller to see.
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Detaches every debugger (the units keep running) and closes every console. */
  @Override
  public void close() {
    units.close();
  }
}
