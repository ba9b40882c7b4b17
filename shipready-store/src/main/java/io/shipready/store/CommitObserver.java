package io.shipready.store;

import java.time.Duration;

/**
 * Hears every commit of a {@link RecordWriter}: how many events the transaction stored and how long
 * writing it took, for a station's metrics. Runs on the writer thread: it must return at once.
 */
@FunctionalInterface
public interface CommitObserver {
  CommitObserver NONE = (events, took) -> {};

  void committed(int events, Duration took);
}
