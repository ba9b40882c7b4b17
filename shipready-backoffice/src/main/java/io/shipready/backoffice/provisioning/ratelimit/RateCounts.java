package io.shipready.backoffice.provisioning.ratelimit;

import io.shipready.store.ServiceDatabase;
import java.time.Clock;

/**
 * Where a limiter counts requests: per key, in numbered buckets of time. Kept in this process for
 * one back office on SQLite, and in PostgreSQL when the back office's database is PostgreSQL, so
 * that every instance on that database draws from one quota.
 */
public interface RateCounts {

  /**
   * Counts one request in {@code bucket} if the key's buckets from {@code firstBucket} on hold
   * fewer than {@code limit}, atomically for everyone sharing these counts; drops the key's buckets
   * before {@code firstBucket}.
   *
   * @param expiresAtMillis when {@code bucket} leaves every window, after which it may be deleted
   * @return whether the request was counted, and the window's buckets after the attempt
   */
  WindowCounts take(String key, long bucket, long firstBucket, long limit, long expiresAtMillis);

  /** Uncounts one request taken in {@code bucket}, for a request another limit then refused. */
  void giveBack(String key, long bucket);

  /**
   * The one place that chooses: PostgreSQL counts in its own tables (shared by every back office on
   * that database), SQLite (one back office per file) in this process.
   */
  static RateCounts forDatabase(ServiceDatabase database, Clock clock) {
    return database.postgres()
        ? new PostgresRateCounts(database.jdbi(), clock)
        : new MemoryRateCounts(clock);
  }
}
