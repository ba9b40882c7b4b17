package io.shipready.output.upload;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between tries: doubling from the first wait up to the longest, plus up to half again at
 * random, so stations cut off together do not come back together.
 */
final class Backoff {
  private final Duration first;
  private final Duration max;

  Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
  }

  /** The wait before try number {@code attempt} (2 for the first retry). */
  Duration before(int attempt) {
    long base = first.toMillis();
    for (int i = 2; i < attempt && base < max.toMillis(); i++) {
      base *= 2;
    }
    long jitter = base == 0 ? 0 : ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return Duration.ofMillis(Math.min(max.toMillis(), base + jitter));
  }

  void sleepBefore(int attempt) {
    try {
      Thread.sleep(before(attempt).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UploadException("The upload was interrupted while waiting to try again.", e);
    }
  }
}
