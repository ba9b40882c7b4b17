package io.shipready.backoffice.provisioning.ratelimit;

import static java.util.Objects.requireNonNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts in PostgreSQL, so that every back office on the database draws from one quota. One round
 * trip per request: the function {@code rate_take} (migration V2) takes the key's advisory lock,
 * sums the window's buckets, counts the request if there is room and answers the buckets, all in
 * the statement's own transaction. Rows of buckets that left every window are deleted by the key's
 * next request, and every minute for keys no longer used.
 */
final class PostgresRateCounts implements RateCounts {
  private static final long SWEEP_MILLIS = 60_000;

  private final Jdbi jdbi;
  private final Clock clock;
  private final AtomicLong nextSweep = new AtomicLong();

  PostgresRateCounts(Jdbi jdbi, Clock clock) {
    this.jdbi = requireNonNull(jdbi, "jdbi");
    this.clock = requireNonNull(clock, "clock");
  }

  @Override
  public WindowCounts take(
      String key, long bucket, long firstBucket, long limit, long expiresAtMillis) {
    sweepNowAndThen();
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT taken, buckets, counts FROM rate_take(:key, :bucket, :first, :limit,"
                        + " :expires)")
                .bind("key", key)
                .bind("bucket", bucket)
                .bind("first", firstBucket)
                .bind("limit", limit)
                .bind("expires", expiresAtMillis)
                .map((rs, ctx) -> read(rs))
                .one());
  }

  @Override
  public void giveBack(String key, long bucket) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE rate_counts SET used = used - 1"
                        + " WHERE key = :key AND bucket = :bucket AND used > 0")
                .bind("key", key)
                .bind("bucket", bucket)
                .execute());
  }

  private void sweepNowAndThen() {
    long now = clock.millis();
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_MILLIS)) {
      return;
    }
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM rate_counts WHERE expires_at <= :now")
                .bind("now", now)
                .execute());
  }

  private static WindowCounts read(ResultSet rs) throws SQLException {
    return new WindowCounts(
        rs.getBoolean("taken"), longs(rs.getArray("buckets")), longs(rs.getArray("counts")));
  }

  private static long[] longs(Array array) throws SQLException {
    if (array == null) {
      return new long[0];
    }
    Object[] values = (Object[]) array.getArray();
    long[] longs = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      longs[i] = ((Number) values[i]).longValue();
    }
    return longs;
  }
}
