-- The provisioning API's rate limits, counted here when the back office's database is PostgreSQL,
-- so that every back-office instance on this database draws from one quota (SQLite: one instance,
-- counted in its process). Requests are counted per key (a token or a source address, with the
-- bucket length) in numbered buckets of time; a limit sums the buckets of its window.
CREATE TABLE rate_counts (
  key         TEXT NOT NULL,
  bucket      BIGINT NOT NULL,
  used        BIGINT NOT NULL,
  -- Unix milliseconds after which no window counts this bucket any more: then it may be deleted.
  expires_at  BIGINT NOT NULL,
  PRIMARY KEY (key, bucket)
);
CREATE INDEX rate_counts_by_expiry ON rate_counts (expires_at);

-- Counts one request for p_key in p_bucket if its buckets from p_first on hold fewer than
-- p_limit, and answers the window's buckets after the attempt, in one round trip. The key's
-- advisory lock (two-int form, class 19001: apart from Flyway's single-bigint lock) makes the
-- check and the count one step for every instance; being VOLATILE, each statement below sees what
-- the previous holder of the lock committed. The lock ends with the caller's transaction.
CREATE FUNCTION rate_take(
  p_key TEXT, p_bucket BIGINT, p_first BIGINT, p_limit BIGINT, p_expires_at BIGINT,
  OUT taken BOOLEAN, OUT buckets BIGINT[], OUT counts BIGINT[])
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  total BIGINT;
BEGIN
  -- A count lost in a database crash only lets a few more requests through afterwards: not worth
  -- a disk flush per request. Set for the caller's transaction, which commits right after.
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(19001, hashtext(p_key));
  DELETE FROM rate_counts WHERE key = p_key AND bucket < p_first;
  SELECT COALESCE(SUM(used), 0) INTO total
    FROM rate_counts WHERE key = p_key AND bucket >= p_first;
  taken := total < p_limit;
  IF taken THEN
    INSERT INTO rate_counts (key, bucket, used, expires_at)
      VALUES (p_key, p_bucket, 1, p_expires_at)
      ON CONFLICT (key, bucket) DO UPDATE SET used = rate_counts.used + 1;
  END IF;
  SELECT array_agg(c.bucket ORDER BY c.bucket), array_agg(c.used ORDER BY c.bucket)
    INTO buckets, counts
    FROM rate_counts c WHERE c.key = p_key AND c.bucket >= p_first;
END
$$;
