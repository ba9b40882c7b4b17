-- Packing: shipments, their cartons (each on a pallet) and the units packed into them. A unit is
-- packed once (its id is the key of packed_units), so two packing stations sharing the records
-- cannot both ship it. Keys come from the database (AUTOINCREMENT: never reused).
CREATE TABLE shipments (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL UNIQUE,
  line       TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  created_by TEXT NOT NULL
);

-- number counts the shipment's cartons from 1; pallet is the name of the pallet it is stacked on.
-- label_printer and label_sha256 say where the carton's label went and what it held.
CREATE TABLE cartons (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  shipment_id   BIGINT NOT NULL REFERENCES shipments (id),
  number        INTEGER NOT NULL,
  name          TEXT NOT NULL UNIQUE,
  pallet        TEXT NOT NULL,
  packed_at     BIGINT NOT NULL,
  packed_by     TEXT NOT NULL,
  label_printer TEXT NOT NULL,
  label_sha256  TEXT NOT NULL,
  UNIQUE (shipment_id, number)
);

-- scan is what was read off the unit at packing; versions the recipe (and station package)
-- versions of the runs that passed it at each station of its line, as shipped.
CREATE TABLE packed_units (
  unit_id   BIGINT PRIMARY KEY REFERENCES units (id),
  carton_id BIGINT NOT NULL REFERENCES cartons (id),
  position  INTEGER NOT NULL,
  scan      TEXT NOT NULL,
  versions  TEXT NOT NULL
);

CREATE INDEX packed_units_by_carton ON packed_units (carton_id, position);
