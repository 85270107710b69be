/**
 * Bots at the brink: a pair whose tension reached the armed-conflict threshold must choose, each side, to
 * stand firm, stand down or strike. Every bot of every level gives an explicit choice for every brink it is
 * at (no answer would count as standing firm, and war must begin with a choice). The choice follows the
 * doctrine: doves, forgiving bots and norm builders stand down; a reciprocal bot mirrors what the other did
 * to it; an opportunist stands firm only when it is stronger; a hawk stands firm and strikes only when
 * clearly stronger and already wronged; `random` chooses at random. A hotline or consultations (a way down:
 * one side standing down brings both down at no cost) make every doctrine readier to stand down.
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce } from "../model/cbms.ts";
import { pairKey } from "../model/pairs.ts";
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";
import { latestIntel } from "./perception.ts";
import { Planner } from "./planner.ts";

/** What a bot does at a brink. */
export type BrinkMove = "firm" | "standDown" | "strike";

/** Strength ratio (mine / theirs) at or above which a state counts itself stronger. */
export const STRONGER = 1.15;
/** Strength ratio at or above which a state counts itself clearly stronger. */
export const CLEARLY_STRONGER = 1.5;
/**
 * Chance that a hawk which may strike (clearly stronger, wronged, no way down) does so, each turn: low, since
 * the initiator of a war loses most.
 */
export const HAWK_STRIKE_CHANCE = 0.15;
/** Chance that `random` stands down at a brink, without and with a way down. */
const RANDOM_STAND_DOWN = [0.5, 0.7] as const;
/**
 * How much more a reciprocal bot must have been hurt than it hurt the other to stand firm when a way down
 * exists.
 */
const RECIPROCAL_CHANNEL_SLACK = 1;
/** Cyber capability assumed for a state whose capability the seat cannot see and has no intelligence on. */
const UNKNOWN_CYBER = 5;
/** Severity assumed for an incident kind the viewer cannot tell apart ("intrusion"). */
const INTRUSION_SEVERITY = 0.4;

/**
 * Other states this seat is at the brink with and must answer this turn (pairs that reached it on an earlier
 * turn).
 */
export function brinksFacing(view: GameView, me: SeatId): SeatId[] {
  return view.seats.filter((s) => {
    if (s === me) return false;
    const since = Object.hasOwn(view.brinks, pairKey(me, s)) ? view.brinks[pairKey(me, s)] : undefined;
    return since !== undefined && since < view.turn;
  });
}

/**
 * True when a hotline or consultations link two states: at the brink, one of them standing down brings both
 * down.
 */
export function wayDown(view: GameView, me: SeatId, other: SeatId): boolean {
  return cbmInForce(view, "hotline", me, other) || cbmInForce(view, "consultations", me, other);
}

/**
 * A state's strength as this seat sees it: cyber capability (visible, from intelligence, or assumed) plus
 * half its economy.
 */
export function strength(view: GameView, me: SeatId, s: SeatId): number {
  const n = view.nations[s];
  if (!n) return 0;
  const cyber = n.cyber ?? (s === me ? null : latestIntel(view, me, s)?.cyber) ?? UNKNOWN_CYBER;
  return cyber + Math.max(0, n.economy) / 2;
}

/** My strength over another state's, as I see them. */
export function strengthRatio(view: GameView, me: SeatId, other: SeatId): number {
  return strength(view, me, me) / Math.max(0.1, strength(view, me, other));
}

/**
 * The harm each side of a pair did to the other, as this seat knows it: incidents against me it attributes to
 * the other (weighted by severity), and its own operations against the other.
 */
export function hurtBetween(view: GameView, me: SeatId, other: SeatId): { byThem: number; byMe: number } {
  let byThem = 0;
  let byMe = 0;
  for (const i of view.incidents) {
    const sev = i.kind === "intrusion" ? INTRUSION_SEVERITY : view.params.severity[i.kind];
    if (i.author === me && i.target === other) byMe += sev;
    if (i.target !== me) continue;
    const k = i.knowledge[me];
    if (i.author === other || (k && k.confidence >= 1 && k.suspect === other)) byThem += sev;
  }
  return { byThem, byMe };
}

/**
 * True when this seat holds the other state responsible, at moderate confidence or better (or openly), for an
 * attack on it.
 */
export function wronged(view: GameView, me: SeatId, other: SeatId): boolean {
  return view.incidents.some((i) => {
    if (i.target !== me) return false;
    const k = i.knowledge[me];
    return i.author === other || (k !== undefined && k.confidence >= 2 && k.suspect === other);
  });
}

/**
 * True when a hawk may strike another state: clearly stronger, already wronged by it, and with no way down
 * between them.
 */
export function hawkMayStrike(view: GameView, me: SeatId, other: SeatId): boolean {
  return (
    !wayDown(view, me, other) &&
    strengthRatio(view, me, other) >= CLEARLY_STRONGER &&
    wronged(view, me, other)
  );
}

/** A doctrine's move at the brink with `other`. */
export function brinkMove(
  view: GameView,
  me: SeatId,
  other: SeatId,
  persona: BotPersona,
  rng: Rng,
): BrinkMove {
  const channel = wayDown(view, me, other);
  switch (persona) {
    case "dove":
    case "forgiving":
    case "normBuilder":
      return "standDown";
    case "reciprocal": {
      const h = hurtBetween(view, me, other);
      return h.byThem - h.byMe > (channel ? RECIPROCAL_CHANNEL_SLACK : 0) ? "firm" : "standDown";
    }
    case "opportunist":
      return strengthRatio(view, me, other) >= (channel ? CLEARLY_STRONGER : STRONGER) ? "firm" : "standDown";
    case "hawk":
      if (hawkMayStrike(view, me, other) && rng.chance(HAWK_STRIKE_CHANCE)) return "strike";
      return channel && strengthRatio(view, me, other) < STRONGER ? "standDown" : "firm";
    case "random":
      return rng.chance(RANDOM_STAND_DOWN[channel ? 1 : 0]) ? "standDown" : "firm";
  }
}

/** True when an order list already answers the brink with `other` (a choice or a strike). */
function answers(orders: readonly Order[], other: SeatId): boolean {
  return orders.some((o) => (o.type === "brink" || o.type === "strike") && o.target === other);
}

/**
 * Adds the doctrine's choice for every brink this seat must answer and the plan does not answer yet (a strike
 * it cannot afford becomes standing firm).
 */
export function addBrinkChoices(
  view: GameView,
  me: SeatId,
  persona: BotPersona,
  plan: Planner,
  rng: Rng,
  override?: BrinkMove,
): void {
  for (const other of brinksFacing(view, me)) {
    if (answers(plan.orders, other)) continue;
    const move = override ?? brinkMove(view, me, other, persona, rng);
    if (move === "strike" && plan.add({ type: "strike", target: other })) continue;
    plan.add({ type: "brink", target: other, choice: move === "standDown" ? "standDown" : "firm" });
  }
}

/**
 * The orders with the doctrine's choice for every brink they leave unanswered, the choices first (a brink is
 * never left without an explicit choice).
 */
export function withBrinkChoices(view: GameView, persona: BotPersona, orders: Order[], rng: Rng): Order[] {
  const me = view.viewer.role === "player" ? view.viewer.seat : null;
  if (me === null) return orders;
  const open = brinksFacing(view, me).filter((o) => !answers(orders, o));
  if (open.length === 0) return orders;
  const plan = new Planner(view, me);
  addBrinkChoices(view, me, persona, plan, rng);
  for (const o of orders) plan.add(o);
  return plan.orders;
}
