/**
 * A tournament's table from its games and their scores: every entrant's mean score with its 95% interval, raw
 * and adjusted (seat-adjusted in a round robin, deal-adjusted in a duplicate), Elo from the pairwise results
 * within each group of comparable games, the levels pooled, and whether the hard bots clear the easy and
 * normal ones.
 */
import type { SeatId } from "../model/basics.ts";
import { BOT_LEVELS, botLabel, type BotLevel, type BotSpec } from "../bots/doctrines.ts";
import { eloRatings, type PairResult } from "./elo.ts";
import { meanCi, r4 } from "./stats.ts";
import {
  allEntrants,
  dealCount,
  type TournamentFormat,
  type TournamentGame,
  type TournamentSpec,
} from "./tournament-games.ts";

/** A mean with its 95% interval. */
export interface MeanCi {
  mean: number;
  ci95: [number, number];
}

/** One entrant's line of the table. */
export interface TournamentRow extends MeanCi {
  bot: string;
  persona: string;
  level: BotLevel;
  games: number;
  /**
   * Round robin: seat-adjusted, each score less its seat's mean over the tournament plus the overall mean
   * (removes the seats' unequal endowments). Duplicate: deal-adjusted, each score less its deal's mean over
   * the entrants plus the overall mean (removes the seed, the seat and the other seats' bots, which every
   * entrant shares on a deal).
   */
  adjusted: MeanCi;
  elo: number;
}

/** The tournament report (what `npm run tournament -- --json` prints). */
export interface TournamentResult {
  scenario: string;
  seed: string;
  format: TournamentFormat;
  games: number;
  /** Deals (duplicate format; 0 in a round robin). */
  deals: number;
  seats: number;
  rows: TournamentRow[];
  /** Every level pooled over its personas. */
  levels: Array<MeanCi & { level: BotLevel; games: number; adjusted: MeanCi }>;
  outcomes: { armedConflict: number; stablePeace: number; turnLimit: number };
  /**
   * For each hard entrant (and the pooled hard level): the easy and normal entrants whose 95% interval it
   * does not clear.
   */
  hardNotClear: Record<string, string[]>;
  /** The same with seat-adjusted (round robin) or deal-adjusted (duplicate) intervals. */
  hardNotClearAdjusted: Record<string, string[]>;
  /**
   * Duplicate format: the pooled hard level's mean score less each easy and normal entrant's, deal by deal,
   * with its 95% interval.
   */
  hardLead: Record<string, MeanCi>;
}

/** What a played game gives the table: how it ended and every seat's total score. */
export interface GameScore {
  outcome: "armedConflict" | "stablePeace" | "turnLimit";
  scores: Record<SeatId, number>;
}

/**
 * One entrant's score in one game; `group` is what the adjustment removes (its seat in a round robin, its
 * deal in a duplicate).
 */
interface ScoreRecord {
  label: string;
  level: BotLevel;
  group: string;
  score: number;
}

/** Pairwise results among entrants that scored in the same group of comparable games. */
function pairsWithin(result: ReadonlyArray<{ label: string; score: number }>, pairs: PairResult[]): void {
  for (let i = 0; i < result.length; i++) {
    for (let j = i + 1; j < result.length; j++) {
      const a = result[i] as { label: string; score: number };
      const b = result[j] as { label: string; score: number };
      if (a.label === b.label) continue;
      pairs.push({ a: a.label, b: b.label, score: a.score > b.score ? 1 : a.score < b.score ? 0 : 0.5 });
    }
  }
}

/**
 * Duplicate: per weaker entrant, the mean over deals of (the hard entrants' mean score on the deal − its
 * score on the deal).
 */
function hardLead(records: readonly ScoreRecord[], rows: readonly TournamentRow[]): Record<string, MeanCi> {
  const byDeal = new Map<string, ScoreRecord[]>();
  for (const r of records) byDeal.set(r.group, [...(byDeal.get(r.group) ?? []), r]);
  const out: Record<string, MeanCi> = {};
  for (const w of rows) {
    if (w.level === "hard") continue;
    const diffs: number[] = [];
    for (const list of byDeal.values()) {
      const hard = list.filter((r) => r.level === "hard");
      const mine = list.find((r) => r.label === w.bot);
      if (hard.length > 0 && mine)
        diffs.push(hard.reduce((a, r) => a + r.score, 0) / hard.length - mine.score);
    }
    if (diffs.length === 0) continue;
    const m = meanCi(diffs);
    out[w.bot] = { mean: r4(m.mean), ci95: [r4(m.ci95[0]), r4(m.ci95[1])] };
  }
  return out;
}

/**
 * The table of a tournament from its games (tournamentGames) and their scores, in the same order, however
 * they were played.
 */
export function tournamentResult(
  spec: TournamentSpec,
  games: readonly TournamentGame[],
  scores: readonly GameScore[],
): TournamentResult {
  if (scores.length !== games.length) throw new Error(`${scores.length} scores for ${games.length} games`);
  const entrants = spec.bots.length > 0 ? spec.bots : allEntrants();
  const labels = [...new Set(entrants.map(botLabel))];
  const seats = spec.scenario.states.map((s) => s.id);
  const format: TournamentFormat = spec.format ?? "roundrobin";
  const records: ScoreRecord[] = [];
  const pairs: PairResult[] = [];
  const outcomes = { armedConflict: 0, stablePeace: 0, turnLimit: 0 };
  for (const s of scores) outcomes[s.outcome]++;
  const deals = format === "duplicate" ? dealCount(spec.games, entrants.length) : 0;
  let i = 0;
  while (i < games.length) {
    const group = (games[i] as TournamentGame).group;
    const result: ScoreRecord[] = [];
    for (; i < games.length && (games[i] as TournamentGame).group === group; i++) {
      const g = games[i] as TournamentGame;
      const s = scores[i] as GameScore;
      if (g.focal === null) {
        for (const seat of seats)
          result.push({
            label: botLabel(g.specs[seat] as BotSpec),
            level: (g.specs[seat] as BotSpec).level,
            group: seat,
            score: s.scores[seat] ?? 0,
          });
      } else {
        const e = g.specs[g.focal] as BotSpec;
        result.push({
          label: botLabel(e),
          level: e.level,
          group: `deal ${group}`,
          score: s.scores[g.focal] ?? 0,
        });
      }
    }
    records.push(...result);
    pairsWithin(result, pairs);
  }
  const played = games.length;
  const elo = eloRatings(labels, pairs);
  const grand = records.reduce((a, r) => a + r.score, 0) / (records.length || 1);
  const sums = new Map<string, { sum: number; n: number }>();
  for (const r of records) {
    const x = sums.get(r.group) ?? { sum: 0, n: 0 };
    x.sum += r.score;
    x.n++;
    sums.set(r.group, x);
  }
  const groupMean = (g: string): number => {
    const x = sums.get(g);
    return x ? x.sum / x.n : grand;
  };
  const summary = (list: readonly ScoreRecord[]): { n: number; raw: MeanCi; adjusted: MeanCi } => {
    const raw = meanCi(list.map((r) => r.score));
    const adj = meanCi(list.map((r) => r.score - groupMean(r.group) + grand));
    const round = (m: { mean: number; ci95: [number, number] }): MeanCi => ({
      mean: r4(m.mean),
      ci95: [r4(m.ci95[0]), r4(m.ci95[1])],
    });
    return { n: raw.n, raw: round(raw), adjusted: round(adj) };
  };
  const rows: TournamentRow[] = labels
    .map((label) => {
      const e = entrants.find((x) => botLabel(x) === label) as BotSpec;
      const m = summary(records.filter((r) => r.label === label));
      return {
        bot: label,
        persona: e.persona,
        level: e.level,
        games: m.n,
        ...m.raw,
        adjusted: m.adjusted,
        elo: elo[label] ?? 0,
      };
    })
    .sort((a, b) => b.mean - a.mean || a.bot.localeCompare(b.bot));
  const levels = BOT_LEVELS.filter((l) => records.some((r) => r.level === l)).map((level) => {
    const m = summary(records.filter((r) => r.level === level));
    return { level, games: m.n, ...m.raw, adjusted: m.adjusted };
  });
  const clears = (pick: (x: MeanCi & { adjusted: MeanCi }) => MeanCi): Record<string, string[]> => {
    const out: Record<string, string[]> = {};
    const weaker = rows.filter((r) => r.level !== "hard");
    if (weaker.length === 0) return out;
    const check = (name: string, x: MeanCi & { adjusted: MeanCi }): void => {
      out[name] = weaker.filter((w) => pick(x).ci95[0] <= pick(w).ci95[1]).map((w) => w.bot);
    };
    for (const r of rows) if (r.level === "hard") check(r.bot, r);
    const hardLevel = levels.find((l) => l.level === "hard");
    if (hardLevel) check("hard (pooled)", hardLevel);
    return out;
  };
  return {
    scenario: spec.scenario.id,
    seed: spec.seed,
    format,
    games: played,
    deals,
    seats: seats.length,
    rows,
    levels,
    outcomes,
    hardNotClear: clears((x) => x),
    hardNotClearAdjusted: clears((x) => x.adjusted),
    hardLead: format === "duplicate" ? hardLead(records, rows) : {},
  };
}
