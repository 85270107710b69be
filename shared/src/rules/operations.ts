/** Cyber operations: access, success, effects, detection. */
import { own } from "../model/ids.ts";
import type { OperationOrder } from "../model/orders.ts";
import { ACCESS_AGE } from "../model/orders.ts";
import type { Incident, SeatId } from "../model/types.ts";
import { INCIDENT_PHRASES } from "../model/names.ts";
import { emit, hasCbm, nameOf, newId, round3, type Ctx } from "./context.ts";
import { detectionChance, effectSuccessChance } from "./detection.ts";
import { onNoticed } from "./escalation.ts";
import { learnOf } from "./knowledge.ts";

const ALWAYS_NOTICED = new Set(["ddos", "disrupt", "destroy"]);

/** Takes (burns) the oldest access of `owner` in `target` that is at least `minAge` turns old. */
export function takeAccess(ctx: Ctx, owner: SeatId, target: SeatId, minAge: number): boolean {
  const i = ctx.s.accesses.findIndex((a) => a.owner === owner && a.target === target && ctx.turn - a.since >= minAge);
  if (i < 0) return false;
  ctx.s.accesses.splice(i, 1);
  return true;
}

/** Creates an incident record for an operation or a non-state attack. */
export function makeIncident(ctx: Ctx, kind: Incident["kind"], author: SeatId | null, target: SeatId, order?: OperationOrder): Incident {
  const incident: Incident = {
    id: newId(ctx.rng, "i"),
    turn: ctx.turn,
    kind,
    author,
    target,
    overt: order?.overt === true,
    proxy: order?.proxy === true,
    falseFlag: order?.falseFlag ?? null,
    success: true,
    lethal: false,
    public: false,
    damage: { economy: 0, stability: 0 },
    knowledge: {},
    publicAttributions: [],
    acknowledged: false,
    normCostApplied: false,
    detection: null,
    deniedBy: [],
  };
  ctx.s.incidents.push(incident);
  if (author) learnOf(ctx, author, incident, false);
  return incident;
}

/** Applies an incident's effects on its target. */
export function applyEffects(ctx: Ctx, incident: Incident): void {
  const p = ctx.p;
  const t = own(ctx.s.nations, incident.target);
  if (!t || !incident.success) return;
  let econ = 0;
  let stab = 0;
  switch (incident.kind) {
    case "ddos":
      stab = p.ddosStabilityBase + p.ddosDependenceFactor * t.dependence;
      break;
    case "influence":
      stab = p.influenceStability;
      break;
    case "disrupt":
      econ = p.disruptEconomyBase + p.disruptDependenceFactor * t.dependence;
      stab = 1;
      break;
    case "destroy":
      econ = p.destroyEconomyBase + p.destroyDependenceFactor * t.dependence;
      stab = 2;
      incident.lethal = ctx.rng.chance(p.lethalChance);
      break;
    case "nonState":
      stab = p.ddosStabilityBase + p.ddosDependenceFactor * t.dependence;
      break;
    default:
      break;
  }
  t.economy = round3(t.economy - econ);
  t.stability = round3(t.stability - stab);
  incident.damage = { economy: round3(econ), stability: round3(stab) };
}

/** The victim notices an incident: it learns of it and tension follows. */
export function notice(ctx: Ctx, incident: Incident): void {
  if (!learnOf(ctx, incident.target, incident, false)) return;
  const who = incident.overt ? nameOf(ctx.s, incident.author) : "an unknown actor";
  const phrase = INCIDENT_PHRASES[incident.kind];
  const what = incident.kind === "espionage" || incident.kind === "preposition" ? "an intrusion" : `${phrase.article} ${phrase.noun}`;
  const rule = incident.author === null ? "nonstate.incident" : incident.overt || ALWAYS_NOTICED.has(incident.kind) ? "detection.noticed" : "detection.dwell";
  emit(ctx, rule, incident.public ? "public" : [incident.target], `${nameOf(ctx.s, incident.target)} detected ${what} by ${who}.`, { incident: incident.id });
  onNoticed(ctx, incident);
}

/** Runs one cyber operation. */
export function runOperation(ctx: Ctx, author: SeatId, order: OperationOrder): void {
  const p = ctx.p;
  const target = own(ctx.s.nations, order.target);
  const me = own(ctx.s.nations, author);
  if (!target || !me) return;
  const minAge = ACCESS_AGE[order.type];
  if (minAge !== undefined && !takeAccess(ctx, author, order.target, minAge)) {
    emit(ctx, "op.failed", [author], `${me.name}'s ${INCIDENT_PHRASES[order.type].noun} against ${target.name} found no usable access (it was evicted).`);
    return;
  }
  const incident = makeIncident(ctx, order.type, author, order.target, order);
  if (order.type === "disrupt" || order.type === "destroy") {
    incident.success = ctx.rng.chance(effectSuccessChance(me.cyber, target.defense, p));
  }
  incident.public = incident.overt || ALWAYS_NOTICED.has(order.type);
  applyEffects(ctx, incident);
  emit(ctx, incident.success ? (`op.${order.type}` as const) : "op.failed", [author], `${me.name} ran ${order.overt ? "an overt" : "a covert"} ${INCIDENT_PHRASES[order.type].noun} against ${target.name}${incident.success ? "" : ", which failed"}.`, { incident: incident.id });

  let detected: boolean;
  if (incident.overt || ALWAYS_NOTICED.has(order.type)) detected = true;
  else {
    const bonus = (ctx.hunting.has(order.target) ? p.huntBonus : 0) + (hasCbm(ctx.s, "situationReports", order.target) ? p.sitrepDetectionBonus : 0);
    detected = ctx.rng.chance(detectionChance(target.defense, bonus, p));
    incident.detection = { defense: target.defense, bonus, detected };
  }
  if (order.type === "espionage") {
    ctx.spied.add(`${author}>${order.target}`);
    gatherIntel(ctx, author, order.target);
  }
  if (order.type === "preposition" && (!detected || incident.overt)) {
    ctx.s.accesses.push({ id: newId(ctx.rng, "a"), owner: author, target: order.target, since: ctx.turn, incident: incident.id });
  }
  if (order.type === "preposition" && detected && !incident.overt) {
    emit(ctx, "detection.dwell", [author], `${me.name}'s attempt to gain access in ${target.name} was detected and shut out.`, { incident: incident.id });
  }
  if (detected) notice(ctx, incident);
}

function gatherIntel(ctx: Ctx, spy: SeatId, about: SeatId): void {
  const t = own(ctx.s.nations, about);
  if (!t) return;
  const accessesHeld: Record<SeatId, number> = {};
  for (const a of ctx.s.accesses) if (a.owner === about) accessesHeld[a.target] = (accessesHeld[a.target] ?? 0) + 1;
  const operationsLastTurn: Array<{ kind: Exclude<Incident["kind"], "nonState">; target: SeatId }> = [];
  for (const i of ctx.s.incidents) {
    if (i.author === about && i.turn === ctx.turn - 1 && i.kind !== "nonState") operationsLastTurn.push({ kind: i.kind, target: i.target });
  }
  const list = own(ctx.s.intel, spy) ?? [];
  list.push({ turn: ctx.turn, about, cyber: t.cyber, defense: t.defense, accessesHeld, operationsLastTurn });
  ctx.s.intel[spy] = list;
}
