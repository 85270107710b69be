/**
 * Bot decision benchmark (run by `npm run bench`, or alone: `node shared/bench/bots.bench.ts [--json]
 * [--quick]`).
 *
 * Decision time per seat per turn, by level, on every shipped scenario: seeded games where every other seat
 * is a bot of the level under test and the rest are `normal` bots (the six doctrinal personas rotating over
 * the seats, so the games see hawks' attacks as well as peace), each decision of the level under test timed
 * (wall clock and this thread's CPU time). A decision is everything a seat does in a planning phase: answers,
 * proposals, orders and messages, from its view (the view itself is not counted). Single thread, one core.
 * Targets of the issue: easy ≤ 5 ms, normal ≤ 30 ms, hard ≤ 250 ms. Speed is reported, never enforced.
 */
import os from "node:os";
import { findScenario } from "../src/io/scenario-files.ts";
import { botTurn, type BotTurn } from "../src/bots/bot.ts";
import { BOT_LEVELS, DOCTRINAL_PERSONAS, type BotLevel, type BotSpec } from "../src/bots/doctrines.ts";
import { HARD_BUDGET } from "../src/bots/search.ts";
import { playBotGame } from "../src/sim/bot-game.ts";

/** Target per level (ms per decision). */
export const DECISION_TARGET_MS: Record<BotLevel, number> = { easy: 5, normal: 30, hard: 250 };

const SCENARIOS = ["tutorial", "dark-winter", "open-secrets", "baltic-fog", "collateral", "halden-measures"];
const args = new Set(process.argv.slice(2));
const QUICK = args.has("--quick");
/** Games per scenario and level (hard games are slow, so fewer). */
const GAMES: Record<BotLevel, number> = QUICK
  ? { easy: 2, normal: 2, hard: 1 }
  : { easy: 20, normal: 20, hard: 6 };

function threadCpuUs(): number {
  const u = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  return u.user + u.system;
}

function quantile(xs: readonly number[], q: number): number {
  const a = [...xs].sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor(q * a.length))] ?? 0;
}

/** One scenario and level's figures. */
export interface DecisionResult {
  scenario: string;
  states: number;
  level: BotLevel;
  decisions: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  /** Mean CPU ms of this thread per decision (less sensitive to other processes than wall time). */
  meanCpuMs: number;
  cpuShare: number;
  targetMs: number;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function bench(scenarioId: string, level: BotLevel): DecisionResult {
  const loaded = findScenario(scenarioId);
  if (!loaded.ok) throw new Error(`scenario ${scenarioId} does not validate`);
  const seats = loaded.scenario.states.map((s) => s.id);
  const wall: number[] = [];
  let cpu = 0;
  const run = (g: number, record: boolean): void => {
    const specs: Record<string, BotSpec> = {};
    seats.forEach((s, i) => {
      specs[s] = {
        persona: DOCTRINAL_PERSONAS[(i + g) % DOCTRINAL_PERSONAS.length] as BotSpec["persona"],
        level: (i + g) % 2 === 0 ? level : "normal",
      };
    });
    playBotGame(loaded.scenario, `bench-bots-${g}`, specs, {}, {}, (view, spec, rng, options): BotTurn => {
      const c0 = threadCpuUs();
      const t0 = performance.now();
      const t = botTurn(view, spec, rng, options);
      const dt = performance.now() - t0;
      if (record && spec.level === level) {
        wall.push(dt);
        cpu += threadCpuUs() - c0;
      }
      return t;
    });
  };
  run(1000, false);
  for (let g = 0; g < GAMES[level]; g++) run(g, true);
  const total = wall.reduce((a, b) => a + b, 0);
  return {
    scenario: scenarioId,
    states: seats.length,
    level,
    decisions: wall.length,
    meanMs: round(total / (wall.length || 1)),
    p95Ms: round(quantile(wall, 0.95)),
    maxMs: round(Math.max(0, ...wall)),
    meanCpuMs: round(cpu / 1000 / (wall.length || 1)),
    cpuShare: round(cpu / 1000 / (total || 1)),
    targetMs: DECISION_TARGET_MS[level],
  };
}

function main(): void {
  const results: DecisionResult[] = [];
  for (const level of BOT_LEVELS) for (const s of SCENARIOS) results.push(bench(s, level));
  const load = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
  if (args.has("--json")) {
    console.log(
      JSON.stringify({
        bench: "bots",
        node: process.version,
        cpu: os.cpus()[0]?.model ?? "",
        loadavg: load,
        hardBudget: HARD_BUDGET,
        results,
      }),
    );
    return;
  }
  console.log(
    `Bot decision time per seat per turn (ms; load average ${load}; hard budget ` +
      `${HARD_BUDGET.iterations} simulations, depth ${HARD_BUDGET.depth}, horizon ${HARD_BUDGET.horizon})`,
  );
  console.log(
    `${"level".padEnd(7)} ${"scenario".padEnd(16)} ${"states".padStart(6)} ` +
      `${"decisions".padStart(9)} ${"mean".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)} ` +
      `${"cpu mean".padStart(9)} ${"cpu share".padStart(9)}  target`,
  );
  for (const r of results) {
    const verdict =
      r.p95Ms <= r.targetMs ? "PASS" : r.meanCpuMs <= r.targetMs ? "p95 over, cpu mean within" : "FAIL";
    console.log(
      `${r.level.padEnd(7)} ${r.scenario.padEnd(16)} ${String(r.states).padStart(6)} ` +
        `${String(r.decisions).padStart(9)} ${r.meanMs.toFixed(2).padStart(8)} ` +
        `${r.p95Ms.toFixed(2).padStart(8)} ${r.maxMs.toFixed(2).padStart(8)} ` +
        `${r.meanCpuMs.toFixed(2).padStart(9)} ${`${Math.round(r.cpuShare * 100)}%`.padStart(9)}  ≤ ${r.targetMs} ms (p95): ${verdict}`,
    );
  }
}

main();
