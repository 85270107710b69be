/**
 * How often each state's secret objectives are met in bot games of a scenario, flagging objectives met in
 * nearly every game (trivial: e.g. a CBM in force from the start meets it) or nearly none (impossible), so
 * that a scenario's author can check its objectives before a class plays it.
 */
import type { SeatId } from "../model/basics.ts";
import type { Objective } from "../model/objectives.ts";
import { createGame } from "../game/create.ts";
import { objectiveMet } from "../rules/scoring.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { BotPersona } from "../bots/persona-names.ts";
import type { Treatment } from "./grid.ts";
import { playTreated } from "./game-row.ts";
import { wilson } from "./stats.ts";

/** An objective met in at least this share of games is flagged trivial. */
export const TRIVIAL_SHARE = 0.95;
/** An objective met in at most this share of games is flagged impossible. */
export const IMPOSSIBLE_SHARE = 0.05;

/** One objective's tally. */
export interface ObjectiveStat {
  seat: SeatId;
  /** Its index in the state's objectives list (0-based), as the scenario file lists them. */
  index: number;
  kind: Objective["kind"];
  text: string;
  points: number;
  met: number;
  games: number;
  share: number;
  ci95: [number, number];
  /**
   * Already met in the first state of the game, before any order (a CBM or a tension the scenario starts
   * with).
   */
  metAtStart: boolean;
  flag: "trivial" | "impossible" | null;
}

/** The report: every objective of every state, in scenario order. */
export interface ObjectiveReport {
  scenario: string;
  games: number;
  seed: string;
  bots: string;
  objectives: ObjectiveStat[];
  flagged: number;
}

/** The flag of an objective met in `share` of the games. */
export function flagOf(share: number): ObjectiveStat["flag"] {
  if (share >= TRIVIAL_SHARE) return "trivial";
  if (share <= IMPOSSIBLE_SHARE) return "impossible";
  return null;
}

/**
 * Plays `games` bot games (seeds `<seed>:<g>`, as `npm run simulate` does) and counts each objective met at
 * the end.
 */
export function objectiveReport(
  scenario: Scenario,
  t: Treatment,
  bots: readonly BotPersona[],
  games: number,
  seed: string,
  onProgress?: (done: number) => void,
): ObjectiveReport {
  const first = createGame(scenario, `${seed}:0`, { cbms: t.cbms, noCbms: t.noCbms });
  if (!first.ok) throw new Error(first.error.message);
  const list = scenario.states.flatMap((s) => s.objectives.map((o, index) => ({ seat: s.id, index, o })));
  const met = list.map(() => 0);
  for (let g = 0; g < games; g++) {
    const { state } = playTreated(scenario, t, bots, seed, g);
    list.forEach((x, i) => {
      if (objectiveMet(state, x.seat, x.o)) met[i] = (met[i] ?? 0) + 1;
    });
    onProgress?.(g + 1);
  }
  const r4 = (x: number): number => Math.round(x * 10000) / 10000;
  const objectives = list.map((x, i): ObjectiveStat => {
    const k = met[i] ?? 0;
    const [lo, hi] = wilson(k, games);
    const share = games ? k / games : 0;
    return {
      seat: x.seat,
      index: x.index,
      kind: x.o.kind,
      text: x.o.text,
      points: x.o.points,
      met: k,
      games,
      share: r4(share),
      ci95: [r4(lo), r4(hi)],
      metAtStart: objectiveMet(first.value, x.seat, x.o),
      flag: flagOf(share),
    };
  });
  return {
    scenario: scenario.id,
    games,
    seed,
    bots: `${bots.length ? bots.join(",") : "rotation"}${t.botLevel ? ` at level ${t.botLevel}` : ""}`,
    objectives,
    flagged: objectives.filter((o) => o.flag !== null).length,
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The report in words: a line per objective, flags spelled out, then a verdict. */
export function formatObjectiveReport(r: ObjectiveReport): string {
  const lines = [
    `Scenario ${r.scenario}: secret objectives met at the end of ${r.games} bot games (seed ${r.seed}, bots ${r.bots}), share with 95% CI`,
  ];
  let seat: SeatId | null = null;
  for (const o of r.objectives) {
    if (o.seat !== seat) {
      seat = o.seat;
      lines.push(`${seat}:`);
    }
    const flag =
      o.flag === "trivial"
        ? `  TRIVIAL (met in ≥ ${pct(TRIVIAL_SHARE)} of games${o.metAtStart ? "; already met at the start" : ""})`
        : o.flag === "impossible"
          ? `  IMPOSSIBLE? (met in ≤ ${pct(IMPOSSIBLE_SHARE)} of games)`
          : "";
    lines.push(
      `  objectives[${o.index}] ${o.kind} (${o.points} pts) ${pct(o.share).padStart(6)} [${pct(o.ci95[0])}, ${pct(o.ci95[1])}]${flag}`,
    );
    lines.push(`      ${o.text}`);
  }
  lines.push(
    r.objectives.length === 0
      ? "No state has an objective."
      : r.flagged === 0
        ? "No objective flagged."
        : `${r.flagged} of ${r.objectives.length} objectives flagged.`,
  );
  return lines.join("\n");
}
