package io.shipready.backoffice.provisioning.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The limits' arithmetic, counted in this process, at times the test chooses. */
class WindowLimiterTest {
  private static final long HOUR = 3_600_000;

  @Test
  void aSlidingWindowFreesEachSecondAsItSlidesOut() {
    WindowLimiter limiter =
        WindowLimiter.sliding(
            "source address",
            RateLimit.parse("3/10s"),
            new MemoryRateCounts(Clock.systemUTC()),
            Clock.systemUTC());
    RateDecision first = limiter.tryAcquire("10.0.0.7", 500);
    assertThat(first.allowed()).isTrue();
    assertThat(first.remaining()).isEqualTo(2);
    assertThat(first.resetEpochSecond())
        .as("the second 0..1 s counts until 11 s: the window rounded to the safe side")
        .isEqualTo(11);
    assertThat(limiter.tryAcquire("10.0.0.7", 3_200).remaining()).isEqualTo(1);
    RateDecision third = limiter.tryAcquire("10.0.0.7", 7_900);
    assertThat(third.remaining()).isZero();
    assertThat(third.resetEpochSecond()).isEqualTo(11);

    RateDecision refused = limiter.tryAcquire("10.0.0.7", 9_000);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(refused.rule()).isEqualTo("3 per 10 s (sliding) per source address");
    assertThat(limiter.tryAcquire("10.0.0.7", 10_999).allowed()).isFalse();
    assertThat(limiter.tryAcquire("10.0.0.8", 10_999).allowed())
        .as("another address has its own window")
        .isTrue();

    RateDecision slidOut = limiter.tryAcquire("10.0.0.7", 11_000);
    assertThat(slidOut.allowed()).as("the request of the first second slid out").isTrue();
    assertThat(slidOut.remaining()).isZero();
    assertThat(slidOut.resetEpochSecond()).as("next, the request made at 3.2 s").isEqualTo(14);
    RateDecision again = limiter.tryAcquire("10.0.0.7", 12_000);
    assertThat(again.allowed()).isFalse();
    assertThat(again.retryAfterSeconds()).isEqualTo(2);
  }

  @Test
  void aFixedWindowEndsOnAMultipleOfItsLength() {
    WindowLimiter limiter =
        WindowLimiter.fixed(
            "token",
            new RateLimit(2, Duration.ofHours(1)),
            new MemoryRateCounts(Clock.systemUTC()),
            Clock.systemUTC());
    long start = 7 * HOUR + 1_000;
    assertThat(limiter.tryAcquire("t", start).resetEpochSecond()).isEqualTo(8 * 3600);
    assertThat(limiter.tryAcquire("t", start + 10).allowed()).isTrue();
    RateDecision refused = limiter.tryAcquire("t", 8 * HOUR - 1_500);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    assertThat(limiter.tryAcquire("t", 8 * HOUR).remaining()).isEqualTo(1);
  }

  @Test
  void aRequestEitherLimitRefusesUsesNoQuotaOfTheOther() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:10:00Z"), ZoneOffset.UTC);
    RequestLimits limits =
        new RequestLimits(
            new RateLimit(5, Duration.ofHours(1)),
            Optional.of(new RateLimit(2, Duration.ofHours(1))),
            new MemoryRateCounts(clock),
            clock);
    RateDecision first = limits.admit("token-a", "10.0.0.7");
    assertThat(first.limit()).as("the headers describe the limit closer to refusing").isEqualTo(2);
    assertThat(first.remaining()).isEqualTo(1);
    assertThat(limits.admit("token-a", "10.0.0.7").allowed()).isTrue();
    RateDecision bySource = limits.admit("token-a", "10.0.0.7");
    assertThat(bySource.allowed()).isFalse();
    assertThat(bySource.rule()).endsWith("per source address");

    // The refused request was given back to the token: 3 of its 5 are left.
    for (int i = 0; i < 2; i++) {
      assertThat(limits.admit("token-a", "10.0.0." + (20 + i)).allowed()).isTrue();
    }
    RateDecision last = limits.admit("token-a", "10.0.0.30");
    assertThat(last.allowed()).isTrue();
    assertThat(last.limit()).isEqualTo(5);
    assertThat(last.remaining()).isZero();
    RateDecision byToken = limits.admit("token-a", "10.0.0.31");
    assertThat(byToken.allowed()).isFalse();
    assertThat(byToken.rule()).isEqualTo("5 per 3600 s per token");
    assertThat(limits.admit("token-b", "10.0.0.31").allowed())
        .as("the address's quota was not used by the token's refusal")
        .isTrue();
  }
}
