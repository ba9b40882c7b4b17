package io.shipready.app.station;

import static java.util.Objects.requireNonNull;

import io.shipready.core.model.AttachedUnit;
import io.shipready.core.spi.UnitSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The units a station page's slots run: a batch dealt to slots as they free up, then whatever the
 * operator asks for, slot by slot — a new unit (start) or the slot's last unit again (retest). A
 * slot with nothing to do waits until it is given work or the station closes.
 */
public final class StationUnits implements UnitSource {
  /** Why a slot could not be given work. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private final BiFunction<Integer, String, AttachedUnit> newUnit;
  private final Map<String, Deque<AttachedUnit>> queued = new HashMap<>();
  private final Map<String, AttachedUnit> last = new HashMap<>();
  private int batchLeft;
  private int nextNumber = 1;
  private boolean closed;

  /**
   * @param slots the station's slots
   * @param batch how many units to deal to the slots at the start
   * @param newUnit makes unit number n for a slot
   */
  public StationUnits(
      List<String> slots, int batch, BiFunction<Integer, String, AttachedUnit> newUnit) {
    this.newUnit = requireNonNull(newUnit, "newUnit");
    this.batchLeft = batch;
    slots.forEach(slot -> queued.put(slot, new ArrayDeque<>()));
  }

  @Override
  public Optional<AttachedUnit> next(String slot) throws InterruptedException {
    AttachedUnit unit;
    synchronized (this) {
      Deque<AttachedUnit> mine = queue(slot);
      while (!closed && mine.isEmpty() && batchLeft == 0) {
        wait();
      }
      if (closed) {
        return Optional.empty();
      }
      if (!mine.isEmpty()) {
        unit = mine.poll();
        last.put(slot, unit);
        return Optional.of(unit);
      }
      batchLeft--;
      unit = newUnit.apply(nextNumber++, slot);
      last.put(slot, unit);
    }
    return Optional.of(unit);
  }

  /** Puts a new unit in the slot; it runs when the slot is free. Returns the unit's number. */
  public synchronized int start(String slot) {
    Deque<AttachedUnit> mine = queue(slot);
    refuseWhenClosedOrQueued(slot, mine);
    AttachedUnit unit = newUnit.apply(nextNumber++, slot);
    mine.add(unit);
    notifyAll();
    return unit.number();
  }

  /** Runs the slot's last unit again when the slot is free. Returns the unit's number. */
  public synchronized int retest(String slot) {
    Deque<AttachedUnit> mine = queue(slot);
    refuseWhenClosedOrQueued(slot, mine);
    AttachedUnit unit = last.get(slot);
    if (unit == null) {
      throw new Refused("slot " + slot + " has had no unit yet; start one first");
    }
    mine.add(unit);
    notifyAll();
    return unit.number();
  }

  /** Units of the batch not dealt to a slot yet. */
  public synchronized int batchLeft() {
    return batchLeft;
  }

  /** Gives no more work: every waiting slot is told no more units will come. */
  public synchronized void close() {
    closed = true;
    notifyAll();
  }

  private Deque<AttachedUnit> queue(String slot) {
    Deque<AttachedUnit> mine = queued.get(slot);
    if (mine == null) {
      throw new Refused("there is no slot " + slot + "; slots are " + queued.keySet());
    }
    return mine;
  }

  private void refuseWhenClosedOrQueued(String slot, Deque<AttachedUnit> mine) {
    if (closed) {
      throw new Refused("the station is stopping; it takes no more units");
    }
    if (!mine.isEmpty()) {
      throw new Refused("slot " + slot + " already has a unit waiting to run");
    }
  }
}
