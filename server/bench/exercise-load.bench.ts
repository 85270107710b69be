/**
 * Exercise load benchmark (run by `npm run bench`, or alone:
 * `node server/bench/exercise-load.bench.ts [--quick] [--json] [--think-ms MS] [--budget S]`).
 *
 * One game server runs as a child process (load-processes.ts). This process creates one exercise of 10 tables
 * of baltic-fog (no clock) and plays it with 6 scripted @colyseus/sdk clients per table, as a class would:
 * the facilitator at every table (joined with the exercise's key), four players who each look the exercise's
 * one code up over HTTP and join the table and seat it answers (the balancing), and an observer per table;
 * the exercise's facilitator starts every table with one broadcast. Players think (uniform 0.5–1.5 ×
 * --think-ms), send orders and ready, as in load.bench.ts; every table is played to its end or until the
 * budget runs out.
 *
 * Measured: whether the lookups spread the 40 players one per seat; the broadcast's latency (all 10 tables
 * started); request latency per type and turn latency (last ready sent → the last of a table's 6 clients has
 * the next turn), p50/p95/p99; the dashboard messages the exercise room sent. Speed is reported, never
 * enforced.
 */
import { Client, Room } from "@colyseus/sdk";
import type { CodeLookup, ExerciseDashboard } from "@firebreak/shared";
import { bench, SCENARIO, sleep } from "./load-basics.ts";
import { type Person, RoomRun } from "./load-clients.ts";
import { killChildren, startServer } from "./load-processes.ts";
import { Recorder } from "./load-recorder.ts";
import { dist } from "./load-stats.ts";
import { log, settings } from "./load-settings.ts";

Room.defaultRequestTimeout = 15_000;

const TABLES = 10;

/** Waits for a room's first message of `type`. */
function first<T>(room: Room, type: string): Promise<T> {
  return new Promise((resolve) => room.onMessage(type, (m: T) => resolve(m)));
}

/** Joins a person to a table's run and waits for its first view. */
async function joined(
  run: RoomRun,
  room: Promise<Room>,
  role: Person["role"],
  seat: string | null,
): Promise<void> {
  const p = run.add(await room, role, seat);
  await p.firstView;
}

/** Runs the bench and returns its result. */
export async function runExerciseBench() {
  const server = await startServer(undefined, log);
  const url = `ws://127.0.0.1:${server.port}`;
  const http = `http://127.0.0.1:${server.port}`;
  const budgetAt = performance.now() + settings.budgetS * 1000;
  const rec = new Recorder();
  const teacher = await new Client(url).create("exercise", {
    scenario: SCENARIO,
    name: "Load exercise",
    tables: TABLES,
    turnSeconds: 0,
    seed: "exercise-load",
  });
  let dashboards = 0;
  teacher.onMessage("comparison", () => {});
  const welcome = first<{ key: string }>(teacher, "welcome");
  const d = await new Promise<ExerciseDashboard>((resolve) =>
    teacher.onMessage("exercise", (x: ExerciseDashboard) => {
      dashboards++;
      resolve(x);
    }),
  );
  const key = (await welcome).key;
  const runs = new Map(
    d.tables.map((t, i) => [t.id, new RoomRun(i, rec, settings.thinkMs, budgetAt - 9_000, false)]),
  );
  const runOf = (id: string): RoomRun => runs.get(id) as RoomRun;
  // The facilitator at every table, then 40 students by the one code (one after another, as a class arrives),
  // then an observer per table.
  for (const t of d.tables)
    await joined(runOf(t.id), new Client(url).joinById(t.id, { token: key }), "facilitator", null);
  const t0 = performance.now();
  for (let i = 0; i < TABLES * 4; i++) {
    const found = (await (await fetch(`${http}/api/games/${d.code}`)).json()) as CodeLookup;
    const seat = found.seat ?? null;
    const room = new Client(url).joinById(found.roomId, {
      code: found.code,
      name: `Student ${i}`,
      seat: seat ?? undefined,
    });
    await joined(runOf(found.roomId), room, "player", seat);
  }
  const joinSeconds = (performance.now() - t0) / 1000;
  for (const t of d.tables)
    await joined(
      runOf(t.id),
      new Client(url).joinById(t.id, { code: t.code, name: "Observer", role: "observer" }),
      "observer",
      null,
    );
  const spread = [...runs.values()].map((r) =>
    r.people.filter((p) => p.role === "player").map((p) => p.seat),
  );
  const balanced = spread.every((seats) => seats.length === 4 && new Set(seats).size === 4);
  log(`40 students joined in ${joinSeconds.toFixed(1)} s; one per seat at every table: ${balanced}`);

  const b0 = performance.now();
  await teacher.request("ex:broadcast", { action: "start" });
  const broadcastMs = performance.now() - b0;
  const played0 = performance.now();
  while (performance.now() < budgetAt - 9_000 && [...runs.values()].some((r) => r.ended < r.people.length))
    await sleep(100);
  const playedSeconds = (performance.now() - played0) / 1000;
  bench.stopping = true;
  const all = [...runs.values()];
  const result = {
    bench: "exercise-load",
    tables: TABLES,
    clientsPerTable: 6,
    thinkMs: settings.thinkMs,
    balanced,
    joinSeconds: Math.round(joinSeconds * 10) / 10,
    broadcastStartMs: Math.round(broadcastMs),
    playedSeconds: Math.round(playedSeconds),
    tablesEnded: all.filter((r) => r.ended === r.people.length).length,
    turns: all.reduce((a, r) => a + r.lastReady.size, 0),
    orders: dist(rec.latency.orders),
    ready: dist(rec.latency.ready),
    turnLatency: dist(all.flatMap((r) => r.turnLatencies())),
    dashboardsSent: dashboards,
    rejected: rec.rejected,
    failed: rec.failed,
    disconnects: rec.disconnects,
  };
  for (const r of all) for (const p of r.people) await p.room.leave().catch(() => undefined);
  await teacher.leave().catch(() => undefined);
  return result;
}

/** One line per measure, for a person. */
function report(r: Awaited<ReturnType<typeof runExerciseBench>>): string {
  const d = (x: { n: number; p50: number; p95: number; p99: number }) =>
    `p50 ${x.p50} ms, p95 ${x.p95} ms, p99 ${x.p99} ms (n ${x.n})`;
  return [
    `Exercise load: ${r.tables} tables × ${r.clientsPerTable} clients, think ${r.thinkMs} ms`,
    `  40 students by one code: ${r.joinSeconds} s, one per seat at every table: ${r.balanced ? "yes" : "NO"}`,
    `  broadcast start of every table: ${r.broadcastStartMs} ms`,
    `  played ${r.playedSeconds} s: ${r.tablesEnded} of ${r.tables} tables ended, ${r.turns} turns`,
    `  orders ${d(r.orders)}`,
    `  ready  ${d(r.ready)}`,
    `  turn   ${d(r.turnLatency)}`,
    `  dashboards sent ${r.dashboardsSent}; rejected ${JSON.stringify(r.rejected)}; failed ` +
      `${JSON.stringify(r.failed)}; disconnects ${r.disconnects}`,
  ].join("\n");
}

try {
  const r = await runExerciseBench();
  console.log(settings.json ? JSON.stringify(r) : report(r));
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  killChildren();
}
