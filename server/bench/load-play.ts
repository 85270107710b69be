/**
 * The load itself: the ramp (rooms created and joined a few at a time), then play (facilitators start their
 * games spread over `--start-spread`, players play to the end) with the echo probed every 100 ms and this
 * process's and the machine's CPU counted.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { sleep } from "./load-basics.ts";
import type { Person, RoomRun } from "./load-clients.ts";
import { echoRoundTrips, machineTicks, procStat, selfCpuMs, serverTimings } from "./load-measure.ts";
import { Recorder } from "./load-recorder.ts";
import { round, type ServerTimings } from "./load-stats.ts";
import { setupRoom } from "./load-rooms.ts";
import { log, playDeadline, rampDeadlineAtStart, settings } from "./load-settings.ts";
import { roomAddress } from "./local-fetch.ts";

/** The rooms the ramp set up, and what their clients record. */
export interface Ramp {
  rec: Recorder;
  runs: RoomRun[];
  failures: number;
  seconds: number;
}

/**
 * Creates and joins rooms, `settings.rampConcurrency` at a time, until there are `settings.rooms` or the
 * ramp's time is up.
 */
export async function ramp(url: string, http: string): Promise<Ramp> {
  const rec = new Recorder();
  const runs: RoomRun[] = [];
  let failures = 0;
  const rampStart = performance.now();
  const rampDeadline = Math.max(
    rampDeadlineAtStart,
    Math.min(rampStart + settings.budgetS * 1000 * 0.2, playDeadline - 5000),
  );
  let next = 0;
  await Promise.all(
    Array.from({ length: settings.rampConcurrency }, async () => {
      while (next < settings.rooms && performance.now() < rampDeadline) {
        const i = next++;
        try {
          runs.push(await setupRoom(i, roomAddress(i), url, http, rec, settings.thinkMs, playDeadline));
        } catch (e) {
          failures++;
          if (failures <= 3) log(`room ${i} setup failed: ${(e as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - rampStart) / 1000;
  log(`${runs.length} rooms, ${runs.length * 6} clients joined in ${seconds.toFixed(1)} s`);
  return { rec, runs, failures, seconds };
}

/** What play measured. */
export interface Played {
  seconds: number;
  /** Echo round trips probed during play, ms. */
  echoLoad: number[];
  /** CPU time during play, ms: the server child and this (client) process. */
  serverCpuMs: number;
  selfCpuMs: number;
  /** Cores the whole machine was busy during play. */
  machineCores: number;
  /** Views (snapshots and patches) the clients received during play. */
  views: number;
  /** The rooms whose game every client saw end. */
  ended: RoomRun[];
  /** Event-loop delay of this (client) process during play, ms. */
  loopDelayMs: { p50: number; p99: number; max: number };
  /** The server's own timings of play (GET /api/metrics). */
  server: ServerTimings | null;
}

/** The server child that play measures. */
export interface PlayServer {
  pid: number;
  http: string;
  operatorToken: string;
}

/**
 * Plays the ramp's rooms until every game has ended or the play deadline, then waits briefly for the answers
 * on their way.
 */
export async function play(r: Ramp, srv: PlayServer, echoWs: WebSocket, cores: number): Promise<Played> {
  const { rec, runs } = r;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const srvCpu0 = procStat(srv.pid)?.cpuMs ?? 0;
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
  for (const run of runs) {
    const fac = run.people[0] as Person;
    setTimeout(
      () => void rec.request(fac.room, "fac:start", {}),
      settings.startSpreadS * 1000 * run.random(),
    );
  }
  let lastLog = performance.now();
  while (performance.now() < playDeadline && runs.some((run) => run.ended < run.people.length)) {
    await sleep(200);
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now();
      log(
        `${runs.filter((run) => run.ended === run.people.length).length}/${runs.length} games ended; ` +
          `${rec.latency.ready.length} readies, ${rec.views - views0} views`,
      );
    }
  }
  // Players stop acting at the play deadline; wait (briefly) for the answers still on their way.
  const drainUntil = performance.now() + 6000;
  while (rec.inflight > 0 && performance.now() < drainUntil) await sleep(50);
  const seconds = (performance.now() - playStart) / 1000;
  probing = false;
  await probe;
  loop.disable();
  const serverCpuMs = (procStat(srv.pid)?.cpuMs ?? srvCpu0) - srvCpu0;
  const selfCpu = selfCpuMs() - selfCpu0;
  const mach1 = machineTicks();
  const machineCores = ((mach1.busy - mach0.busy) / Math.max(1, mach1.total - mach0.total)) * cores;
  const views = rec.views - views0;
  const ended = runs.filter((run) => run.ended === run.people.length);
  log(
    `${ended.length}/${runs.length} games ended in ${seconds.toFixed(1)} s${rec.inflight ? ` (${rec.inflight} requests unanswered)` : ""}`,
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
  const server = await serverTimings(srv.http, playFrom, srv.operatorToken);
  return {
    seconds,
    echoLoad,
    serverCpuMs,
    selfCpuMs: selfCpu,
    machineCores,
    views,
    ended,
    loopDelayMs: {
      p50: round(loop.percentile(50) / 1e6, 2),
      p99: round(loop.percentile(99) / 1e6, 2),
      max: round(loop.max / 1e6, 2),
    },
    server,
  };
}
