package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;

/**
 * One limit applied per key (a token, a source address), counted in {@link RateCounts}.
 *
 * <p>A <b>fixed</b> window is one bucket as long as the window, aligned on multiples of it since
 * the Unix epoch, as shipready's per-token limit reads: {@code X-RateLimit-Reset} is then exact in
 * whole seconds. A <b>sliding</b> window (Particle's per-address limit) is counted in one-second
 * buckets: a request counts until the second it was made in lies wholly outside the window, so for
 * between one window and one window plus a second. That is the true sliding window rounded to the
 * safe side, and it makes {@code Retry-After} exact too: the moment enough old seconds have slid
 * out. A refused request is not counted.
 *
 * <p>Hand-written rather than Bucket4j (not available from the registry this build uses) or
 * Resilience4j's limiter (its cycles start when it is created and it does not say when they end,
 * which the reset header needs), and because the same arithmetic must run on counts kept in
 * PostgreSQL.
 */
public final class WindowLimiter {
  private final String name;
  private final RateLimit limit;
  private final long bucketMillis;
  private final int span;
  private final String keyPrefix;
  private final RateCounts counts;
  private final Clock clock;

  private WindowLimiter(
      String name, RateLimit limit, long bucketMillis, int span, RateCounts counts, Clock clock) {
    this.name = requireNonNull(name, "name");
    this.limit = requireNonNull(limit, "limit");
    this.bucketMillis = bucketMillis;
    this.span = span;
    this.counts = requireNonNull(counts, "counts");
    this.clock = requireNonNull(clock, "clock");
    // The bucket length is part of the key: counts made under another length are not misread.
    this.keyPrefix = name + "/" + bucketMillis / 1000 + "s:";
  }

  /**
   * @param name what a key is, in words and in stored keys, e.g. {@code token}
   */
  public static WindowLimiter fixed(String name, RateLimit limit, RateCounts counts, Clock clock) {
    return new WindowLimiter(name, limit, limit.window().toMillis(), 1, counts, clock);
  }

  /**
   * @param name what a key is, in words and in stored keys, e.g. {@code source address}
   */
  public static WindowLimiter sliding(
      String name, RateLimit limit, RateCounts counts, Clock clock) {
    return new WindowLimiter(
        name, limit, 1000, Math.toIntExact(limit.window().toSeconds() + 1), counts, clock);
  }

  public RateLimit limit() {
    return limit;
  }

  /** Takes one request from the key's quota if the window has room for it. */
  public RateDecision tryAcquire(String key) {
    return tryAcquire(key, clock.millis());
  }

  /** As {@link #tryAcquire(String)}, at {@code now} (Unix milliseconds). */
  public RateDecision tryAcquire(String key, long now) {
    requireNonNull(key, "key");
    long bucket = now / bucketMillis;
    WindowCounts window =
        counts.take(
            keyPrefix + key,
            bucket,
            bucket - span + 1,
            limit.requests(),
            (bucket + span) * bucketMillis);
    return decide(window, now);
  }

  /** Uncounts a request {@link #tryAcquire(String, long)} took at {@code now}. */
  public void giveBack(String key, long now) {
    counts.giveBack(keyPrefix + requireNonNull(key, "key"), now / bucketMillis);
  }

  private RateDecision decide(WindowCounts window, long now) {
    long used = window.used();
    // remaining grows once the count falls below this: for an accepted request, when its oldest
    // counted request leaves; for a refused one, when a request fits again.
    long below = Math.min(used, limit.requests());
    long freeAt = now;
    long left = used;
    for (int i = 0; i < window.buckets().length; i++) {
      left -= window.counts()[i];
      if (left < below) {
        freeAt = (window.buckets()[i] + span) * bucketMillis;
        break;
      }
    }
    long reset = (freeAt + 999) / 1000;
    String rule =
        limit.requests()
            + " per "
            + limit.window().toSeconds()
            + " s "
            + (span == 1 ? "" : "(sliding) ")
            + "per "
            + name;
    if (window.taken()) {
      return new RateDecision(
          true, limit.requests(), Math.max(0, limit.requests() - used), reset, 0, rule);
    }
    long retryAfter = Math.max(1, (freeAt - now + 999) / 1000);
    return new RateDecision(false, limit.requests(), 0, reset, retryAfter, rule);
  }
}
