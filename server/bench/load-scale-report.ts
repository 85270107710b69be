/**
 * The scale-out ramp's result (`--processes N`): its shape, the knee of each configuration, the projection,
 * and the text report.
 */
import type { machineInfo } from "../../shared/bench/measure.ts";
import { SCENARIO } from "./load-basics.ts";
import { type Dist, round, TARGET_P99_MS } from "./load-stats.ts";
import { settings } from "./load-settings.ts";

/**
 * The scaling ratio from 1 to 2 processes that the issue asks for, on a machine where clients do not starve
 * servers.
 */
export const TARGET_RATIO = 1.7;
/**
 * A projection's host: cores, and how many of them run game server processes (the rest: Redis, PostgreSQL).
 */
export const PROJECTED_CORES = 16;
export const PROJECTED_PROCESSES = 14;
/**
 * The share of its core a process may use and keep p99 < 100 ms (an assumption of the projection; see
 * docs/performance.md).
 */
export const PROJECTED_UTILISATION = 0.75;

/** One step of the ramp: its rooms, and what its window measured. */
export interface StepResult {
  rooms: number;
  ccu: number;
  seconds: number;
  /** One-minute load average when the window opened. */
  loadAverage: number;
  /** Requests sent in the window and answered. */
  requests: number;
  requestsPerSecond: number;
  requestMs: Dist;
  /** Requests sent in the window and not answered 2 s after it closed. */
  unanswered: number;
  /** p99 with the unanswered requests counted as slower than every answer: what the target is judged on. */
  p99WithUnanswered: number;
  /** CPU of each server process, in cores. */
  serverCores: number[];
  /** All server processes' CPU time ÷ requests answered, ms. */
  serverMsCpuPerRequest: number;
  /**
   * The clients' (this process's) CPU, the stores', the whole machine's, and the rest (other work), in cores.
   */
  clientCores: number;
  postgresCores: number;
  redisCores: number;
  machineCores: number;
  otherCores: number;
  /** Rooms each process ran at the window's end (GET /api/health). */
  roomsPerProcess: number[];
  /**
   * All server processes' CPU by thread kind (main, worker: the PostgreSQL store's, v8: GC and compilation,
   * other), cores.
   */
  serverThreadCores: Array<[string, number]>;
  /**
   * Each process's own time per request (GET /api/metrics): p50 and p99, ms, or null where it did not answer.
   */
  serverRequestMs: Array<{ p50: number; p99: number } | null>;
}

/** One configuration's ramp. */
export interface ConfigResult {
  processes: number;
  steps: StepResult[];
  setupFailures: number;
  gamesEnded: number;
  /** CCU of the largest step with p99 < 100 ms below the first two failing steps in a row (0: none). */
  ccuAtTarget: number;
  knee: StepResult | null;
}

/**
 * A least-squares line through a configuration's steps: all its servers' CPU (cores) against requests
 * answered per second.
 */
export interface CpuFit {
  /** The slope: CPU per request at the margin, ms (what one more request costs, without the idle work). */
  msPerRequest: number;
  /**
   * The intercept ÷ processes: a process's CPU with no requests (timers, presence, adoption checks), cores.
   */
  idleCoresPerProcess: number;
}

/** Fits the CPU line of a configuration's steps (null with fewer than 2 steps or no spread in requests). */
export function cpuFit(c: ConfigResult): CpuFit | null {
  const pts = c.steps.map((s) => [s.requestsPerSecond, s.serverCores.reduce((a, x) => a + x, 0)] as const);
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  const sxx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  if (sxx <= 0) return null;
  const slope = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  return {
    msPerRequest: round(slope * 1000, 3),
    idleCoresPerProcess: round((my - slope * mx) / c.processes, 3),
  };
}

/** The whole run (the JSON output of `--processes N`). */
export interface ScaleBench {
  bench: "server-load-scale";
  machine: ReturnType<typeof machineInfo>;
  config: {
    processes: number;
    stepRooms: number;
    stepSeconds: number;
    maxRooms: number;
    thinkMs: number;
    clientsPerRoom: number;
    scenario: string;
    budgetSeconds: number;
  };
  configs: ConfigResult[];
  /** CCU at target with N processes ÷ with 1 (null with one configuration or no knee). */
  ratio: number | null;
  /** 2 × (CPU per request with 1 process) ÷ (with N): the ratio if every process had its own core (N = 2). */
  cpuRatio: number | null;
  /** Each configuration's CPU line (cpuFit). */
  fits: Array<CpuFit | null>;
  /** The clients' CPU as a share of the machine's busy CPU, at each configuration's knee. */
  clientShare: Array<number | null>;
  projection: {
    cores: number;
    processes: number;
    utilisation: number;
    msCpuPerRequest: number;
    idleCoresPerProcess: number;
    requestsPerSecondPerClient: number;
    ccuPerProcess: number;
    ccu: number;
  } | null;
}

/**
 * Puts the run together: ratio, CPU ratio, the clients' share, and the projection for a 16-core host from the
 * last knee.
 */
export function scaleSummary(machine: ReturnType<typeof machineInfo>, configs: ConfigResult[]): ScaleBench {
  const one = configs[0];
  const many = configs.length > 1 ? configs[configs.length - 1] : undefined;
  const ratio = one && many && one.ccuAtTarget > 0 ? round(many.ccuAtTarget / one.ccuAtTarget, 2) : null;
  const cpuRatio =
    one?.knee && many?.knee
      ? round((2 * one.knee.serverMsCpuPerRequest) / many.knee.serverMsCpuPerRequest, 2)
      : null;
  const lastConfig = many ?? one;
  const last = lastConfig?.knee ?? null;
  const fits = configs.map(cpuFit);
  const fit = fits[fits.length - 1] ?? null;
  let projection: ScaleBench["projection"] = null;
  if (last && last.requests > 0) {
    const rpsPerClient = last.requestsPerSecond / last.ccu;
    // A process's core: its idle work first, the rest answers requests at the marginal cost (the knee's
    // average without a fit).
    const ms = fit && fit.msPerRequest > 0 ? fit.msPerRequest : last.serverMsCpuPerRequest;
    const idle = fit && fit.msPerRequest > 0 ? Math.max(0, fit.idleCoresPerProcess) : 0;
    const perProcess = ((PROJECTED_UTILISATION - idle) * 1000) / ms / rpsPerClient;
    projection = {
      cores: PROJECTED_CORES,
      processes: PROJECTED_PROCESSES,
      utilisation: PROJECTED_UTILISATION,
      msCpuPerRequest: ms,
      idleCoresPerProcess: round(idle, 3),
      requestsPerSecondPerClient: round(rpsPerClient, 3),
      ccuPerProcess: Math.round(perProcess),
      ccu: Math.round(perProcess * PROJECTED_PROCESSES),
    };
  }
  return {
    bench: "server-load-scale",
    machine,
    config: {
      processes: settings.processes,
      stepRooms: settings.stepRooms,
      stepSeconds: settings.stepSeconds,
      maxRooms: settings.maxRooms,
      thinkMs: settings.thinkMs,
      clientsPerRoom: 6,
      scenario: SCENARIO,
      budgetSeconds: settings.budgetS,
    },
    configs,
    ratio,
    cpuRatio,
    fits,
    clientShare: configs.map((c) =>
      c.knee && c.knee.machineCores > 0 ? round(c.knee.clientCores / c.knee.machineCores, 2) : null,
    ),
    projection,
  };
}

const pad = (s: string | number, w: number): string => String(s).padStart(w);

/** The text report: each configuration's steps, the two knees side by side, the ratio and the projection. */
export function formatScale(r: ScaleBench): string {
  const out: string[] = [];
  out.push(
    `Scale-out ramp: ${r.config.scenario}, 6 clients a room, think ${r.config.thinkMs} ms, +${r.config.stepRooms} rooms every step, ` +
      `${r.config.stepSeconds} s window a step; one Redis, one PostgreSQL (throwaway); ` +
      `${r.machine.cores} cores, load average ${r.machine.loadAverage.join(" ")} at the start`,
  );
  for (const c of r.configs) {
    out.push(
      "",
      `${c.processes} process(es): ${c.gamesEnded} games ended, ${c.setupFailures} room set-ups failed`,
    );
    out.push(
      `${pad("rooms", 6)} ${pad("CCU", 6)} ${pad("req/s", 7)} ${pad("p50", 7)} ${pad("p99", 8)} ` +
        `${pad("late", 5)} ${pad("servers (cores)", 16)} ${pad("ms cpu/req", 10)} ` +
        `${pad("clients", 7)} ${pad("pg", 5)} ${pad("redis", 5)} ${pad("other", 6)} ` +
        `${pad("load", 5)}  rooms/process  server's own p50/p99 ms`,
    );
    for (const s of c.steps)
      out.push(
        `${pad(s.rooms, 6)} ${pad(s.ccu, 6)} ${pad(s.requestsPerSecond, 7)} ` +
          `${pad(s.requestMs.p50.toFixed(2), 7)} ` +
          `${pad(Number.isFinite(s.p99WithUnanswered) ? s.p99WithUnanswered.toFixed(1) : "∞", 8)} ` +
          `${pad(s.unanswered, 5)} ${pad(s.serverCores.join(" + "), 16)} ${pad(s.serverMsCpuPerRequest.toFixed(2), 10)} ${pad(s.clientCores.toFixed(2), 7)} ${pad(s.postgresCores.toFixed(2), 5)} ${pad(s.redisCores.toFixed(2), 5)} ${pad(s.otherCores.toFixed(2), 6)} ${pad(s.loadAverage.toFixed(1), 5)}  ${pad(s.roomsPerProcess.join("/"), 13)}  ${s.serverRequestMs.map((t) => (t ? `${t.p50}/${t.p99}` : "—")).join(", ")}`,
      );
  }
  out.push("");
  for (const c of r.configs) {
    // At the knee, or at the first step when none held the target.
    const at = c.knee ?? c.steps[0];
    if (at)
      out.push(
        `${c.processes} process(es) at ${at.ccu} CCU, servers' CPU by thread (cores): ` +
          `${at.serverThreadCores.map(([k, v]) => `${k} ${v}`).join(", ")}`,
      );
  }
  out.push(
    `CCU at p99 < ${TARGET_P99_MS} ms: ${r.configs.map((c) => `${c.processes} process(es) ${c.ccuAtTarget}`).join(", ")}`,
  );
  if (r.ratio !== null)
    out.push(
      `Scaling ratio: ${r.ratio.toFixed(2)}× (target ≥ ${TARGET_RATIO}× where clients do not starve servers; ` +
        `clients' share of the busy CPU at the knees: ` +
        `${r.clientShare.map((x) => (x === null ? "—" : `${Math.round(x * 100)}%`)).join(", ")}); ` +
        `from CPU per request alone (each process on its own core): ${r.cpuRatio?.toFixed(2) ?? "—"}×`,
    );
  for (const [i, f] of r.fits.entries())
    if (f)
      out.push(
        `CPU line, ${r.configs[i]?.processes} process(es): ${f.msPerRequest.toFixed(2)} ms per ` +
          `request at the margin, ${f.idleCoresPerProcess.toFixed(3)} cores idle per process`,
      );
  if (r.projection) {
    const p = r.projection;
    out.push(
      `Projection for a ${p.cores}-core host (${p.processes} processes, Redis and PostgreSQL on the other cores, clients elsewhere, ` +
        `each process at most ${Math.round(p.utilisation * 100)}% busy): ` +
        `${p.msCpuPerRequest.toFixed(2)} ms CPU per request, ${p.idleCoresPerProcess} cores idle, ` +
        `${p.requestsPerSecondPerClient} requests/s per client → ~${p.ccuPerProcess} CCU per ` +
        `process, ~${p.ccu} CCU in all (at this bench's compressed pace)`,
    );
  }
  return out.join("\n");
}
