/** A bot's order sheet: adds orders only while they stay affordable and legal as far as the view shows. */
import { ACCESS_AGE, MAX_ORDERS, orderCost, type Order } from "../model/orders.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameView } from "../view/types.ts";
import { intrusionForbidden } from "./standing.ts";

/** Builds a legal order list for one seat from its view. */
export class Planner {
  readonly orders: Order[] = [];
  private ap: number;
  private readonly keys = new Set<string>();
  private readonly usedAccess = new Map<SeatId, number>();
  private readonly view: GameView;
  private readonly seat: SeatId;

  constructor(view: GameView, seat: SeatId) {
    this.view = view;
    this.seat = seat;
    this.ap = view.nations[seat]?.actionPoints ?? 0;
  }

  /** Action points left. */
  get remaining(): number {
    return this.ap;
  }

  /** Usable accesses in a target at least `age` turns old, minus those already planned. */
  accessesReady(target: SeatId, age: number): number {
    const mine = this.view.private[this.seat]?.accesses ?? [];
    const ready = mine.filter((a) => a.target === target && this.view.turn - a.since >= age).length;
    return ready - (this.usedAccess.get(target) ?? 0);
  }

  /**
   * Adds an order if affordable, within MAX_ORDERS, not a duplicate, (for effects) backed by a ready access,
   * and (for intrusions) not forbidden by the norms the seat adopted (`intrusionForbidden`). Returns whether
   * it was added.
   */
  add(order: Order): boolean {
    const cost = orderCost(order);
    if (cost > this.ap || this.orders.length >= MAX_ORDERS) return false;
    const key = JSON.stringify([
      order.type,
      "target" in order ? order.target : "",
      "incident" in order ? order.incident : "",
      "inquiry" in order ? order.inquiry : "",
    ]);
    const single =
      order.type === "harden" ||
      order.type === "hunt" ||
      order.type === "develop" ||
      order.type === "statement";
    const k = single ? order.type : key;
    if (this.keys.has(k)) return false;
    if ("target" in order && order.target === this.seat) return false;
    if (
      (order.type === "espionage" || order.type === "preposition") &&
      intrusionForbidden(this.view, this.seat, order)
    )
      return false;
    const age = ACCESS_AGE[order.type];
    if (age !== undefined && "target" in order && order.target) {
      if (this.accessesReady(order.target, age) < 1) return false;
      this.usedAccess.set(order.target, (this.usedAccess.get(order.target) ?? 0) + 1);
    }
    this.keys.add(k);
    this.ap -= cost;
    this.orders.push(order);
    return true;
  }
}
