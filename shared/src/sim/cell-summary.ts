/**
 * A grid cell's games summed up: war share (Wilson 95%), mean turns and mean peak tension (Student's t 95%).
 */
import type { GameState } from "../model/types.ts";
import { peakTension } from "./game-row.ts";
import { tMean, wilson, type MeanCi } from "./stats.ts";

/** One cell of a grid summed up. */
export interface CellSummary {
  label: string;
  levels: Array<[string, string]>;
  games: number;
  /** Games that ended in armed conflict: share with its Wilson 95% interval. */
  war: { k: number; share: number; ci95: [number, number] };
  /** Games that ended in stable peace: share with its Wilson 95% interval. */
  peace: { k: number; share: number; ci95: [number, number] };
  turns: MeanCi;
  /** The highest tension any pair reached in a game, averaged over the games. */
  peakTension: MeanCi;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;
const round = (m: MeanCi): MeanCi => ({ mean: r4(m.mean), ci95: [r4(m.ci95[0]), r4(m.ci95[1])], n: m.n });

/** The summary of one cell's final states. */
export function summariseCell(
  cell: { label: string; levels: Array<[string, string]> },
  states: readonly GameState[],
): CellSummary {
  const n = states.length;
  const share = (k: number): CellSummary["war"] => {
    const [lo, hi] = wilson(k, n);
    return { k, share: r4(n ? k / n : 0), ci95: [r4(lo), r4(hi)] };
  };
  return {
    label: cell.label,
    levels: cell.levels,
    games: n,
    war: share(states.filter((s) => s.outcome?.kind === "armedConflict").length),
    peace: share(states.filter((s) => s.outcome?.kind === "stablePeace").length),
    turns: round(tMean(states.map((s) => s.turn))),
    peakTension: round(tMean(states.map((s) => Math.max(0, ...Object.values(peakTension(s)))))),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The summary table, one line a cell. */
export function formatCells(cells: readonly CellSummary[]): string {
  const width = Math.max(4, ...cells.map((c) => c.label.length));
  const lines = [
    `${"cell".padEnd(width)}  games  armed conflict [95% CI]   stable peace [95% CI]    mean turns [95% CI]   mean peak tension [95% CI]`,
  ];
  for (const c of cells) {
    const share = (s: CellSummary["war"]): string =>
      `${pct(s.share).padStart(6)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]`.padEnd(25);
    const mean = (m: MeanCi): string =>
      `${m.mean.toFixed(2).padStart(5)} [${m.ci95[0].toFixed(2)}, ${m.ci95[1].toFixed(2)}]`.padEnd(21);
    lines.push(
      `${c.label.padEnd(width)}  ${String(c.games).padStart(5)}  ${share(c.war)} ${share(c.peace)} ${mean(c.turns)} ${mean(c.peakTension)}`.trimEnd(),
    );
  }
  return lines.join("\n");
}

/** The summary table's CSV columns, in order. */
export const SUMMARY_COLUMNS = [
  "cell",
  "games",
  "armed_conflict",
  "armed_conflict_share",
  "armed_conflict_low",
  "armed_conflict_high",
  "stable_peace",
  "stable_peace_share",
  "stable_peace_low",
  "stable_peace_high",
  "mean_turns",
  "mean_turns_low",
  "mean_turns_high",
  "mean_peak_tension",
  "mean_peak_tension_low",
  "mean_peak_tension_high",
] as const;

/** One cell's summary as a CSV row (with its factor columns `grid_<factor>`). */
export function summaryRow(c: CellSummary): Record<string, string | number> {
  const row: Record<string, string | number> = { cell: c.label, games: c.games };
  for (const [f, level] of c.levels) row[`grid_${f}`] = level;
  Object.assign(row, {
    armed_conflict: c.war.k,
    armed_conflict_share: c.war.share,
    armed_conflict_low: c.war.ci95[0],
    armed_conflict_high: c.war.ci95[1],
    stable_peace: c.peace.k,
    stable_peace_share: c.peace.share,
    stable_peace_low: c.peace.ci95[0],
    stable_peace_high: c.peace.ci95[1],
    mean_turns: c.turns.mean,
    mean_turns_low: c.turns.ci95[0],
    mean_turns_high: c.turns.ci95[1],
    mean_peak_tension: c.peakTension.mean,
    mean_peak_tension_low: c.peakTension.ci95[0],
    mean_peak_tension_high: c.peakTension.ci95[1],
  });
  return row;
}
