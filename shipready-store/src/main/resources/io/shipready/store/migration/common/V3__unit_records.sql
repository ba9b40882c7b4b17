CREATE INDEX runs_unit ON runs (unit_id);
CREATE INDEX runs_ended ON runs (ended_at);
-- Crash recovery looks for a station's runs that never ended; there are few, so keep only them.
CREATE INDEX runs_open ON runs (station_id) WHERE outcome IS NULL;

-- Every name a unit is known by. One unit owns an identifier (duplicate = 0): that is how a retest
-- finds its unit, and the partial unique index stops two stations creating two units for one new
-- identifier at the same moment. A unit that reports an identifier another unit owns keeps it too,
-- marked duplicate = 1, so a trace by that value shows both units instead of hiding one.
CREATE TABLE unit_identifiers (
  unit_id    BIGINT NOT NULL REFERENCES units (id),
  kind       TEXT NOT NULL,
  value      TEXT NOT NULL,
  duplicate  SMALLINT NOT NULL DEFAULT 0,
  first_seen BIGINT NOT NULL,
  run_key    BIGINT REFERENCES runs (id),
  PRIMARY KEY (unit_id, kind, value)
);
CREATE UNIQUE INDEX unit_identifiers_owner ON unit_identifiers (kind, value) WHERE duplicate = 0;
CREATE INDEX unit_identifiers_value ON unit_identifiers (value);
-- Duplicates are rare: this small index tells a trace at once whether an owner's identifier is
-- carried by another unit too.
CREATE INDEX unit_identifiers_duplicates ON unit_identifiers (kind, value) WHERE duplicate <> 0;

-- Genealogy: a component (by its barcode) built into the unit of a run, at a position or
-- reference designator. The unit is the run's, so it follows the run when units are merged.
CREATE TABLE components (
  run_key   BIGINT NOT NULL REFERENCES runs (id),
  seq       INTEGER NOT NULL,
  step_id   TEXT NOT NULL,
  position  TEXT NOT NULL,
  barcode   TEXT NOT NULL,
  linked_at BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
);
CREATE INDEX components_barcode ON components (barcode);

-- Values a step recorded that no limit judges (an image hash, a hook's output).
CREATE TABLE attributes (
  run_key     BIGINT NOT NULL REFERENCES runs (id),
  seq         INTEGER NOT NULL,
  step_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  value       TEXT NOT NULL,
  recorded_at BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
);

CREATE TABLE images_written (
  run_key    BIGINT NOT NULL REFERENCES runs (id),
  seq        INTEGER NOT NULL,
  step_id    TEXT NOT NULL,
  name       TEXT NOT NULL,
  version    TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
);

-- Both sides of every irreversible operation: BEFORE, then AFTER_SUCCESS or AFTER_FAILURE. A BEFORE
-- with no AFTER is an operation interrupted midway.
CREATE TABLE irreversible_operations (
  run_key     BIGINT NOT NULL REFERENCES runs (id),
  seq         INTEGER NOT NULL,
  step_id     TEXT NOT NULL,
  phase       TEXT NOT NULL,
  detail      TEXT NOT NULL,
  happened_at BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
);

CREATE TABLE labels_printed (
  run_key        BIGINT NOT NULL REFERENCES runs (id),
  seq            INTEGER NOT NULL,
  unit_id        BIGINT REFERENCES units (id),
  template       TEXT NOT NULL,
  printer        TEXT NOT NULL,
  copies         INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  printed_at     BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
);
CREATE INDEX labels_printed_unit ON labels_printed (unit_id);

-- Each row a unit's run put in a vendor-format factory file, as written.
CREATE TABLE factory_file_rows (
  file_name  TEXT NOT NULL,
  row_number BIGINT NOT NULL,
  unit_id    BIGINT REFERENCES units (id),
  run_key    BIGINT REFERENCES runs (id),
  row_text   TEXT NOT NULL,
  written_at BIGINT NOT NULL,
  PRIMARY KEY (file_name, row_number)
);
CREATE INDEX factory_file_rows_unit ON factory_file_rows (unit_id);

-- Every attempt to upload a factory file; a file on the server is never overwritten.
CREATE TABLE uploads (
  file_name    TEXT NOT NULL,
  destination  TEXT NOT NULL,
  attempted_at BIGINT NOT NULL,
  sha256       TEXT NOT NULL,
  size_bytes   BIGINT NOT NULL,
  outcome      TEXT NOT NULL,
  message      TEXT NOT NULL,
  PRIMARY KEY (file_name, destination, attempted_at)
);

-- Where each unit stands with each cloud service the back office provisions it in.
CREATE TABLE provisioning_state (
  unit_id    BIGINT NOT NULL REFERENCES units (id),
  service    TEXT NOT NULL,
  state      TEXT NOT NULL,
  detail     TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (unit_id, service)
);
