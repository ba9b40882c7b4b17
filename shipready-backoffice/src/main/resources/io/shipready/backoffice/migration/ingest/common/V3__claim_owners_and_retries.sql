-- Who holds a claim, so a restarted back office takes back at once what a dead process of its own
-- host held (a process is known by host, pid and start time: a pid alone may have been reused).
ALTER TABLE ingest_files ADD COLUMN claimed_host TEXT;
ALTER TABLE ingest_files ADD COLUMN claimed_pid BIGINT;
ALTER TABLE ingest_files ADD COLUMN claimed_started BIGINT;

-- A file that failed for a reason other than its content (and other than the database being away)
-- waits until retry_at before it is taken again; after a few attempts it is rejected.
ALTER TABLE ingest_files ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ingest_files ADD COLUMN retry_at BIGINT;
ALTER TABLE ingest_files ADD COLUMN last_error TEXT;
