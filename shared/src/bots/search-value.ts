/**
 * The search's value of a simulated state (search.ts): the seat's score, less the expected cost of the war
 * the tensions threaten and of its covert operations being named after the horizon, plus peace in sight.
 */
import { isDestructive } from "../model/operations.ts";
import { allPairs, pairMembers } from "../model/pairs.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import { objectiveMet, peaceSettled } from "../rules/scoring.ts";

/** Chance that a binomial(n, p) count reaches `k` or more. */
function atLeast(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let below = 0;
  let term = (1 - p) ** n;
  for (let i = 0; i < k; i++) {
    below += term;
    term = (term * (n - i) * p) / ((i + 1) * (1 - p));
  }
  return Math.max(0, 1 - below);
}

/** True when a no-first-use pledge bound the seat before `turn` (an operation then breaks it). */
function pledgedBefore(s: GameState, me: SeatId, turn: number): boolean {
  return s.cbms.some((c) => c.kind === "noFirstUse" && c.members.includes(me) && c.since < turn);
}

/**
 * Chance that a state that knows of one of my covert operations and will name it (at moderate confidence)
 * names it before the game ends.
 */
const NAMING_CHANCE = 0.8;

/**
 * The expected cost, still to come after the simulated horizon, of the seat's own covert operations being
 * publicly and correctly named before the game ends: the accused's reputation loss, the norm costs, and a
 * `neverAttributed` objective that is met now. Attribution is slow (about four turns to moderate confidence),
 * so a horizon of a few turns sees the operation's gain but not this cost; the chances follow the engine's
 * attribution hazard.
 */
export function exposureCost(s: GameState, me: SeatId): number {
  const p = s.params;
  const turnsLeft = Math.max(0, s.maxTurns - s.turn + 1);
  let cost = 0;
  let clean = 1;
  for (const i of s.incidents) {
    if (i.author !== me || i.overt || i.publicAttributions.some((a) => a.accused === me && a.confidence >= 2))
      continue;
    let unnamed = 1;
    for (const [knower, k] of Object.entries(i.knowledge)) {
      if (knower === me) continue;
      const reach =
        k.confidence >= 2
          ? k.suspect === me
            ? 1
            : 0
          : atLeast(
              2 - k.confidence,
              turnsLeft,
              p.attributionHazard * (i.proxy ? p.proxyAttributionMultiplier : 1),
            );
      unnamed *= 1 - NAMING_CHANCE * reach;
    }
    const named = 1 - unnamed;
    if (named <= 0) continue;
    clean *= unnamed;
    const norms = (isDestructive(i.kind) ? 1 : 0) + (i.proxy ? 1 : 0);
    cost += named * (p.accusedReputation + (i.normCostApplied ? 0 : norms * p.normViolationReputation));
    if (!i.normCostApplied && isDestructive(i.kind) && pledgedBefore(s, me, i.turn))
      cost += named * (p.pledgeBreachReputation + p.coalitionSanction * (s.seats.length - 1));
  }
  const never = s.nations[me]?.objectives.find((o) => o.kind === "neverAttributed");
  if (never && objectiveMet(s, me, never)) cost += (1 - clean) * never.points;
  return cost;
}

/**
 * The seat's value of a simulated state: its score, less the expected cost of the war the tensions threaten
 * and of its operations being named, plus peace in sight.
 */
export function evaluateFor(s: GameState, me: SeatId): number {
  const score = s.scores[me]?.total ?? 0;
  if (s.phase === "ended") return score;
  const p = s.params;
  let calmAll = 1;
  let calmMine = 1;
  let peaceful = true;
  for (const key of allPairs(s.seats)) {
    const t = s.tension[key] ?? 0;
    if (t > p.peaceMaxTension) peaceful = false;
    const risk = Math.min(1, Math.max(0, (t - 6) / 3)) ** 2 * 0.8;
    calmAll *= 1 - risk;
    if (pairMembers(key).includes(me)) calmMine *= 1 - risk;
  }
  let value =
    score - (1 - calmAll) * p.armedConflictLoss - (1 - calmMine) * p.belligerentLoss - exposureCost(s, me);
  const turnsLeft = s.maxTurns - s.turn + 1;
  if (peaceful && peaceSettled(s, s.turn) && turnsLeft >= p.peaceTurns - s.peaceStreak)
    value += (p.peaceBonus * (s.peaceStreak + 1)) / (p.peaceTurns + 1) / 2;
  return value;
}
