package io.shipready.app.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shipready.store.StoreException;
import io.shipready.store.UploadReceipts;
import io.shipready.store.UploadTally;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-of-day uploads for Prometheus, counted from the upload receipts in the records at scrape
 * time: {@code shipready upload} runs as its own process and keeps every attempt there, so the
 * counts are exact, survive restarts and are the same whichever process serves them. One query
 * serves a whole scrape.
 *
 * <p>As scraped: {@code shipready_upload_files_total{result}} (result {@code sent}, {@code refused}
 * or {@code failed}) and {@code shipready_upload_last_success_timestamp_seconds} (0 before the
 * first file is sent).
 */
final class UploadMetrics {
  private static final Logger log = LoggerFactory.getLogger(UploadMetrics.class);

  /** The result label of each outcome the receipts keep. */
  private static final Map<String, String> RESULTS =
      Map.of(
          UploadReceipts.SENT, "sent",
          UploadReceipts.REFUSED, "refused",
          UploadReceipts.FAILED, "failed");

  /** A scrape reads every meter within this many milliseconds: one query for all of them. */
  private static final long FRESH_MILLIS = 500;

  private final UploadReceipts receipts;
  private Optional<UploadTally> tally = Optional.empty();
  private long readAt;

  UploadMetrics(UploadReceipts receipts) {
    this.receipts = requireNonNull(receipts, "receipts");
  }

  /**
   * Registers the meters. They hold this object weakly, as Micrometer's meters do: whoever binds it
   * must keep it, or the meters go stale after a garbage collection.
   */
  void bindTo(MeterRegistry registry) {
    RESULTS.forEach(
        (outcome, result) ->
            FunctionCounter.builder(
                    "shipready.upload.files",
                    this,
                    m -> m.read().map(t -> (double) t.attempts(outcome)).orElse(Double.NaN))
                .description("Factory files the end-of-day upload tried, by result")
                .tags("result", result)
                .register(registry));
    Gauge.builder(
            "shipready.upload.last.success.timestamp",
            this,
            m ->
                m.read()
                    .map(t -> t.lastSent().map(at -> at.toEpochMilli() / 1000.0).orElse(0.0))
                    .orElse(Double.NaN))
        .description("When the end-of-day upload last sent a file (0: never)")
        .baseUnit("seconds")
        .register(registry);
  }

  /** The tally, read again when older than a scrape; empty when the records cannot be read. */
  private synchronized Optional<UploadTally> read() {
    long now = System.currentTimeMillis();
    if (now - readAt > FRESH_MILLIS) {
      try {
        tally = Optional.of(receipts.tally());
      } catch (StoreException unreadable) {
        // A scrape must still answer with the station's other metrics; NaN says "unknown".
        log.warn("Cannot count the uploads for the metrics: {}", unreadable.getMessage());
        tally = Optional.empty();
      }
      readAt = now;
    }
    return tally;
  }
}
