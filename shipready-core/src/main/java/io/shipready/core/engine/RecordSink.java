package io.shipready.core.engine;

import java.time.Duration;

/**
 * Where a station's record goes. The engine publishes each event as it happens; the sink stores
 * them. At the end of a run the engine waits here until the run's record is durable, and only then
 * lets anyone show its outcome as final.
 */
public interface RecordSink {

  /** A station that keeps no record: outcomes are shown, flagged as not recorded. */
  RecordSink NONE =
      new RecordSink() {
        @Override
        public boolean awaitDurable(String runId, Duration timeout) {
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
}
