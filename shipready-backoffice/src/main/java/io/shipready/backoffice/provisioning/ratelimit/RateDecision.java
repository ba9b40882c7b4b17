package io.shipready.backoffice.provisioning.ratelimit;

/**
 * A limiter's answer to one request, with what the response headers tell the client.
 *
 * @param allowed whether the request may go on
 * @param limit requests allowed per window ({@code X-RateLimit-Limit})
 * @param remaining requests left in the window after this one ({@code X-RateLimit-Remaining})
 * @param resetEpochSecond the next moment, in Unix seconds, at which {@code remaining} grows: the
 *     end of a fixed window, or when the oldest counted request slides out of a sliding one; for a
 *     refused request, when one will be taken again ({@code X-RateLimit-Reset})
 * @param retryAfterSeconds for a refused request, whole seconds to wait ({@code Retry-After})
 * @param rule the limit that decided, in words, e.g. {@code 10000 per 300 s per token}
 */
public record RateDecision(
    boolean allowed,
    long limit,
    long remaining,
    long resetEpochSecond,
    long retryAfterSeconds,
    String rule) {

  /** Of two answers to one request, the one whose limit is closer to refusing. */
  static RateDecision closest(RateDecision a, RateDecision b) {
    if (a.allowed() != b.allowed()) {
      return a.allowed() ? b : a;
    }
    if (a.remaining() != b.remaining()) {
      return a.remaining() < b.remaining() ? a : b;
    }
    return a.resetEpochSecond() >= b.resetEpochSecond() ? a : b;
  }
}
