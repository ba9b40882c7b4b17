-- IPC-CFX messages waiting for (or already handed to) a broker, written in the same transaction as
-- the records they describe. id orders them; unique_id is the message's UniqueID, the same on every
-- resend. source is the sending endpoint's CFX handle: each station drains its own. envelope is the
-- whole message as published. sent_at is NULL until every configured broker has accepted it.
-- AUTOINCREMENT: an id is never reused, so "everything up to id N was sent" stays true.
CREATE TABLE cfx_outbox (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  unique_id    TEXT NOT NULL UNIQUE,
  source       TEXT NOT NULL,
  message_name TEXT NOT NULL,
  envelope     TEXT NOT NULL,
  created_at   BIGINT NOT NULL,
  sent_at      BIGINT
);

CREATE INDEX cfx_outbox_pending ON cfx_outbox (source, id) WHERE sent_at IS NULL;
