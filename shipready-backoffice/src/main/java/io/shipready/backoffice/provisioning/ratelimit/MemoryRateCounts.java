package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts in this process: right for one back office alone on its (SQLite) database. Each key's
 * buckets change only inside {@link ConcurrentMap#compute}, which is atomic per key, so concurrent
 * requests never both take the last request of a window.
 */
final class MemoryRateCounts implements RateCounts {
  private static final long SWEEP_MILLIS = 60_000;

  private final Clock clock;
  private final ConcurrentMap<String, KeyCounts> keys = new ConcurrentHashMap<>();
  private final AtomicLong nextSweep = new AtomicLong();

  MemoryRateCounts(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public WindowCounts take(
      String key, long bucket, long firstBucket, long limit, long expiresAtMillis) {
    sweepNowAndThen();
    WindowCounts[] result = new WindowCounts[1];
    keys.compute(
        key,
        (k, counts) -> {
          KeyCounts mine = counts == null ? new KeyCounts() : counts;
          result[0] = mine.take(bucket, firstBucket, limit, expiresAtMillis);
          return mine;
        });
    return result[0];
  }

  @Override
  public void giveBack(String key, long bucket) {
    keys.computeIfPresent(
        key,
        (k, counts) -> {
          counts.giveBack(bucket);
          return counts;
        });
  }

  /** Forgets keys (tokens, addresses) whose every bucket has left its window. */
  private void sweepNowAndThen() {
    long now = clock.millis();
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_MILLIS)) {
      return;
    }
    for (String key : keys.keySet()) {
      keys.computeIfPresent(key, (k, counts) -> counts.expiresAt <= now ? null : counts);
    }
  }

  private static final class KeyCounts {
    /** {bucket, count}, oldest first. */
    final ArrayDeque<long[]> buckets = new ArrayDeque<>();

    long used;
    long expiresAt;

    WindowCounts take(long bucket, long firstBucket, long limit, long expiresAtMillis) {
      while (!buckets.isEmpty() && buckets.peekFirst()[0] < firstBucket) {
        used -= buckets.pollFirst()[1];
      }
      boolean taken = used < limit;
      if (taken) {
        long[] last = buckets.peekLast();
        // A request whose clock read came just before another's may name an older bucket: it
        // is counted in the newest one, which only keeps it counted a little longer.
        if (last != null && last[0] >= bucket) {
          last[1]++;
        } else {
          buckets.addLast(new long[] {bucket, 1});
        }
        used++;
        expiresAt = Math.max(expiresAt, expiresAtMillis);
      }
      long[] numbers = new long[buckets.size()];
      long[] counts = new long[buckets.size()];
      int i = 0;
      for (long[] entry : buckets) {
        numbers[i] = entry[0];
        counts[i] = entry[1];
        i++;
      }
      return new WindowCounts(taken, numbers, counts);
    }

    void giveBack(long bucket) {
      for (long[] entry : buckets) {
        if (entry[0] >= bucket && entry[1] > 0) {
          entry[1]--;
          used--;
          return;
        }
      }
    }
  }
}
