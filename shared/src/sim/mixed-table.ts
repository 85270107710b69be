/**
 * Mixed tables: several personas at one table, seated in rotation or in every seating, and the paired
 * difference of two personas' scores in the same game (forgiving against strict tit-for-tat, fact 3c).
 */
import type { Persona } from "../bots/persona-names.ts";
import type { SeatId } from "../model/basics.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playGame } from "./play.ts";

/** A mixed table: its personas (cycled over the seats), whether every seating is played, and CBMs. */
export interface MixedTable {
  scenario: Scenario;
  seed: string;
  bots: readonly Persona[];
  /** Every seating (game g: permutation g mod k!) rather than the rotation (seat i: (i + g) mod k). */
  permute: boolean;
  noCbms: boolean;
}

/** Every ordering of `items`, in lexicographic order of positions. */
function permutations(items: readonly number[]): number[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

/** The orderings of 0..k-1, computed once per k. */
const orderings = new Map<number, number[][]>();

/** Game g's persona for each seat: the rotation, or permutation g mod k! of the list. */
export function seating(table: MixedTable, g: number): Record<SeatId, Persona> {
  const k = table.bots.length;
  if (table.permute && !orderings.has(k)) orderings.set(k, permutations(table.bots.map((_, i) => i)));
  const orders = table.permute ? (orderings.get(k) ?? []) : [];
  const order = orders[g % Math.max(1, orders.length)];
  const out: Record<SeatId, Persona> = {};
  table.scenario.states.forEach((s, i) => {
    const index = order ? (order[i % order.length] as number) : (i + g) % k;
    out[s.id] = table.bots[index] as Persona;
  });
  return out;
}

/** Plays game g of a mixed table: `a`'s mean score minus `b`'s in that game, and whether it ended in war. */
export function mixedTableGame(
  table: MixedTable,
  g: number,
  a: Persona,
  b: Persona,
): { diff: number; war: boolean } {
  const personas = seating(table, g);
  const played = playGame(table.scenario, `${table.seed}:${g}`, personas, { noCbms: table.noCbms });
  const seats = table.scenario.states.map((s) => s.id);
  const mean = (p: Persona): number => {
    const mine = seats.filter((s) => personas[s] === p).map((s) => played.state.scores[s]?.total ?? 0);
    return mine.reduce((x, y) => x + y, 0) / Math.max(1, mine.length);
  };
  return { diff: mean(a) - mean(b), war: played.state.outcome?.kind === "armedConflict" };
}
