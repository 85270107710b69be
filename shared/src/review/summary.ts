/**
 * A student's turn summary, from their own view alone: what changed for their state in the month just
 * resolved and why (the decomposition over the events their seat may see, the rest shown as unseen), the
 * tensions of their pairs that moved, new incidents against them, and their objectives a change put at risk
 * or crossed.
 */
import type { SeatId } from "../model/basics.ts";
import { isSeat, own } from "../model/ids.ts";
import type { Objective } from "../model/objectives.ts";
import { pairKey } from "../model/pairs.ts";
import type { GameView, IncidentView } from "../view/types.ts";
import {
  type EventRange,
  MEASURES,
  type Measure,
  type Movement,
  measureOf,
  movement,
  moved,
  turnRange,
} from "./why.ts";

/**
 * What a client keeps of the view at the start of a turn, to measure the turn against: the events seen and
 * the values then.
 */
export interface TurnStart {
  turn: number;
  /** How many events the view held. */
  events: number;
  /** The seat's measures. */
  measures: Record<Measure, number>;
  /** The tension of each of the seat's pairs. */
  tension: Record<string, number>;
  /** The incidents against the seat it knew of (absent: count those of the month and after as new). */
  incidents?: string[];
}

/** An objective whose threshold the month's changes crossed, or that stands close to or past it. */
export interface ObjectiveAtRisk {
  text: string;
  met: boolean;
  /**
   * "crossedBelow": was met, a change broke it; "crossedAbove": now met; "missed": not met; "close": met,
   * within 1 point.
   */
  status: "crossedBelow" | "crossedAbove" | "missed" | "close";
  /** The measure or pair the threshold is on, its threshold, and the values before (when known) and now. */
  quantity: Measure | "tension";
  threshold: number;
  before: number | null;
  after: number;
}

/** The summary of one month for one seat. */
export interface TurnSummary {
  seat: SeatId;
  /** The month summarised (the view's turn − 1). */
  turn: number;
  /** False when the start of the month was not seen: causes are listed, but values before are unknown. */
  exact: boolean;
  /** The seat's economy, stability and reputation, always all three. */
  measures: Movement[];
  /** The seat's pairs whose tension moved. */
  tension: Movement[];
  incidents: IncidentView[];
  objectives: ObjectiveAtRisk[];
}

/** How close to a threshold counts as "close". */
const MARGIN = 1;

/**
 * The seat's values at this moment of the view, to keep until the next turn; null for a seat the game does
 * not have.
 */
export function turnStartOf(view: GameView, seat: string): TurnStart | null {
  if (!isSeat(view, seat)) return null;
  const n = own(view.nations, seat);
  if (!n) return null;
  const tension: Record<string, number> = {};
  for (const other of view.seats) {
    if (other === seat) continue;
    const key = pairKey(seat, other);
    tension[key] = own(view.tension, key) ?? 0;
  }
  return {
    turn: view.turn,
    events: view.events.length,
    measures: { economy: n.economy, stability: n.stability, reputation: n.reputation },
    tension,
    incidents: view.incidents.filter((i) => i.target === seat).map((i) => i.id),
  };
}

/**
 * The summary of the month before the view's turn for `seat`, measured from `start` (the view kept when that
 * month began) when there is one, else from the first event of that month with values before unknown. Null
 * when there is no month to summarise or the seat is not one of the game's.
 */
export function summariseTurn(view: GameView, seat: string, start: TurnStart | null): TurnSummary | null {
  const turn = view.turn - 1;
  if (turn < 1 || !isSeat(view, seat)) return null;
  const exact = start !== null && start.turn === turn && start.events <= view.events.length;
  const range: EventRange = exact
    ? { from: start.events, to: view.events.length }
    : { from: turnRange(view.events, turn).from, to: view.events.length };
  const measures = MEASURES.map((q) =>
    movement(
      view.events,
      range,
      q,
      seat,
      turn,
      exact ? start.measures[q] : null,
      exact ? measureOf(view.nations, seat, q) : null,
    ),
  );
  const tension: Movement[] = [];
  for (const other of view.seats) {
    if (other === seat) continue;
    const key = pairKey(seat, other);
    const before = exact ? own(start.tension, key) : undefined;
    const m = movement(
      view.events,
      range,
      "tension",
      key,
      turn,
      before ?? null,
      before === undefined ? null : (own(view.tension, key) ?? 0),
    );
    if (moved(m)) tension.push(m);
  }
  tension.sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  const known = exact && Array.isArray(start.incidents) ? new Set(start.incidents) : null;
  const incidents = view.incidents.filter(
    (i) =>
      i.target === seat &&
      (known ? !known.has(i.id) : i.turn >= turn || (own(i.knowledge, seat)?.since ?? 0) >= turn),
  );
  const objectives = objectivesAtRisk(view, seat, measures, exact ? start : null);
  return { seat, turn, exact, measures, tension, incidents, objectives };
}

/**
 * The seat's threshold objectives (a measure at least, a tension at most) that the month crossed, or that are
 * missed or close.
 */
function objectivesAtRisk(
  view: GameView,
  seat: SeatId,
  measures: Movement[],
  start: TurnStart | null,
): ObjectiveAtRisk[] {
  const out: ObjectiveAtRisk[] = [];
  for (const o of own(view.private, seat)?.objectives ?? []) {
    const r = atRisk(view, seat, o, measures, start);
    if (r) out.push(r);
  }
  return out;
}

function atRisk(
  view: GameView,
  seat: SeatId,
  o: Objective & { met: boolean },
  measures: Movement[],
  start: TurnStart | null,
): ObjectiveAtRisk | null {
  let after: number;
  let before: number | null;
  let threshold: number;
  let quantity: ObjectiveAtRisk["quantity"];
  let ok: (x: number) => boolean;
  if (o.kind === "statAtLeast") {
    const m = measures.find((x) => x.quantity === o.stat);
    const now = measureOf(view.nations, seat, o.stat);
    if (!m || now === null) return null;
    [after, before, threshold, quantity] = [now, m.before, o.min, o.stat];
    ok = (x) => x >= o.min;
  } else if (o.kind === "tensionAtMost") {
    if (!isSeat(view, o.with)) return null;
    const key = pairKey(seat, o.with);
    after = own(view.tension, key) ?? 0;
    before = start ? (own(start.tension, key) ?? null) : null;
    [threshold, quantity] = [o.max, "tension"];
    ok = (x) => x <= o.max;
  } else return null;
  const status: ObjectiveAtRisk["status"] | null =
    before !== null && ok(before) && !ok(after)
      ? "crossedBelow"
      : before !== null && !ok(before) && ok(after)
        ? "crossedAbove"
        : !ok(after)
          ? "missed"
          : Math.abs(after - threshold) < MARGIN
            ? "close"
            : null;
  return status ? { text: o.text, met: o.met, status, quantity, threshold, before, after } : null;
}
