-- The station package each run was built with: the package's name and version, the SHA-256 of its
-- signed manifest (which names every recipe, image and label template byte for byte), and the
-- fingerprint of the key that signed it ('' when installed unsigned). No row: the run's recipe was
-- not from an installed package.
CREATE TABLE run_packages (
  run_key         BIGINT NOT NULL PRIMARY KEY REFERENCES runs (id),
  name            TEXT NOT NULL,
  version         TEXT NOT NULL,
  manifest_sha256 TEXT NOT NULL,
  signer          TEXT NOT NULL
);
-- Which units were built with a given package.
CREATE INDEX run_packages_manifest ON run_packages (manifest_sha256);
