/**
 * The brink: a pair at the armed-conflict threshold must choose, next turn, to stand firm, stand down or
 * strike.
 */
import type { SeatId } from "../model/basics.ts";
import { own } from "../model/ids.ts";
import type { BrinkChoice } from "../model/orders.ts";
import { allPairs, pairKey, pairMembers } from "../model/pairs.ts";
import type { Outcome } from "../model/types.ts";
import type { MeasureChange } from "../model/events.ts";
import { addTension, emit, hasCbm, nameOf, shiftMeasure, type Ctx } from "./context.ts";

/** Each seat's choices at the brink this turn, keyed `seat>other`. */
export type BrinkChoices = ReadonlyMap<string, BrinkChoice>;

/** The key of one seat's choice toward the other member of its pair. */
export function brinkChoiceKey(seat: SeatId, other: SeatId): string {
  return `${seat}>${other}`;
}

/** True when a hotline or consultations give the pair a way down from the brink. */
function wayDown(ctx: Ctx, a: SeatId, b: SeatId): boolean {
  const hotline = hasCbm(ctx.s, "hotline", "escalation.brink", a, b);
  const consultations = hasCbm(ctx.s, "consultations", "escalation.brink", a, b);
  return hotline || consultations;
}

/** Brings a pair's tension down to at most `level` and lifts its brink. */
function stepDown(ctx: Ctx, a: SeatId, b: SeatId, level: number, text: string): void {
  const key = pairKey(a, b);
  const t = ctx.s.tension[key] ?? 0;
  if (t > level) addTension(ctx, a, b, level - t, "escalation.brink", "public", text);
  else emit(ctx, "escalation.brink", "public", text);
  delete ctx.s.brinks[key];
  // Stepping down this turn is not reaching the brink again this turn.
  ctx.peaks.delete(key);
}

/**
 * Applies the choices of pairs that have been at the brink since an earlier turn; returns the war it starts,
 * if any.
 */
export function resolveBrinks(ctx: Ctx, choices: BrinkChoices): Outcome | null {
  const p = ctx.p;
  for (const key of allPairs(ctx.s.seats)) {
    const since = own(ctx.s.brinks, key);
    if (since === undefined || since >= ctx.turn) continue;
    const [a, b] = pairMembers(key);
    const ca = choices.get(brinkChoiceKey(a, b));
    const cb = choices.get(brinkChoiceKey(b, a));
    const [na, nb] = [nameOf(ctx.s, a), nameOf(ctx.s, b)];
    const channel = wayDown(ctx, a, b);
    if (ca === "standDown" && cb === "standDown") {
      stepDown(ctx, a, b, p.brinkExitTension, `${na} and ${nb} both stood down from the brink.`);
      continue;
    }
    if (ca === "standDown" || cb === "standDown") {
      const [down, firm] = ca === "standDown" ? [a, b] : [b, a];
      if (channel) {
        stepDown(
          ctx,
          a,
          b,
          p.brinkExitTension,
          `${nameOf(ctx.s, down)} stood down, and over their channel ${nameOf(ctx.s, firm)} stepped back too: the standoff is over.`,
        );
        continue;
      }
      const changes: MeasureChange[] = [];
      shiftMeasure(ctx, changes, down, "stability", -p.brinkBackDownStability);
      addTension(
        ctx,
        a,
        b,
        -p.brinkStandDownRelief,
        "escalation.brink",
        "public",
        `${nameOf(ctx.s, down)} backed down alone from the brink with ${nameOf(ctx.s, firm)}: stability -${p.brinkBackDownStability}.`,
        undefined,
        changes,
      );
      if ((ctx.s.tension[key] ?? 0) < p.armedConflictTension) {
        delete ctx.s.brinks[key];
        ctx.peaks.delete(key);
      }
      continue;
    }
    // Words already took the pair below the threshold this turn: no standoff is left to turn into war.
    if ((ctx.s.tension[key] ?? 0) < p.armedConflictTension) continue;
    const chance = p.brinkWarChance * (channel ? p.brinkChannelFactor : 1);
    const undecided = [ca === undefined ? na : null, cb === undefined ? nb : null].filter((x) => x !== null);
    if (ctx.rng.chance(chance)) {
      emit(
        ctx,
        "escalation.brink",
        "public",
        `Neither ${na} nor ${nb} stood ` +
          `down${undecided.length ? ` (${undecided.join(" and ")} gave no answer)` : ""}: the standoff turned into armed conflict.`,
      );
      return {
        kind: "armedConflict",
        turn: ctx.turn,
        belligerents: [a, b],
        initiator: null,
        cause: undecided.length > 0 ? "unansweredBrink" : "brink",
      };
    }
    emit(
      ctx,
      "escalation.brink",
      "public",
      `${na} and ${nb} both stood ` +
        `firm${undecided.length ? ` (${undecided.join(" and ")} gave no answer)` : ""}: the standoff goes on, and so does the risk of war.`,
    );
  }
  return null;
}

/** Pairs that reached the threshold this turn go to the brink; pairs that came down below it leave it. */
export function updateBrinks(ctx: Ctx): void {
  const p = ctx.p;
  for (const key of allPairs(ctx.s.seats)) {
    const t = ctx.s.tension[key] ?? 0;
    const at = own(ctx.s.brinks, key);
    const [a, b] = pairMembers(key);
    if (at !== undefined && at < ctx.turn && t < p.armedConflictTension) {
      delete ctx.s.brinks[key];
      emit(
        ctx,
        "escalation.brink",
        "public",
        `Tension between ${nameOf(ctx.s, a)} and ${nameOf(ctx.s, b)} fell below ${p.armedConflictTension}: they have left the brink.`,
      );
      continue;
    }
    if (at !== undefined || Math.max(t, ctx.peaks.get(key) ?? 0) < p.armedConflictTension) continue;
    ctx.s.brinks[key] = ctx.turn;
    emit(
      ctx,
      "escalation.brink",
      "public",
      `${nameOf(ctx.s, a)} and ${nameOf(ctx.s, b)} are at the brink (tension ${t.toFixed(1)}): next ` +
        `turn each chooses to stand firm, stand down or strike. If both stand firm, the standoff may turn into war.`,
    );
  }
}
