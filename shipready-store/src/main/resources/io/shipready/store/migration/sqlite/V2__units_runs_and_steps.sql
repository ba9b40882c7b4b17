-- The tables whose keys or storage differ between engines: units and runs get their keys from the
-- database; a run's step attempts and measurements are stored clustered by run (WITHOUT ROWID:
-- one B-tree each, its rows in key order), so writing them is cheap and a trace reads them together.
-- These two, the bulk of every record, declare no foreign key here: the record writer inserts a
-- run's row before anything of the run in the same transaction, and checking the parent row on
-- every one of millions of rows cost SQLite a quarter of its write throughput.
-- AUTOINCREMENT: a unit merged into another is deleted, and its id must never come back.
CREATE TABLE units (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at     BIGINT NOT NULL,
  created_by_run BIGINT
);

-- run_id is the engine's time-ordered UUID; id is the compact key the per-run records use.
-- outcome is NULL while the run is open.
CREATE TABLE runs (
  id             INTEGER PRIMARY KEY,
  run_id         TEXT NOT NULL UNIQUE,
  unit_id        BIGINT REFERENCES units (id),
  station_id     TEXT NOT NULL REFERENCES stations (station_id),
  slot           TEXT NOT NULL,
  unit_number    INTEGER NOT NULL,
  recipe         TEXT NOT NULL,
  recipe_version TEXT NOT NULL,
  recipe_sha256  TEXT NOT NULL,
  variant        TEXT NOT NULL,
  operator       TEXT NOT NULL,
  retest         INTEGER NOT NULL DEFAULT 0,
  started_at     BIGINT NOT NULL,
  ended_at       BIGINT,
  outcome        TEXT,
  failed_step    TEXT,
  message        TEXT,
  duration_us    BIGINT
);

-- One row per attempt of a step; outcome is NULL while the attempt runs (or if it never ended).
CREATE TABLE step_attempts (
  run_key     BIGINT NOT NULL,
  step_id     TEXT NOT NULL,
  attempt     INTEGER NOT NULL,
  seq         INTEGER NOT NULL,
  kind        TEXT NOT NULL,
  started_at  BIGINT NOT NULL,
  ended_at    BIGINT,
  outcome     TEXT,
  message     TEXT,
  duration_us BIGINT,
  PRIMARY KEY (run_key, step_id, attempt)
) WITHOUT ROWID;

-- value_num is the value when it is a number; value_text is the value as taken when it is not a
-- plain double (whose text is its number's). limits is a JSON array of the validators as the recipe
-- wrote them, so a record read years later still says what good meant then.
CREATE TABLE measurements (
  run_key    BIGINT NOT NULL,
  seq        INTEGER NOT NULL,
  step_id    TEXT NOT NULL,
  attempt    INTEGER NOT NULL,
  name       TEXT NOT NULL,
  value_num  DOUBLE PRECISION,
  value_text TEXT,
  units      TEXT NOT NULL,
  limits     TEXT NOT NULL,
  passed     SMALLINT NOT NULL,
  message    TEXT NOT NULL,
  taken_at   BIGINT NOT NULL,
  PRIMARY KEY (run_key, seq)
) WITHOUT ROWID;
