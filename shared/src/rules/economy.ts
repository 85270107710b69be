/**
 * The digital economy: it grows with a state's digital dependence while its relations are calm;
 * militarisation sets it back.
 */
import type { SeatId } from "../model/basics.ts";
import { own } from "../model/ids.ts";
import { pairKey } from "../model/pairs.ts";
import type { MeasureChange } from "../model/events.ts";
import { emit, nameOf, round3, shiftMeasure, withChanges, type Ctx } from "./context.ts";

/**
 * How calm a state's relations are, 0–1: 1 while its tensest pair is at most `peaceMaxTension`, 0 from
 * `inversionThreshold`.
 */
export function calmness(ctx: Ctx, seat: SeatId): number {
  let worst = 0;
  for (const other of ctx.s.seats)
    if (other !== seat) worst = Math.max(worst, ctx.s.tension[pairKey(seat, other)] ?? 0);
  const lo = ctx.p.peaceMaxTension;
  const hi = ctx.p.inversionThreshold;
  if (worst <= lo) return 1;
  if (worst >= hi) return 0;
  return (hi - worst) / (hi - lo);
}

/**
 * Each state's digital economy grows by `digitalGrowth` × dependence × calmness, except in a month it
 * mobilised or was mobilised against.
 */
export function growEconomies(ctx: Ctx, mobilised: ReadonlySet<SeatId>): void {
  for (const seat of ctx.s.seats) {
    const n = own(ctx.s.nations, seat);
    if (!n) continue;
    if (mobilised.has(seat)) {
      emit(
        ctx,
        "economy.growth",
        [seat],
        `${nameOf(ctx.s, seat)}'s digital economy did not grow: a month of mobilisation.`,
      );
      continue;
    }
    const calm = calmness(ctx, seat);
    const growth = round3(ctx.p.digitalGrowth * n.dependence * calm);
    if (growth <= 0) {
      emit(
        ctx,
        "economy.growth",
        [seat],
        `${n.name}'s digital economy did not grow: relations are too tense.`,
      );
      continue;
    }
    const changes: MeasureChange[] = [];
    shiftMeasure(ctx, changes, seat, "economy", growth);
    emit(
      ctx,
      "economy.growth",
      [seat],
      `${n.name}'s digital economy grew +${growth} (digital dependence ` +
        `${n.dependence}${calm < 1 ? `, held back by tension to ${Math.round(calm * 100)}%` : ", calm relations"}).`,
      withChanges(changes),
    );
  }
}
