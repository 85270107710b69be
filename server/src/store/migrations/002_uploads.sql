-- Scenarios facilitators uploaded (docs/protocol.md §3.2): the validated scenario as JSON text, and a SHA-256 of the
-- owner key (the key itself is never stored). The same rows the embedded SQLite store keeps (sqlite-store.ts).
CREATE TABLE uploads (
  id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL,
  scenario TEXT NOT NULL,
  at BIGINT NOT NULL
);
