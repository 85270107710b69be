/**
 * The engine bench's parts (b) and (c): one `resolveTurn` and one `viewFor` on mid-game states, the states
 * reached by seeded bot games at the planning phase of `SAMPLE_TURN` with every seat's bot orders in (µs per
 * call).
 */
import {
  applyStep,
  type GameState,
  type Order,
  type SeatId,
  type Step,
  createGame,
  resolveTurn,
  rngFromSeed,
  viewFor,
} from "../src/index.ts";
import type { Persona } from "../src/bots/persona-names.ts";
import { personasFor } from "../src/sim/batch.ts";
import { planBotTurn } from "../src/sim/play.ts";
import { testScenario } from "../src/testing/fixtures.ts";
import { round, timeCalls } from "./measure.ts";

/** Turn at which the sample states are taken (after this many minus one resolved turns). */
export const SAMPLE_TURN = 4;

/** A mid-game state and the orders every seat's bot gave on it. */
export interface Sample {
  state: GameState;
  orders: Record<SeatId, Order[]>;
}

/**
 * Plays a bot game like `playGame` (same steps, same bot RNG) up to the planning phase of `SAMPLE_TURN`
 * with every seat's proposals, answers and orders in; null if the game ended before.
 */
function sampleState(n: number, seed: string, personas: Record<SeatId, Persona>): Sample | null {
  const created = createGame(testScenario(n), seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const rng = rngFromSeed(`${seed}/bots`);
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    if (r.ok) state = r.value.state;
  };
  for (;;) {
    if (state.phase !== "planning") return null;
    const turn = state.turn;
    planBotTurn(() => state, personas, rng, apply);
    if (turn === SAMPLE_TURN) return { state, orders: state.orders as Record<SeatId, Order[]> };
    apply({ type: "resolve", turn });
  }
}

/**
 * Up to `count` sample states of `n`-state games (seeded `sample-<n>-<g>`; games that ended before
 * `SAMPLE_TURN` are skipped).
 */
export function samplesFor(n: number, count: number): Sample[] {
  const seats = testScenario(n).states.map((s) => s.id);
  const out: Sample[] = [];
  for (let g = 0; out.length < count && g < count * 20; g++) {
    const s = sampleState(n, `sample-${n}-${g}`, personasFor(seats, [], g));
    if (s) out.push(s);
  }
  if (out.length === 0) throw new Error(`no ${n}-state game reached turn ${SAMPLE_TURN}`);
  return out;
}

/** One size's call figures. */
export interface CallResult {
  states: number;
  pairs: number;
  samples: number;
  /** Mean counts over the sample states, to show what a call works on. */
  meanOrders: number;
  meanIncidents: number;
  meanEvents: number;
  resolveTurnUs: number;
  resolveTurnUsRange: [number, number];
  /** One seat's view. */
  viewForUs: number;
  viewForUsRange: [number, number];
  /** Views for every seat (viewForUs × states): what a server projects after each step. */
  viewsAllSeatsUs: number;
}

/** Sums the calls' results, so that no call can be optimized away. */
export const sink = { value: 0 };

/** Times `resolveTurn` and one seat's `viewFor` on `sampleCount` sample states of `n`-state games. */
export function benchCalls(
  n: number,
  sampleCount: number,
  warmupMs: number,
  roundMs: number,
  rounds: number,
): CallResult {
  const samples = samplesFor(n, sampleCount);
  const mean = (f: (s: Sample) => number): number =>
    round(samples.reduce((a, s) => a + f(s), 0) / samples.length, 1);
  const resolvePass = (): void => {
    for (const s of samples) {
      const r = resolveTurn(s.state, s.orders);
      if (!r.ok) throw new Error(r.error.message);
      sink.value += r.value.events.length;
    }
  };
  const resolve = timeCalls(resolvePass, samples.length, warmupMs, roundMs, rounds);
  const viewers = samples.flatMap((s) =>
    s.state.seats.map((seat) => ({ state: s.state, viewer: { role: "player" as const, seat } })),
  );
  const viewPass = (): void => {
    for (const v of viewers) sink.value += viewFor(v.state, v.viewer).incidents.length;
  };
  const view = timeCalls(viewPass, viewers.length, warmupMs, roundMs, rounds);
  return {
    states: n,
    pairs: (n * (n - 1)) / 2,
    samples: samples.length,
    meanOrders: mean((s) => Object.values(s.orders).reduce((a, l) => a + l.length, 0)),
    meanIncidents: mean((s) => s.state.incidents.length),
    meanEvents: mean((s) => s.state.events.length),
    resolveTurnUs: round(resolve.us, 1),
    resolveTurnUsRange: [round(resolve.range[0], 1), round(resolve.range[1], 1)],
    viewForUs: round(view.us, 2),
    viewForUsRange: [round(view.range[0], 2), round(view.range[1], 2)],
    viewsAllSeatsUs: round(view.us * n, 1),
  };
}

/**
 * Log-log slope of cost against the number of states between the smallest and largest size (1 = linear, 2 =
 * quadratic).
 */
export function growthExponent(rows: readonly CallResult[], pick: (r: CallResult) => number): number {
  const a = rows[0] as CallResult;
  const b = rows[rows.length - 1] as CallResult;
  return round(Math.log(pick(b) / pick(a)) / Math.log(b.states / a.states), 2);
}
