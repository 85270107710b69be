/** The exercise's comparison: each table's result, and the tables by treatment with 95% intervals. */
import type { ArmSummary, ExerciseComparison, GameState, Outcome, TableOutcome } from "@firebreak/shared";
import type { Exercise } from "./model.ts";
import { tMean, wilsonShare } from "./stats.ts";

const OUTCOMES: ReadonlyArray<Outcome["kind"]> = [
  "armedConflict",
  "stablePeace",
  "turnLimit",
  "facilitatorEnded",
];

/** The highest tension each pair reached (every turn's end and now), by pair key. */
export function peaksByPair(g: GameState): Record<string, number> {
  const peaks: Record<string, number> = {};
  for (const [key, now] of Object.entries(g.tension)) {
    const history = g.tensionHistory[key] ?? [];
    peaks[key] = Math.round(Math.max(now, ...history) * 100) / 100;
  }
  return peaks;
}

/** One table's result so far (`g` null: a table whose game cannot be read). */
export function tableOutcome(ex: Exercise, index: number, g: GameState | null): TableOutcome {
  const t = ex.tables[index] as Exercise["tables"][number];
  const peakByPair = g ? peaksByPair(g) : {};
  const scores: Record<string, number> = {};
  for (const [seat, sc] of Object.entries(g?.scores ?? {})) scores[seat] = Math.round(sc.total * 100) / 100;
  return {
    id: t.game,
    index: index + 1,
    treatment: t.treatment === null ? null : (ex.treatments[t.treatment]?.label ?? null),
    ended: g?.phase === "ended",
    outcome: g?.outcome?.kind ?? null,
    turns: g ? (g.outcome?.turn ?? g.turn - 1) : 0,
    peakTension: Math.max(0, ...Object.values(peakByPair)),
    peakByPair,
    misattributions: g ? g.incidents.filter((i) => i.misled.includes(i.target)).length : 0,
    cbmsInForce: g ? [...new Set(g.cbms.map((c) => c.kind))].sort() : [],
    scores,
  };
}

/**
 * Tables summed up: outcome shares among the ended ones (Wilson), means of peak tension, turns and
 * misattributions (t).
 */
export function summarise(label: string, rows: readonly TableOutcome[]): ArmSummary {
  const ended = rows.filter((r) => r.ended);
  const shares = {} as ArmSummary["shares"];
  for (const k of OUTCOMES)
    shares[k] = wilsonShare(ended.filter((r) => r.outcome === k).length, ended.length);
  return {
    label,
    tables: rows.length,
    ended: ended.length,
    shares,
    peakTension: tMean(rows.map((r) => r.peakTension)),
    turns: tMean(ended.map((r) => r.turns)),
    misattributions: tMean(rows.map((r) => r.misattributions)),
  };
}

/**
 * The tables side by side and by treatment (then all tables together), from each table's game (null:
 * unreadable).
 */
export function compare(ex: Exercise, games: ReadonlyArray<GameState | null>): ExerciseComparison {
  const tables = ex.tables.map((_, i) => tableOutcome(ex, i, games[i] ?? null));
  const arms = ex.treatments.map((tr) =>
    summarise(
      tr.label,
      tables.filter((r) => r.treatment === tr.label),
    ),
  );
  arms.push(summarise("All tables", tables));
  return { tables, arms };
}
