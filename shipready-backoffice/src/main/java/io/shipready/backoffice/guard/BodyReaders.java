package io.shipready.backoffice.guard;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts the requests receiving their body, over all clients and per client address, so slow
 * senders can hold only some of the server's workers and one address only a few of those.
 */
final class BodyReaders {
  private final int total;
  private final int perSource;
  private final Map<String, Integer> bySource = new HashMap<>();
  private int reading;

  BodyReaders(int total, int perSource) {
    this.total = total;
    this.perSource = perSource;
  }

  /** True, counted, when one more body may be read from this address; release it after. */
  synchronized boolean tryAcquire(String source) {
    int mine = bySource.getOrDefault(source, 0);
    if (reading >= total || mine >= perSource) {
      return false;
    }
    reading++;
    bySource.put(source, mine + 1);
    return true;
  }

  synchronized void release(String source) {
    reading--;
    bySource.computeIfPresent(source, (key, mine) -> mine == 1 ? null : mine - 1);
  }
}
