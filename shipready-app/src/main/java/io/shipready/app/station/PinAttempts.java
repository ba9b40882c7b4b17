package io.shipready.app.station;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Slows down guessing the engineer PIN from the page: after {@link #ALLOWED} wrong PINs in a row,
 * engineer actions are refused for {@link #LOCKOUT}, whatever PIN is given.
 */
final class PinAttempts {
  static final int ALLOWED = 5;
  static final Duration LOCKOUT = Duration.ofMinutes(1);

  private final LongSupplier nanoTime;
  private int wrongInARow;
  private long lockedUntil;
  private boolean locked;

  PinAttempts(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Seconds engineer actions stay locked, or 0 when a PIN may be tried. */
  synchronized long lockedForSeconds() {
    if (!locked) {
      return 0;
    }
    long left = lockedUntil - nanoTime.getAsLong();
    if (left <= 0) {
      locked = false;
      wrongInARow = 0;
      return 0;
    }
    return Math.max(1, Duration.ofNanos(left).toSeconds());
  }

  synchronized void wrong() {
    wrongInARow++;
    if (wrongInARow >= ALLOWED) {
      locked = true;
      lockedUntil = nanoTime.getAsLong() + LOCKOUT.toNanos();
    }
  }

  synchronized void right() {
    wrongInARow = 0;
  }
}
