package io.shipready.core.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times steps out without a timer per step: one thread looks over every attempt in progress a few
 * hundred times a second. Registering an attempt costs one concurrent-set insert, which keeps the
 * engine cheap per step even with hundreds of slots; step timeouts are seconds, so a few
 * milliseconds of lateness do not matter.
 */
final class Watchdog implements AutoCloseable {
  private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private final Set<StepAttempt> watched = ConcurrentHashMap.newKeySet();
  private final long graceNanos;
  private final Thread thread;
  private volatile boolean closed;

  Watchdog(Duration abandonGrace) {
    this.graceNanos = abandonGrace.toNanos();
    this.thread = new Thread(this::watch, "shipready-watchdog");
    thread.setDaemon(true);
    thread.start();
  }

  void watch(StepAttempt attempt) {
    watched.add(attempt);
  }

  void unwatch(StepAttempt attempt) {
    watched.remove(attempt);
  }

  /** Asks every attempt of the run to stop. */
  void cancelAll(UnitRun run) {
    for (StepAttempt attempt : watched) {
      if (attempt.run() == run) {
        attempt.cancel();
      }
    }
  }

  private void watch() {
    while (!closed) {
      long now = System.nanoTime();
      for (StepAttempt attempt : watched) {
        try {
          attempt.check(now, graceNanos);
        } catch (RuntimeException broken) {
          // One failing run must not blind the watchdog to all the others.
          org.slf4j.LoggerFactory.getLogger(Watchdog.class).warn("watchdog check failed", broken);
        }
      }
      try {
        TimeUnit.NANOSECONDS.sleep(TICK_NANOS);
      } catch (InterruptedException stop) {
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
