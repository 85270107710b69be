/**
 * The security dilemma without an attack: a rival's growing capability is feared (Richardson's arms-race reaction)
 * and cyber exercises are misread as attack preparation, both softened by joint observation and published doctrine.
 */
import type { SeatId } from "../model/basics.ts";
import { allPairs, pairMembers } from "../model/pairs.ts";
import { addTension, hasCbm, nameOf, type Ctx } from "./context.ts";
import { setSuspicion, suspicionOf } from "./escalation.ts";

/** Capability growth: rivals fear it (Richardson), less so when they observe each other's manoeuvres. */
export function onCapabilityGrowth(ctx: Ctx, seat: SeatId): void {
  for (const s of ctx.s.seats) {
    if (s === seat) continue;
    const observed = hasCbm(ctx.s, "jointObservation", "op.develop", seat, s);
    const declared = hasCbm(ctx.s, "publishDoctrine", "op.develop", seat);
    addTension(
      ctx,
      seat,
      s,
      ctx.p.capabilityFear * (observed ? 0.5 : 1) * (declared ? 0.5 : 1),
      "op.develop",
      "public",
      `${nameOf(ctx.s, seat)}'s growing cyber capability worries ${nameOf(ctx.s, s)}.`,
    );
  }
}

/** Misread exercises between pairs that do not jointly observe each other's manoeuvres. */
export function exerciseMisreads(ctx: Ctx): void {
  for (const key of allPairs(ctx.s.seats)) {
    const [a, b] = pairMembers(key);
    if (hasCbm(ctx.s, "jointObservation", "misperception.exercise", a, b)) continue;
    // A published doctrine halves the chance that the publisher's exercises are misread.
    const [reader, exerciser] = ctx.rng.chance(0.5) ? [a, b] : [b, a];
    const declared = hasCbm(ctx.s, "publishDoctrine", "misperception.exercise", exerciser);
    if (!ctx.rng.chance(ctx.p.exerciseMisreadChance * (declared ? 0.5 : 1))) continue;
    addTension(
      ctx,
      a,
      b,
      ctx.p.exerciseMisreadTension,
      "misperception.exercise",
      [a, b],
      `${nameOf(ctx.s, reader)} read a ${nameOf(ctx.s, exerciser)} cyber exercise as attack preparation.`,
    );
    setSuspicion(ctx, reader, exerciser, suspicionOf(ctx, reader, exerciser) + ctx.p.ambiguitySuspicion);
  }
}
