package io.shipready.core.spi;

import io.shipready.core.event.Event;
import java.time.Duration;

/**
 * Where a station's record goes. The engine hands each event to the sink as it happens, before any
 * other listener sees it, so no display can show what the record has not been given. At the end of
 * a run the engine waits here until the run's record is durable, and only then lets anyone show its
 * outcome as final.
 */
public interface RecordSink extends EventListener {

  /** A station that keeps no record: outcomes are shown, flagged as not recorded. */
  RecordSink NONE =
      new RecordSink() {
        @Override
        public void on(Event event) {}

        @Override
        public boolean awaitDurable(String runId, Duration timeout) {
          return false;
        }

        @Override
        public boolean keepsRecords() {
          return false;
        }
      };

  /**
   * Blocks until every event of the run published so far is durably stored.
   *
   * @return true when the record is durable; false when there is no store
   * @throws io.shipready.core.ShipreadyException when the record could not be stored
   */
  boolean awaitDurable(String runId, Duration timeout) throws InterruptedException;

  /**
   * Blocks while the record is too far behind to take another unit (the store is unreachable or
   * slow): a slot waits here before it takes its next unit, so a store outage never fills memory.
   *
   * @return true when there is room, false when the timeout passed first
   */
  default boolean awaitRoom(Duration timeout) throws InterruptedException {
    return true;
  }

  /**
   * Whether this sink keeps records. A run whose record a keeping sink could not make durable is
   * NOT RECORDED; a station without a store shows its outcomes as not recorded by design.
   */
  default boolean keepsRecords() {
    return true;
  }
}
