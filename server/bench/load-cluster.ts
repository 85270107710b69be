/**
 * The scale-out bench's servers: one throwaway PostgreSQL for the run, and for each configuration a throwaway
 * Redis, a fresh database and N game server processes on them (the same stores and matchmaking as a
 * deployment, see docs/deploy.md), each with its own public address so that a seat reservation names the
 * process holding the room.
 */
import type { ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { startRedis, type ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import { startPostgres, type ThrowawayPostgres } from "../../server/src/store/throwaway-pg.ts";
import { startServer } from "./load-processes.ts";

/** One game server process of a configuration. */
export interface ClusterProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  http: string;
  operatorToken: string;
}

/** A configuration's processes and its Redis. */
export interface Cluster {
  processes: ClusterProcess[];
  redis: ThrowawayRedis;
}

let pg: ThrowawayPostgres | null = null;
/** Configurations started and not stopped yet (stopped with the run's PostgreSQL, whatever happened). */
const live = new Set<Cluster>();
let configs = 0;

/** Starts the run's PostgreSQL (once). */
export async function startRunPostgres(): Promise<ThrowawayPostgres> {
  pg ??= await startPostgres();
  return pg;
}

/**
 * Starts `n` processes on a fresh Redis and a fresh database of the run's PostgreSQL (each writing a CPU
 * profile to `cpuProfDir` when given); resolves once each says it is ready.
 */
export async function startCluster(
  n: number,
  log: (msg: string) => void,
  cpuProfDir?: string,
): Promise<Cluster> {
  const postgres = await startRunPostgres();
  const redis = await startRedis();
  const database = await postgres.database(`scale_${++configs}_${n}`);
  const processes: ClusterProcess[] = [];
  // One after another: each runs its migrations at start-up, and the first one creates the tables.
  for (let i = 0; i < n; i++) {
    let s: Awaited<ReturnType<typeof startServer>>;
    try {
      s = await startServer(cpuProfDir, log, (port) => ({
        FIREBREAK_DATABASE_URL: database,
        FIREBREAK_REDIS_URL: redis.url,
        FIREBREAK_PUBLIC_ADDRESS: `127.0.0.1:${port}`,
      }));
    } catch (e) {
      // Leave nothing behind: the processes already started and this configuration's Redis.
      await stopCluster({ processes, redis });
      throw e;
    }
    processes.push({
      child: s.child,
      pid: s.child.pid as number,
      url: `ws://127.0.0.1:${s.port}`,
      http: `http://127.0.0.1:${s.port}`,
      operatorToken: s.operatorToken,
    });
  }
  const cluster = { processes, redis };
  live.add(cluster);
  return cluster;
}

/** Stops a configuration: SIGTERM to each process (awaiting its exit, at most 10 s), then its Redis. */
export async function stopCluster(c: Cluster): Promise<void> {
  live.delete(c);
  await Promise.all(
    c.processes.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once("exit", () => r()));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
  await c.redis.stop();
}

/** Stops the configurations still running, then the run's PostgreSQL. */
export async function stopRunPostgres(): Promise<void> {
  await Promise.all([...live].map(stopCluster));
  const p = pg;
  pg = null;
  await p?.stop();
}

/** Rooms each process runs now (GET /api/health), in process order; NaN where it does not answer. */
export async function roomsPerProcess(c: Cluster): Promise<number[]> {
  return Promise.all(
    c.processes.map(async (p) => {
      try {
        const r = await fetch(`${p.http}/api/health`);
        return ((await r.json()) as { rooms?: number }).rooms ?? NaN;
      } catch {
        return NaN;
      }
    }),
  );
}

/**
 * CPU time in ms (user + system; with `reaped`, also of its waited-for children) of a process (or of one
 * thread, from its task's stat file), from /proc; NaN if gone.
 */
function cpuMsOf(pid: number, reaped: boolean, statPath = `/proc/${pid}/stat`): number {
  try {
    const stat = readFileSync(statPath, "utf8");
    const f = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    // From "state" on: utime, stime, cutime, cstime are at 11–14; clock ticks of 10 ms.
    return ((f[11] ?? 0) + (f[12] ?? 0) + (reaped ? (f[13] ?? 0) + (f[14] ?? 0) : 0)) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Every process on the machine: pid, parent pid and command line. */
function processes(): Array<{ pid: number; ppid: number; cmd: string }> {
  const out: Array<{ pid: number; ppid: number; cmd: string }> = [];
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, "utf8").replaceAll("\0", " ");
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      out.push({ pid: Number(d), ppid, cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * CPU time in ms of the configuration's stores: the throwaway PostgreSQL (its postmaster with its reaped
 * children, and its live backends) and Redis, found by their ports (other engineers' throwaway servers run on
 * other ports).
 */
export function storeCpuMs(c: Cluster): { postgres: number; redis: number } {
  const all = processes();
  const port = pg?.port;
  const postmaster = all.find(
    (p) => port !== undefined && / -p \d+ /.test(p.cmd) && p.cmd.includes(` -p ${port} `),
  );
  let postgres = Number.NaN;
  if (postmaster) {
    postgres = cpuMsOf(postmaster.pid, true);
    for (const p of all) if (p.ppid === postmaster.pid) postgres += cpuMsOf(p.pid, false) || 0;
  }
  const r = all.find((p) => p.cmd.startsWith("redis-server") && p.cmd.includes(`:${c.redis.port}`));
  return { postgres, redis: r ? cpuMsOf(r.pid, false) : Number.NaN };
}

/**
 * CPU time in ms of a process's threads, summed by kind: `main` (the event loop), `worker` (worker threads:
 * the PostgreSQL store's, bot workers), `v8` (garbage collection and compilation helpers), `other` (libuv and
 * the rest).
 */
export function threadCpuMs(pid: number): Record<"main" | "worker" | "v8" | "other", number> {
  const out = { main: 0, worker: 0, v8: 0, other: 0 };
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const t of tasks) {
    try {
      const comm = readFileSync(`/proc/${pid}/task/${t}/comm`, "utf8").trim();
      const ms = cpuMsOf(Number(t), false, `/proc/${pid}/task/${t}/stat`) || 0;
      const kind =
        Number(t) === pid
          ? "main"
          : comm === "WorkerThread"
            ? "worker"
            : comm.startsWith("V8")
              ? "v8"
              : "other";
      out[kind] += ms;
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}
