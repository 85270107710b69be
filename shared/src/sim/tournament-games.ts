/**
 * The games a tournament plays, in two formats. `roundrobin`: every game seats entrants drawn from seeded
 * shuffles of the field, so entrants meet at random in random seats. `duplicate` (as in duplicate bridge):
 * each deal fixes a seed, a focal seat and the bots of the other seats, and every entrant plays that deal's
 * focal seat; entrants are then compared on the same deals, and the deal-adjusted score (score less the
 * deal's mean over the entrants, plus the grand mean) removes what is common to a deal.
 */
import { rngFromSeed } from "../model/rng.ts";
import type { GameOptions } from "../model/types.ts";
import type { SeatId } from "../model/basics.ts";
import type { Scenario } from "../scenario/schema.ts";
import { BOT_LEVELS, DOCTRINAL_PERSONAS, type BotSpec } from "../bots/doctrines.ts";

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
  /**
   * Duplicate format: the bots the other seats of a deal are drawn from; the entrants when absent or empty.
   */
  field?: BotSpec[];
  options?: Partial<GameOptions>;
}

/** Every doctrinal persona at every level. */
export function allEntrants(): BotSpec[] {
  return BOT_LEVELS.flatMap((level) => DOCTRINAL_PERSONAS.map((persona) => ({ persona, level })));
}

/**
 * The entrants of game `g`: consecutive seats of an endless sequence of seeded shuffles of all entrants, so
 * every entrant plays once per shuffle.
 */
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

/**
 * The deal `d` of a duplicate tournament: its game seed, focal seat and the bots of the other seats (from
 * seeded shuffles of the field).
 */
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

/**
 * One game of a tournament, in the order the result reads them: its seed, its line-up and, in a duplicate,
 * the deal and its focal seat.
 */
export interface TournamentGame {
  seed: string;
  specs: Record<SeatId, BotSpec>;
  /**
   * The game's index (round robin) or the deal's (duplicate): games of one group are compared with one
   * another.
   */
  group: number;
  /**
   * Duplicate: the seat whose score counts (the entrant's); null in a round robin, where every seat counts.
   */
  focal: SeatId | null;
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
