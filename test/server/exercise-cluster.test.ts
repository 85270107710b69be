/**
 * An exercise across two server processes on one Redis and one PostgreSQL: made in A, known through B (from
 * the shared store); students who look its code up through B land on balanced tables that run in A (B asks A
 * for their rows); the facilitator's key opens the exercise through B; the dashboard shows every table's
 * players and a broadcast pause reaches every table. When A dies, B adopts the tables and the exercise's
 * room.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeLookup, TableResult } from "@firebreak/shared";
import { startRedis, type ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import { startPostgres, type ThrowawayPostgres } from "../../server/src/store/throwaway-pg.ts";
import { Teacher } from "./exercise-teacher.ts";
import { freePort, join, type Peer } from "./harness.ts";
import { killServerProcesses, startServerProcess, type ServerProcess } from "./processes.ts";

let pg: ThrowawayPostgres;
let redis: ThrowawayRedis;
beforeAll(async () => {
  [pg, redis] = await Promise.all([startPostgres(), startRedis()]);
}, 120_000);
afterAll(async () => {
  killServerProcesses();
  await Promise.all([pg?.stop(), redis?.stop()]);
});

/** How many tables (crisis rooms) a process runs, by its health endpoint. */
async function roomsOf(p: ServerProcess): Promise<number> {
  return ((await (await fetch(`${p.http}/api/health`)).json()) as { rooms: number }).rooms;
}

describe("an exercise across two processes", () => {
  it("made in A, joined by its code through B; the dashboard and a broadcast reach every table", async () => {
    const database = await pg.database("exercise_cluster");
    const start = async (): Promise<ServerProcess> => {
      const port = await freePort();
      return startServerProcess(port, {
        FIREBREAK_DATABASE_URL: database,
        FIREBREAK_REDIS_URL: redis.url,
        FIREBREAK_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
        FIREBREAK_ADOPT_SECONDS: "1",
        FIREBREAK_DATA_DIR: mkdtempSync(joinPath(tmpdir(), "fb-ex-cluster-")),
      });
    };
    // A alone when the exercise is made, so it and its tables run in A (a room the server makes for an
    // exercise stays where the exercise's lease is); B starts after and holds none of them.
    const a = await start();
    const teacher = new Teacher(
      await new Client(a.url).create("exercise", {
        scenario: "tutorial",
        name: "Cluster class",
        tables: 4,
        turnSeconds: 600,
        seed: "ex-cluster",
      }),
    );
    const made = await teacher.until((d) => d.tables.length === 4 && d.tables.every((t) => t.code !== ""));
    const b = await start();
    expect([await roomsOf(a), await roomsOf(b)]).toEqual([4, 0]);

    // Eight students look the code up through B and join there: two per table, one per seat.
    const students: Peer[] = [];
    for (const name of ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo", "Gus", "Hal"]) {
      const res = await fetch(`${b.http}/api/games/${made.code.toLowerCase()}`);
      expect(res.status).toBe(200);
      const found = (await res.json()) as CodeLookup;
      expect(found.exercise?.name).toBe("Cluster class");
      students.push(
        await join(b.url, found.roomId, { code: found.code, name, role: "player", seat: found.seat }),
      );
    }
    const full = await teacher.until((d) =>
      d.tables.every((t) => t.seats.every((s) => s.players.length === 1)),
    );
    expect(full.tables.map((t) => t.seats.length)).toEqual([2, 2, 2, 2]);

    // The facilitator's key opens the exercise's room through B too (wherever it runs).
    const second = new Teacher(await new Client(b.url).joinById(made.id, { token: teacher.key }));
    await second.until(
      (d) => d.id === made.id && d.tables.every((t) => t.seats.every((s) => s.players.length)),
    );

    // Broadcasts reach every table, whichever process runs it.
    const started = (await teacher.ask("ex:broadcast", { action: "start" })) as { results: TableResult[] };
    expect(started.results.map((r) => r.ok)).toEqual([true, true, true, true]);
    await teacher.until((d) => d.tables.every((t) => t.phase === "planning"));
    const paused = (await second.ask("ex:broadcast", { action: "pause" })) as { results: TableResult[] };
    expect(paused.results.map((r) => r.ok)).toEqual([true, true, true, true]);
    for (const s of students)
      await s.until((v) => v.session.phase === "planning" && v.session.paused === true);
    await teacher.until((d) => d.tables.every((t) => t.paused));

    // Process A dies: B adopts its tables from PostgreSQL and the exercise's room; the key opens it through
    // B, and a broadcast resume reaches every table again.
    await a.kill();
    let third: Teacher | null = null;
    for (let i = 0; i < 100 && third === null; i++) {
      third = await new Client(b.url)
        .joinById(made.id, { token: teacher.key })
        .then((r) => new Teacher(r))
        .catch(() => null);
      if (third === null) await new Promise((r) => setTimeout(r, 100));
    }
    if (third === null) throw new Error(`the exercise was not adopted: ${b.stderr()}`);
    // Every table runs again (a row from a live session, not from a kept state) and is still paused.
    await third.until((d) => d.tables.every((t) => t.phase === "planning" && t.paused), 30_000);
    const resumed = (await third.ask("ex:broadcast", { action: "resume" })) as { results: TableResult[] };
    expect(resumed.results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const after = await third.until((d) => d.tables.every((t) => t.phase === "planning" && !t.paused));
    expect(after.tables.map((t) => t.seats.reduce((n, s) => n + s.players.length, 0))).toEqual([2, 2, 2, 2]);
  }, 120_000);
});
