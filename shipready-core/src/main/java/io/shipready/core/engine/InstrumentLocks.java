package io.shipready.core.engine;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One lock per shared instrument, handed out first come, first served, so a slot waiting for the RF
 * tester is not overtaken forever by its neighbours.
 */
final class InstrumentLocks {
  private final Map<String, Semaphore> locks;

  InstrumentLocks(Collection<String> instruments) {
    this.locks =
        instruments.stream()
            .distinct()
            .collect(
                Collectors.toUnmodifiableMap(Function.identity(), name -> new Semaphore(1, true)));
  }

  void acquire(String instrument) throws InterruptedException {
    lockFor(instrument).acquire();
  }

  void release(String instrument) {
    lockFor(instrument).release();
  }

  private Semaphore lockFor(String instrument) {
    Semaphore lock = locks.get(instrument);
    if (lock == null) {
      throw new IllegalArgumentException(
          "no shared instrument '" + instrument + "'; declare it under station.instruments");
    }
    return lock;
  }
}
