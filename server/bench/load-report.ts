/** The server load bench's result: its shape and the text report. */
import type { machineInfo } from "../../shared/bench/measure.ts";
import type { Breakdown } from "./breakdown.ts";
import { type Dist, type ServerTimings, TARGET_ROOMS, TARGET_TURN_ECHO_FACTOR } from "./load-stats.ts";

/** Everything the load bench measured (the JSON output). */
export interface LoadBench {
  bench: "server-load";
  quick: boolean;
  machine: ReturnType<typeof machineInfo>;
  config: {
    rooms: number;
    clientsPerRoom: number;
    scenario: string;
    thinkMs: number;
    startSpreadSeconds: number;
    budgetSeconds: number;
    cpuProfDir: string | null;
  };
  engine: { resolveTurnUs4States: number; samples: number };
  echo: { quietMs: Dist; afterIdleMs: Dist; underLoadMs: Dist };
  /**
   * The server's own time per request and per turn-resolving request (GET /api/metrics), in the quiet game
   * and during play.
   */
  server: { quiet: ServerTimings | null; play: ServerTimings | null };
  setup: { roomsReady: number; clients: number; seconds: number; joinMs: Dist; failures: number };
  play: {
    seconds: number;
    gamesEnded: number;
    /** Turns resolved and seen by all 6 clients, over all rooms. */
    turnsResolved: number;
    meanTurnsEnded: number;
    outcomes: Record<string, number>;
    requestsPerSecond: number;
    viewsPerSecond: number;
    requestMs: Dist;
    requestMsByType: Record<string, Dist>;
    turnMs: Dist;
    /** The same, to the first of the room's clients. */
    turnFirstClientMs: Dist;
    rejected: Record<string, number>;
    failed: Record<string, number>;
    disconnects: number;
    /** Event-loop delay of this (client) process during play, ms. */
    clientLoopDelayMs: { p50: number; p99: number; max: number };
  };
  quietGame: {
    games: number;
    turns: number;
    turnMs: Dist;
    turnFirstClientMs: Dist;
    requestMs: Dist;
    viewJsonBytes: number;
    disconnects: number;
  } | null;
  memory: {
    baselineMb: number;
    afterJoinMb: number;
    afterPlayMb: number;
    peakMb: number;
    perRoomJoinedKb: number;
    perRoomAfterPlayKb: number;
  };
  cpu: {
    /**
     * Cores used during play (1.0 = one core): the server process, this client process, the whole machine,
     * and the rest (other processes).
     */
    server: number;
    clients: number;
    machine: number;
    others: number;
    /**
     * Server CPU time per answered request (each sends one view to each client of its room), and the rate one
     * core could answer at that cost.
     */
    serverMsPerRequest: number;
    serverRequestsPerCoreSecond: number;
    loadAverageAfter: number[];
  };
  breakdown: Breakdown | null;
  targets: {
    scale: {
      rooms: number;
      clients: number;
      p99Ms: number;
      targetRooms: number;
      targetP99Ms: number;
      atScale: boolean;
      pass: boolean;
    };
    turn: {
      turnP50Ms: number;
      /** 3 × the idle echo's median + the server's median time for a turn-resolving request under load. */
      boundMs: number;
      echoP50Ms: number;
      resolveMs: number;
      pass: boolean;
      quietTurnP50Ms: number | null;
      /** The same bound with the server's median resolution time in the quiet game. */
      quietBoundMs: number | null;
      quietResolveMs: number | null;
      quietPass: boolean | null;
    };
  };
  seconds: number;
}

function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]): string =>
    r.map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const f = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : "–");
const distRow = (name: string, d: Dist): Array<string | number> => [
  name,
  d.n,
  f(d.p50),
  f(d.p95),
  f(d.p99),
  f(d.max),
];

/** The human-readable report. */
export function formatLoadBench(b: LoadBench): string {
  const m = b.machine;
  const out: string[] = [];
  out.push(
    `Server load benchmark${b.setup.roomsReady < TARGET_ROOMS ? ` (${b.setup.roomsReady} rooms: below the target scale of ${TARGET_ROOMS})` : ""}`,
  );
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores shared by the server process, the client process and ` +
      `anything else running; Node ${m.node}, ${m.platform}; load average ${m.loadAverage.join(" ")} ` +
      `before, ${b.cpu.loadAverageAfter.join(" ")} after`,
  );
  out.push(
    `Setup: ${b.setup.roomsReady}/${b.config.rooms} rooms × 6 SDK clients (${b.setup.clients} ` +
      `connections) on one server process, ${b.config.scenario}, think ${b.config.thinkMs} ms, ` +
      `starts spread over ${b.config.startSpreadSeconds} s; ` +
      `created and joined in ${b.setup.seconds} s (join p50 ${f(b.setup.joinMs.p50)} ms, p99 ` +
      `${f(b.setup.joinMs.p99)} ms${b.setup.failures ? `, ${b.setup.failures} rooms failed` : ""})`,
  );
  out.push(
    `Play: ${b.play.seconds} s; ${b.play.gamesEnded}/${b.setup.roomsReady} games ended${
      b.play.gamesEnded
        ? ` (mean ${b.play.meanTurnsEnded} turns; ${Object.entries(b.play.outcomes)
            .map(([k, v]) => `${k} ${v}`)
            .join(", ")})`
        : ""
    }; ${b.play.turnsResolved} turns resolved; ${b.play.requestsPerSecond} requests/s answered, ${b.play.viewsPerSecond} views/s received`,
  );
  out.push(
    `CPU during play, in cores: server ${f(b.cpu.server)}, clients ${f(b.cpu.clients)}, other ` +
      `processes ${f(b.cpu.others)} (machine ${f(b.cpu.machine)} of ${m.cores}); ` +
      `server ${f(b.cpu.serverMsPerRequest)} ms CPU per request → one core answers at most ` +
      `~${f(b.cpu.serverRequestsPerCoreSecond, 0)} requests/s; client event-loop delay p50 ` +
      `${f(b.play.clientLoopDelayMs.p50)} ms, p99 ${f(b.play.clientLoopDelayMs.p99)} ms`,
  );
  if (b.cpu.others > 0.25)
    out.push(
      `Other processes used ${f(b.cpu.others)} cores during play: the machine was shared and the ` +
        `latencies are pessimistic (compare the echo round trip under load).`,
    );
  out.push("");
  const rows: Array<Array<string | number>> = [];
  rows.push(distRow("request (all types)", b.play.requestMs));
  for (const [k, d] of Object.entries(b.play.requestMsByType)) rows.push(distRow(`  ${k}`, d));
  rows.push(distRow("turn latency", b.play.turnMs));
  rows.push(distRow("  to the first client", b.play.turnFirstClientMs));
  if (b.quietGame) {
    rows.push(distRow("quiet game: request", b.quietGame.requestMs));
    rows.push(distRow("quiet game: turn latency", b.quietGame.turnMs));
    rows.push(distRow("  to the first client", b.quietGame.turnFirstClientMs));
  }
  const srvRow = (label: string, d: ServerTimings["requests"] | undefined): void => {
    if (d) rows.push([label, d.count, f(d.p50), f(d.p95), f(d.p99), f(d.max)]);
  };
  srvRow("server: request (in-process)", b.server.play?.requests);
  srvRow("server: turn-resolving request", b.server.play?.turns);
  srvRow("quiet game: server request", b.server.quiet?.requests);
  srvRow("quiet game: server turn", b.server.quiet?.turns);
  rows.push(distRow("echo round trip (back to back)", b.echo.quietMs));
  rows.push(distRow("echo round trip (after idle)", b.echo.afterIdleMs));
  rows.push(distRow("echo round trip (under load)", b.echo.underLoadMs));
  out.push(table(["ms", "n", "p50", "p95", "p99", "max"], rows));
  out.push(
    `Engine: resolveTurn for 4 states ${b.engine.resolveTurnUs4States} µs (the engine bench's turn-4 states, measured here).`,
  );
  const mem = b.memory;
  out.push(
    `Server memory (VmRSS): ${mem.baselineMb} MB after start-up and two games, ${mem.afterJoinMb} MB ` +
      `with ${b.setup.roomsReady} rooms joined, ${mem.afterPlayMb} MB after play (peak ${mem.peakMb} MB); ` +
      `per room ${f(mem.perRoomJoinedKb, 0)} KB joined, ${f(mem.perRoomAfterPlayKb, 0)} KB after play`,
  );
  const rej = Object.entries(b.play.rejected);
  const fail = Object.entries(b.play.failed);
  if (rej.length || fail.length || b.play.disconnects || b.quietGame?.disconnects)
    out.push(
      `Rejected: ${rej.map(([k, v]) => `${k} ${v}`).join(", ") || "none"}; failed: ` +
        `${fail.map(([k, v]) => `${k} ${v}`).join(", ") || "none"}; unexpected disconnects ` +
        `${b.play.disconnects}${b.quietGame?.disconnects ? ` (+${b.quietGame.disconnects} in the quiet game)` : ""}`,
    );
  const k = b.breakdown;
  if (k) {
    out.push("");
    out.push(
      `Server work per request, in-process on the last turn before the end (turn ${k.turn}) of a ` +
        `finished game replayed from the journal (µs; socket writes not included):`,
    );
    out.push(
      table(
        ["piece", "µs", "note"],
        [
          ["orders step (applyEntry)", f(k.ordersStepUs, 1), "session reducer + engine validation"],
          ["ready (applyEntry)", f(k.readyUs, 1), ""],
          ["resolve (applyEntry)", f(k.resolveUs, 1), "session reducer + engine resolveTurn"],
          ["journal append", f(k.appendUs, 1), "JSON + SQLite insert"],
          ["viewFor, one client", f(k.viewForUs, 1), "engine projection"],
          ["clientView, one client", f(k.clientViewUs, 1), "a snapshot (join, reconnect); includes viewFor"],
          [
            "msgpack encode, one snapshot",
            f(k.packUs, 1),
            `${(k.viewBytes / 1024).toFixed(1)} KB encoded (mean of ${k.members} clients; ` +
              `${(k.viewBytesFirstTurn / 1024).toFixed(1)} KB on turn 1)`,
          ],
          ["msgpack decode, one snapshot", f(k.unpackUs, 1), "client side"],
          [
            "push after an orders step",
            f(k.ordersPushUs, 1),
            `${k.members} viewers built + diffed; ${k.ordersPatched} patches of ${(k.ordersPatchBytes / 1024).toFixed(2)} KB encoded`,
          ],
          [
            "push after a turn resolves",
            f(k.resolvePushUs, 1),
            `${k.members} viewers built + diffed + patches of ${(k.resolvePatchBytes / 1024).toFixed(1)} KB encoded`,
          ],
          ["= one orders request", f(k.ordersRequestUs, 1), "step + append + push"],
          ["= the last ready of a turn", f(k.lastReadyUs, 1), "ready + resolve + 2 appends + push"],
        ],
      ),
    );
    out.push(
      `A player's view by part (JSON bytes): ${k.playerViewParts.map((p) => `${p.part} ${(p.bytes / 1024).toFixed(1)} KB`).join(", ")}`,
    );
  }
  out.push("");
  const s = b.targets.scale;
  out.push(
    `Target: ${s.targetRooms} rooms / ${s.targetRooms * 6} clients on one process, p99 request ` +
      `latency < ${s.targetP99Ms} ms: ${s.pass ? "PASS" : "FAIL"} ` +
      `(${s.rooms} rooms, ${s.clients} clients, p99 ${f(s.p99Ms)} ` +
      `ms${s.atScale ? "" : `; below the target scale: run with --rooms ${s.targetRooms}`}${b.play.gamesEnded < s.rooms ? `; ${s.rooms - b.play.gamesEnded} games unfinished` : ""})`,
  );
  const t = b.targets.turn;
  out.push(
    `Target: turn latency ≤ ${TARGET_TURN_ECHO_FACTOR} × echo round trip (after idle) + the server's resolution time (medians): ` +
      `under load ${t.pass ? "PASS" : "FAIL"} (${f(t.turnP50Ms)} ms against ` +
      `${TARGET_TURN_ECHO_FACTOR} × ${f(t.echoP50Ms, 3)} + ${f(t.resolveMs, 3)} = ${f(t.boundMs, 3)} ms)` +
      (t.quietTurnP50Ms !== null && t.quietBoundMs !== null
        ? `; quiet game ${t.quietPass ? "PASS" : "FAIL"} (${f(t.quietTurnP50Ms)} ms against ` +
          `${TARGET_TURN_ECHO_FACTOR} × ${f(t.echoP50Ms, 3)} + ${f(t.quietResolveMs ?? NaN, 3)} = ${f(t.quietBoundMs, 3)} ms)`
        : ""),
  );
  out.push(`Speed is reported, not enforced. (${b.seconds} s)`);
  return out.join("\n");
}
