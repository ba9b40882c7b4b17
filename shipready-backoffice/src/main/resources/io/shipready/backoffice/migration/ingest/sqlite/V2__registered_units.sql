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
