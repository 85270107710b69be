/**
 * Server load benchmark (run by `npm run bench`, or alone: `node server/bench/load.bench.ts [--rooms N]
 * [--quick] [--json] [--think-ms MS] [--start-spread S] [--budget S] [--cpu-prof DIR]`). With `--processes N
 * [--step-rooms R] [--step-seconds S] [--max-rooms M]` it runs the scale-out ramp instead (load-scale.ts): 1
 * and N processes on one Redis and one PostgreSQL, the CCU at p99 < 100 ms of each, the ratio.
 *
 * One game server runs as a child process (`node server/src/main.ts`, its own data directory, quiet) on
 * 127.0.0.1. This process plays N rooms (default 200; `--quick`: 20 rooms, think 750 ms, budget 60 s) with 6
 * scripted @colyseus/sdk clients each: a facilitator who creates the game and starts it, four players (one
 * per seat of baltic-fog) and an observer. Players "think" for a while after each new turn's view (uniform
 * 0.5–1.5 × --think-ms), send their orders, wait a little (0–0.5 × think) and send ready; the turn resolves
 * when the fourth seat is ready. Every game is played to its end (or until the time budget runs out).
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
 * Clients and server share the machine's cores: the report shows each one's CPU use. Speed is reported, never
 * enforced: the exit code is non-zero only if the bench itself broke. `--cpu-prof DIR` starts the server
 * child with `--cpu-prof` and writes its profile to DIR; `LOAD_DEBUG=1` writes every request's send time and
 * latency, and the echo probes, to /tmp/load-timeline.json. Settings and the clock are in load-settings.ts;
 * what is measured before the load in load-before.ts; the ramp and play in load-play.ts; the scripted people
 * in load-clients.ts (their rooms in load-rooms.ts, what they record in load-recorder.ts); the child
 * processes in load-processes.ts; /proc, the echo and the server's timings in load-measure.ts; the result in
 * load-result.ts and its shape and the report in load-report.ts. docs/performance.md ("Server load")
 * describes the method and the figures.
 */
import { fileURLToPath } from "node:url";
import { format } from "node:util";
import { Room } from "@colyseus/sdk";
import { machineInfo } from "../../shared/bench/measure.ts";
import { bench, sleep } from "./load-basics.ts";
import { beforeLoad } from "./load-before.ts";
import { procStat } from "./load-measure.ts";
import { play, ramp } from "./load-play.ts";
import { killChildren } from "./load-processes.ts";
import { formatLoadBench, type LoadBench } from "./load-report.ts";
import { loadResult } from "./load-result.ts";
import { stopRunPostgres } from "./load-cluster.ts";
import { runScaleBench } from "./load-scale.ts";
import { formatScale, type ScaleBench } from "./load-scale-report.ts";
import { log, settings } from "./load-settings.ts";

Room.defaultRequestTimeout = 15_000;

/**
 * Runs the bench: what is measured before the load, the ramp, play; the server's memory is watched from the
 * ramp on.
 */
export async function runLoadBench(): Promise<LoadBench> {
  const machine = machineInfo();
  log(`rooms ${settings.rooms}, think ${settings.thinkMs} ms, budget ${settings.budgetS} s`);
  const before = await beforeLoad();
  const pid = before.server.child.pid as number;
  await sleep(300);
  const baseline = procStat(pid);

  let peakKb = baseline?.rssKb ?? 0;
  const memTimer = setInterval(() => {
    const s = procStat(pid);
    if (s) peakKb = Math.max(peakKb, s.rssKb);
  }, 250);

  const ramped = await ramp(before.url, before.http);
  await sleep(500);
  const afterJoin = procStat(pid);

  const played = await play(
    ramped,
    { pid, http: before.http, operatorToken: before.server.operatorToken },
    before.echoWs,
    machine.cores,
  );
  const afterPlay = procStat(pid);
  clearInterval(memTimer);

  before.echoWs.close();
  return loadResult(machine, before, ramped, played, { baseline, afterJoin, afterPlay, peakKb });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // stdout carries only the report (or the JSON): the SDK's own messages (e.g. "[Colyseus reconnection]") go
  // to stderr.
  const toStderr = (...a: unknown[]): void => void process.stderr.write(`${format(...a)}\n`);
  console.log = console.info = console.warn = console.debug = toStderr;
  const watchdog = setTimeout(
    () => {
      log(`still running after ${settings.budgetS + 30} s: giving up`);
      bench.stopping = true;
      killChildren();
      process.exit(1);
    },
    (settings.budgetS + 30) * 1000,
  );
  watchdog.unref();
  // Stopped from outside (Ctrl-C, SIGTERM): stop the children and the run's PostgreSQL before leaving.
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.once(sig, () => {
      bench.stopping = true;
      killChildren();
      void stopRunPostgres().finally(() => process.exit(1));
    });
  const run: Promise<LoadBench | ScaleBench> = settings.processes ? runScaleBench() : runLoadBench();
  run
    .then((result) => {
      const text = result.bench === "server-load" ? formatLoadBench(result) : formatScale(result);
      process.stdout.write(`${settings.json ? JSON.stringify(result) : text}\n`);
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
