-- The provisioning API's own tables, beside the store's and the ingestion's (own history table).
CREATE TABLE products (
  name        TEXT PRIMARY KEY,
  created_at  BIGINT NOT NULL
);

-- Tokens are kept only as the SHA-256 of the secret: a leaked database does not leak tokens.
CREATE TABLE api_tokens (
  token_id    TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  product     TEXT NOT NULL REFERENCES products (name),
  scopes      TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TABLE devices (
  product        TEXT NOT NULL REFERENCES products (name),
  device_id      TEXT NOT NULL,
  serial_number  TEXT,
  name           TEXT,
  claimed_by     TEXT,
  imported_at    BIGINT NOT NULL,
  PRIMARY KEY (device_id)
);
CREATE INDEX devices_by_serial ON devices (serial_number);

CREATE TABLE sims (
  product       TEXT NOT NULL REFERENCES products (name),
  iccid         TEXT NOT NULL PRIMARY KEY,
  status        TEXT NOT NULL,
  activated_at  BIGINT NOT NULL
);

CREATE TABLE device_groups (
  product      TEXT NOT NULL REFERENCES products (name),
  name         TEXT NOT NULL,
  description  TEXT,
  color        TEXT,
  created_at   BIGINT NOT NULL,
  PRIMARY KEY (product, name)
);

CREATE TABLE group_members (
  product     TEXT NOT NULL,
  group_name  TEXT NOT NULL,
  device_id   TEXT NOT NULL,
  PRIMARY KEY (product, group_name, device_id)
);

-- Every state-changing operation once: a repeated identical request only counts a repeat, so a
-- client that re-sends after a crash or a lost answer never applies anything twice.
CREATE TABLE operations (
  product     TEXT NOT NULL,
  kind        TEXT NOT NULL,
  target      TEXT NOT NULL,
  detail      TEXT NOT NULL,
  token_id    TEXT NOT NULL,
  applied_at  BIGINT NOT NULL,
  repeats     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (product, kind, target, detail)
);
