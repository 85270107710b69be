/** Legality of a seat's orders for the current turn. Errors are data. */
import { err, ok, type Result } from "../model/errors.ts";
import { isSeat, own } from "../model/ids.ts";
import { ordersSchema } from "../model/order-schema.ts";
import {
  ACCESS_AGE,
  MAX_ORDERS,
  STATEMENT_MAX_LENGTH,
  isOperation,
  orderCost,
  type Order,
} from "../model/orders.ts";
import type { SeatId } from "../model/basics.ts";
import { pairKey } from "../model/pairs.ts";
import type { GameState } from "../model/types.ts";
import { issueText } from "../scenario/validate.ts";
import { hasCbm, nameOf } from "../rules/context.ts";

function orderKey(o: Order): string {
  switch (o.type) {
    case "investigate":
      return `investigate:${o.incident}`;
    case "attribute":
      return `attribute:${o.incident}`;
    case "inquire":
      return `inquire:${o.incident}`;
    case "answer":
      return `answer:${o.inquiry}`;
    case "develop":
    case "harden":
    case "hunt":
    case "statement":
      return o.type;
    default:
      return `${o.type}:${o.target}`;
  }
}

/**
 * Checks typed orders against the rules: seat, targets and other ids, action points, accesses, hotlines,
 * duplicates.
 */
export function checkOrders(s: GameState, seat: SeatId, orders: readonly Order[]): Result<Order[]> {
  if (s.phase === "ended") return err("GAME_OVER", "The game is over.");
  const me = isSeat(s, seat) ? own(s.nations, seat) : undefined;
  if (!me) return err("UNKNOWN_SEAT", `No state "${seat}" in this game.`);
  if (orders.length > MAX_ORDERS) return err("TOO_MANY_ORDERS", `At most ${MAX_ORDERS} orders a turn.`);
  const keys = new Set<string>();
  let ap = 0;
  const accessUse = new Map<SeatId, number>();
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i] as Order;
    const key = orderKey(o);
    if (keys.has(key))
      return err("DUPLICATE_ORDER", `Order ${i + 1} (${o.type}) repeats an earlier order.`, i);
    keys.add(key);
    // Every id an order names is checked before anything is looked up with it, and before its cost.
    if ("target" in o && o.target !== undefined) {
      if (!isSeat(s, o.target)) return err("UNKNOWN_TARGET", `Order ${i + 1}: no state "${o.target}".`, i);
      if (o.target === seat)
        return err("SELF_TARGET", `Order ${i + 1}: ${o.type} cannot target your own state.`, i);
    }
    if (isOperation(o)) {
      if (o.overt && (o.proxy || o.falseFlag))
        return err(
          "INVALID_ORDER",
          `Order ${i + 1}: an overt operation cannot use a proxy or a false flag.`,
          i,
        );
      if (o.falseFlag !== undefined) {
        if (!isSeat(s, o.falseFlag))
          return err("INVALID_FALSE_FLAG", `Order ${i + 1}: no state "${o.falseFlag}" to frame.`, i);
        if (o.falseFlag === seat || o.falseFlag === o.target)
          return err("INVALID_FALSE_FLAG", `Order ${i + 1}: a false flag must point at a third state.`, i);
      }
    }
    if (o.type === "investigate" || o.type === "inquire") {
      const inc = s.incidents.find((x) => x.id === o.incident);
      if (!inc || !own(inc.knowledge, seat))
        return err("UNKNOWN_INCIDENT", `Order ${i + 1}: you know of no incident "${o.incident}".`, i);
      // A victim may ask another adopter of the norm on assistance without a hotline (a request for
      // assistance).
      if (
        o.type === "inquire" &&
        !(inc.target === seat && hasCbm(s, "normAssistance", "diplomacy.inquire", seat, o.target)) &&
        !hasCbm(s, "hotline", "diplomacy.inquire", seat, o.target)
      )
        return err(
          "NO_HOTLINE",
          `Order ${i + 1}: inquire needs a hotline with ${nameOf(s, o.target)} (or, about an ` +
            `incident against you, that you both adopted the norm on assistance).`,
          i,
        );
    }
    if (o.type === "attribute") {
      const inc = s.incidents.find((x) => x.id === o.incident);
      if (!inc || !(own(inc.knowledge, seat) || inc.public))
        return err("UNKNOWN_INCIDENT", `Order ${i + 1}: you know of no incident "${o.incident}".`, i);
      if (!isSeat(s, o.accused)) return err("UNKNOWN_TARGET", `Order ${i + 1}: no state "${o.accused}".`, i);
      if (o.accused === seat) return err("SELF_TARGET", `Order ${i + 1}: you cannot accuse yourself.`, i);
    }
    if (o.type === "brink" && !Object.hasOwn(s.brinks, pairKey(seat, o.target)))
      return err(
        "NOT_AT_BRINK",
        `Order ${i + 1}: ${nameOf(s, seat)} and ${nameOf(s, o.target)} are not at the brink.`,
        i,
      );
    if (o.type === "answer") {
      const q = s.inquiries.find((x) => x.id === o.inquiry);
      if (!q) return err("UNKNOWN_INQUIRY", `Order ${i + 1}: no inquiry "${o.inquiry}".`, i);
      if (q.to !== seat)
        return err("NOT_YOUR_INQUIRY", `Order ${i + 1}: inquiry "${o.inquiry}" is not addressed to you.`, i);
      if (q.status !== "open")
        return err("ALREADY_ANSWERED", `Order ${i + 1}: inquiry "${o.inquiry}" is closed.`, i);
    }
    if (o.type === "statement" && (o.text ?? "").length > STATEMENT_MAX_LENGTH)
      return err(
        "TEXT_TOO_LONG",
        `Order ${i + 1}: a statement is at most ${STATEMENT_MAX_LENGTH} characters.`,
        i,
      );
    ap += orderCost(o);
    if (ap > me.actionPoints)
      return err(
        "NOT_ENOUGH_AP",
        `These orders cost ${ap} action points; ${me.name} has ${me.actionPoints}.`,
        i,
      );
    if (isOperation(o)) {
      const age = ACCESS_AGE[o.type];
      if (age !== undefined) {
        const mine = s.accesses.filter((a) => a.owner === seat && a.target === o.target);
        if (mine.length === 0)
          return err(
            "NO_ACCESS",
            `Order ${i + 1}: ${o.type} needs access pre-positioned in ${nameOf(s, o.target)}.`,
            i,
          );
        const usable = mine.filter((a) => s.turn - a.since >= age).length;
        const used = (accessUse.get(o.target) ?? 0) + 1;
        if (usable < used)
          return err(
            "ACCESS_TOO_YOUNG",
            `Order ${i + 1}: ${o.type} needs an access at least ${age} turn${age > 1 ? "s" : ""} old in ${nameOf(s, o.target)}.`,
            i,
          );
        accessUse.set(o.target, used);
      }
    }
  }
  return ok(orders.slice());
}

/** Validates untrusted orders: shape first (INVALID_ORDER with the path), then legality. */
export function validateOrders(s: GameState, seat: SeatId, orders: unknown): Result<Order[]> {
  const parsed = ordersSchema.safeParse(orders);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === "too_big" && issue.path.length === 0)
      return err("TOO_MANY_ORDERS", `At most ${MAX_ORDERS} orders a turn.`);
    return err("INVALID_ORDER", `Malformed orders${issueText(parsed.error.issues)}.`);
  }
  return checkOrders(s, seat, parsed.data as Order[]);
}
