-- Every timestamp in this schema is microseconds since 1970-01-01T00:00:00Z (BIGINT), every
-- duration is microseconds, every yes/no is a SMALLINT 0/1: the same on SQLite and PostgreSQL.

-- A PC with fixtures running one recipe. config_json is the station's configuration as JSON text.
CREATE TABLE stations (
  station_id    TEXT NOT NULL PRIMARY KEY,
  computer_name TEXT NOT NULL,
  operator      TEXT NOT NULL,
  config_json   TEXT NOT NULL,
  first_seen    BIGINT NOT NULL,
  last_seen     BIGINT NOT NULL
);

-- One place on a station where a unit is attached, and how it was last left.
CREATE TABLE slots (
  station_id TEXT NOT NULL REFERENCES stations (station_id),
  slot       TEXT NOT NULL,
  state      TEXT,
  message    TEXT,
  first_seen BIGINT NOT NULL,
  last_seen  BIGINT NOT NULL,
  PRIMARY KEY (station_id, slot)
);
