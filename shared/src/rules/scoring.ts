/** Secret objectives, scores with their parts, and the end conditions. */
import { own } from "../model/ids.ts";
import { cbmInForce } from "../model/cbms.ts";
import type { Objective } from "../model/objectives.ts";
import { allPairs, pairKey } from "../model/pairs.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState, Outcome, Score } from "../model/types.ts";
import { emit, nameOf, round3, type Ctx } from "./context.ts";

/** Whether one objective is met in a state (evaluated live; final at the end). */
export function objectiveMet(s: GameState, seat: SeatId, o: Objective): boolean {
  const n = own(s.nations, seat);
  if (!n) return false;
  switch (o.kind) {
    case "tensionAtMost":
      return (s.tension[pairKey(seat, o.with)] ?? 0) <= o.max;
    case "statAtLeast":
      return n[o.stat] >= o.min;
    case "cbmInForce":
      return cbmInForce(s, o.cbm, seat, o.with);
    case "accessIn":
      return s.accesses.some((a) => a.owner === seat && a.target === o.target);
    case "neverAttributed":
      return !s.incidents.some((i) =>
        i.publicAttributions.some((a) => a.accused === seat && a.confidence >= 2 && i.author === seat),
      );
    case "rivalAttributed":
      return s.incidents.some((i) =>
        i.publicAttributions.some((a) => a.accused === o.rival && a.confidence >= 2 && i.author === o.rival),
      );
    case "noArmedConflict":
      return s.outcome?.kind !== "armedConflict";
  }
}

/** A state's score with its parts. */
export function scoreOf(s: GameState, seat: SeatId): Score {
  const n = own(s.nations, seat);
  if (!n) return { economy: 0, stability: 0, reputation: 0, objectives: 0, outcome: 0, total: 0 };
  let objectives = 0;
  for (const o of n.objectives) if (objectiveMet(s, seat, o)) objectives += o.points;
  let outcome = 0;
  const p = s.params;
  if (s.outcome?.kind === "armedConflict") {
    outcome -= p.armedConflictLoss;
    if (s.outcome.belligerents.includes(seat)) outcome -= p.belligerentLoss;
    if (s.outcome.initiator === seat) outcome -= p.initiatorLoss;
  } else if (s.outcome?.kind === "stablePeace") outcome += p.peaceBonus;
  const total = round3(n.economy + n.stability + n.reputation + objectives + outcome);
  return { economy: n.economy, stability: n.stability, reputation: n.reputation, objectives, outcome, total };
}

/** Recomputes every score. */
export function updateScores(s: GameState): void {
  for (const seat of s.seats) s.scores[seat] = scoreOf(s, seat);
}

/** Armed conflict from a strike (the first ordered this turn); returns the outcome or null. */
export function checkStrikes(ctx: Ctx): Outcome | null {
  const first = ctx.strikes[0];
  if (!first) return null;
  emit(
    ctx,
    "force.strike",
    "public",
    `${nameOf(ctx.s, first.by)} strikes ${nameOf(ctx.s, first.target)}: armed conflict.`,
  );
  return {
    kind: "armedConflict",
    turn: ctx.turn,
    belligerents: [first.by, first.target],
    initiator: first.by,
    cause: "strike",
  };
}

/**
 * Total severity of the operations `from` actually ran against `to` (the truth, for the debrief and the
 * initiator).
 */
export function hostility(s: GameState, from: SeatId, to: SeatId): number {
  let sum = 0;
  for (const i of s.incidents) if (i.author === from && i.target === to) sum += s.params.severity[i.kind];
  return sum;
}

/**
 * The kinds of CBM in force that bind at least two states together (a state's own doctrine binds no pair).
 */
export function pairCbmKinds(s: GameState): number {
  return new Set(s.cbms.filter((c) => c.members.length >= 2).map((c) => c.kind)).size;
}

/**
 * True when a stable peace may count `turn`: the crisis is settled, that is at least `peaceMinCbms` kinds of
 * measure binding pairs were in force before the month began, at least one of them agreed during this crisis
 * (not in force from its start). The crisis's parties settle it themselves, and a settlement proves itself by
 * calm months after it came into force.
 */
export function peaceSettled(s: GameState, turn: number): boolean {
  const proven = s.cbms.filter((c) => c.members.length >= 2 && c.since < turn);
  return new Set(proven.map((c) => c.kind)).size >= s.params.peaceMinCbms && proven.some((c) => c.since >= 1);
}

/**
 * Stable peace: every pair calm for enough turns, with settled measures (`peaceSettled`), and no attributed
 * violation.
 */
export function checkStablePeace(ctx: Ctx): Outcome | null {
  const p = ctx.p;
  const calm = allPairs(ctx.s.seats).every((k) => (ctx.s.tension[k] ?? 0) <= p.peaceMaxTension);
  const ok = calm && peaceSettled(ctx.s, ctx.turn) && ctx.s.lastNormViolation < ctx.turn;
  ctx.s.peaceStreak = ok ? ctx.s.peaceStreak + 1 : 0;
  if (ctx.s.peaceStreak >= p.peaceTurns)
    return { kind: "stablePeace", turn: ctx.turn, belligerents: [], initiator: null };
  return null;
}
