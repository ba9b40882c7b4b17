package io.shipready.backoffice.provisioning.client;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when the next request may go, from what the server says about its quota. At most {@link
 * InFlightLimit#limit()} requests are out at once (fixed, or found from the quota and the latency).
 * When a response tells how many requests are left ({@code X-RateLimit-Remaining}) until more are
 * allowed ({@code X-RateLimit-Reset}), no more are sent than are left, counting those still in
 * flight as spent; once none are left, every worker waits for the reset. A 429 pauses everyone
 * until its {@code Retry-After} or the reset, whichever comes first. So the client runs at the
 * server's limit without spending requests on refusals, against Particle's Cloud API and ours
 * alike; with no quota headers at all it is bounded by the in-flight limit and the 429s.
 *
 * <p>A fixed window gives its whole quota back at the reset; a sliding one gives back only what its
 * oldest requests used. So after a reset one request goes alone until an answer says how many are
 * left, unless an earlier reset was seen to give back at least half the limit: then the window is
 * taken as fixed and the reset is used at once.
 */
public final class Pacer {
  private final InFlightLimit limit;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private int inFlight;
  private int waiting;
  private long pausedUntil;
  private long windowEnds = Long.MIN_VALUE;
  private long remaining = -1;
  private boolean resetPassed;
  private boolean refillsWhole = true;
  private long throttled;

  /** At most {@code maxInFlight} requests in flight, always. */
  public static Pacer fixed(int maxInFlight, Clock clock) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    return new Pacer(InFlightLimit.fixed(maxInFlight), clock);
  }

  /** An in-flight limit found from the quota headers and the latency. */
  public static Pacer found(Clock clock) {
    return new Pacer(InFlightLimit.found(), clock);
  }

  private Pacer(InFlightLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = requireNonNull(clock, "clock");
  }

  /** Waits until one more request may be sent, and counts it as in flight. */
  public void acquire() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (true) {
        long now = clock.millis();
        if (now < pausedUntil) {
          await(pausedUntil - now);
          continue;
        }
        if (remaining >= 0 && now >= windowEnds) {
          remaining = -1;
          resetPassed = true;
        }
        if (inFlight >= allowedInFlight()) {
          await(1000);
          continue;
        }
        if (remaining >= 0 && remaining - inFlight <= 0) {
          // Nothing left once the requests in flight are counted; wait for an answer (it may say
          // more is left) or for the reset.
          await(Math.max(1, Math.min(windowEnds - now, 1000)));
          continue;
        }
        inFlight++;
        return;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Counts a request as answered (not 429), and learns from its quota headers and round trip.
   *
   * @param latencyNanos from sending the request to its answer
   */
  public void answered(QuotaHeaders quota, long latencyNanos) {
    lock.lock();
    try {
      boolean full = inFlight >= limit.limit();
      inFlight--;
      learn(quota);
      long now = clock.millis();
      limit.answered(latencyNanos, remaining, windowEnds - now, full, System.nanoTime());
      wake();
    } finally {
      lock.unlock();
    }
  }

  /** Counts a request as refused with 429, and pauses everyone as the server asks. */
  public void throttled(QuotaHeaders quota) {
    lock.lock();
    try {
      inFlight--;
      throttled++;
      limit.overloaded(System.nanoTime());
      long now = clock.millis();
      // Retry-After is whole seconds; a reset may come sooner. The earlier of the two that is
      // still ahead, and never a spin: at least a few milliseconds.
      long until = Long.MAX_VALUE;
      if (quota.reset().isPresent() && quota.reset().getAsLong() * 1000 > now) {
        until = quota.reset().getAsLong() * 1000;
      }
      if (quota.retryAfter().isPresent()) {
        until = Math.min(until, now + Math.max(0, quota.retryAfter().getAsLong()) * 1000);
      }
      if (until == Long.MAX_VALUE) {
        until = now + 1000;
      }
      until = Math.max(until, now + 20);
      if (resetPassed) {
        // Refused right after a reset: it gave back less than was sent at once.
        refillsWhole = false;
      }
      if (quota.reset().isPresent()) {
        learn(
            new QuotaHeaders(quota.limit(), OptionalLong.of(0), quota.reset(), quota.retryAfter()));
      }
      pausedUntil = Math.max(pausedUntil, until);
      wake();
    } finally {
      lock.unlock();
    }
  }

  /** Counts a request as failed without an answer (connection refused, timeout). */
  public void failed() {
    lock.lock();
    try {
      inFlight--;
      limit.overloaded(System.nanoTime());
      wake();
    } finally {
      lock.unlock();
    }
  }

  /** The server answered with an error of its own (5xx): it may be overloaded. */
  public void serverError() {
    lock.lock();
    try {
      limit.overloaded(System.nanoTime());
    } finally {
      lock.unlock();
    }
  }

  public long throttledCount() {
    lock.lock();
    try {
      return throttled;
    } finally {
      lock.unlock();
    }
  }

  /** The in-flight limits the answers came back under so far. */
  public InFlightFigures inFlight() {
    lock.lock();
    try {
      return limit.figures();
    } finally {
      lock.unlock();
    }
  }

  private int allowedInFlight() {
    // After a reset that may give back only part of the quota, one request finds out how much.
    return resetPassed && remaining < 0 && !refillsWhole ? 1 : limit.limit();
  }

  private void await(long millis) throws InterruptedException {
    waiting++;
    try {
      changed.await(millis, TimeUnit.MILLISECONDS);
    } finally {
      waiting--;
    }
  }

  /**
   * Wakes as many waiting workers as may go now, not all of them: hundreds of workers woken for
   * every answer would cost more than the requests.
   */
  private void wake() {
    if (clock.millis() < pausedUntil) {
      return;
    }
    long room = allowedInFlight() - inFlight;
    if (remaining >= 0) {
      room = Math.min(room, remaining - inFlight);
    }
    for (long i = Math.min(room, waiting); i > 0; i--) {
      changed.signal();
    }
  }

  private void learn(QuotaHeaders quota) {
    if (quota.remaining().isEmpty() || quota.reset().isEmpty()) {
      return;
    }
    long left = quota.remaining().getAsLong();
    long ends = quota.reset().getAsLong() * 1000;
    if (ends <= clock.millis()) {
      return;
    }
    if (ends > windowEnds) {
      if (resetPassed && quota.limit().isPresent()) {
        // The first word after a reset: did it give the quota back (a fixed window)?
        refillsWhole = left + 1 >= quota.limit().getAsLong() / 2;
      }
      resetPassed = false;
      windowEnds = ends;
      remaining = left;
    } else if (ends == windowEnds) {
      remaining = remaining < 0 ? left : Math.min(remaining, left);
    }
  }
}
