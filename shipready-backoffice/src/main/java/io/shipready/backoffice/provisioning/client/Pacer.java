package io.shipready.backoffice.provisioning.client;

import java.time.Clock;
import java.util.OptionalLong;

/**
 * Decides when the next request may go, from what the server says about its quota. At most {@code
 * maxInFlight} requests are out at once. When a response tells how many requests are left in the
 * current window ({@code X-RateLimit-Remaining}) and when it ends ({@code X-RateLimit-Reset}), no
 * more are sent than are left, counting those still in flight as spent; once none are left, every
 * worker waits for the window to end. A 429 pauses everyone until its {@code Retry-After} (or the
 * reset). So the client runs at the server's limit without spending requests on refusals, against
 * Particle's Cloud API and ours alike; with no quota headers at all it is bounded by {@code
 * maxInFlight} and the 429s.
 */
public final class Pacer {
  private final int maxInFlight;
  private final Clock clock;
  private int inFlight;
  private long pausedUntil;
  private long windowEnds = Long.MIN_VALUE;
  private long remaining = -1;
  private long throttled;

  public Pacer(int maxInFlight, Clock clock) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    this.maxInFlight = maxInFlight;
    this.clock = clock;
  }

  /** Waits until one more request may be sent, and counts it as in flight. */
  public synchronized void acquire() throws InterruptedException {
    while (true) {
      long now = clock.millis();
      if (now < pausedUntil) {
        wait(pausedUntil - now);
        continue;
      }
      if (now >= windowEnds) {
        remaining = -1;
      }
      if (inFlight >= maxInFlight) {
        wait(1000);
        continue;
      }
      if (remaining >= 0 && remaining - inFlight <= 0) {
        // Nothing left in this window once the requests in flight are counted; wait for an answer
        // (it may say more is left) or for the window to end.
        wait(Math.max(1, Math.min(windowEnds - now, 1000)));
        continue;
      }
      inFlight++;
      return;
    }
  }

  /**
   * Counts a request as answered, and learns from its quota headers.
   *
   * @param limitRemaining {@code X-RateLimit-Remaining}, if sent
   * @param resetEpochSecond {@code X-RateLimit-Reset}, if sent
   */
  public synchronized void answered(OptionalLong limitRemaining, OptionalLong resetEpochSecond) {
    inFlight--;
    learn(limitRemaining, resetEpochSecond);
    notifyAll();
  }

  /** Counts a request as refused with 429, and pauses everyone as the server asks. */
  public synchronized void throttled(
      OptionalLong retryAfterSeconds, OptionalLong resetEpochSecond) {
    inFlight--;
    throttled++;
    long now = clock.millis();
    long until;
    if (resetEpochSecond.isPresent() && resetEpochSecond.getAsLong() * 1000 > now) {
      until = resetEpochSecond.getAsLong() * 1000;
    } else if (retryAfterSeconds.isPresent()) {
      until = now + Math.max(0, retryAfterSeconds.getAsLong()) * 1000;
    } else {
      until = now + 1000;
    }
    learn(OptionalLong.of(0), resetEpochSecond);
    pausedUntil = Math.max(pausedUntil, until);
    notifyAll();
  }

  /** Counts a request as failed without an answer (connection refused, timeout). */
  public synchronized void failed() {
    inFlight--;
    notifyAll();
  }

  public synchronized long throttledCount() {
    return throttled;
  }

  private void learn(OptionalLong limitRemaining, OptionalLong resetEpochSecond) {
    if (limitRemaining.isEmpty() || resetEpochSecond.isEmpty()) {
      return;
    }
    long ends = resetEpochSecond.getAsLong() * 1000;
    if (ends <= clock.millis()) {
      return;
    }
    if (ends > windowEnds) {
      windowEnds = ends;
      remaining = limitRemaining.getAsLong();
    } else if (ends == windowEnds) {
      remaining =
          remaining < 0
              ? limitRemaining.getAsLong()
              : Math.min(remaining, limitRemaining.getAsLong());
    }
  }
}
