package io.shipready.store.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps and durations as stored: microseconds since the epoch, microseconds. */
public final class Micros {
  private Micros() {}

  public static long of(Instant instant) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }

  public static long of(Duration duration) {
    return duration.toNanos() / 1_000;
  }

  public static Instant instant(long micros) {
    return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
  }

  /** The instant, or null for a NULL column (read as a boxed Long). */
  public static Instant instantOrNull(Long micros) {
    return micros == null ? null : instant(micros);
  }

  public static Duration duration(long micros) {
    return Duration.of(micros, ChronoUnit.MICROS);
  }

  public static Duration durationOrNull(Long micros) {
    return micros == null ? null : duration(micros);
  }
}
