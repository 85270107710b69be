/**
 * Why did it move: a pair's tension, or a state's economy, stability or reputation, over a stretch of a
 * game's events, decomposed by the rule each event cites. Pure and deterministic. It reads whatever events it
 * is given: every event (the debrief) or one seat's visible events (a student's view); whatever the events
 * given do not explain is reported as a remainder, never attributed to a guessed cause.
 */
import type { SeatId, StatName } from "../model/basics.ts";
import type { GameEvent, MeasureChange } from "../model/events.ts";
import { own } from "../model/ids.ts";
import { pairMembers } from "../model/pairs.ts";
import { RULES } from "../model/rules-catalogue.ts";

/** A state's measure an event can change. */
export type Measure = StatName;
/** What a movement is of: a pair's tension or a state's measure. */
export type Quantity = "tension" | Measure;

/** The measures, in the order a summary lists them. */
export const MEASURES: readonly Measure[] = ["economy", "stability", "reputation"];

/** A stretch of an events array: indices `from` (inclusive) to `to` (exclusive). */
export interface EventRange {
  from: number;
  to: number;
}

/**
 * The part of a movement one rule explains, with the events (indices into the events read) that carried it.
 */
export interface Contribution {
  rule: string;
  /** The rule's title in the rules catalogue (the rule id when the catalogue does not know it). */
  ruleName: string;
  delta: number;
  events: number[];
  texts: string[];
  /** Incidents the events concern, if any (each once). */
  incidents: string[];
}

/** How one pair's tension or one state's measure moved over a stretch of events, and why. */
export interface Movement {
  quantity: Quantity;
  /** The pair key (`a|b`) for tension, else the seat. */
  subject: string;
  /** The turn the stretch belongs to. */
  turn: number;
  /** The value at the stretch's start and end, when known. */
  before: number | null;
  after: number | null;
  /** after − before when both are known, else the sum of the contributions. */
  change: number;
  /** By rule, the largest first. */
  contributions: Contribution[];
  /**
   * The part of a known change that no event read explains (its causes were not visible); null when the
   * change is not known.
   */
  unseen: number | null;
}

/** Rounds to 3 decimals, and turns -0 into 0. */
export function r3(x: number): number {
  const v = Math.round(x * 1000) / 1000;
  return v === 0 ? 0 : v;
}

/** The measure changes an event reports (none for an event that changed no state's measures). */
export function changesOf(e: GameEvent): readonly MeasureChange[] {
  return e.changes ?? [];
}

/** True when a player at `seat` sees the event (the same test as the view's). */
export function visibleToSeat(e: GameEvent, seat: SeatId): boolean {
  return e.visibleTo === "public" || e.visibleTo.includes(seat);
}

/**
 * The range of the events labelled with `turn` (they are contiguous); an empty range at the end when there
 * are none.
 */
export function turnRange(events: readonly GameEvent[], turn: number): EventRange {
  let from = -1;
  let to = -1;
  events.forEach((e, i) => {
    if (e.turn !== turn) return;
    if (from < 0) from = i;
    to = i + 1;
  });
  return from < 0 ? { from: events.length, to: events.length } : { from, to };
}

/** The delta an event carries for `quantity` of `subject`, or 0. */
export function deltaOf(e: GameEvent, quantity: Quantity, subject: string): number {
  if (quantity === "tension") return e.tension && e.tension.pair === subject ? e.tension.delta : 0;
  let d = 0;
  for (const c of changesOf(e)) if (c.seat === subject && c.measure === quantity) d += c.delta;
  return d;
}

/** The rule's title from the rules catalogue, or its id. */
export function ruleName(rule: string): string {
  const entry = Object.hasOwn(RULES, rule) ? (RULES as Record<string, { title: string }>)[rule] : undefined;
  return entry?.title ?? rule;
}

/**
 * The events of `range` that move `quantity` of `subject`, grouped by rule, the largest first (keep: a
 * filter, e.g. what a seat sees).
 */
export function contributions(
  events: readonly GameEvent[],
  range: EventRange,
  quantity: Quantity,
  subject: string,
  keep: (e: GameEvent) => boolean = () => true,
): Contribution[] {
  const byRule = new Map<string, Contribution>();
  const to = Math.min(range.to, events.length);
  for (let i = Math.max(0, range.from); i < to; i++) {
    const e = events[i] as GameEvent;
    const d = deltaOf(e, quantity, subject);
    if (d === 0 || !keep(e)) continue;
    let c = byRule.get(e.rule);
    if (!c) {
      c = { rule: e.rule, ruleName: ruleName(e.rule), delta: 0, events: [], texts: [], incidents: [] };
      byRule.set(e.rule, c);
    }
    c.delta += d;
    c.events.push(i);
    c.texts.push(e.text);
    if (e.incident && !c.incidents.includes(e.incident)) c.incidents.push(e.incident);
  }
  const out = [...byRule.values()].map((c) => ({ ...c, delta: r3(c.delta) }));
  return out.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.events[0] ?? 0) - (b.events[0] ?? 0));
}

/**
 * A movement over `range`: its contributions and, when `before` and `after` are known, the part they leave
 * unexplained.
 */
export function movement(
  events: readonly GameEvent[],
  range: EventRange,
  quantity: Quantity,
  subject: string,
  turn: number,
  before: number | null = null,
  after: number | null = null,
  keep?: (e: GameEvent) => boolean,
): Movement {
  const parts = contributions(events, range, quantity, subject, keep);
  const explained = r3(parts.reduce((s, c) => s + c.delta, 0));
  const known = before !== null && after !== null;
  const change = known ? r3(after - before) : explained;
  return {
    quantity,
    subject,
    turn,
    before,
    after,
    change,
    contributions: parts,
    unseen: known ? r3(change - explained) : null,
  };
}

/** True when a movement has something to say: a change, or causes that cancelled out. */
export function moved(m: Movement): boolean {
  return m.change !== 0 || m.contributions.length > 0 || (m.unseen ?? 0) !== 0;
}

/** The measure of a state in a game state or view, or null for an unknown seat. */
export function measureOf(
  nations: Readonly<Record<SeatId, { economy: number; stability: number; reputation: number }>>,
  seat: SeatId,
  measure: Measure,
): number | null {
  const n = own(nations, seat);
  return n ? n[measure] : null;
}

/** The two states of a pair key, or null when the key is not one (a hostile or malformed key). */
export function pairOf(key: string, seats: readonly SeatId[]): [SeatId, SeatId] | null {
  if (typeof key !== "string" || !key.includes("|")) return null;
  const [a, b] = pairMembers(key);
  return seats.includes(a) && seats.includes(b) && a < b ? [a, b] : null;
}
