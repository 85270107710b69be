/**
 * The PostgreSQL store does what every store does, against a throwaway server; its migrations apply once and
 * are recorded.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create } from "../testing/fixtures.ts";
import { migrationFiles } from "./pg-migrations.ts";
import { openPostgresStore } from "./pg-store.ts";
import { storeContract } from "./store-contract.ts";
import { freeTcpPort, startPostgres, type ThrowawayPostgres } from "./throwaway-pg.ts";

let server: ThrowawayPostgres;
let n = 0;
/** A URL to a fresh, empty database for each test (made before the test runs). */
const urls: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
  for (let i = 0; i < 12; i++) urls.push(await server.database(`contract_${i}`));
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

describe("the PostgreSQL store", () => {
  storeContract(() => {
    const url = urls[n++];
    if (url === undefined) throw new Error("more contract tests than databases made for them");
    return { open: () => openPostgresStore(url) };
  });

  it("applies its migrations once, recorded in firebreak_migrations, however often and however many open it", async () => {
    const url = await server.database("migrations_twice");
    const stores = [openPostgresStore(url), openPostgresStore(url)];
    stores[0]?.create("gOne", "ACDEFG", create);
    for (const s of stores) s.close();
    const again = openPostgresStore(url);
    expect(again.entries("gOne")).toEqual([create]);
    again.close();
    const rows = await query<{ name: string }>(url, "SELECT name FROM firebreak_migrations ORDER BY name");
    expect(rows.map((r) => r.name)).toEqual(migrationFiles());
    expect(migrationFiles().length).toBeGreaterThan(0);
  });

  it("refuses to start when PostgreSQL cannot be reached, saying so", async () => {
    const port = await freeTcpPort();
    expect(() => openPostgresStore(`postgres://postgres@127.0.0.1:${port}/postgres`, 2_000)).toThrow(
      /PostgreSQL store: .*(ECONNREFUSED|connect)/,
    );
  });

  it("throws (so the room answers STORE_FAILED) when PostgreSQL goes away, and works again once it is back", async () => {
    const url = await server.database("goes_away");
    const store = openPostgresStore(url, 2_000);
    store.create("gOne", "ACDEFG", create);
    // Cut the store's connection from the server's side, as a PostgreSQL restart would.
    const cut = await query<{ ok: boolean }>(
      url,
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = 'firebreak' AND datname = current_database()",
    );
    expect(cut.map((r) => r.ok)).toEqual([true]);
    let failures = 0;
    for (let i = 0; i < 2; i++) {
      try {
        store.append("gOne", { kind: "pause", at: 2_000 + i, by: "mF" });
      } catch {
        failures++;
      }
    }
    // At most the first call after the cut fails; the next one reconnects.
    expect(failures).toBeLessThanOrEqual(1);
    expect(store.entries("gOne").length).toBe(3 - failures);
    store.close();
  });

  it("leases: a game runs in one process; a dead process's games are adopted by another, which then alone writes them", async () => {
    const url = await server.database("leases");
    const a = openPostgresStore(url, 2_000);
    const b = openPostgresStore(url, 2_000);
    a.create("gHeld", "ACDEFG", create);
    a.create("gDone", "CDEFGH", create);
    expect(b.leases?.claim("gHeld")).toBe(false);
    expect(b.leases?.claimOrphans()).toEqual([]);
    a.finish("gDone");
    expect(b.unfinished().map((g) => g.id)).toEqual(["gHeld"]);
    // A's connection dies (as when its process is killed): B adopts the game, reads its journal and writes
    // on.
    await query(
      url,
      "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND " +
        "database = (SELECT oid FROM pg_database WHERE datname = current_database())",
    );
    // (pg_terminate_backend asks; the backend ends, and its locks with it, a moment later.)
    let adopted: string[] = [];
    for (let i = 0; i < 100 && adopted.length === 0; i++) {
      adopted = (b.leases?.claimOrphans() ?? []).map((g) => g.id);
      if (adopted.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(adopted).toEqual(["gHeld"]);
    expect(b.leases?.claim("gHeld")).toBe(true);
    expect(b.entries("gHeld")).toEqual([create]);
    b.append("gHeld", { kind: "pause", at: 2_000, by: "mF" });
    // A, back on a new connection, finds its lease gone and writes nothing.
    // (The first call may instead meet the broken connection, if A's worker has not noticed yet.)
    const errors: string[] = [];
    for (let i = 0; i < 2; i++) {
      try {
        a.append("gHeld", { kind: "pause", at: 2_001, by: "mF" });
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    expect(errors.length).toBe(2);
    expect(errors.at(-1)).toMatch(/LEASE_LOST/);
    expect(a.leases?.claim("gHeld")).toBe(false);
    expect(b.entries("gHeld").length).toBe(2);
    // Released when B finishes it.
    b.finish("gHeld");
    expect(a.leases?.claimOrphans()).toEqual([]);
    a.create("gNext", "DEFGHJ", create);
    a.close();
    // A closed store's connection has ended, and its leases with it.
    expect(b.leases?.claimOrphans().map((g) => g.id)).toEqual(["gNext"]);
    b.close();
  });

  it("while PostgreSQL refuses connections, calls fail (at once after a failed attempt); once it accepts them, calls work", async () => {
    const url = await server.database("refusing");
    const store = openPostgresStore(url, 2_000);
    store.create("gOne", "ACDEFG", create);
    await query(server.url, "ALTER DATABASE refusing WITH ALLOW_CONNECTIONS false");
    await query(
      server.url,
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'refusing'",
    );
    const errors: string[] = [];
    for (let i = 0; i < 3; i++) {
      try {
        store.append("gOne", { kind: "pause", at: 2_000 + i, by: "mF" });
      } catch (e) {
        errors.push((e as Error).message);
      }
    }
    expect(errors.length).toBe(3);
    expect(errors.at(-1)).toMatch(/unreachable/);
    await query(server.url, "ALTER DATABASE refusing WITH ALLOW_CONNECTIONS true");
    let saved = false;
    for (let i = 0; i < 100 && !saved; i++) {
      try {
        store.append("gOne", { kind: "pause", at: 3_000, by: "mF" });
        saved = true;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(saved).toBe(true);
    expect(store.entries("gOne").length).toBe(2);
    store.close();
  });
});
