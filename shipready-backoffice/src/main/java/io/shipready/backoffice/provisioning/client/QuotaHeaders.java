package io.shipready.backoffice.provisioning.client;

import java.net.http.HttpHeaders;
import java.util.OptionalLong;

/**
 * What an answer says about the quota, each header absent when not sent or not a number.
 *
 * @param limit {@code X-RateLimit-Limit}: requests allowed per window
 * @param remaining {@code X-RateLimit-Remaining}: requests left until the reset
 * @param reset {@code X-RateLimit-Reset}: Unix seconds at which more are allowed (a fixed window's
 *     end, or when a sliding window's oldest counted request leaves it)
 * @param retryAfter {@code Retry-After} on a 429: whole seconds to wait
 */
public record QuotaHeaders(
    OptionalLong limit, OptionalLong remaining, OptionalLong reset, OptionalLong retryAfter) {
  public static final QuotaHeaders NONE =
      new QuotaHeaders(
          OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

  static QuotaHeaders of(HttpHeaders headers) {
    return new QuotaHeaders(
        number(headers, "X-RateLimit-Limit"),
        number(headers, "X-RateLimit-Remaining"),
        number(headers, "X-RateLimit-Reset"),
        number(headers, "Retry-After"));
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .map(
            value -> {
              try {
                return OptionalLong.of(Long.parseLong(value.trim()));
              } catch (NumberFormatException notANumber) {
                return OptionalLong.empty();
              }
            })
        .orElse(OptionalLong.empty());
  }
}
