/**
 * What the load bench measures besides the rooms: process CPU and memory (/proc), the WebSocket echo floor,
 * the server's own timings, the engine.
 */
import { readFileSync } from "node:fs";
import { samplesFor } from "../../shared/bench/engine-calls.ts";
import { resolveTurn } from "@firebreak/shared";
import { sleep } from "./load-basics.ts";
import { round, type ServerTimings } from "./load-stats.ts";

/** A process's memory and CPU time. */
export interface ProcStat {
  rssKb: number;
  hwmKb: number;
  cpuMs: number;
}

/** Resident memory, peak resident memory and CPU time (user + system) of a process, from /proc. */
export function procStat(pid: number): ProcStat | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string): number =>
      Number(new RegExp(`^${k}:\\s+(\\d+)\\s+kB`, "m").exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields from "state" on: utime is the 14th field of the line (index 11 here), stime the 15th. Clock
    // ticks of 10 ms (USER_HZ = 100 on Linux).
    const cpuMs = (Number(fields[11]) + Number(fields[12])) * 10;
    return { rssKb: kb("VmRSS"), hwmKb: kb("VmHWM"), cpuMs };
  } catch {
    return null;
  }
}

/** Busy and total CPU time of the whole machine (all cores), in clock ticks, from /proc/stat. */
export function machineTicks(): { busy: number; total: number } {
  try {
    const f = (/^cpu\s+(.+)$/m.exec(readFileSync("/proc/stat", "utf8"))?.[1] ?? "")
      .trim()
      .split(/\s+/)
      .map(Number);
    const total = f.slice(0, 8).reduce((a, x) => a + x, 0);
    return { busy: total - (f[3] ?? 0) - (f[4] ?? 0), total };
  } catch {
    return { busy: NaN, total: NaN };
  }
}

/** This process's CPU time in ms (all threads). */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Sequential round trips of a small binary message; ms each. */
export async function echoRoundTrips(ws: WebSocket, count: number, bytes = 64): Promise<number[]> {
  const payload = new Uint8Array(bytes);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      ws.addEventListener("message", () => resolve(), { once: true });
      ws.send(payload);
    });
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The server's own timings (GET /api/metrics, opened by the operator token) of the requests it handled since
 * `from` (ms since the epoch).
 */
export async function serverTimings(
  http: string,
  from: number,
  operatorToken: string,
): Promise<ServerTimings | null> {
  try {
    const res = await fetch(`${http}/api/metrics?since=${from}`, {
      headers: { Authorization: `Bearer ${operatorToken}` },
    });
    return res.ok ? ((await res.json()) as ServerTimings) : null;
  } catch {
    return null;
  }
}

/**
 * Round trips each after an idle pause of 50–150 ms, as a player's message comes after thinking: the machine
 * has gone idle in between.
 */
export async function echoAfterIdle(ws: WebSocket, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    await sleep(50 + ((i * 37) % 101));
    out.push(...(await echoRoundTrips(ws, 1)));
  }
  return out;
}

/** A WebSocket to the echo server. */
export async function openEcho(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  ws.binaryType = "arraybuffer";
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error("echo connection failed")), { once: true });
  });
  return ws;
}

/**
 * `resolveTurn` for 4 states on the engine bench's turn-4 samples: median µs per resolution over 5 rounds of
 * ~`ms`/8.
 */
export function measureResolveTurn(ms: number): { states: number; samples: number; us: number } {
  const samples = samplesFor(4, 8);
  let sink = 0;
  const pass = (): void => {
    for (const s of samples) {
      const r = resolveTurn(s.state, s.orders);
      if (!r.ok) throw new Error(r.error.message);
      sink += r.value.events.length;
    }
  };
  const w0 = performance.now();
  while (performance.now() - w0 < ms / 3) pass();
  const per: number[] = [];
  for (let round = 0; round < 5; round++) {
    let passes = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < ms / 8) {
      pass();
      passes++;
    }
    per.push(((performance.now() - t0) * 1000) / (passes * samples.length));
  }
  if (sink < 0) throw new Error("unreachable");
  per.sort((a, b) => a - b);
  return { states: 4, samples: samples.length, us: round(per[2] as number, 1) };
}
