package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How a file that failed for a reason other than its content (a disk fault, a fault of the back
 * office) is tried again: after {@code first}, then twice as long each time up to {@code longest};
 * the attempt numbered {@code attempts} that fails rejects it, saying so.
 */
public record Retries(Duration first, Duration longest, int attempts) {
  /** 1 min, 2, 4, 8..., at most 1 h apart; 5 attempts. */
  public static final Retries DEFAULT = new Retries(Duration.ofMinutes(1), Duration.ofHours(1), 5);

  public Retries {
    requireNonNull(first, "first");
    requireNonNull(longest, "longest");
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be 1 or more, not " + attempts);
    }
  }

  /** The wait before attempt {@code attempt} (2 for the first retry). */
  Duration waitBefore(int attempt) {
    Duration wait = first;
    for (int i = 2; i < attempt && wait.compareTo(longest) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
