package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import io.shipready.core.ShipreadyException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many requests one token may make per window, e.g. Particle's {@code 10000/5m} or a
 * benchmark's {@code 1000/1s}.
 *
 * @param requests requests allowed per window
 * @param window the window's length, a whole number of seconds
 */
public record RateLimit(long requests, Duration window) {
  /** Particle Cloud's documented limit: 10,000 requests per 5 minutes. */
  public static final RateLimit PARTICLE = new RateLimit(10_000, Duration.ofMinutes(5));

  private static final Pattern TEXT = Pattern.compile("(\\d+)\\s*/\\s*(\\d*)\\s*(s|m|h)");

  public RateLimit {
    requireNonNull(window, "window");
    if (requests < 1) {
      throw new ShipreadyException("A rate limit allows at least 1 request, not " + requests);
    }
    if (window.toMillis() < 1000 || window.toMillis() % 1000 != 0) {
      throw new ShipreadyException(
          "A rate-limit window is a whole number of seconds, not " + window);
    }
  }

  /** Parses {@code N/s}, {@code N/10s}, {@code N/5m}, {@code N/1h}. */
  public static RateLimit parse(String text) {
    requireNonNull(text, "text");
    Matcher matcher = TEXT.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new ShipreadyException(
          "Rate limit '"
              + text
              + "' not understood: write requests/window, e.g. 1000/1s or 10000/5m");
    }
    long count = Long.parseLong(matcher.group(1));
    long length = matcher.group(2).isEmpty() ? 1 : Long.parseLong(matcher.group(2));
    Duration window =
        switch (matcher.group(3)) {
          case "s" -> Duration.ofSeconds(length);
          case "m" -> Duration.ofMinutes(length);
          default -> Duration.ofHours(length);
        };
    return new RateLimit(count, window);
  }

  public double perSecond() {
    return requests * 1000.0 / window.toMillis();
  }

  @Override
  public String toString() {
    return requests + "/" + window.toSeconds() + "s";
  }
}
