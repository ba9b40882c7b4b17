-- Which step printed a label and what its QR code held, so a scanned label can be matched back to
-- the unit and the step that printed it.
ALTER TABLE labels_printed ADD COLUMN step_id TEXT NOT NULL DEFAULT '';
ALTER TABLE labels_printed ADD COLUMN payload TEXT NOT NULL DEFAULT '';
CREATE INDEX labels_printed_payload ON labels_printed (payload);

ALTER TABLE factory_file_rows ADD COLUMN step_id TEXT NOT NULL DEFAULT '';
CREATE INDEX factory_file_rows_run ON factory_file_rows (run_key);

-- A label printed again for a unit outside any run (torn, smudged, lost): who, why, and what
-- exactly went to the printer, so the copy can be told from the first print.
CREATE TABLE label_reprints (
  unit_id        BIGINT NOT NULL REFERENCES units (id),
  printed_at     BIGINT NOT NULL,
  template       TEXT NOT NULL,
  printer        TEXT NOT NULL,
  copies         INTEGER NOT NULL,
  payload        TEXT NOT NULL,
  content_sha256 TEXT NOT NULL,
  operator       TEXT NOT NULL,
  reason         TEXT NOT NULL,
  PRIMARY KEY (unit_id, printed_at)
);
