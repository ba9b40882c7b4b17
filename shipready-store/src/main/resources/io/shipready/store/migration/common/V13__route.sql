-- What happened to a unit on its line's route besides its runs, with who and when:
--   OVERRIDE  an engineer let the unit into station (reason: why) although the route refused it
--   REWORK    the unit left the line for repair after failing at station (reason: the symptom)
--   REPAIR    the unit was repaired (reason: the symptom, action: what was done, parts: the parts
--             replaced, comma separated) and re-enters the line at station
--   SCRAP     the unit is scrapped (reason: why); every station refuses it from then on
CREATE TABLE route_events (
  unit_id   BIGINT NOT NULL REFERENCES units (id),
  at        BIGINT NOT NULL,
  kind      TEXT NOT NULL,
  station   TEXT NOT NULL,
  user_name TEXT NOT NULL,
  reason    TEXT NOT NULL,
  action    TEXT NOT NULL,
  parts     TEXT NOT NULL,
  PRIMARY KEY (unit_id, at, kind)
);

-- A label stops being valid when its unit is scrapped or repaired: voided says why ('' = valid),
-- so the record shows which printed label must not ship.
ALTER TABLE labels_printed ADD COLUMN voided TEXT NOT NULL DEFAULT '';
ALTER TABLE label_reprints ADD COLUMN voided TEXT NOT NULL DEFAULT '';

-- Retest counts and route gates read a unit's runs by recipe (the line's station).
CREATE INDEX runs_unit_recipe ON runs (unit_id, recipe);
