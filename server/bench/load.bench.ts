/**
 * Server load benchmark (run by `npm run bench`, or alone:
 * `node server/bench/load.bench.ts [--rooms N] [--quick] [--json] [--think-ms MS] [--start-spread S] [--budget S] [--cpu-prof DIR]`).
 *
 * One game server runs as a child process (`node server/src/main.ts`, its own data directory, quiet) on
 * 127.0.0.1. This process plays N rooms (default 200; `--quick`: 20 rooms, think 750 ms, budget 60 s) with 6 scripted @colyseus/sdk clients
 * each: a facilitator who creates the game and starts it, four players (one per seat of baltic-fog) and an
 * observer. Players "think" for a while after each new turn's view (uniform 0.5–1.5 × --think-ms), send
 * their orders, wait a little (0–0.5 × think) and send ready; the turn resolves when the fourth seat is
 * ready. Every game is played to its end (or until the time budget runs out).
 *
 * Measured:
 *  - request latency: `room.request` sent → answer received, per request type, p50/p95/p99;
 *  - turn latency: the last "ready" of a turn sent → the last of the room's 6 clients has the next turn's
 *    view (or the end-of-game view);
 *  - server memory: VmRSS of the server process (/proc/<pid>/status) after start-up and two games,
 *    after all rooms are created and joined, and at the end; per room = delta / rooms;
 *  - the floor: round trip of a bare WebSocket echo (`ws` server in a child process, the same client
 *    WebSocket as the SDK), back to back and after idle pauses before the load, and probed every 100 ms during it;
 *  - the server's own time per request and per turn-resolving request (GET /api/metrics);
 *  - the engine's resolveTurn for 4 states (the engine bench's turn-4 sample states), measured here;
 *  - the "quiet" game: 3 rooms played one at a time with a 200 ms think time before the load, on the warmed-up server;
 *  - CPU in cores during play: the server, this client process, and the rest of the machine (/proc/stat),
 *    and the server's CPU time per answered request;
 *  - a breakdown of the server's work per request, in-process on a finished game's journal (breakdown.ts).
 * Clients and server share the machine's cores: the report shows each one's CPU use.
 * Speed is reported, never enforced: the exit code is non-zero only if the bench itself broke.
 * `--cpu-prof DIR` starts the server child with `--cpu-prof` and writes its profile to DIR;
 * `LOAD_DEBUG=1` writes every request's send time and latency, and the echo probes, to /tmp/load-timeline.json.
 * The scripted people are in load-clients.ts, the child processes in load-processes.ts, the result's shape and the report in load-report.ts.
 * docs/performance.md ("Server load") describes the method and the figures.
 */
import os from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { Room } from "@colyseus/sdk";
import { machineInfo } from "../../shared/bench/engine.bench.ts";
import { type Breakdown, measureBreakdown } from "./breakdown.ts";
import {
  dist,
  formatLoadBench,
  round,
  TARGET_P99_MS,
  TARGET_ROOMS,
  TARGET_TURN_ECHO_FACTOR,
  type LoadBench,
} from "./load-report.ts";
import { roomAddress } from "./local-fetch.ts";
import {
  echoAfterIdle,
  echoRoundTrips,
  machineTicks,
  measureResolveTurn,
  openEcho,
  procStat,
  selfCpuMs,
  serverTimings,
} from "./load-measure.ts";
import {
  bench,
  type Person,
  quietGame,
  Recorder,
  type RoomRun,
  SCENARIO,
  setupRoom,
  sleep,
} from "./load-clients.ts";
import { killChildren, startEcho, startServer } from "./load-processes.ts";

// ---------------------------------------------------------------------------------------------
// Settings

const argv = process.argv.slice(2);
function flag(name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}
function numberFlag(name: string, dflt: number): number {
  const v = flag(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
}

const QUICK = argv.includes("--quick");
const JSON_OUT = argv.includes("--json");
const ROOMS = Math.round(numberFlag("--rooms", QUICK ? 20 : 200));
const THINK_MS = numberFlag("--think-ms", QUICK ? 750 : 1500);
/** Facilitators start their games at random moments over this many seconds, as classes do not start in the same second. */
const START_SPREAD_S = numberFlag("--start-spread", QUICK ? 5 : 10);
/** Whole run, seconds: every phase stops by then. */
const BUDGET_S = numberFlag("--budget", QUICK ? 60 : 90);
const CPU_PROF_DIR = flag("--cpu-prof");
/** Quiet games played one after another before the load (each about 12 turns of 200 ms think time). */
const QUIET_GAMES = 3;
/** Rooms set up at once during the ramp. */
const RAMP_CONCURRENCY = 8;

const T0 = performance.now();
const deadlineAt = T0 + BUDGET_S * 1000;
/** The ramp (creating and joining rooms) stops 35% into the run, or after 20% of it if it started late. */
let rampDeadline = T0 + BUDGET_S * 1000 * 0.35;
/** Play stops this long before the budget ends (time left for the last answers and the report). */
const playDeadline = deadlineAt - 9_000;

Room.defaultRequestTimeout = 15_000;

function log(msg: string): void {
  process.stderr.write(`[load] ${((performance.now() - T0) / 1000).toFixed(1)}s ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// The bench

export async function runLoadBench(): Promise<LoadBench> {
  const machine = machineInfo();
  log(`rooms ${ROOMS}, think ${THINK_MS} ms, budget ${BUDGET_S} s`);

  // Engine first, on a quiet process.
  const engine = measureResolveTurn(QUICK ? 600 : 1200);
  log(`resolveTurn (4 states) ${engine.us} µs`);

  // Floor: bare WebSocket echo, quiet.
  const echo = await startEcho();
  const echoWs = await openEcho(echo.port);
  await echoRoundTrips(echoWs, 300);
  const echoQuiet = dist(await echoRoundTrips(echoWs, QUICK ? 1000 : 3000));
  const echoIdle = dist(await echoAfterIdle(echoWs, QUICK ? 40 : 80));
  log(`echo round trip p50 ${echoQuiet.p50} ms back to back, ${echoIdle.p50} ms after an idle pause`);

  // Server child, warmed up by one game.
  const srv = await startServer(CPU_PROF_DIR, log);
  const url = `ws://127.0.0.1:${srv.port}`;
  const http = `http://127.0.0.1:${srv.port}`;
  const pid = srv.child.pid as number;
  const warm = await quietGame(100_000, url, http, performance.now() + 8000);
  log(`warm-up game: ${warm.run.turns} turns in ${warm.seconds.toFixed(1)} s`);

  // The quiet game: rooms played one at a time on the warm server, QUIET_GAMES of them for a steadier median.
  const quietFrom = Date.now();
  const qs: Awaited<ReturnType<typeof quietGame>>[] = [];
  for (let g = 0; g < QUIET_GAMES; g++)
    qs.push(await quietGame(100_001 + g, url, http, performance.now() + 8000));
  const quietServer = await serverTimings(http, quietFrom, srv.operatorToken);
  const player = qs[qs.length - 1]?.run.people[1]?.last;
  const quiet: LoadBench["quietGame"] = {
    games: qs.length,
    turns: qs.reduce((n, q) => n + (q.run.people[1]?.seenTurn ?? 0), 0),
    turnMs: dist(qs.flatMap((q) => q.run.turnLatencies())),
    turnFirstClientMs: dist(qs.flatMap((q) => q.run.turnLatencies(true))),
    requestMs: dist(qs.flatMap((q) => [...q.rec.latency.orders, ...q.rec.latency.ready])),
    viewJsonBytes: player ? JSON.stringify(player).length : 0,
    disconnects: qs.reduce((n, q) => n + q.rec.disconnects, 0),
  };
  log(`quiet game: ${quiet.games} games, ${quiet.turnMs.n} turns, turn latency p50 ${quiet.turnMs.p50} ms`);

  // Where the server's time per request goes, from the finished games' journal (the server is idle).
  let breakdown: Breakdown | null = null;
  try {
    breakdown = measureBreakdown(join(srv.dataDir, "firebreak.sqlite"), QUICK ? 80 : 120);
  } catch (e) {
    log(`breakdown failed: ${(e as Error).message}`);
  }
  await sleep(300);
  const baseline = procStat(pid);

  let peakKb = baseline?.rssKb ?? 0;
  const memTimer = setInterval(() => {
    const s = procStat(pid);
    if (s) peakKb = Math.max(peakKb, s.rssKb);
  }, 250);

  // Ramp: create and join rooms, a few at a time.
  const rec = new Recorder();
  const runs: RoomRun[] = [];
  let setupFailures = 0;
  const rampStart = performance.now();
  rampDeadline = Math.max(rampDeadline, Math.min(rampStart + BUDGET_S * 1000 * 0.2, playDeadline - 5000));
  let next = 0;
  await Promise.all(
    Array.from({ length: RAMP_CONCURRENCY }, async () => {
      while (next < ROOMS && performance.now() < rampDeadline) {
        const i = next++;
        try {
          runs.push(await setupRoom(i, roomAddress(i), url, http, rec, THINK_MS, playDeadline));
        } catch (e) {
          setupFailures++;
          if (setupFailures <= 3) log(`room ${i} setup failed: ${(e as Error).message}`);
        }
      }
    }),
  );
  const setupSeconds = (performance.now() - rampStart) / 1000;
  log(`${runs.length} rooms, ${runs.length * 6} clients joined in ${setupSeconds.toFixed(1)} s`);
  await sleep(500);
  const afterJoin = procStat(pid);

  // Play: facilitators start their games spread over one think time; players play to the end.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const srvCpu0 = procStat(pid)?.cpuMs ?? 0;
  const selfCpu0 = selfCpuMs();
  const mach0 = machineTicks();
  const views0 = rec.views;
  const playStart = performance.now();
  const playFrom = Date.now();
  const echoLoad: number[] = [];
  const echoTimes: Array<[number, number]> = [];
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const t = performance.now() - playStart;
      const [rtt] = await echoRoundTrips(echoWs, 1);
      echoLoad.push(rtt as number);
      echoTimes.push([round(t, 1), round(rtt as number, 2)]);
      await sleep(100);
    }
  })();
  for (const r of runs) {
    const fac = r.people[0] as Person;
    setTimeout(() => void rec.request(fac.room, "fac:start", {}), START_SPREAD_S * 1000 * r.random());
  }
  let lastLog = performance.now();
  while (performance.now() < playDeadline && runs.some((r) => r.ended < r.people.length)) {
    await sleep(200);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(
        `${runs.filter((r) => r.ended === r.people.length).length}/${runs.length} games ended; ${rec.latency.ready.length} readies, ${rec.views - views0} views`,
      );
    }
  }
  // Players stop acting at the play deadline; wait (briefly) for the answers still on their way.
  const drainUntil = performance.now() + 6000;
  while (rec.inflight > 0 && performance.now() < drainUntil) await sleep(50);
  const playSeconds = (performance.now() - playStart) / 1000;
  probing = false;
  await probe;
  loop.disable();
  const srvCpu = (procStat(pid)?.cpuMs ?? srvCpu0) - srvCpu0;
  const selfCpu = selfCpuMs() - selfCpu0;
  const mach1 = machineTicks();
  const machineCores = ((mach1.busy - mach0.busy) / Math.max(1, mach1.total - mach0.total)) * machine.cores;
  const views = rec.views - views0;
  const ended = runs.filter((r) => r.ended === r.people.length);
  log(
    `${ended.length}/${runs.length} games ended in ${playSeconds.toFixed(1)} s${rec.inflight ? ` (${rec.inflight} requests unanswered)` : ""}`,
  );
  if (process.env.LOAD_DEBUG) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      "/tmp/load-timeline.json",
      JSON.stringify({
        requests: rec.timeline.map(([t, l, k]) => [round(t - playStart, 1), round(l, 2), k]),
        echo: echoTimes,
      }),
    );
  }
  await sleep(300);
  const playServer = await serverTimings(http, playFrom, srv.operatorToken);
  const afterPlay = procStat(pid);
  clearInterval(memTimer);

  echoWs.close();

  const answered = rec.latency["fac:start"].length + rec.latency.orders.length + rec.latency.ready.length;
  const all = [...rec.latency["fac:start"], ...rec.latency.orders, ...rec.latency.ready];
  const requestMs = dist(all);
  const turnMs = dist(runs.flatMap((r) => r.turnLatencies()));
  const outcomes: Record<string, number> = {};
  for (const r of ended) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  // The bound: the network floor (a message after an idle pause, as the last "ready" of a turn is) and the server's
  // own time to resolve the turn (the request that completes it: session, engine, journal, views), measured by the server.
  const resolveMs = playServer?.turns.p50 ?? NaN;
  const boundMs = round(TARGET_TURN_ECHO_FACTOR * echoIdle.p50 + resolveMs, 3);
  const quietResolveMs = quietServer?.turns.p50 ?? null;
  const quietBoundMs =
    quietResolveMs === null ? null : round(TARGET_TURN_ECHO_FACTOR * echoIdle.p50 + quietResolveMs, 3);
  const mb = (kb: number | undefined): number => round((kb ?? NaN) / 1024, 1);
  const rooms = runs.length;
  const base = baseline?.rssKb ?? NaN;
  const serverMsPerRequest = srvCpu / Math.max(1, answered);
  return {
    bench: "server-load",
    quick: QUICK,
    machine,
    config: {
      rooms: ROOMS,
      clientsPerRoom: 6,
      scenario: SCENARIO,
      thinkMs: THINK_MS,
      startSpreadSeconds: START_SPREAD_S,
      budgetSeconds: BUDGET_S,
      cpuProfDir: CPU_PROF_DIR ?? null,
    },
    engine: { resolveTurnUs4States: engine.us, samples: engine.samples },
    echo: { quietMs: echoQuiet, afterIdleMs: echoIdle, underLoadMs: dist(echoLoad) },
    server: { quiet: quietServer, play: playServer },
    setup: {
      roomsReady: rooms,
      clients: rooms * 6,
      seconds: round(setupSeconds, 1),
      joinMs: dist(rec.joinMs),
      failures: setupFailures,
    },
    play: {
      seconds: round(playSeconds, 1),
      gamesEnded: ended.length,
      turnsResolved: turnMs.n,
      meanTurnsEnded: round(ended.reduce((s, r) => s + r.turns, 0) / Math.max(1, ended.length), 2),
      outcomes,
      requestsPerSecond: round(answered / playSeconds, 1),
      viewsPerSecond: round(views / playSeconds, 1),
      requestMs,
      requestMsByType: Object.fromEntries(Object.entries(rec.latency).map(([k, v]) => [k, dist(v)])),
      turnMs,
      turnFirstClientMs: dist(runs.flatMap((r) => r.turnLatencies(true))),
      rejected: rec.rejected,
      failed: rec.failed,
      disconnects: rec.disconnects,
      clientLoopDelayMs: {
        p50: round(loop.percentile(50) / 1e6, 2),
        p99: round(loop.percentile(99) / 1e6, 2),
        max: round(loop.max / 1e6, 2),
      },
    },
    quietGame: quiet,
    memory: {
      baselineMb: mb(baseline?.rssKb),
      afterJoinMb: mb(afterJoin?.rssKb),
      afterPlayMb: mb(afterPlay?.rssKb),
      peakMb: mb(Math.max(peakKb, afterPlay?.hwmKb ?? 0)),
      perRoomJoinedKb: round(((afterJoin?.rssKb ?? NaN) - base) / Math.max(1, rooms), 1),
      perRoomAfterPlayKb: round(((afterPlay?.rssKb ?? NaN) - base) / Math.max(1, rooms), 1),
    },
    cpu: {
      server: round(srvCpu / (playSeconds * 1000), 3),
      clients: round(selfCpu / (playSeconds * 1000), 3),
      machine: round(machineCores, 3),
      others: round(Math.max(0, machineCores - (srvCpu + selfCpu) / (playSeconds * 1000)), 3),
      serverMsPerRequest: round(serverMsPerRequest, 3),
      serverRequestsPerCoreSecond: round(1000 / serverMsPerRequest, 0),
      loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
    },
    breakdown,
    targets: {
      scale: {
        rooms,
        clients: rooms * 6,
        p99Ms: requestMs.p99,
        targetRooms: TARGET_ROOMS,
        targetP99Ms: TARGET_P99_MS,
        atScale: rooms >= TARGET_ROOMS,
        pass:
          rooms >= TARGET_ROOMS &&
          ended.length === rooms &&
          requestMs.p99 < TARGET_P99_MS &&
          Object.keys(rec.failed).length === 0,
      },
      turn: {
        turnP50Ms: turnMs.p50,
        boundMs,
        echoP50Ms: echoIdle.p50,
        resolveMs: round(resolveMs, 3),
        pass: turnMs.p50 <= boundMs,
        quietTurnP50Ms: quiet ? quiet.turnMs.p50 : null,
        quietBoundMs,
        quietResolveMs,
        quietPass: quiet && quietBoundMs !== null ? quiet.turnMs.p50 <= quietBoundMs : null,
      },
    },
    seconds: round((performance.now() - T0) / 1000, 1),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // stdout carries only the report (or the JSON): the SDK's own messages (e.g. "[Colyseus reconnection]") go to stderr.
  const toStderr = (...a: unknown[]): void => void process.stderr.write(`${format(...a)}\n`);
  console.log = console.info = console.warn = console.debug = toStderr;
  const watchdog = setTimeout(
    () => {
      log(`still running after ${BUDGET_S + 30} s: giving up`);
      bench.stopping = true;
      killChildren();
      process.exit(1);
    },
    (BUDGET_S + 30) * 1000,
  );
  watchdog.unref();
  runLoadBench()
    .then((result) => {
      process.stdout.write(`${JSON_OUT ? JSON.stringify(result) : formatLoadBench(result)}\n`);
      // The SDK clients would try to reconnect to the stopped server: end at once.
      bench.stopping = true;
      killChildren();
      process.exit(0);
    })
    .catch((e: unknown) => {
      log(`failed: ${(e as Error).stack ?? e}`);
      bench.stopping = true;
      killChildren();
      process.exit(1);
    });
}
