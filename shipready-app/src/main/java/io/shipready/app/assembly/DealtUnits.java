package io.shipready.app.assembly;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.UnitSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A batch of units numbered from 1, each attached in whichever slot frees up first. */
final class DealtUnits implements UnitSource {
  private final StationSlots slots;
  private final int count;
  private final AtomicInteger next = new AtomicInteger();

  DealtUnits(StationSlots slots, int count) {
    this.slots = slots;
    this.count = count;
  }

  @Override
  public Optional<AttachedUnit> next(String slot) throws InterruptedException {
    int number = next.incrementAndGet();
    return number > count ? Optional.empty() : Optional.of(slots.attach(number, slot));
  }
}
