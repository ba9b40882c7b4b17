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

-- Every unit a programming file registered, enabled, with all its identifiers.
CREATE TABLE registered_units (
  device_id TEXT PRIMARY KEY,
  association_id TEXT NOT NULL UNIQUE,
  ble_mac TEXT NOT NULL UNIQUE,
  company_code TEXT NOT NULL,
  profile_version_id TEXT NOT NULL,
  profile_fw_type TEXT NOT NULL,
  bootloader_version_id TEXT NOT NULL,
  bootloader_fw_type TEXT NOT NULL,
  app_version_id TEXT NOT NULL,
  app_fw_type TEXT NOT NULL,
  wifi_version_id TEXT NOT NULL,
  wifi_fw_type TEXT NOT NULL,
  part_no TEXT NOT NULL,
  manufacturer TEXT NOT NULL,
  factory TEXT NOT NULL,
  station_id TEXT NOT NULL,
  hw_version TEXT NOT NULL,
  account TEXT NOT NULL,
  state TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  file_line BIGINT NOT NULL
);

-- RSSI validation rows, each cross-checked against the registered units; flag says what is wrong.
CREATE TABLE rssi_results (
  file_sha256 TEXT NOT NULL,
  line BIGINT NOT NULL,
  kind TEXT NOT NULL,
  rssi INTEGER NOT NULL,
  device_id TEXT NOT NULL,
  association_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  account TEXT NOT NULL,
  flag TEXT,
  PRIMARY KEY (file_sha256, line)
);
CREATE INDEX rssi_results_device ON rssi_results (device_id);
