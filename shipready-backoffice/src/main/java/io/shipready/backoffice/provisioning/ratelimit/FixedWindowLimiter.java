package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts requests per key (an API token) in fixed windows aligned on multiples of the window since
 * the Unix epoch, as Particle's "N requests per 5 minutes" reads. Aligned windows make {@code
 * X-RateLimit-Reset} exact in whole seconds, so a client can wait precisely for the next window
 * instead of guessing; a refused request does not use up quota.
 *
 * <p>Hand-written rather than Bucket4j (not available from the registry this build uses) or
 * Resilience4j's limiter (its cycles start when it is created and it does not say when they end,
 * which the reset header needs). It is a few lines of arithmetic on one atomic counter per key.
 */
public final class FixedWindowLimiter {
  private final RateLimit limit;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

  public FixedWindowLimiter(RateLimit limit, Clock clock) {
    this.limit = requireNonNull(limit, "limit");
    this.clock = requireNonNull(clock, "clock");
  }

  public RateLimit limit() {
    return limit;
  }

  /** Takes one request from the key's quota if any is left in the current window. */
  public RateDecision tryAcquire(String key) {
    requireNonNull(key, "key");
    long windowMillis = limit.window().toMillis();
    long now = clock.millis();
    long index = now / windowMillis;
    long resetMillis = (index + 1) * windowMillis;
    Window window =
        windows.compute(
            key, (k, old) -> old == null || old.index < index ? new Window(index) : old);
    long used = window.used.incrementAndGet();
    if (used <= limit.requests()) {
      return new RateDecision(
          true, limit.requests(), limit.requests() - used, resetMillis / 1000, 0);
    }
    window.used.decrementAndGet();
    long retryAfter = Math.max(1, (resetMillis - now + 999) / 1000);
    return new RateDecision(false, limit.requests(), 0, resetMillis / 1000, retryAfter);
  }

  private static final class Window {
    final long index;
    final AtomicLong used = new AtomicLong();

    Window(long index) {
      this.index = index;
    }
  }
}
