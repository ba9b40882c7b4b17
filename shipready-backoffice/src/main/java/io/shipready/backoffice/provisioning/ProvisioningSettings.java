package io.shipready.backoffice.provisioning;

import static java.util.Objects.requireNonNull;

import io.shipready.backoffice.provisioning.ratelimit.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the provisioning API can be set to, with its default.
 *
 * <ul>
 *   <li>{@code databaseUrl} (required): a SQLite file path, {@code jdbc:sqlite:...} or {@code
 *       jdbc:postgresql://...}; the API keeps its tables there under their own schema history.
 *   <li>{@code rateLimit}: requests per window per token, in fixed windows; default 10,000 per 5
 *       minutes.
 *   <li>{@code sourceRateLimit}: requests per sliding window per source address (the connection's
 *       remote address), as Particle limits each IP address; default none here, so that code
 *       embedding the API (a benchmark of one token from loopback) states it; {@code backoffice
 *       serve} sets Particle's 10,000 per 5 minutes.
 *   <li>{@code addedLatency}: a pause before each API request is handled, to measure a client
 *       against a distant server on loopback; default none.
 *   <li>{@code clock}: the rate limiter's clock; default the system's.
 * </ul>
 */
public final class ProvisioningSettings {
  private final String databaseUrl;
  private final RateLimit rateLimit;
  private final Optional<RateLimit> sourceRateLimit;
  private final Duration addedLatency;
  private final Clock clock;

  private ProvisioningSettings(Builder builder) {
    this.databaseUrl = builder.databaseUrl;
    this.rateLimit = builder.rateLimit;
    this.sourceRateLimit = builder.sourceRateLimit;
    this.addedLatency = builder.addedLatency;
    this.clock = builder.clock;
  }

  public static Builder builder(String databaseUrl) {
    return new Builder(databaseUrl);
  }

  public String databaseUrl() {
    return databaseUrl;
  }

  public RateLimit rateLimit() {
    return rateLimit;
  }

  public Optional<RateLimit> sourceRateLimit() {
    return sourceRateLimit;
  }

  public Duration addedLatency() {
    return addedLatency;
  }

  public Clock clock() {
    return clock;
  }

  /** Builds {@link ProvisioningSettings}. */
  public static final class Builder {
    private final String databaseUrl;
    private RateLimit rateLimit = RateLimit.PARTICLE;
    private Optional<RateLimit> sourceRateLimit = Optional.empty();
    private Duration addedLatency = Duration.ZERO;
    private Clock clock = Clock.systemUTC();

    private Builder(String databaseUrl) {
      this.databaseUrl = requireNonNull(databaseUrl, "databaseUrl");
    }

    public Builder rateLimit(RateLimit rateLimit) {
      this.rateLimit = requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /** The per-source-address limit; null for none. */
    public Builder sourceRateLimit(RateLimit sourceRateLimit) {
      this.sourceRateLimit = Optional.ofNullable(sourceRateLimit);
      return this;
    }

    public Builder addedLatency(Duration addedLatency) {
      requireNonNull(addedLatency, "addedLatency");
      if (addedLatency.isNegative()) {
        throw new IllegalArgumentException("addedLatency must not be negative");
      }
      this.addedLatency = addedLatency;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    public ProvisioningSettings build() {
      return new ProvisioningSettings(this);
    }
  }
}
