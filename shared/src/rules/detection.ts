/**
 * Detection: the chance a covert operation is seen (the defender's dwell time, Mandiant M-Trends), the victim
 * noticing an incident, and threat hunting and hardening evicting foreign accesses.
 */
import { own } from "../model/ids.ts";
import { INCIDENT_PHRASES } from "../model/names.ts";
import { OPERATIONS, seenAs } from "../model/operations.ts";
import type { ModelParams } from "../model/params.ts";
import type { SeatId } from "../model/basics.ts";
import type { Incident } from "../model/types.ts";
import { emit, hasCbm, nameOf, type Ctx } from "./context.ts";
import { onNoticed } from "./escalation.ts";
import { learnOf } from "./knowledge.ts";

/** Monthly detection chance for a defence level: 1 - exp(-ln2 x 30 / dwell days). */
export function baseDetectionChance(defense: number, params: ModelParams): number {
  const level = Math.min(5, Math.max(1, Math.round(defense)));
  const dwell = params.dwellDays[level - 1] ?? 56;
  return 1 - Math.exp((-Math.LN2 * 30) / dwell);
}

/** Detection chance with bonuses (hunt, situation reports), capped at 0.98. */
export function detectionChance(defense: number, bonus: number, params: ModelParams): number {
  return Math.min(0.98, baseDetectionChance(defense, params) + bonus);
}

/** Success chance of a disruptive or destructive operation against a defender. */
export function effectSuccessChance(cyber: number, defense: number, params: ModelParams): number {
  const p = params.effectSuccessBase + params.successSlope * (cyber - 2 * defense);
  return Math.min(0.95, Math.max(0.2, p));
}

/** The victim notices an incident: it learns of it and tension follows. */
export function notice(ctx: Ctx, incident: Incident): void {
  if (!learnOf(ctx, incident.target, incident, false)) return;
  const who = incident.overt ? nameOf(ctx.s, incident.author) : "an unknown actor";
  const phrase = INCIDENT_PHRASES[incident.kind];
  const what = seenAs(incident.kind) === "intrusion" ? "an intrusion" : `${phrase.article} ${phrase.noun}`;
  // A non-state incident is noticed under the same rule as a state's would be: the rule id must not tell who
  // did it.
  const rule =
    incident.overt || incident.kind === "nonState" || OPERATIONS[incident.kind].alwaysNoticed
      ? "detection.noticed"
      : "detection.dwell";
  emit(
    ctx,
    rule,
    incident.public ? "public" : [incident.target],
    `${nameOf(ctx.s, incident.target)} detected ${what} by ${who}.`,
    { incident: incident.id },
  );
  onNoticed(ctx, incident);
}

/**
 * A hunting state finds each foreign access with its hunting detection chance, evicts it and learns of the
 * intrusion.
 */
export function huntAccesses(ctx: Ctx, seat: SeatId): void {
  const n = own(ctx.s.nations, seat);
  if (!n) return;
  const chance = detectionChance(n.defense, ctx.p.huntBonus, ctx.p);
  const kept = [];
  const found = [];
  for (const a of ctx.s.accesses) {
    if (a.target === seat && ctx.rng.chance(chance)) {
      found.push(a);
      emit(
        ctx,
        "detection.hunt",
        [a.owner],
        `${nameOf(ctx.s, a.owner)} lost an access in ${n.name} to threat hunting.`,
      );
    } else kept.push(a);
  }
  ctx.s.accesses = kept;
  const evicted = found.length;
  for (const a of found) {
    const incident = ctx.s.incidents.find((i) => i.id === a.incident);
    if (incident) notice(ctx, incident);
  }
  emit(
    ctx,
    "detection.hunt",
    [seat],
    evicted > 0
      ? `${n.name}'s hunt evicted ${evicted} foreign access${evicted > 1 ? "es" : ""}.`
      : `${n.name}'s hunt found no foreign access.`,
  );
}

/**
 * Dwell time: each foreign access held since an earlier month, in a state not hunting this turn, is found by
 * its defenders with the monthly detection chance of their defence (plus the CERT-link bonus), evicted, and
 * its intrusion noticed. An access is not a single roll at the time it is gained: the longer it is held, the
 * likelier it is found.
 */
export function discoverAccesses(ctx: Ctx): void {
  const kept = [];
  const found = [];
  for (const a of ctx.s.accesses) {
    const target = own(ctx.s.nations, a.target);
    if (!target || a.since >= ctx.turn || ctx.hunting.has(a.target)) {
      kept.push(a);
      continue;
    }
    const bonus = hasCbm(ctx.s, "situationReports", "detection.dwell", a.target)
      ? ctx.p.sitrepDetectionBonus
      : 0;
    if (ctx.rng.chance(detectionChance(target.defense, bonus, ctx.p))) {
      found.push(a);
      emit(
        ctx,
        "detection.dwell",
        [a.owner],
        `${nameOf(ctx.s, a.owner)} lost an access in ${target.name}: its defenders found it.`,
      );
    } else kept.push(a);
  }
  ctx.s.accesses = kept;
  for (const a of found) {
    const incident = ctx.s.incidents.find((i) => i.id === a.incident);
    if (incident) notice(ctx, incident);
  }
}

/** Hardening may evict foreign accesses. */
export function evictOnHarden(ctx: Ctx, seat: SeatId): void {
  const kept = [];
  for (const a of ctx.s.accesses) {
    if (a.target === seat && ctx.rng.chance(ctx.p.hardenEvictChance)) {
      emit(
        ctx,
        "detection.harden",
        [a.owner],
        `${nameOf(ctx.s, a.owner)} lost an access in ${nameOf(ctx.s, seat)} when it hardened its networks.`,
      );
    } else kept.push(a);
  }
  ctx.s.accesses = kept;
}
