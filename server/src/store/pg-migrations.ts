/**
 * The PostgreSQL schema's migrations: the files in `migrations/`, applied in name order at start-up, each
 * once, each recorded in `firebreak_migrations`. Processes starting together take turns on an advisory lock,
 * so one applies and the others find them applied.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";

const DIR = new URL("./migrations/", import.meta.url);
/** The advisory lock's key: any constant the other users of the database do not use ("fbmi" in ASCII). */
const LOCK = 0x66626d69;

/** The migration files in the order they apply. */
export function migrationFiles(): string[] {
  return readdirSync(fileURLToPath(DIR))
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Applies the migrations not yet applied, in one transaction; returns the names it applied. */
export async function migrate(c: pg.Client): Promise<string[]> {
  await c.query("BEGIN");
  try {
    await c.query("SELECT pg_advisory_xact_lock($1)", [LOCK]);
    await c.query(
      "CREATE TABLE IF NOT EXISTS firebreak_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    );
    const done = new Set(
      (await c.query<{ name: string }>("SELECT name FROM firebreak_migrations")).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const name of migrationFiles()) {
      if (done.has(name)) continue;
      await c.query(readFileSync(fileURLToPath(new URL(name, DIR)), "utf8"));
      await c.query("INSERT INTO firebreak_migrations (name) VALUES ($1)", [name]);
      applied.push(name);
    }
    await c.query("COMMIT");
    return applied;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  }
}
