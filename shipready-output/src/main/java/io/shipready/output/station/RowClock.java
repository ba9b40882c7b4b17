package io.shipready.output.station;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The clock a station's factory files date their rows by: the time now, except while a run's queued
 * rows are written, when it is the time the run ended. A row so goes to the file of the day its run
 * ended, and carries that time, however late it is written (a run that ended just before midnight,
 * rows settled at the next start).
 */
final class RowClock extends Clock {
  private final Clock base;
  private final ThreadLocal<Instant> fixed;

  RowClock(Clock base) {
    this(base, new ThreadLocal<>());
  }

  private RowClock(Clock base, ThreadLocal<Instant> fixed) {
    this.base = requireNonNull(base, "base");
    this.fixed = fixed;
  }

  /** Runs {@code work} on this thread with the clock standing at {@code at}. */
  <T> T at(Instant at, Supplier<T> work) {
    Instant before = fixed.get();
    fixed.set(requireNonNull(at, "at"));
    try {
      return work.get();
    } finally {
      fixed.set(before);
    }
  }

  @Override
  public Instant instant() {
    Instant at = fixed.get();
    return at != null ? at : base.instant();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new RowClock(base.withZone(zone), fixed);
  }
}
