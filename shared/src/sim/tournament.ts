/** Round-robin tournaments of bot personas and levels: mean scores with 95% intervals and Elo ratings. */
import { rngFromSeed } from "../model/rng.ts";
import type { GameOptions, SeatId } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { BotOptions } from "../bots/bot.ts";
import { BOT_LEVELS, DOCTRINAL_PERSONAS, botLabel, type BotLevel, type BotSpec } from "../bots/doctrines.ts";
import { playBotGame, type Decide } from "./bot-game.ts";
import { eloRatings, type PairResult } from "./elo.ts";
import { meanCi, r4, wilson } from "./stats.ts";

/** What to play. */
export interface TournamentSpec {
  scenario: Scenario;
  games: number;
  seed: string;
  /** The entrants; every doctrinal persona at every level when empty. */
  bots: BotSpec[];
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
  /** Seat-adjusted: each score less its seat's mean over the tournament, plus the overall mean (removes the seats' unequal endowments). */
  adjusted: MeanCi;
  elo: number;
}

/** The tournament report (what `npm run tournament -- --json` prints). */
export interface TournamentResult {
  scenario: string;
  seed: string;
  games: number;
  seats: number;
  rows: TournamentRow[];
  /** Every level pooled over its personas. */
  levels: Array<MeanCi & { level: BotLevel; games: number; adjusted: MeanCi }>;
  outcomes: { armedConflict: number; stablePeace: number; turnLimit: number };
  /** For each hard entrant (and the pooled hard level): the easy and normal entrants whose 95% interval it does not clear. */
  hardNotClear: Record<string, string[]>;
  /** The same with seat-adjusted intervals. */
  hardNotClearAdjusted: Record<string, string[]>;
}

/** Every doctrinal persona at every level. */
export function allEntrants(): BotSpec[] {
  return BOT_LEVELS.flatMap((level) => DOCTRINAL_PERSONAS.map((persona) => ({ persona, level })));
}

/** The entrants of game `g`: consecutive seats of an endless sequence of seeded shuffles of all entrants, so every entrant plays once per shuffle. */
export function lineup(entrants: readonly BotSpec[], seats: readonly SeatId[], seed: string, g: number): Record<SeatId, BotSpec> {
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

/** Runs the tournament. Deterministic for its spec; `onProgress` is told after each game. */
export function runTournament(spec: TournamentSpec, botOptions: BotOptions = {}, onProgress?: (done: number) => void, decide?: Decide): TournamentResult {
  const entrants = spec.bots.length > 0 ? spec.bots : allEntrants();
  const labels = [...new Set(entrants.map(botLabel))];
  const seats = spec.scenario.states.map((s) => s.id);
  const records: Array<{ label: string; level: BotLevel; seat: SeatId; score: number }> = [];
  const pairs: PairResult[] = [];
  const outcomes = { armedConflict: 0, stablePeace: 0, turnLimit: 0 };
  for (let g = 0; g < spec.games; g++) {
    const specs = lineup(entrants, seats, spec.seed, g);
    const game = playBotGame(spec.scenario, `${spec.seed}:${g}`, specs, spec.options ?? {}, botOptions, decide);
    if (game.rejected.length > 0) throw new Error(`game ${g}: the engine rejected a bot step: ${game.rejected[0]?.code} ${game.rejected[0]?.message}`);
    const kind = game.state.outcome?.kind;
    if (kind === "armedConflict" || kind === "stablePeace") outcomes[kind]++;
    else outcomes.turnLimit++;
    const result = seats.map((s) => ({ label: botLabel(specs[s] as BotSpec), level: (specs[s] as BotSpec).level, seat: s, score: game.state.scores[s]?.total ?? 0 }));
    records.push(...result);
    for (let i = 0; i < result.length; i++) {
      for (let j = i + 1; j < result.length; j++) {
        const a = result[i] as (typeof result)[number];
        const b = result[j] as (typeof result)[number];
        if (a.label === b.label) continue;
        pairs.push({ a: a.label, b: b.label, score: a.score > b.score ? 1 : a.score < b.score ? 0 : 0.5 });
      }
    }
    onProgress?.(g + 1);
  }
  const elo = eloRatings(labels, pairs);
  const grand = records.reduce((a, r) => a + r.score, 0) / (records.length || 1);
  const seatMean = new Map<SeatId, number>();
  for (const seat of seats) {
    const xs = records.filter((r) => r.seat === seat);
    seatMean.set(seat, xs.reduce((a, r) => a + r.score, 0) / (xs.length || 1));
  }
  const summary = (list: typeof records): { n: number; raw: MeanCi; adjusted: MeanCi } => {
    const raw = meanCi(list.map((r) => r.score));
    const adj = meanCi(list.map((r) => r.score - (seatMean.get(r.seat) ?? grand) + grand));
    const round = (m: { mean: number; ci95: [number, number] }): MeanCi => ({ mean: r4(m.mean), ci95: [r4(m.ci95[0]), r4(m.ci95[1])] });
    return { n: raw.n, raw: round(raw), adjusted: round(adj) };
  };
  const rows: TournamentRow[] = labels
    .map((label) => {
      const e = entrants.find((x) => botLabel(x) === label) as BotSpec;
      const m = summary(records.filter((r) => r.label === label));
      return { bot: label, persona: e.persona, level: e.level, games: m.n, ...m.raw, adjusted: m.adjusted, elo: elo[label] ?? 0 };
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
    games: spec.games,
    seats: seats.length,
    rows,
    levels,
    outcomes,
    hardNotClear: clears((x) => x),
    hardNotClearAdjusted: clears((x) => x.adjusted),
  };
}

/** The human-readable table. */
export function formatTournament(r: TournamentResult): string {
  const pct = (k: number): string => {
    const [lo, hi] = wilson(k, r.games);
    return `${((100 * k) / (r.games || 1)).toFixed(1)}% [${(100 * lo).toFixed(1)}, ${(100 * hi).toFixed(1)}]`;
  };
  const lines = [`Tournament: scenario ${r.scenario}, ${r.games} games of ${r.seats} seats, seed ${r.seed}`];
  lines.push(`Outcomes: armed conflict ${pct(r.outcomes.armedConflict)}, stable peace ${pct(r.outcomes.stablePeace)}, turn limit ${pct(r.outcomes.turnLimit)}`);
  const ci = (m: MeanCi): string => `${m.mean.toFixed(2).padStart(6)} [${m.ci95[0].toFixed(2)}, ${m.ci95[1].toFixed(2)}]`.padEnd(23);
  lines.push("", `${"bot".padEnd(20)} ${"games".padStart(6)}  ${"mean score [95% CI]".padEnd(23)} ${"seat-adjusted [95% CI]".padEnd(23)} ${"Elo".padStart(5)}`);
  for (const row of r.rows) lines.push(`${row.bot.padEnd(20)} ${String(row.games).padStart(6)}  ${ci(row)} ${ci(row.adjusted)} ${String(row.elo).padStart(5)}`);
  lines.push("", "By level (pooled):");
  for (const l of r.levels) lines.push(`${l.level.padEnd(20)} ${String(l.games).padStart(6)}  ${ci(l)} ${ci(l.adjusted)}`);
  const verdicts = (title: string, table: Record<string, string[]>): void => {
    const entries = Object.entries(table);
    if (entries.length === 0) return;
    lines.push("", title);
    for (const [bot, list] of entries) lines.push(`  ${bot.padEnd(18)} ${list.length === 0 ? "yes" : `no: overlaps ${list.join(", ")}`}`);
  };
  verdicts("Hard bots whose 95% interval lies above every easy and normal bot's:", r.hardNotClear);
  verdicts("The same with seat-adjusted intervals:", r.hardNotClearAdjusted);
  return lines.join("\n");
}
