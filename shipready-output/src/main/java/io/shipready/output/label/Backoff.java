package io.shipready.output.label;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long to keep trying a printer that is offline: the first wait, doubling up to {@code
 * maxDelay}, until {@code giveUpAfter} has passed since the first try. A printer that is out of
 * labels or being reloaded comes back within a couple of minutes, hence the default.
 */
public record Backoff(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofMinutes(2));

  /** One try only. */
  public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO, Duration.ZERO);

  public Backoff {
    requireNonNull(firstDelay, "firstDelay");
    requireNonNull(maxDelay, "maxDelay");
    requireNonNull(giveUpAfter, "giveUpAfter");
    if (firstDelay.isNegative() || maxDelay.isNegative() || giveUpAfter.isNegative()) {
      throw new IllegalArgumentException(
          "backoff durations must not be negative: "
              + firstDelay
              + ", "
              + maxDelay
              + ", "
              + giveUpAfter);
    }
    if (maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "backoff maxDelay " + maxDelay + " is shorter than firstDelay " + firstDelay);
    }
  }

  /** The wait after the given failed attempt (1 for the first). */
  public Duration delayAfter(int attempt) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
