package io.shipready.device.slots;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.UnitSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The units in the slots of a slot map, each attached through its slot's driver. What a slot holds
 * open (a probe's connection, a console, an instrument) is opened for its first unit and serves
 * every unit after it, until {@link #close()}. Each unit gets the next number at the station and
 * the serial {@code <prefix><number>} (five digits), as a sticker printer at the fixture would give
 * it; drivers whose units report their own identifiers do not use it.
 */
public final class SlotUnits implements UnitSource, AutoCloseable {
  private final SlotMap map;
  private final int count;
  private final String serialPrefix;
  private final AtomicInteger next = new AtomicInteger();

  /**
   * @param count how many units {@link #next} hands out in all, to slots as they free up
   * @param serialPrefix the start of every serial this source gives out
   */
  public SlotUnits(SlotMap map, int count, String serialPrefix) {
    this.map = requireNonNull(map, "map");
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, was " + count);
    }
    this.count = count;
    this.serialPrefix = requireNonNull(serialPrefix, "serialPrefix");
  }

  public SlotMap map() {
    return map;
  }

  /**
   * The next unit in the slot, numbered in the order units arrived at the station.
   *
   * @return empty once {@code count} units have been handed out
   * @throws io.shipready.core.ShipreadyException when the map has no such slot
   */
  @Override
  public Optional<AttachedUnit> next(String slot) throws InterruptedException {
    map.slot(slot);
    int number = next.incrementAndGet();
    if (number > count) {
      return Optional.empty();
    }
    return Optional.of(attach(number, slot));
  }

  /**
   * Attaches unit {@code number} in the slot: a new unit the operator put there (Start), or the
   * same one again (Retest). Does not count towards {@code count}.
   *
   * @throws io.shipready.core.device.DeviceException when the driver must reach the unit to attach
   *     it and cannot
   */
  public AttachedUnit attach(int number, String slot) throws InterruptedException {
    return new AttachedUnit(number, map.slot(slot).binding().attach(number, serial(number)));
  }

  /** The serial this source gives unit {@code number}. */
  public String serial(int number) {
    return serialPrefix + String.format("%05d", number);
  }

  /** Closes what every slot holds open; the units keep running. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (MappedSlot slot : map.slots()) {
      try {
        slot.binding().close();
      } catch (RuntimeException failed) {
        if (first == null) {
          first = failed;
        } else {
          first.addSuppressed(failed);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
