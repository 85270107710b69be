/**
 * Which store a server journals to: PostgreSQL when a database URL is configured, else the embedded SQLite
 * file.
 */
import { join } from "node:path";
import type { JournalStore } from "./journal-store.ts";
import { openPostgresStore } from "./pg-store.ts";
import { openSqliteStore } from "./sqlite-store.ts";

/**
 * Reads FIREBREAK_DATABASE_URL: unset or empty means the embedded store; otherwise a postgres:// or
 * postgresql:// URL.
 */
export function parseDatabaseUrl(v: string | undefined): string | null {
  if (v === undefined || v === "") return null;
  if (!/^postgres(ql)?:\/\/\S+$/.test(v))
    throw new Error("FIREBREAK_DATABASE_URL must be a postgres:// or postgresql:// URL");
  return v;
}

/**
 * Opens the configured store, and says where the data is for the start-up line (the URL without its
 * password).
 */
export function openStore(
  databaseUrl: string | null,
  dataDir: string,
): { store: JournalStore; where: string } {
  if (databaseUrl === null)
    return { store: openSqliteStore(join(dataDir, "firebreak.sqlite")), where: dataDir };
  const shown = new URL(databaseUrl);
  shown.password = "";
  return { store: openPostgresStore(databaseUrl), where: `PostgreSQL ${shown.host}${shown.pathname}` };
}
