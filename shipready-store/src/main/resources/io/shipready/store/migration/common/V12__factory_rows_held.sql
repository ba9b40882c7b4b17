-- A factory-file row a run did not write because the day's file already has the unit's row of an
-- earlier run (a retest that passed again): one row per unit a day, and the later pass kept here,
-- with the fields its row would have had, so nothing is lost and the trace says why.
CREATE TABLE factory_rows_held (
  run_key      BIGINT NOT NULL REFERENCES runs (id),
  step_id      TEXT NOT NULL,
  unit_id      BIGINT REFERENCES units (id),
  file_name    TEXT NOT NULL,
  kept_run_key BIGINT NOT NULL REFERENCES runs (id),
  fields_json  TEXT NOT NULL,
  held_at      BIGINT NOT NULL,
  PRIMARY KEY (run_key, step_id)
);
CREATE INDEX factory_rows_held_unit ON factory_rows_held (unit_id);
