-- Exercises (docs/protocol.md §20): each row one exercise whole, as JSON text, with its join code and creation
-- time beside it for lookups and pruning. The same rows the embedded store keeps (server/src/exercises/store.ts).
CREATE TABLE exercises (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  created BIGINT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX exercises_code ON exercises (code);
