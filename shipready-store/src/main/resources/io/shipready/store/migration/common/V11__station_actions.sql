-- What people did at a station's page, with who did it and in which role: started, stopped or
-- retested a slot, answered a prompt, scanned, and every engineer action (allowed or refused).
-- slot is '' for station-wide actions; allowed is 0 when the action was refused (wrong PIN).
CREATE TABLE station_actions (
  station_id TEXT NOT NULL,
  at         BIGINT NOT NULL,
  slot       TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  role       TEXT NOT NULL,
  action     TEXT NOT NULL,
  detail     TEXT NOT NULL,
  allowed    SMALLINT NOT NULL
);

CREATE INDEX station_actions_by_station ON station_actions (station_id, at);
