package io.shipready.device.sim;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns simulated time into real waiting, scaled by the time scale, and counts the simulated time a
 * unit was busy. Waits answer {@link Thread#interrupt()} within a few milliseconds: that is how the
 * engine cancels a step.
 */
final class Pace {
  /** Longest real sleep between looks at the interrupt flag and at progress. */
  private static final long SLICE_NANOS = 10_000_000L;

  /** A hang that nobody cancels still ends, so a forgotten test does not hold a thread for ever. */
  static final Duration HANG_LIMIT = Duration.ofMinutes(10);

  private final double timeScale;
  private final AtomicLong busyNanos = new AtomicLong();

  Pace(double timeScale) {
    this.timeScale = timeScale;
  }

  /** Listens to a wait that is made of equal steps. */
  @FunctionalInterface
  interface StepListener {
    /** Called before step {@code step} (0-based) of {@code steps} starts; may throw to stop. */
    void beforeStep(int step, int steps);
  }

  Duration busyTime() {
    return Duration.ofNanos(busyNanos.get());
  }

  void spend(Duration simulated) throws InterruptedException {
    spend(simulated, 1, (step, steps) -> {});
  }

  /**
   * Spends simulated time in {@code steps} equal parts. The real deadlines are fixed up front, so
   * many short parts add up to the intended total instead of to the sum of rounded-up sleeps.
   */
  void spend(Duration simulated, int steps, StepListener listener) throws InterruptedException {
    long simulatedNanos = simulated.toNanos();
    long realNanos = (long) (simulatedNanos * timeScale);
    long start = System.nanoTime();
    for (int step = 0; step < steps; step++) {
      listener.beforeStep(step, steps);
      sleepUntil(start + scaledPart(realNanos, step + 1, steps));
      busyNanos.addAndGet(
          scaledPart(simulatedNanos, step + 1, steps) - scaledPart(simulatedNanos, step, steps));
    }
  }

  /** Waits until interrupted (then throws); gives up after {@link #HANG_LIMIT} and returns. */
  void hang() throws InterruptedException {
    sleepUntil(System.nanoTime() + HANG_LIMIT.toNanos());
  }

  /**
   * Waits {@code real} time and pays no attention to interrupts meanwhile; an interrupt that came
   * in is put back on the thread afterwards.
   *
   * @return whether the thread was interrupted meanwhile
   */
  static boolean waitIgnoringInterrupts(Duration real) {
    long deadline = System.nanoTime() + real.toNanos();
    boolean interrupted = false;
    while (true) {
      try {
        sleepUntil(deadline);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return interrupted;
  }

  private static long scaledPart(long total, int part, int parts) {
    // total may be hours in nanoseconds; multiply in floating point to stay clear of overflow.
    return (long) ((double) total * part / parts);
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    while (true) {
      if (Thread.interrupted()) {
        throw new InterruptedException("cancelled");
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      long slice = Math.min(remaining, SLICE_NANOS);
      Thread.sleep(slice / 1_000_000, (int) (slice % 1_000_000));
    }
  }
}
