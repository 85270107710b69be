/**
 * The brink in words: which states this seat must answer at the brink, its two choices, and what neither side
 * backing down risks.
 */
import { cbmInForce, pairKey, type BrinkChoice } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";

/** The states this seat is at the brink with since an earlier turn: it chooses this turn toward each. */
export function brinkPartners(v: ClientView): string[] {
  const me = v.me.seat;
  if (!me) return [];
  const brinks = v.game.brinks ?? {};
  return v.game.seats.filter((s) => {
    if (s === me) return false;
    const key = pairKey(me, s);
    return Object.hasOwn(brinks, key) && (brinks[key] ?? v.game.turn) < v.game.turn;
  });
}

/** Each choice at the brink as the order card offers it. */
export const BRINK_WORDS: Record<BrinkChoice, string> = {
  standDown: "Stand down: step back from war",
  firm: "Stand firm",
};

/**
 * True when a hotline or consultations bind the seat and `other`: a way down from the brink, and half the
 * risk.
 */
export function brinkChannel(v: ClientView, other: string): boolean {
  const me = v.me.seat ?? "";
  return cbmInForce(v.game, "hotline", me, other) || cbmInForce(v.game, "consultations", me, other);
}

/** The chance (0–1) that the standoff with `other` turns into war this turn if neither side stands down. */
export function brinkWarChance(v: ClientView, other: string): number {
  const p = v.game.params;
  return p.brinkWarChance * (brinkChannel(v, other) ? p.brinkChannelFactor : 1);
}
