/**
 * An exercise across cluster processes on one Redis and one PostgreSQL. Two processes: made in A, known
 * through B (from the shared store); students who look its code up through A and B in turn land on balanced
 * tables that run in A, a seat each (B asks A, which runs the exercise's room, to answer); the facilitator's
 * key opens the exercise through B; the dashboard shows every table's players and a broadcast pause reaches
 * every table; when A dies, B adopts the tables and the exercise's room. Three processes: A stops and hands
 * its tables to B and C, two each, so the exercise's room runs beside two of them only; the lookup, the
 * dashboard, a broadcast and moves reach the other two.
 */
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import type { CodeLookup, TableResult } from "@firebreak/shared";
import { startClusterProcess, throwawayServers } from "./cluster-checks.ts";
import { Teacher } from "./exercise-teacher.ts";
import { join, type Peer } from "./harness.ts";
import type { ServerProcess } from "./processes.ts";

const servers = throwawayServers();

/** A cluster process on `database`, looking for games no process holds every `adopt` seconds. */
async function start(database: string, adopt = "1"): Promise<ServerProcess> {
  return startClusterProcess(database, servers.redis().url, { FIREBREAK_ADOPT_SECONDS: adopt });
}

/** How many tables (crisis rooms) a process runs, by its health endpoint. */
async function roomsOf(p: ServerProcess): Promise<number> {
  return ((await (await fetch(`${p.http}/api/health`)).json()) as { rooms: number }).rooms;
}

describe("an exercise across cluster processes", () => {
  it("made in A, joined by its code through B; the dashboard and a broadcast reach every table", async () => {
    const database = await servers.pg().database("exercise_cluster");
    // A alone when the exercise is made, so it and its tables run in A (a room the server makes for an
    // exercise stays where the exercise's lease is); B starts after and holds none of them.
    const a = await start(database);
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
    const b = await start(database);
    expect([await roomsOf(a), await roomsOf(b)]).toEqual([4, 0]);

    // Eight students look the code up, through A and B in turn, all before anyone has joined (a class
    // typing the code at once behind a load balancer): the process running the exercise's room answers every
    // lookup, so each is sent to a seat of its own (two processes counting their own handouts would send the
    // first two to the same seat). Then they join through B: two per table, one per seat.
    const names = ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo", "Gus", "Hal"];
    const lookups: CodeLookup[] = [];
    for (const [i] of names.entries()) {
      const res = await fetch(`${(i % 2 ? b : a).http}/api/games/${made.code.toLowerCase()}`);
      expect(res.status).toBe(200);
      const found = (await res.json()) as CodeLookup;
      expect(found.exercise?.name).toBe("Cluster class");
      lookups.push(found);
    }
    expect(new Set(lookups.map((f) => `${f.roomId}/${f.seat}`)).size).toBe(8);
    const students: Peer[] = [];
    for (const [i, found] of lookups.entries())
      students.push(
        await join(b.url, found.roomId, {
          code: found.code,
          name: names[i] as string,
          role: "player",
          seat: found.seat,
        }),
      );
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

  it("tables handed over to two other processes: the exercise's room reaches those it does not run", async () => {
    const database = await servers.pg().database("exercise_split");
    const a = await start(database);
    const teacher = new Teacher(
      await new Client(a.url).create("exercise", {
        scenario: "tutorial",
        name: "Split class",
        tables: 4,
        turnSeconds: 600,
        seed: "ex-split",
      }),
    );
    const made = await teacher.until((d) => d.tables.length === 4 && d.tables.every((t) => t.code !== ""));
    // B and C look for orphan games every ten minutes: the tables move by A's hand-over only.
    const [b, c] = [await start(database, "600"), await start(database, "600")];
    // A stops: it hands its four tables over, two to each of B and C (the fewest rooms each time), and gives
    // the exercise's lease back; B or C adopts the exercise's room, so two tables run in the other process.
    expect(await a.stop()).toBe(0);
    let facilitator: Teacher | null = null;
    for (let i = 0; i < 100 && facilitator === null; i++) {
      facilitator = await new Client(b.url)
        .joinById(made.id, { token: teacher.key })
        .then((r) => new Teacher(r))
        .catch(() => null);
      if (facilitator === null) await new Promise((r) => setTimeout(r, 100));
    }
    if (facilitator === null) throw new Error(`the exercise was not adopted: ${b.stderr()} ${c.stderr()}`);
    // Two each as assigned (one more in one of them if an assignee was slow and the other took its table).
    let [inB, inC] = [0, 0];
    for (let i = 0; i < 200 && inB + inC < 4; i++) {
      [inB, inC] = [await roomsOf(b), await roomsOf(c)];
      if (inB + inC < 4) await new Promise((r) => setTimeout(r, 50));
    }
    expect(inB + inC).toBe(4);
    expect(Math.min(inB, inC)).toBeGreaterThan(0);
    // Every row from a live session (not a kept state), wherever the table runs.
    await facilitator.until(
      (d) => d.tables.every((t) => t.phase === "lobby" && t.seats.length === 2),
      30_000,
    );
    // Eight students through C, placed one per seat wherever their table runs, before the tables start (bots
    // alone would play them to their end at once).
    const seatOf = new Map<string, { table: string; seat: string }>();
    const students: Peer[] = [];
    for (const name of ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo", "Gus", "Hal"]) {
      const found = (await (await fetch(`${c.http}/api/games/${made.code}`)).json()) as CodeLookup;
      const p = await join(c.url, found.roomId, { code: found.code, name, role: "player", seat: found.seat });
      students.push(p);
      seatOf.set(name, { table: found.roomId, seat: found.seat as string });
    }
    await facilitator.until((x) => x.tables.every((t) => t.seats.every((q) => q.players.length === 1)));
    const started = (await facilitator.ask("ex:broadcast", { action: "start" })) as {
      results: TableResult[];
    };
    expect(started.results.map((r) => r.ok)).toEqual([true, true, true, true]);
    const d = await facilitator.until((x) => x.tables.every((t) => t.phase === "planning"));

    // Ana moved round every table: with two tables in each process, some moves go from one process to the
    // other (the invite made in one, the removal and the "moved" message in the other).
    const home = seatOf.get("Ana") as { table: string; seat: string };
    let at = students[0] as Peer;
    const round = [home.table, ...d.tables.map((t) => t.id).filter((id) => id !== home.table)];
    for (let i = 1; i < round.length; i++) {
      const moved = (await facilitator.ask("ex:move", {
        member: at.view.me.memberId,
        from: round[i - 1],
        to: round[i],
      })) as { rejected?: unknown; roomId: string; invite: string };
      expect(moved.rejected).toBeUndefined();
      expect(moved.roomId).toBe(round[i]);
      at = await join(b.url, moved.roomId, { invite: moved.invite, name: "Ana" });
      expect(at.view.me.seat).toBe(home.seat);
    }
    // Ana is at the last table only: each table she left removed her, wherever it runs.
    const last = round[round.length - 1];
    await facilitator.until((x) =>
      x.tables.every((t) => t.seats.some((q) => q.players.some((m) => m.name === "Ana")) === (t.id === last)),
    );
  });
});
