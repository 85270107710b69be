/**
 * The scale-out ramp (`node server/bench/load.bench.ts --processes N`): for 1 and then N server processes on
 * one Redis and one PostgreSQL, rooms of 6 scripted clients are added a step at a time; each step's request
 * latency is measured over a window after its rooms joined, until p99 reaches 100 ms at two steps in a row
 * (or the ramp's end).
 *
 * Clients reach every process without a proxy: room i's client asks process i mod N (HTTP matchmaking);
 * Colyseus creates the room on the least-loaded process, and every seat reservation names the process that
 * holds the room (its public address), so the SDK opens its WebSocket there (sticky per room, as a proxy
 * routing by path would be). A room whose game ended is left by its clients and replaced by a new one, so the
 * number of rooms stays put.
 */
import { loadavg } from "node:os";
import type { Room } from "@colyseus/sdk";
import { machineInfo } from "../../shared/bench/measure.ts";
import { bench, sleep } from "./load-basics.ts";
import type { Person, RoomRun } from "./load-clients.ts";
import {
  type Cluster,
  roomsPerProcess,
  startCluster,
  stopCluster,
  stopRunPostgres,
  storeCpuMs,
  threadCpuMs,
} from "./load-cluster.ts";
import { machineTicks, procStat, selfCpuMs, serverTimings } from "./load-measure.ts";
import { Recorder } from "./load-recorder.ts";
import { dist, round, TARGET_P99_MS } from "./load-stats.ts";
import { setupRoom } from "./load-rooms.ts";
import { type ConfigResult, type ScaleBench, type StepResult, scaleSummary } from "./load-scale-report.ts";
import { log, settings } from "./load-settings.ts";
import { roomAddress } from "./local-fetch.ts";

/** Seconds after a step's rooms joined before its window opens (their games start within this time). */
const START_SPREAD_S = 2;
/** Seconds after a window closes that its requests have to be answered (later: counted as over the limit). */
const GRACE_S = 2;

/** A room slot: plays games one after another until told to stop. */
interface Slot {
  index: number;
  /** Resolves once the slot's first room has joined (or failed to). */
  firstJoin: Promise<void>;
  done: Promise<void>;
}

/** Runs one configuration: `n` processes, rooms added `settings.stepRooms` at a time. */
async function runConfig(n: number, deadline: number): Promise<ConfigResult> {
  log(`${n} process(es): starting (load average ${loadavg()[0]?.toFixed(2)})`);
  const cluster = await startCluster(n, log, settings.cpuProfDir);
  const rec = new Recorder();
  const stop = { now: false };
  const slots: Slot[] = [];
  const live = new Set<Room>();
  let setupFailures = 0;
  let gamesEnded = 0;

  const startSlot = (index: number): Slot => {
    let joined: () => void = () => {};
    const firstJoin = new Promise<void>((r) => (joined = r));
    const done = (async () => {
      for (let g = 0; !stop.now && performance.now() < deadline; g++) {
        const proc = cluster.processes[(index + g) % n] as Cluster["processes"][number];
        let run: RoomRun;
        try {
          run = await setupRoom(
            index * 1000 + g,
            roomAddress(index),
            proc.url,
            proc.http,
            rec,
            settings.thinkMs,
            deadline,
          );
        } catch (e) {
          setupFailures++;
          if (setupFailures <= 3) log(`room ${index} setup failed: ${(e as Error).message}`);
          joined();
          await sleep(1000);
          continue;
        }
        joined();
        for (const p of run.people) live.add(p.room);
        await sleep(START_SPREAD_S * 1000 * run.random());
        if (!stop.now) void rec.request((run.people[0] as Person).room, "fac:start", {});
        while (!stop.now && run.ended < run.people.length && performance.now() < deadline) await sleep(200);
        if (run.ended === run.people.length) gamesEnded++;
        for (const p of run.people) {
          live.delete(p.room);
          if (!stop.now) void p.room.leave(true).catch(() => {});
        }
      }
    })();
    return { index, firstJoin, done };
  };

  const steps: StepResult[] = [];
  let failedInARow = 0;
  for (let rooms = settings.stepRooms; rooms <= settings.maxRooms; rooms += settings.stepRooms) {
    if (performance.now() + (settings.stepSeconds + START_SPREAD_S + GRACE_S + 5) * 1000 > deadline) {
      log(`${n} process(es): out of time at ${slots.length} rooms`);
      break;
    }
    const added: Slot[] = [];
    // Set up a few rooms at a time, as the one-process bench's ramp does.
    let next = slots.length;
    const target = rooms;
    await Promise.all(
      Array.from({ length: settings.rampConcurrency }, async () => {
        while (next < target) {
          const s = startSlot(next++);
          added.push(s);
          slots.push(s);
          await s.firstJoin;
        }
      }),
    );
    await sleep(START_SPREAD_S * 1000);
    steps.push(await measureWindow(cluster, rec, rooms));
    const step = steps[steps.length - 1] as StepResult;
    log(
      `${n} process(es), ${rooms} rooms (${rooms * 6} CCU): ${step.requestsPerSecond} requests/s, p99 ${step.requestMs.p99} ms` +
        `${step.unanswered ? ` (+${step.unanswered} unanswered)` : ""}, servers ` +
        `${step.serverCores.join(" + ")} cores, clients ${step.clientCores}, rooms ${step.roomsPerProcess.join("/")}`,
    );
    failedInARow = step.p99WithUnanswered < TARGET_P99_MS ? 0 : failedInARow + 1;
    if (failedInARow >= 2) break;
  }
  stop.now = true;
  bench.stopping = true;
  await Promise.all([...live].map((r) => r.leave(true).catch(() => {})));
  await Promise.race([Promise.all(slots.map((s) => s.done)), sleep(15_000)]);
  await stopCluster(cluster);
  bench.stopping = false;
  return { processes: n, steps, setupFailures, gamesEnded, ...kneeOf(steps) };
}

/** The largest step that held p99 < 100 ms below the first two failing steps in a row, and its figures. */
function kneeOf(steps: readonly StepResult[]): Pick<ConfigResult, "ccuAtTarget" | "knee"> {
  let knee: StepResult | null = null;
  for (const [i, s] of steps.entries()) {
    const failed = (x: StepResult | undefined): boolean =>
      x !== undefined && x.p99WithUnanswered >= TARGET_P99_MS;
    if (failed(s) && failed(steps[i + 1])) break;
    if (!failed(s)) knee = s;
  }
  return { ccuAtTarget: knee ? knee.rooms * 6 : 0, knee };
}

/**
 * Measures one step's window: latency of the requests sent in it, each process's CPU, the clients' and the
 * machine's.
 */
async function measureWindow(cluster: Cluster, rec: Recorder, rooms: number): Promise<StepResult> {
  const pids = cluster.processes.map((p) => p.pid);
  const cpu0 = pids.map((pid) => procStat(pid)?.cpuMs ?? NaN);
  const threads0 = pids.map((pid) => threadCpuMs(pid));
  const self0 = selfCpuMs();
  const store0 = storeCpuMs(cluster);
  const mach0 = machineTicks();
  const load = loadavg()[0] ?? NaN;
  const from = Date.now();
  const t0 = performance.now();
  await sleep(settings.stepSeconds * 1000);
  const t1 = performance.now();
  const cpu1 = pids.map((pid) => procStat(pid)?.cpuMs ?? NaN);
  const threads1 = pids.map((pid) => threadCpuMs(pid));
  const self1 = selfCpuMs();
  const store1 = storeCpuMs(cluster);
  const mach1 = machineTicks();
  const perProcess = await roomsPerProcess(cluster);
  await sleep(GRACE_S * 1000);
  // Each process's own time per request (frame in → handler done), over the window and its grace.
  const own = await Promise.all(cluster.processes.map((p) => serverTimings(p.http, from, p.operatorToken)));
  const seconds = (t1 - t0) / 1000;
  const lat = rec.timeline.filter(([s]) => s >= t0 && s < t1).map(([, l]) => l);
  const sent = rec.sent.filter((s) => s >= t0 && s < t1).length;
  const unanswered = Math.max(0, sent - lat.length);
  const requestMs = dist(lat);
  // Requests not answered within the grace count as slower than any answered one.
  const withLate = dist([...lat, ...Array.from({ length: unanswered }, () => Number.POSITIVE_INFINITY)]);
  const cores = machineInfo().cores;
  const serverCpuMs = cpu1.map((c, i) => c - (cpu0[i] as number));
  const serverTotal = serverCpuMs.reduce((a, x) => a + x, 0);
  const machineCores = ((mach1.busy - mach0.busy) / Math.max(1, mach1.total - mach0.total)) * cores;
  const clientCores = (self1 - self0) / 1000 / seconds;
  const serverCores = serverCpuMs.map((c) => round(c / 1000 / seconds, 2));
  return {
    rooms,
    ccu: rooms * 6,
    seconds: round(seconds, 1),
    loadAverage: round(load, 2),
    requests: lat.length,
    requestsPerSecond: round(lat.length / seconds, 1),
    requestMs,
    unanswered,
    p99WithUnanswered: withLate.p99,
    serverCores,
    serverMsCpuPerRequest: round(serverTotal / Math.max(1, lat.length), 3),
    clientCores: round(clientCores, 2),
    machineCores: round(machineCores, 2),
    postgresCores: round((store1.postgres - store0.postgres) / 1000 / seconds, 2),
    redisCores: round((store1.redis - store0.redis) / 1000 / seconds, 2),
    otherCores: round(
      machineCores -
        clientCores -
        serverTotal / 1000 / seconds -
        ((store1.postgres - store0.postgres || 0) + (store1.redis - store0.redis || 0)) / 1000 / seconds,
      2,
    ),
    roomsPerProcess: perProcess,
    serverThreadCores: (["main", "worker", "v8", "other"] as const).map((k) => [
      k,
      round(threads1.reduce((a, t, i) => a + t[k] - (threads0[i]?.[k] ?? 0), 0) / 1000 / seconds, 3),
    ]) as StepResult["serverThreadCores"],
    serverRequestMs: own.map((t) => (t ? { p50: t.requests.p50, p99: t.requests.p99 } : null)),
  };
}

/**
 * Runs the ramp with 1 process and with `settings.processes`, on one PostgreSQL; the budget is shared between
 * them.
 */
export async function runScaleBench(): Promise<ScaleBench> {
  const machine = machineInfo();
  const counts = settings.processes > 1 ? [1, settings.processes] : [1];
  const start = performance.now();
  const configs: ConfigResult[] = [];
  try {
    for (const [i, n] of counts.entries()) {
      const left = settings.budgetS * 1000 - (performance.now() - start);
      configs.push(await runConfig(n, performance.now() + left / (counts.length - i)));
    }
  } finally {
    await stopRunPostgres();
  }
  return scaleSummary(machine, configs);
}
