package io.shipready.backoffice.ingest;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion paused while the database is away: passes are skipped until the next try, which comes
 * later each time (up to {@link #LONGEST}). One log line says it paused and one that it resumed,
 * however many tries there were between.
 */
final class IngestPause {
  private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
  private static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration LONGEST = Duration.ofSeconds(30);

  private long since = -1;
  private long nextTry;
  private Duration wait = FIRST;

  boolean paused() {
    return since >= 0;
  }

  /** Whether a pass should be skipped now. */
  boolean waiting(long now) {
    return paused() && now < nextTry;
  }

  void databaseAway(long now, RuntimeException failure) {
    if (!paused()) {
      since = now;
      wait = FIRST;
      LOG.warn(
          "Ingestion paused: the database cannot be reached ({}); files wait where they are and"
              + " are taken when it is back",
          failure.toString());
    } else {
      wait = wait.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : wait.multipliedBy(2);
    }
    nextTry = now + wait.toMillis();
  }

  void databaseBack(long now) {
    if (paused()) {
      // At the pause's level, so whoever sees the pause sees its end.
      LOG.warn(
          "Ingestion resumed: the database is back after {} s", Math.max(0, (now - since) / 1000));
      since = -1;
      wait = FIRST;
    }
  }
}
