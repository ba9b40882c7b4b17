package io.shipready.core.engine;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.Capability;
import io.shipready.core.spi.Device;
import io.shipready.core.spi.UnitSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A fixed number of capability-less units handed to whichever slot asks first. */
final class TestUnits implements UnitSource {
  private final int count;
  private final AtomicInteger handedOut = new AtomicInteger();
  private final java.util.Set<Integer> hanging;

  TestUnits(int count) {
    this(count, java.util.Set.of());
  }

  /** Units whose numbers are in {@code hanging} make the "stubborn" test step hang. */
  TestUnits(int count, java.util.Set<Integer> hanging) {
    this.count = count;
    this.hanging = hanging;
  }

  @Override
  public Optional<AttachedUnit> next(String slot) {
    int number = handedOut.incrementAndGet();
    if (number > count) {
      return Optional.empty();
    }
    return Optional.of(new AttachedUnit(number, new BareDevice(slot, hanging.contains(number))));
  }

  record BareDevice(String slot, boolean hangs) implements Device {
    @Override
    public String family() {
      return "test";
    }

    @Override
    public <T extends Capability> Optional<T> capability(Class<T> type) {
      return Optional.empty();
    }
  }
}
