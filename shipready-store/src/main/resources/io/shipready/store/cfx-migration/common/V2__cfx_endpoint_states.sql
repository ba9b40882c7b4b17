-- The state each endpoint last published (a ResourceState code) and since when, so a state change
-- is published once, with how long the old state lasted.
CREATE TABLE cfx_endpoint_states (
  source TEXT PRIMARY KEY,
  state  TEXT NOT NULL,
  since  BIGINT NOT NULL
);
