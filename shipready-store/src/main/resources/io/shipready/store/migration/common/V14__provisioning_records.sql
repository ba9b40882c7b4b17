-- Each cloud provisioning operation done for a unit (shipready provision --db), written as it
-- completes: import into the product, SIM activation, group, name, claim. target is what the
-- operation names (the device id, the ICCID, the group, the new name), never a secret; run_key is
-- the run that queued the unit (its provisioning-queue row), else the unit's latest run.
--   result  DONE, FAILED or NOT_ATTEMPTED (the run stopped before it)
--   status  the HTTP status of the answer; 0 when there was none
CREATE TABLE provisioning_operations (
  unit_id    BIGINT NOT NULL REFERENCES units (id),
  at         BIGINT NOT NULL,
  operation  TEXT NOT NULL,
  run_key    BIGINT REFERENCES runs (id),
  product    TEXT NOT NULL,
  target     TEXT NOT NULL,
  result     TEXT NOT NULL,
  status     INTEGER NOT NULL,
  message    TEXT NOT NULL,
  api        TEXT NOT NULL,
  queue_file TEXT NOT NULL,
  queue_line INTEGER NOT NULL,
  PRIMARY KEY (unit_id, at, operation)
);
CREATE INDEX provisioning_operations_run ON provisioning_operations (run_key);
