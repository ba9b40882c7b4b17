-- One row per distinct content received: the SHA-256 makes ingestion idempotent, the state column
-- is what back-office processes claim work by.
CREATE TABLE ingest_files (
  sha256 TEXT PRIMARY KEY,
  factory TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_type TEXT,
  state TEXT NOT NULL,
  rows_read BIGINT,
  reason TEXT,
  received_at BIGINT NOT NULL,
  claimed_by TEXT,
  claimed_at BIGINT,
  finished_at BIGINT,
  moved_to TEXT
);
CREATE INDEX ingest_files_state ON ingest_files (state, received_at);

-- One row per file that arrived, duplicates included: what the daily receipt lists.
CREATE TABLE ingest_receipts (
  id TEXT PRIMARY KEY,
  factory TEXT NOT NULL,
  day TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES ingest_files (sha256),
  duplicate_of TEXT
);
CREATE INDEX ingest_receipts_day ON ingest_receipts (factory, day);
