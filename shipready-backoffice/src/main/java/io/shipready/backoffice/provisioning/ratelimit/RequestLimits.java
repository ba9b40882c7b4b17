package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Optional;

/**
 * The provisioning API's two limits on each request: per token (fixed windows, shipready's own)
 * and, when set, per source address (a sliding window, as Particle limits each IP address). A
 * request must fit both; one that either refuses uses no quota of the other. The answer describes
 * the limit closer to refusing, so a client pacing on the headers paces on the tighter one.
 */
public final class RequestLimits {
  private final WindowLimiter perToken;
  private final WindowLimiter perSource;
  private final Clock clock;

  /**
   * @param perSource the per-address limit, or empty for none
   */
  public RequestLimits(
      RateLimit perToken, Optional<RateLimit> perSource, RateCounts counts, Clock clock) {
    requireNonNull(perToken, "perToken");
    requireNonNull(perSource, "perSource");
    this.clock = requireNonNull(clock, "clock");
    this.perToken = WindowLimiter.fixed("token", perToken, counts, clock);
    this.perSource =
        perSource
            .map(limit -> WindowLimiter.sliding("source address", limit, counts, clock))
            .orElse(null);
  }

  /** Takes one request from the token's quota and the source address's, or from neither. */
  public RateDecision admit(String tokenId, String sourceAddress) {
    requireNonNull(tokenId, "tokenId");
    requireNonNull(sourceAddress, "sourceAddress");
    long now = clock.millis();
    RateDecision byToken = perToken.tryAcquire(tokenId, now);
    if (!byToken.allowed() || perSource == null) {
      return byToken;
    }
    RateDecision bySource = perSource.tryAcquire(sourceAddress, now);
    if (!bySource.allowed()) {
      perToken.giveBack(tokenId, now);
    }
    return RateDecision.closest(byToken, bySource);
  }
}
