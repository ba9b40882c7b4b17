package io.shipready.backoffice.provisioning.client;

/**
 * How many requests may be in flight at once: a fixed number, or one found as the run goes.
 *
 * <p>Found by Little's law: to send {@code rate} requests per second when each takes {@code
 * latency} seconds, {@code rate × latency} must be in flight. The rate is what the quota allows
 * from now on ({@code X-RateLimit-Remaining} over the time to {@code X-RateLimit-Reset}), the
 * latency a moving average of the answers' own; the limit aims a quarter above their product. It
 * rises by one per answer while below (so it doubles each round trip, like TCP's slow start) and
 * eases down when above. Latency that climbs past twice the lowest seen is the server queueing, not
 * the network: more in flight would only queue longer, so the sizing uses at most twice the lowest.
 * A 429, a 5xx or a request without an answer halves the limit, once per round trip. Without quota
 * headers it grows by one per round trip while every slot is taken and latency holds, and shrinks
 * when latency climbs (additive increase, multiplicative decrease).
 *
 * <p>Not thread-safe: {@link Pacer} calls it under its lock.
 */
final class InFlightLimit {
  /** Where a found limit starts: small, so a slow or strict API is not hit by a burst. */
  static final int START = 4;

  /** The most a found limit reaches. */
  static final int CAP = 512;

  private static final double HEADROOM = 1.25;
  private static final double LATENCY_WEIGHT = 0.1;
  private static final int WARM_UP_ANSWERS = 10;

  private final boolean fixed;
  private final int cap;
  private double window;
  private double latencyNanos = Double.NaN;
  private double allowedPerSecond = Double.NaN;
  private double lowestLatencyNanos = Double.MAX_VALUE;
  private long answers;
  private long lastCutNanos;
  private boolean cutOnce;

  /** How many answers came back while the limit was each value: the run's spread of limits. */
  private final long[] answersAtLimit;

  private InFlightLimit(boolean fixed, int start, int cap) {
    if (cap < 1) {
      throw new IllegalArgumentException("an in-flight limit is at least 1");
    }
    this.fixed = fixed;
    this.cap = cap;
    this.window = Math.min(start, cap);
    this.answersAtLimit = new long[cap + 1];
  }

  /** Exactly {@code n} in flight at most, whatever the answers say. */
  static InFlightLimit fixed(int n) {
    return new InFlightLimit(true, n, n);
  }

  /** Found from the answers, from {@link #START} up to {@link #CAP}. */
  static InFlightLimit found() {
    return new InFlightLimit(false, START, CAP);
  }

  int limit() {
    return Math.max(1, Math.min(cap, (int) window));
  }

  /**
   * An answer came back.
   *
   * @param latency its round trip, in nanoseconds
   * @param remaining requests left until the reset, or -1 when no answer said
   * @param millisToReset from now to the reset (when {@code remaining} is known)
   * @param full whether every slot was taken when it came back
   * @param now {@link System#nanoTime()}
   */
  void answered(long latency, long remaining, long millisToReset, boolean full, long now) {
    answersAtLimit[limit()]++;
    answers++;
    latencyNanos =
        Double.isNaN(latencyNanos)
            ? latency
            : latencyNanos + LATENCY_WEIGHT * (latency - latencyNanos);
    // The round trip without queueing: the network and the server's own work.
    lowestLatencyNanos = Math.min(lowestLatencyNanos, latency);
    // The rate that spends what is left by the reset; over at least a round trip, since what is
    // left cannot come back sooner than that, however near the reset.
    double allowedNow = Double.NaN;
    if (remaining > 0 && millisToReset > 0) {
      allowedNow = remaining * 1e9 / Math.max(millisToReset * 1e6, sizingLatency());
    }
    if (!Double.isNaN(allowedNow)) {
      // Averaged too: one answer's view of the quota swings widely near a window's end.
      allowedPerSecond =
          Double.isNaN(allowedPerSecond)
              ? allowedNow
              : allowedPerSecond + LATENCY_WEIGHT * (allowedNow - allowedPerSecond);
    }
    if (fixed) {
      return;
    }
    boolean queueing = answers >= WARM_UP_ANSWERS && latencyNanos > 2 * lowestLatencyNanos;
    if (!Double.isNaN(allowedNow)) {
      double wanted =
          Math.max(1, Math.min(cap, allowedPerSecond * sizingLatency() / 1e9 * HEADROOM + 1));
      if (window < wanted) {
        window = Math.min(wanted, window + 1);
      } else {
        // Down by the excess over one round trip's answers.
        window = Math.max(wanted, window - (window - wanted) / window);
      }
    } else if (full) {
      if (queueing) {
        cut(now, 0.9);
      } else {
        window = Math.min(cap, window + 1 / window);
      }
    }
  }

  /** The round trip to size by: the average, but at most twice the lowest (past that it queues). */
  private double sizingLatency() {
    return Math.min(latencyNanos, 2 * lowestLatencyNanos);
  }

  /** A 429, a 5xx or no answer: the server or the way to it is overloaded. */
  void overloaded(long now) {
    if (!fixed) {
      cut(now, 0.5);
    }
  }

  private void cut(long now, double factor) {
    // Once per round trip: the refusals of one burst are one signal, not many.
    double roundTrip = Double.isNaN(latencyNanos) ? 0 : latencyNanos;
    if (cutOnce && now - lastCutNanos < roundTrip) {
      return;
    }
    window = Math.max(1, window * factor);
    lastCutNanos = now;
    cutOnce = true;
  }

  /** The limits the run's answers came back under. */
  InFlightFigures figures() {
    long total = 0;
    int lowest = 0;
    int highest = 0;
    for (int n = 1; n <= cap; n++) {
      if (answersAtLimit[n] > 0) {
        lowest = lowest == 0 ? n : lowest;
        highest = n;
      }
      total += answersAtLimit[n];
    }
    if (total == 0) {
      int now = limit();
      return new InFlightFigures(!fixed, now, now, now, now, now);
    }
    return new InFlightFigures(
        !fixed, at(total, 0.5), at(total, 0.05), at(total, 0.95), lowest, highest);
  }

  private int at(long total, double fraction) {
    long wanted = (long) Math.ceil(total * fraction);
    long seen = 0;
    for (int n = 1; n <= cap; n++) {
      seen += answersAtLimit[n];
      if (seen >= Math.max(1, wanted)) {
        return n;
      }
    }
    return cap;
  }
}
