package io.shipready.backoffice.provisioning.ratelimit;

/**
 * The limiter's answer to one request, with what the response headers tell the client.
 *
 * @param allowed whether the request may go on
 * @param limit requests allowed per window ({@code X-RateLimit-Limit})
 * @param remaining requests left in this window after this one ({@code X-RateLimit-Remaining})
 * @param resetEpochSecond when the window ends, in Unix seconds ({@code X-RateLimit-Reset})
 * @param retryAfterSeconds for a refused request, whole seconds to wait ({@code Retry-After})
 */
public record RateDecision(
    boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {}
