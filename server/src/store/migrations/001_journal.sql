-- The journal and the games it belongs to: the same rows the embedded SQLite store keeps (sqlite-store.ts).
-- Entries, records, checkpoints and closures are kept as the JSON text the server wrote, byte for byte (not jsonb,
-- which would reorder keys): a record read back is the record that was written.
CREATE TABLE games (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  created BIGINT NOT NULL,
  -- Insertion order, the tie-break between games made in the same millisecond (SQLite's rowid).
  ord BIGSERIAL NOT NULL,
  ended BOOLEAN NOT NULL DEFAULT FALSE,
  rules INTEGER NOT NULL,
  quarantine TEXT,
  record TEXT,
  closed TEXT,
  checkpoint TEXT
);
CREATE INDEX games_code ON games (code, created DESC, ord DESC);
CREATE INDEX games_unfinished ON games (created) WHERE NOT ended AND quarantine IS NULL;

-- One row per accepted request, in order. The primary key also fences: two writers of one game cannot both append
-- entry n; the second one's append fails and its room answers STORE_FAILED.
CREATE TABLE journal (
  game TEXT NOT NULL REFERENCES games (id),
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (game, seq)
);
