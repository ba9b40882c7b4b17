package io.shipready.store;

import static java.util.Objects.requireNonNull;

import io.shipready.core.event.Event;
import io.shipready.core.spi.EventListener;
import io.shipready.core.spi.RecordSink;
import io.shipready.store.internal.WriterLoop;
import java.time.Duration;

/**
 * Records one station's events. {@link #on} only queues (it runs on the slot's own thread); one
 * writer thread stores everything queued in one transaction at a time, so many slots share each
 * commit. {@link #awaitDurable} is how the engine knows a run's record is stored for good before it
 * shows the outcome.
 *
 * <p>Subscribe it to the station's event bus and hand it to the station as its {@link RecordSink};
 * close it when the station stops.
 */
public final class RecordWriter implements EventListener, RecordSink, AutoCloseable {
  private final StationInfo station;
  private final WriterLoop loop;
  private final Runnable onClose;

  RecordWriter(StationInfo station, WriterLoop loop, Runnable onClose) {
    this.station = requireNonNull(station, "station");
    this.loop = requireNonNull(loop, "loop");
    this.onClose = requireNonNull(onClose, "onClose");
  }

  public StationInfo station() {
    return station;
  }

  /** Queues the event; returns at once. */
  @Override
  public void on(Event event) {
    loop.enqueue(event);
  }

  /** Events queued and not yet stored: how far the writer is behind the slots. */
  public long pending() {
    return loop.pending();
  }

  /**
   * Blocks while the store is too far behind to take another unit ({@value WriterLoop#MAX_PENDING}
   * events waiting, until half of them are stored).
   *
   * @return true when there is room, false when the timeout passed first
   */
  @Override
  public boolean awaitRoom(Duration timeout) throws InterruptedException {
    return loop.awaitRoom(timeout);
  }

  /** Holds back new units from {@code max} events waiting instead (for tests). */
  void limitPending(int max) {
    loop.limitPending(max);
  }

  /** Tells {@code observer} of every commit from now on (one observer; a new one replaces it). */
  public void observeCommits(CommitObserver observer) {
    loop.observeCommits(observer);
  }

  /**
   * Blocks until every event of the run queued so far is committed.
   *
   * @return true when the record is durable, false when the timeout passed first
   * @throws RecordNotStoredException when the run's record could not be stored
   */
  @Override
  public boolean awaitDurable(String runId, Duration timeout) throws InterruptedException {
    return loop.awaitDurable(runId, timeout);
  }

  /**
   * Stores everything queued, then stops.
   *
   * @throws RecordNotStoredException when some events could not be stored
   */
  @Override
  public void close() {
    try {
      loop.close();
    } finally {
      onClose.run();
    }
  }
}
