/**
 * The load bench's result assembled from what it measured before the load, during the ramp and during play.
 */
import os from "node:os";
import type { machineInfo } from "../../shared/bench/measure.ts";
import { SCENARIO } from "./load-basics.ts";
import type { BeforeLoad } from "./load-before.ts";
import type { ProcStat } from "./load-measure.ts";
import type { Played, Ramp } from "./load-play.ts";
import type { LoadBench } from "./load-report.ts";
import { dist, round, TARGET_P99_MS, TARGET_ROOMS, TARGET_TURN_ECHO_FACTOR } from "./load-stats.ts";
import { settings, T0 } from "./load-settings.ts";

/**
 * The server's memory: after start-up and the quiet games, with the rooms joined, after play, and its peak
 * (kB).
 */
export interface MemoryReadings {
  baseline: ProcStat | null;
  afterJoin: ProcStat | null;
  afterPlay: ProcStat | null;
  peakKb: number;
}

/** Everything the load bench measured, with its settings, figures and targets. */
export function loadResult(
  machine: ReturnType<typeof machineInfo>,
  before: BeforeLoad,
  ramped: Ramp,
  played: Played,
  memory: MemoryReadings,
): LoadBench {
  const { engine, echoQuiet, echoIdle, quietServer, quiet, breakdown } = before;
  const { rec, runs } = ramped;
  const { ended, echoLoad, machineCores, views } = played;
  const { baseline, afterJoin, afterPlay, peakKb } = memory;
  const playServer = played.server;
  const playSeconds = played.seconds;
  const srvCpu = played.serverCpuMs;
  const selfCpu = played.selfCpuMs;
  const answered = rec.latency["fac:start"].length + rec.latency.orders.length + rec.latency.ready.length;
  const all = [...rec.latency["fac:start"], ...rec.latency.orders, ...rec.latency.ready];
  const requestMs = dist(all);
  const turnMs = dist(runs.flatMap((r) => r.turnLatencies()));
  const outcomes: Record<string, number> = {};
  for (const r of ended) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  // The bound: the network floor (a message after an idle pause, as the last "ready" of a turn is) and the
  // server's own time to resolve the turn (the request that completes it: session, engine, journal, views),
  // measured by the server.
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
    quick: settings.quick,
    machine,
    config: {
      rooms: settings.rooms,
      clientsPerRoom: 6,
      scenario: SCENARIO,
      thinkMs: settings.thinkMs,
      startSpreadSeconds: settings.startSpreadS,
      budgetSeconds: settings.budgetS,
      cpuProfDir: settings.cpuProfDir ?? null,
    },
    engine: { resolveTurnUs4States: engine.us, samples: engine.samples },
    echo: { quietMs: echoQuiet, afterIdleMs: echoIdle, underLoadMs: dist(echoLoad) },
    server: { quiet: quietServer, play: playServer },
    setup: {
      roomsReady: rooms,
      clients: rooms * 6,
      seconds: round(ramped.seconds, 1),
      joinMs: dist(rec.joinMs),
      failures: ramped.failures,
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
      clientLoopDelayMs: played.loopDelayMs,
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
