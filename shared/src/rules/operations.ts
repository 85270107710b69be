/** Cyber operations: access, success, effects, detection. */
import { own } from "../model/ids.ts";
import { freshIncident } from "../model/incident.ts";
import { incidentEffect, OPERATIONS, type OperationRow } from "../model/operations.ts";
import type { OperationOrder } from "../model/orders.ts";
import type { SeatId } from "../model/basics.ts";
import type { Incident } from "../model/types.ts";
import { INCIDENT_PHRASES } from "../model/names.ts";
import type { MeasureChange } from "../model/events.ts";
import { emit, hasCbm, nameOf, newId, round3, shiftMeasure, withChanges, type Ctx } from "./context.ts";
import { detectionChance, effectSuccessChance, notice } from "./detection.ts";
import { learnOf } from "./knowledge.ts";

/** Takes (burns) the oldest access of `owner` in `target` that is at least `minAge` turns old. */
function takeAccess(ctx: Ctx, owner: SeatId, target: SeatId, minAge: number): boolean {
  const i = ctx.s.accesses.findIndex(
    (a) => a.owner === owner && a.target === target && ctx.turn - a.since >= minAge,
  );
  if (i < 0) return false;
  ctx.s.accesses.splice(i, 1);
  return true;
}

/** Creates an incident record for an operation or a non-state attack. */
export function makeIncident(
  ctx: Ctx,
  kind: Incident["kind"],
  author: SeatId | null,
  target: SeatId,
  order?: OperationOrder,
): Incident {
  const incident = freshIncident({
    id: newId(ctx.rng, "i"),
    turn: ctx.turn,
    kind,
    author,
    target,
    overt: order?.overt === true,
    proxy: order?.proxy === true,
    falseFlag: order?.falseFlag ?? null,
  });
  ctx.s.incidents.push(incident);
  if (author) learnOf(ctx, author, incident, false);
  return incident;
}

/**
 * Applies an incident's effects on its target: the damage its kind does, and for a kind that may kill, the
 * lethality roll; returns the changes made.
 */
export function applyEffects(ctx: Ctx, incident: Incident): MeasureChange[] {
  const t = own(ctx.s.nations, incident.target);
  const changes: MeasureChange[] = [];
  if (!t || !incident.success) return changes;
  const effect = incidentEffect(incident.kind);
  const { economy, stability } = effect.damage(ctx.p, t.dependence);
  if (effect.mayKill) incident.lethal = ctx.rng.chance(ctx.p.lethalChance);
  shiftMeasure(ctx, changes, incident.target, "economy", -economy);
  shiftMeasure(ctx, changes, incident.target, "stability", -stability);
  incident.damage = { economy: round3(economy), stability: round3(stability) };
  return changes;
}

/**
 * Tells an incident's victim (everyone, when it is public) what the incident cost it, citing the incident
 * only once the victim knows of it.
 */
export function reportDamage(ctx: Ctx, incident: Incident, changes: readonly MeasureChange[]): void {
  if (changes.length === 0) return;
  const victim = nameOf(ctx.s, incident.target);
  const cost = changes.map((c) => `${c.measure} ${c.delta}`).join(", ");
  const known = incident.public || own(incident.knowledge, incident.target) !== undefined;
  const phrase = INCIDENT_PHRASES[incident.kind];
  emit(
    ctx,
    "incident.damage",
    incident.public ? "public" : [incident.target],
    known
      ? `The ${phrase.noun} against ${victim} did damage: ${cost}.`
      : `${victim} suffered losses it cannot yet explain: ${cost}.`,
    { ...(known ? { incident: incident.id } : {}), ...withChanges(changes) },
  );
}

/** Runs one cyber operation. */
export function runOperation(ctx: Ctx, author: SeatId, order: OperationOrder): void {
  const p = ctx.p;
  const target = own(ctx.s.nations, order.target);
  const me = own(ctx.s.nations, author);
  if (!target || !me) return;
  const row: OperationRow = OPERATIONS[order.type];
  if (row.accessAge !== null && !takeAccess(ctx, author, order.target, row.accessAge)) {
    emit(
      ctx,
      "op.failed",
      [author],
      `${me.name}'s ${INCIDENT_PHRASES[order.type].noun} against ${target.name} found no usable access (it was evicted).`,
    );
    return;
  }
  const incident = makeIncident(ctx, order.type, author, order.target, order);
  if (row.mayFail) incident.success = ctx.rng.chance(effectSuccessChance(me.cyber, target.defense, p));
  incident.public = incident.overt || row.alwaysNoticed;
  const changes = applyEffects(ctx, incident);
  emit(
    ctx,
    incident.success ? (`op.${order.type}` as const) : "op.failed",
    [author],
    `${me.name} ran ${order.overt ? "an overt" : "a covert"} ${INCIDENT_PHRASES[order.type].noun} ` +
      `against ${target.name}${incident.success ? "" : ", which failed"}.`,
    { incident: incident.id },
  );

  let detected: boolean;
  if (incident.overt || row.alwaysNoticed) detected = true;
  else {
    const bonus =
      (ctx.hunting.has(order.target) ? p.huntBonus : 0) +
      (hasCbm(ctx.s, "situationReports", "detection.dwell", order.target) ? p.sitrepDetectionBonus : 0);
    detected = ctx.rng.chance(detectionChance(target.defense, bonus, p));
    incident.detection = { defense: target.defense, bonus, detected };
  }
  gain(ctx, row.gains, incident, detected);
  if (detected) notice(ctx, incident);
  reportDamage(ctx, incident, changes);
}

/**
 * What an operation's author gains besides its effects: intelligence on the target, or an access in it unless
 * a covert attempt was detected.
 */
function gain(ctx: Ctx, gains: OperationRow["gains"], incident: Incident, detected: boolean): void {
  const author = incident.author as SeatId;
  switch (gains) {
    case "intelligence":
      ctx.spied.add(`${author}>${incident.target}`);
      gatherIntel(ctx, author, incident.target);
      return;
    case "access":
      if (!detected || incident.overt)
        ctx.s.accesses.push({
          id: newId(ctx.rng, "a"),
          owner: author,
          target: incident.target,
          since: ctx.turn,
          incident: incident.id,
        });
      else
        emit(
          ctx,
          "detection.dwell",
          [author],
          `${nameOf(ctx.s, author)}'s attempt to gain access in ${nameOf(ctx.s, incident.target)} was detected and shut out.`,
          { incident: incident.id },
        );
      return;
    case null:
      return;
  }
}

function gatherIntel(ctx: Ctx, spy: SeatId, about: SeatId): void {
  const t = own(ctx.s.nations, about);
  if (!t) return;
  const accessesHeld: Record<SeatId, number> = {};
  for (const a of ctx.s.accesses)
    if (a.owner === about) accessesHeld[a.target] = (accessesHeld[a.target] ?? 0) + 1;
  const operationsLastTurn: Array<{ kind: Exclude<Incident["kind"], "nonState">; target: SeatId }> = [];
  for (const i of ctx.s.incidents) {
    if (i.author === about && i.turn === ctx.turn - 1 && i.kind !== "nonState")
      operationsLastTurn.push({ kind: i.kind, target: i.target });
  }
  const list = own(ctx.s.intel, spy) ?? [];
  list.push({ turn: ctx.turn, about, cyber: t.cyber, defense: t.defense, accessesHeld, operationsLastTurn });
  ctx.s.intel[spy] = list;
}
