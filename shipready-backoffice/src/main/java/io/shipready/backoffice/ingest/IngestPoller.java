package io.shipready.backoffice.ingest;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an {@link Ingester} pass every interval on one thread of its own. */
public final class IngestPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPoller.class);

  private final ScheduledExecutorService executor;

  private IngestPoller(ScheduledExecutorService executor) {
    this.executor = executor;
  }

  public static IngestPoller start(Ingester ingester, Duration interval) {
    requireNonNull(ingester, "ingester");
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "backoffice-ingest");
              thread.setDaemon(true);
              return thread;
            });
    String[] failing = {null};
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            ingester.runOnce();
            if (failing[0] != null) {
              LOG.warn("Ingestion passes work again");
              failing[0] = null;
            }
          } catch (RuntimeException e) {
            // The next pass tries again; nothing recorded is lost. The same failure pass after
            // pass is logged once, not every interval.
            if (!e.toString().equals(failing[0])) {
              LOG.error("Ingestion pass failed: {}", e.toString(), e);
              failing[0] = e.toString();
            }
          }
        },
        0,
        Math.max(1, interval.toMillis()),
        TimeUnit.MILLISECONDS);
    return new IngestPoller(executor);
  }

  /** Lets a running pass finish (its file's transaction commits or rolls back), then stops. */
  @Override
  public void close() {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
