/**
 * Collective defence: an attack on one member of an alliance concerns the others, and a war with one brings
 * them in.
 */
import type { SeatId } from "../model/basics.ts";
import type { GameState, Outcome } from "../model/types.ts";
import { addTension, emit, nameOf, type Ctx } from "./context.ts";

/** The states that share an alliance with `seat` (never `seat` itself). */
export function alliesOf(s: GameState, seat: SeatId): SeatId[] {
  const out = new Set<SeatId>();
  for (const a of s.alliances)
    if (a.members.includes(seat)) for (const m of a.members) if (m !== seat) out.add(m);
  return [...out];
}

/**
 * A member has been openly hit by `attacker`, or has publicly named it at moderate confidence or better: each
 * of its allies (unless also allied with the attacker) stands by it, and its tension with the attacker rises
 * by `allianceSolidarity` × the attack's weight.
 */
export function standByAlly(
  ctx: Ctx,
  victim: SeatId,
  attacker: SeatId,
  weight: number,
  incident: string,
): void {
  const shared = new Set(alliesOf(ctx.s, attacker));
  for (const ally of alliesOf(ctx.s, victim)) {
    if (ally === attacker || shared.has(ally)) continue;
    addTension(
      ctx,
      ally,
      attacker,
      ctx.p.allianceSolidarity * weight,
      "alliance.defence",
      "public",
      `${nameOf(ctx.s, ally)} stands by its ally ${nameOf(ctx.s, victim)} against ${nameOf(ctx.s, attacker)}.`,
      incident,
    );
  }
}

/**
 * An armed conflict brings in the allies of each belligerent (those not allied with both sides); returns the
 * widened outcome.
 */
export function joinAllies(ctx: Ctx, war: Outcome): Outcome {
  if (war.kind !== "armedConflict" || war.belligerents.length !== 2) return war;
  const [a, b] = war.belligerents as [SeatId, SeatId];
  const withA = alliesOf(ctx.s, a);
  const withB = new Set(alliesOf(ctx.s, b));
  const joined: SeatId[] = [];
  for (const [side, allies, other] of [
    [a, withA, b],
    [b, [...withB], a],
  ] as const) {
    for (const ally of allies) {
      if (ally === other || joined.includes(ally) || (withA.includes(ally) && withB.has(ally))) continue;
      joined.push(ally);
      emit(
        ctx,
        "alliance.defence",
        "public",
        `Under its collective-defence commitment, ${nameOf(ctx.s, ally)} joins the armed conflict beside ${nameOf(ctx.s, side)}.`,
      );
    }
  }
  return joined.length ? { ...war, belligerents: [a, b, ...joined] } : war;
}
