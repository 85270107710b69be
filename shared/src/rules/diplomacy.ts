/**
 * Overt diplomacy: public attribution, hotline inquiries and answers, statements (sanctions, expulsions and
 * mobilisation: countermeasures.ts).
 */
import { own } from "../model/ids.ts";
import type { AnswerOrder, AttributeOrder, InquireOrder, StatementOrder } from "../model/orders.ts";
import type { Confidence, SeatId } from "../model/basics.ts";
import { accusationStrength } from "../model/names.ts";
import type { MeasureChange } from "../model/events.ts";
import {
  addTension,
  emit,
  hasCbm,
  nameOf,
  newId,
  shiftMeasure,
  victimPhrase,
  withChanges,
  type Ctx,
} from "./context.ts";
import { clearOthers, exposeDenial, setSuspicion, suspicionOf } from "./escalation.ts";
import { standByAlly } from "./alliances.ts";
import { CODE_ARTICLES, applyNormCosts, breachCode, breachNorms } from "./norms.ts";

/** Publicly names a state for an incident, at the confidence the accuser holds. */
export function attribute(ctx: Ctx, by: SeatId, order: AttributeOrder): void {
  const incident = ctx.s.incidents.find((i) => i.id === order.incident);
  if (!incident) return;
  const k = own(incident.knowledge, by);
  // Confidence is in the state the evidence points to; naming another state carries none.
  const confidence = (k && k.suspect === order.accused ? k.confidence : 0) as Confidence;
  const correct = incident.author === order.accused;
  // Credibility is gained (and the accused's reputation lost) once per incident: repeating an accusation adds
  // nothing.
  const alreadyNamed = incident.publicAttributions.some(
    (a) => a.accused === order.accused && a.confidence >= 2,
  );
  incident.publicAttributions.push({ turn: ctx.turn, by, accused: order.accused, confidence });
  incident.public = true;
  const p = ctx.p;
  const accuser = own(ctx.s.nations, by);
  const accused = own(ctx.s.nations, order.accused);
  if (!accuser || !accused) return;
  const credit: MeasureChange[] = [];
  if (correct && confidence >= 2 && !alreadyNamed) {
    shiftMeasure(ctx, credit, by, "reputation", p.correctAttributionReputation);
    shiftMeasure(ctx, credit, order.accused, "reputation", -p.accusedReputation);
  }
  emit(
    ctx,
    "attribution.public",
    "public",
    `${accuser.name} publicly attributes the incident against ` +
      `${victimPhrase(ctx.s, by, incident.target)} to ${accused.name} (${accusationStrength(confidence)}).`,
    { incident: incident.id, ...withChanges(credit) },
  );
  if (correct) {
    // Naming the right state is a response, not an escalation: the incident's blame is already on the pair. A
    // victim naming its attacker with evidence calls on its allies.
    if (confidence >= 2 && by === incident.target && !alreadyNamed)
      standByAlly(ctx, by, order.accused, p.severity[incident.kind], incident.id);
    for (const s of ctx.s.seats) {
      if (s === order.accused || s === by) continue;
      const implied = (p.confidenceSuspicion[confidence] ?? 0) / 2;
      setSuspicion(ctx, s, order.accused, Math.max(suspicionOf(ctx, s, order.accused), implied));
    }
    applyNormCosts(ctx, incident);
  } else {
    const lost: MeasureChange[] = [];
    shiftMeasure(ctx, lost, by, "reputation", -p.wrongAttributionReputation);
    emit(
      ctx,
      "attribution.public",
      "public",
      `${accuser.name}'s accusation of ${accused.name} does not hold up: reputation -${p.wrongAttributionReputation}.`,
      { incident: incident.id, ...withChanges(lost) },
    );
    addTension(
      ctx,
      by,
      order.accused,
      p.wrongAttributionTension,
      "attribution.public",
      "public",
      `${accused.name} is outraged at being wrongly accused by ${accuser.name}.`,
      incident.id,
    );
  }
}

/** Opens an inquiry through the hotline; the suspect answers next turn. */
export function inquire(ctx: Ctx, from: SeatId, order: InquireOrder): void {
  ctx.s.inquiries.push({
    id: newId(ctx.rng, "q"),
    turn: ctx.turn,
    from,
    to: order.target,
    incident: order.incident,
    status: "open",
    reply: null,
    answeredTurn: null,
  });
  emit(
    ctx,
    "diplomacy.inquire",
    [from, order.target],
    hasCbm(ctx.s, "hotline", "diplomacy.inquire", from, order.target)
      ? `${nameOf(ctx.s, from)} asks ${nameOf(ctx.s, order.target)} over the hotline about an incident; an answer is due next turn.`
      : `${nameOf(ctx.s, from)} asks ${nameOf(ctx.s, order.target)} for assistance with an incident, ` +
          `as the norm on assistance allows; an answer is due next turn.`,
    { incident: order.incident },
  );
}

/** Answers an open inquiry: deny, explain or acknowledge. */
export function answer(ctx: Ctx, by: SeatId, order: AnswerOrder): void {
  const q = ctx.s.inquiries.find((x) => x.id === order.inquiry);
  if (q?.status !== "open") return;
  q.status = "answered";
  q.reply = order.reply;
  q.answeredTurn = ctx.turn;
  const p = ctx.p;
  const incident = ctx.s.incidents.find((i) => i.id === q.incident);
  const relief =
    order.reply === "deny" ? p.denyRelief : order.reply === "explain" ? p.explainRelief : p.acknowledgeRelief;
  addTension(
    ctx,
    q.from,
    by,
    -relief,
    "diplomacy.inquire",
    [q.from, by],
    `${nameOf(ctx.s, by)} answers ${nameOf(ctx.s, q.from)}'s inquiry: ${order.reply}.`,
    q.incident,
  );
  // Only the true author can acknowledge: a state that "acknowledges" what it did not do is read as
  // explaining.
  const acknowledged = order.reply === "acknowledge" && incident !== undefined && incident.author === by;
  if (acknowledged && incident) {
    {
      const k = own(incident.knowledge, q.from);
      if (k) {
        k.before = k.suspect;
        k.confidence = 3;
        k.suspect = by;
        k.changed = ctx.turn;
        k.moderateAt ??= ctx.turn;
      }
      incident.acknowledged = true;
      // The author owned up: what the incident spread onto innocent states is taken back (no top-up: owning
      // up defuses).
      if (q.from === incident.target) clearOthers(ctx, incident, by, 1);
    }
    setSuspicion(ctx, q.from, by, Math.max(suspicionOf(ctx, q.from, by), p.confidenceSuspicion[3] ?? 1));
  } else {
    setSuspicion(
      ctx,
      q.from,
      by,
      suspicionOf(ctx, q.from, by) - p.denySuspicionRelief * (order.reply === "deny" ? 1 : 0.7),
    );
    if (incident) assist(ctx, q.from, by, incident.id);
    if (incident && order.reply === "deny" && !incident.deniedBy.includes(by)) {
      incident.deniedBy.push(by);
      const k = own(incident.knowledge, q.from);
      if (k && k.confidence >= 2 && k.suspect === by) exposeDenial(ctx, incident, q.from, by);
    }
  }
}

/**
 * Assistance on request (GGE 2015 norm (h)): between two adopters of the norm, a state that answers an
 * inquiry (and does not own up) opens its logs to the asker: the asker's attribution of the incident advances
 * sooner this month, on top of its own investigation (its evidence moves toward the truth sooner, whoever the
 * truth is; the answer says nothing of it).
 */
function assist(ctx: Ctx, asker: SeatId, by: SeatId, incident: string): void {
  if (
    !hasCbm(ctx.s, "normAssistance", "attribution.advance", asker) ||
    !hasCbm(ctx.s, "normAssistance", "attribution.advance", by)
  )
    return;
  ctx.assisted.add(`${asker}:${incident}`);
  emit(
    ctx,
    "attribution.advance",
    [asker, by],
    `${nameOf(ctx.s, by)} assists ${nameOf(ctx.s, asker)}'s investigation of the incident, as the norm on assistance asks.`,
    { incident },
  );
}

/** Inquiries left unanswered at the end of their answer turn raise tension. */
export function closeUnanswered(ctx: Ctx): void {
  for (const q of ctx.s.inquiries) {
    if (q.status !== "open" || q.turn >= ctx.turn) continue;
    q.status = "unanswered";
    addTension(
      ctx,
      q.from,
      q.to,
      ctx.p.unansweredInquiryTension,
      "diplomacy.unanswered",
      [q.from, q.to],
      `${nameOf(ctx.s, q.to)} did not answer ${nameOf(ctx.s, q.from)}'s inquiry.`,
      q.incident,
    );
    // Between two members of the code of conduct, silence breaks its article on cooperation (told to the
    // members only).
    if (hasCbm(ctx.s, "codeOfConduct", "norm.codeOfConduct", q.from))
      breachCode(ctx, q.to, [CODE_ARTICLES.crime], q.incident, "members");
    if (hasCbm(ctx.s, "normAssistance", "norm.breach", q.from))
      breachNorms(
        ctx,
        q.to,
        [["normAssistance", "a request for assistance left unanswered"]],
        q.incident,
        "adopters",
      );
  }
}

/** A public statement of reassurance or warning. */
export function statement(ctx: Ctx, by: SeatId, order: StatementOrder): void {
  const text = (order.text ?? "").slice(0, 280);
  ctx.s.statements.push({ turn: ctx.turn, by, tone: order.tone, target: order.target ?? null, text });
  const targets = order.target ? [order.target] : ctx.s.seats.filter((s) => s !== by);
  const each = order.target ? 1 : 0.5;
  emit(
    ctx,
    "diplomacy.statement",
    "public",
    `${nameOf(ctx.s, by)} ` +
      `${order.tone === "reassure" ? "offers reassurance" : "issues a warning"}${order.target ? ` to ${nameOf(ctx.s, order.target)}` : ""}${text ? `: "${text}"` : "."}`,
  );
  for (const t of targets) {
    const d = order.tone === "reassure" ? -ctx.p.reassureTension * each : ctx.p.warnTension * each;
    addTension(
      ctx,
      by,
      t,
      d,
      "diplomacy.statement",
      "public",
      `${nameOf(ctx.s, by)}'s ${order.tone === "reassure" ? "reassurance" : "warning"} to ${nameOf(ctx.s, t)}.`,
    );
  }
}
