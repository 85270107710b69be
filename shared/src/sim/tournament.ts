/**
 * Tournaments of bot personas and levels: mean scores with 95% intervals and Elo ratings, in two formats.
 * `roundrobin`: every game seats entrants drawn from seeded shuffles of the field, so entrants meet at random in random seats.
 * `duplicate` (as in duplicate bridge): each deal fixes a seed, a focal seat and the bots of the other seats, and every
 * entrant plays that deal's focal seat; entrants are then compared on the same deals, and the deal-adjusted score
 * (score less the deal's mean over the entrants, plus the grand mean) removes what is common to a deal.
 */
import { rngFromSeed } from "../model/rng.ts";
import type { GameOptions, SeatId } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { BotOptions } from "../bots/bot.ts";
import { BOT_LEVELS, DOCTRINAL_PERSONAS, botLabel, type BotLevel, type BotSpec } from "../bots/doctrines.ts";
import { playBotGame, type Decide } from "./bot-game.ts";
import { eloRatings, type PairResult } from "./elo.ts";
import { meanCi, r4, wilson } from "./stats.ts";

/** How entrants are seated. */
export const TOURNAMENT_FORMATS = ["roundrobin", "duplicate"] as const;
export type TournamentFormat = (typeof TOURNAMENT_FORMATS)[number];

/** What to play. */
export interface TournamentSpec {
  scenario: Scenario;
  /** Games (round robin); in the duplicate format, rounded up to whole deals of one game per entrant. */
  games: number;
  seed: string;
  /** `roundrobin` when absent. */
  format?: TournamentFormat;
  /** The entrants; every doctrinal persona at every level when empty. */
  bots: BotSpec[];
  /** Duplicate format: the bots the other seats of a deal are drawn from; the entrants when absent or empty. */
  field?: BotSpec[];
  options?: Partial<GameOptions>;
}

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
   * Round robin: seat-adjusted, each score less its seat's mean over the tournament plus the overall mean (removes the
   * seats' unequal endowments). Duplicate: deal-adjusted, each score less its deal's mean over the entrants plus the
   * overall mean (removes the seed, the seat and the other seats' bots, which every entrant shares on a deal).
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
  /** For each hard entrant (and the pooled hard level): the easy and normal entrants whose 95% interval it does not clear. */
  hardNotClear: Record<string, string[]>;
  /** The same with seat-adjusted (round robin) or deal-adjusted (duplicate) intervals. */
  hardNotClearAdjusted: Record<string, string[]>;
  /** Duplicate format: the pooled hard level's mean score less each easy and normal entrant's, deal by deal, with its 95% interval. */
  hardLead: Record<string, MeanCi>;
}

/** Every doctrinal persona at every level. */
export function allEntrants(): BotSpec[] {
  return BOT_LEVELS.flatMap((level) => DOCTRINAL_PERSONAS.map((persona) => ({ persona, level })));
}

/** The entrants of game `g`: consecutive seats of an endless sequence of seeded shuffles of all entrants, so every entrant plays once per shuffle. */
export function lineup(
  entrants: readonly BotSpec[],
  seats: readonly SeatId[],
  seed: string,
  g: number,
): Record<SeatId, BotSpec> {
  const out: Record<SeatId, BotSpec> = {};
  const n = entrants.length;
  const cache = new Map<number, number[]>();
  const shuffle = (round: number): number[] => {
    let order = cache.get(round);
    if (!order) {
      const rng = rngFromSeed(`${seed}/lineup/${round}`);
      order = entrants.map((_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      cache.set(round, order);
    }
    return order;
  };
  seats.forEach((seat, i) => {
    const pos = g * seats.length + i;
    out[seat] = entrants[shuffle(Math.floor(pos / n))[pos % n] as number] as BotSpec;
  });
  return out;
}

/** One entrant's score in one game; `group` is what the adjustment removes (its seat in a round robin, its deal in a duplicate). */
interface ScoreRecord {
  label: string;
  level: BotLevel;
  group: string;
  score: number;
}

/** The deal `d` of a duplicate tournament: its game seed, focal seat and the bots of the other seats (from seeded shuffles of the field). */
export function deal(
  field: readonly BotSpec[],
  seats: readonly SeatId[],
  seed: string,
  d: number,
): { seed: string; focal: SeatId; others: Record<SeatId, BotSpec> } {
  const focal = seats[d % seats.length] as SeatId;
  return {
    seed: `${seed}:${d}`,
    focal,
    others: lineup(
      field,
      seats.filter((s) => s !== focal),
      `${seed}/field`,
      d,
    ),
  };
}

/** Deals a duplicate tournament of `games` games plays: whole deals of one game per entrant, at least one. */
export function dealCount(games: number, entrants: number): number {
  return Math.max(1, Math.ceil(games / Math.max(1, entrants)));
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

/** Duplicate: per weaker entrant, the mean over deals of (the hard entrants' mean score on the deal − its score on the deal). */
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

/** One game of a tournament, in the order the result reads them: its seed, its line-up and, in a duplicate, the deal and its focal seat. */
export interface TournamentGame {
  seed: string;
  specs: Record<SeatId, BotSpec>;
  /** The game's index (round robin) or the deal's (duplicate): games of one group are compared with one another. */
  group: number;
  /** Duplicate: the seat whose score counts (the entrant's); null in a round robin, where every seat counts. */
  focal: SeatId | null;
}

/** What a played game gives the table: how it ended and every seat's total score. */
export interface GameScore {
  outcome: "armedConflict" | "stablePeace" | "turnLimit";
  scores: Record<SeatId, number>;
}

/** Every game a tournament plays, in order. Deterministic for its spec. */
export function tournamentGames(spec: TournamentSpec): TournamentGame[] {
  const entrants = spec.bots.length > 0 ? spec.bots : allEntrants();
  const seats = spec.scenario.states.map((s) => s.id);
  const out: TournamentGame[] = [];
  if ((spec.format ?? "roundrobin") === "roundrobin") {
    for (let g = 0; g < spec.games; g++)
      out.push({
        seed: `${spec.seed}:${g}`,
        specs: lineup(entrants, seats, spec.seed, g),
        group: g,
        focal: null,
      });
    return out;
  }
  for (let d = 0; d < dealCount(spec.games, entrants.length); d++) {
    const dl = deal(spec.field && spec.field.length > 0 ? spec.field : entrants, seats, spec.seed, d);
    for (const e of entrants)
      out.push({ seed: dl.seed, specs: { ...dl.others, [dl.focal]: e }, group: d, focal: dl.focal });
  }
  return out;
}

/** Plays one tournament game; throws if the engine rejected a bot's step (a bot bug, never a result). */
export function playTournamentGame(
  spec: TournamentSpec,
  game: TournamentGame,
  botOptions: BotOptions = {},
  decide?: Decide,
): GameScore {
  const played = playBotGame(spec.scenario, game.seed, game.specs, spec.options ?? {}, botOptions, decide);
  if (played.rejected.length > 0)
    throw new Error(
      `game ${game.seed}: the engine rejected a bot step: ${played.rejected[0]?.code} ${played.rejected[0]?.message}`,
    );
  const kind = played.state.outcome?.kind;
  const scores: Record<SeatId, number> = {};
  for (const seat of Object.keys(game.specs)) scores[seat] = played.state.scores[seat]?.total ?? 0;
  return { outcome: kind === "armedConflict" || kind === "stablePeace" ? kind : "turnLimit", scores };
}

/** Runs the tournament. Deterministic for its spec; `onProgress` is told after each game. */
export function runTournament(
  spec: TournamentSpec,
  botOptions: BotOptions = {},
  onProgress?: (done: number) => void,
  decide?: Decide,
): TournamentResult {
  const games = tournamentGames(spec);
  const scores = games.map((g, i) => {
    const score = playTournamentGame(spec, g, botOptions, decide);
    onProgress?.(i + 1);
    return score;
  });
  return tournamentResult(spec, games, scores);
}

/** The table of a tournament from its games (tournamentGames) and their scores, in the same order, however they were played. */
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

/** The human-readable table. */
export function formatTournament(r: TournamentResult): string {
  const pct = (k: number): string => {
    const [lo, hi] = wilson(k, r.games);
    return `${((100 * k) / (r.games || 1)).toFixed(1)}% [${(100 * lo).toFixed(1)}, ${(100 * hi).toFixed(1)}]`;
  };
  const dup = r.format === "duplicate";
  const adjusted = dup ? "deal-adjusted" : "seat-adjusted";
  const lines = [
    dup
      ? `Duplicate tournament: scenario ${r.scenario}, ${r.deals} deals × ${r.games / (r.deals || 1)} entrants = ${r.games} games of ${r.seats} seats, seed ${r.seed}`
      : `Tournament: scenario ${r.scenario}, ${r.games} games of ${r.seats} seats, seed ${r.seed}`,
  ];
  lines.push(
    `Outcomes: armed conflict ${pct(r.outcomes.armedConflict)}, stable peace ${pct(r.outcomes.stablePeace)}, turn limit ${pct(r.outcomes.turnLimit)}`,
  );
  const ci = (m: MeanCi): string =>
    `${m.mean.toFixed(2).padStart(6)} [${m.ci95[0].toFixed(2)}, ${m.ci95[1].toFixed(2)}]`.padEnd(23);
  lines.push(
    "",
    `${"bot".padEnd(20)} ${"games".padStart(6)}  ${"mean score [95% CI]".padEnd(23)} ${`${adjusted} [95% CI]`.padEnd(23)} ${"Elo".padStart(5)}`,
  );
  for (const row of r.rows)
    lines.push(
      `${row.bot.padEnd(20)} ${String(row.games).padStart(6)}  ${ci(row)} ${ci(row.adjusted)} ${String(row.elo).padStart(5)}`,
    );
  lines.push("", "By level (pooled):");
  for (const l of r.levels)
    lines.push(`${l.level.padEnd(20)} ${String(l.games).padStart(6)}  ${ci(l)} ${ci(l.adjusted)}`);
  const verdicts = (title: string, table: Record<string, string[]>): void => {
    const entries = Object.entries(table);
    if (entries.length === 0) return;
    lines.push("", title);
    for (const [bot, list] of entries)
      lines.push(`  ${bot.padEnd(18)} ${list.length === 0 ? "yes" : `no: overlaps ${list.join(", ")}`}`);
  };
  verdicts("Hard bots whose 95% interval lies above every easy and normal bot's:", r.hardNotClear);
  verdicts(`The same with ${adjusted} intervals:`, r.hardNotClearAdjusted);
  const leads = Object.entries(r.hardLead);
  if (leads.length > 0) {
    lines.push(
      "",
      "Lead of the pooled hard level over each easy and normal bot, deal by deal (paired) [95% CI]:",
    );
    for (const [bot, m] of leads) lines.push(`  ${bot.padEnd(18)} ${ci(m)}`);
  }
  return lines.join("\n");
}
