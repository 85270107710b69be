/**
 * Why tension and the states' measures moved, turn by turn, over a whole game's timeline: the after-action
 * review's decomposition. Turn k's stretch runs from the start of turn k to the start of turn k + 1 (so it
 * also holds the injects that open turn k + 1, which act before anyone's orders of that turn); its values are
 * the timeline's states at those two moments, so the contributions of every event sum exactly to the change.
 */
import type { SeatId } from "../model/basics.ts";
import type { GameEvent } from "../model/events.ts";
import { isSeat } from "../model/ids.ts";
import { allPairs } from "../model/pairs.ts";
import type { GameState } from "../model/types.ts";
import type { Timeline } from "./timeline.ts";
import {
  type EventRange,
  MEASURES,
  type Measure,
  type Movement,
  measureOf,
  movement,
  moved,
  pairOf,
  visibleToSeat,
} from "./why.ts";

/** One turn of a game, decomposed: every pair's tension and every state's measures that moved. */
export interface WhyTurn {
  turn: number;
  /** The turn's stretch of the final state's events. */
  range: EventRange;
  tension: Movement[];
  measures: Movement[];
}

/** The states that bound each turn: starts[0..], then the final state when it is not itself a start. */
function bounds(t: Timeline): GameState[] {
  const last = t.starts[t.starts.length - 1];
  return last && t.final.events.length === last.events.length && t.final.turn === last.turn
    ? t.starts.slice()
    : [...t.starts, t.final];
}

/**
 * A game's decomposition, turn by turn; from `viewer`'s side (only the events that seat could see, the rest
 * as unseen) when given. A viewer that is not a seat of the game gets nothing.
 */
export function whyTimeline(t: Timeline, viewer: SeatId | null = null): WhyTurn[] {
  if (viewer !== null && !isSeat(t.final, viewer)) return [];
  const states = bounds(t);
  const out: WhyTurn[] = [];
  for (let k = 1; k < states.length; k++)
    out.push(whyBetween(t.final.events, states[k - 1] as GameState, states[k] as GameState, viewer));
  return out;
}

/**
 * One turn: what moved between two states of the same game (`before` earlier), read from `events` (the later
 * state's); `all` keeps what did not move too.
 */
export function whyBetween(
  events: readonly GameEvent[],
  before: GameState,
  after: GameState,
  viewer: SeatId | null = null,
  all = false,
): WhyTurn {
  const range = { from: before.events.length, to: after.events.length };
  const keep = viewer === null ? undefined : (e: GameEvent) => visibleToSeat(e, viewer);
  const tension: Movement[] = [];
  for (const pair of allPairs(after.seats)) {
    const m = movement(
      events,
      range,
      "tension",
      pair,
      before.turn,
      before.tension[pair] ?? 0,
      after.tension[pair] ?? 0,
      keep,
    );
    if (all || moved(m)) tension.push(m);
  }
  const measures: Movement[] = [];
  for (const seat of after.seats)
    for (const q of MEASURES) {
      const m = movement(
        events,
        range,
        q,
        seat,
        before.turn,
        measureOf(before.nations, seat, q),
        measureOf(after.nations, seat, q),
        keep,
      );
      if (all || moved(m)) measures.push(m);
    }
  return { turn: before.turn, range, tension, measures };
}

/** One pair's tension movement in `turn`, or null for a pair or turn the game does not have. */
export function whyPair(
  t: Timeline,
  pair: string,
  turn: number,
  viewer: SeatId | null = null,
): Movement | null {
  if (!pairOf(pair, t.final.seats)) return null;
  const w = turnOf(t, turn, viewer);
  if (!w) return null;
  return w.tension.find((m) => m.subject === pair) ?? null;
}

/** One state's measure movement in `turn`, or null for a seat or turn the game does not have. */
export function whySeat(
  t: Timeline,
  seat: string,
  measure: Measure,
  turn: number,
  viewer: SeatId | null = null,
): Movement | null {
  if (!isSeat(t.final, seat) || !MEASURES.includes(measure)) return null;
  const w = turnOf(t, turn, viewer);
  if (!w) return null;
  return w.measures.find((m) => m.subject === seat && m.quantity === measure) ?? null;
}

function turnOf(t: Timeline, turn: number, viewer: SeatId | null): WhyTurn | null {
  if (!Number.isInteger(turn) || turn < 1) return null;
  if (viewer !== null && !isSeat(t.final, viewer)) return null;
  const states = bounds(t);
  const a = states[turn - 1];
  const b = states[turn];
  return a && b ? whyBetween(t.final.events, a, b, viewer, true) : null;
}
