package io.shipready.core.model;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * How often a step is tried again, after what pause, and on which endings. A retried step keeps
 * every attempt in the record, so a unit that passed on its third flash is visible as such.
 */
public record RetryPolicy(int count, Duration delay, Set<On> on) {
  public static final RetryPolicy NONE =
      new RetryPolicy(0, Duration.ZERO, EnumSet.noneOf(On.class));

  /** The endings of an attempt that may be retried. */
  public enum On {
    FAIL,
    ERROR,
    TIMEOUT
  }

  public RetryPolicy {
    if (count < 0) {
      throw new IllegalArgumentException("retry count must be 0 or more");
    }
    delay = delay == null ? Duration.ZERO : delay;
    on = on.isEmpty() ? EnumSet.noneOf(On.class) : EnumSet.copyOf(on);
  }

  public int attempts() {
    return count + 1;
  }
}
