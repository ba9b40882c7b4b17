package io.shipready.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One shared instrument: held by one step at a time and handed to waiting steps in the order they
 * came. Each waiter sleeps on a condition of its own, so a release wakes only the next in line
 * however many slots share the instrument. Once a step holding it hangs, the instrument is out of
 * service for good: the hung thread may still be driving the hardware, and a second slot talking to
 * it at the same time would corrupt both units' measurements.
 */
final class Instrument {
  private final String name;
  private final Clock clock;
  private final DateTimeFormatter time;
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<Waiter> line = new ArrayDeque<>(); // guarded by lock
  private Hold holder; // guarded by lock; null while free
  private String outOfService; // guarded by lock; null while in service

  Instrument(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    // The zone is printed too: station clocks run in UTC unless configured otherwise.
    this.time =
        new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendOffsetId()
            .toFormatter()
            .withZone(clock.getZone());
  }

  /** A step holding the instrument. Told apart by identity, so a stale hold releases nothing. */
  static final class Hold {
    private final Instrument instrument;
    private final InstrumentState.Holder holder;

    private Hold(Instrument instrument, InstrumentState.Holder holder) {
      this.instrument = instrument;
      this.holder = holder;
    }

    String instrument() {
      return instrument.name;
    }

    InstrumentState.Holder holder() {
      return holder;
    }
  }

  private record Waiter(String slot, Condition turn) {}

  /**
   * Waits until the instrument is free and every step that asked earlier had it.
   *
   * @throws InterruptedException when the thread is interrupted (the run was stopped)
   * @throws InstrumentUnavailableException when the timeout passes first, or the instrument is out
   *     of service
   */
  Hold acquire(String slot, String stepId, Duration timeout) throws InterruptedException {
    long remaining = timeout.toNanos();
    lock.lock();
    try {
      if (outOfService != null) {
        throw new InstrumentUnavailableException(outOfService, true);
      }
      if (holder == null && line.isEmpty()) {
        return take(slot, stepId);
      }
      Waiter me = new Waiter(slot, lock.newCondition());
      line.addLast(me);
      boolean served = false;
      try {
        while (true) {
          if (outOfService != null) {
            throw new InstrumentUnavailableException(outOfService, true);
          }
          if (holder == null && line.peekFirst() == me) {
            line.removeFirst();
            served = true;
            return take(slot, stepId);
          }
          if (remaining <= 0) {
            throw new InstrumentUnavailableException(busy(timeout, me), false);
          }
          remaining = me.turn().awaitNanos(remaining);
        }
      } finally {
        if (!served) {
          // Leaving the line may make the next waiter first; its signal may even have been ours.
          line.remove(me);
          wakeNext();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Hands the instrument to the next in line; does nothing for a stale hold or while out of
   * service.
   */
  void release(Hold hold) {
    lock.lock();
    try {
      if (outOfService == null && holder == hold) {
        holder = null;
        wakeNext();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the instrument out of service because the step holding it hung; every waiter fails at
   * once. Returns why, or null when the hold was already given back (the step came back after all)
   * or the instrument was already out of service.
   */
  String takeOutOfService(Hold hold) {
    lock.lock();
    try {
      if (outOfService != null || holder != hold) {
        return null;
      }
      InstrumentState.Holder hung = hold.holder();
      outOfService =
          name
              + " is out of service: slot "
              + hung.slot()
              + " hung in step '"
              + hung.stepId()
              + "' holding it since "
              + time.format(hung.since())
              + "; check the instrument and restart the station";
      line.forEach(waiter -> waiter.turn().signal());
      return outOfService;
    } finally {
      lock.unlock();
    }
  }

  /** The instrument and who holds it, as a message to an operator names it. */
  String describe() {
    lock.lock();
    try {
      return holder == null ? name : name + ", " + heldBy();
    } finally {
      lock.unlock();
    }
  }

  InstrumentState state() {
    lock.lock();
    try {
      return new InstrumentState(
          name,
          holder == null ? null : holder.holder(),
          line.stream().map(Waiter::slot).toList(),
          outOfService == null ? "" : outOfService);
    } finally {
      lock.unlock();
    }
  }

  private Hold take(String slot, String stepId) {
    Instant since = clock.instant();
    holder = new Hold(this, new InstrumentState.Holder(slot, stepId, since));
    return holder;
  }

  private void wakeNext() {
    if (holder == null && !line.isEmpty()) {
      line.peekFirst().turn().signal();
    }
  }

  private String busy(Duration waited, Waiter me) {
    String prefix = "waited " + Timing.text(waited) + " for " + name + ", ";
    if (holder == null) {
      int ahead = 0;
      for (Waiter waiter : line) {
        if (waiter == me) {
          break;
        }
        ahead++;
      }
      return prefix
          + "free at this moment but with "
          + ahead
          + " slot(s) ahead in line; give this step a longer timeout";
    }
    return prefix
        + heldBy()
        + "; if that slot is stuck check it, else give this step a longer timeout";
  }

  private String heldBy() {
    InstrumentState.Holder held = holder.holder();
    return "held by slot "
        + held.slot()
        + " in step '"
        + held.stepId()
        + "' since "
        + time.format(held.since());
  }
}
