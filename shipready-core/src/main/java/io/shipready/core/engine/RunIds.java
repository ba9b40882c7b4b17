package io.shipready.core.engine;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run ids as time-ordered UUIDs (version 7 layout: milliseconds since the epoch, then random bits),
 * so ids sort by start time and sit next to each other in a database index. They come from a
 * per-thread generator: hundreds of slots starting at once must not queue on one shared lock, as
 * they would on {@link UUID#randomUUID()}.
 */
public final class RunIds {
  private RunIds() {}

  public static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
