/** Norms and pledges: costs of publicly attributed violations (GGE 2013/2015, no-first-use). */
import { own } from "../model/ids.ts";
import { isDestructive } from "../model/operations.ts";
import type { SeatId } from "../model/basics.ts";
import { CBM_NAMES, type CbmKind } from "../model/cbms.ts";
import type { Incident } from "../model/types.ts";
import type { MeasureChange } from "../model/events.ts";
import {
  addTension,
  cbmSince,
  emit,
  hasCbm,
  nameOf,
  round3,
  shiftMeasure,
  withChanges,
  type Ctx,
} from "./context.ts";

/** The norms an incident breaks once it is publicly attributed to its author. */
function normsBroken(incident: Incident): string[] {
  const broken: string[] = [];
  if (isDestructive(incident.kind)) broken.push("GGE 2015 norm (f): no damage to critical infrastructure");
  if (incident.proxy) broken.push("GGE 2013: no use of proxies");
  return broken;
}

/** The adopted norms an attributed incident breaks, by kind, with what the breach was. */
function normsBreached(ctx: Ctx, incident: Incident): Array<[CbmKind, string]> {
  const out: Array<[CbmKind, string]> = [];
  if (isDestructive(incident.kind)) out.push(["normInfrastructure", "damage to critical infrastructure"]);
  if (
    (incident.kind === "espionage" || incident.kind === "preposition") &&
    hasCbm(ctx.s, "situationReports", "norm.breach", incident.target)
  )
    out.push(["normCerts", "an intrusion into a state whose CERT shares situation reports"]);
  if (incident.proxy) out.push(["normDueDiligence", "an operation through a proxy"]);
  if (incident.kind === "preposition")
    out.push(["normSupplyChain", "implants in another state's infrastructure"]);
  return out;
}

/**
 * An adopter caught breaking adopted norms: reputation per norm, and each other adopter's coalition measures;
 * told to `audience`.
 */
export function breachNorms(
  ctx: Ctx,
  seat: SeatId,
  breaches: ReadonlyArray<[CbmKind, string]>,
  incident?: string,
  audience: "public" | "adopters" = "public",
): void {
  const kept = breaches.filter(([kind]) => hasCbm(ctx.s, kind, "norm.breach", seat));
  if (kept.length === 0) return;
  const others = ctx.s.seats.filter(
    (s) => s !== seat && kept.some(([kind]) => hasCbm(ctx.s, kind, "norm.breach", s)),
  );
  chargeBreach(ctx, seat, "norm.breach", {
    what: `${kept.map(([kind, what]) => `"${CBM_NAMES[kind]}" (${what})`).join(" and ")}, which it adopted`,
    reputation: ctx.p.normBreachReputation * kept.length,
    others,
    audience,
    incident,
  });
}

/** The code of conduct's articles, in the order the code lists them. */
export const CODE_ARTICLES = {
  nonInterference: "article 1, non-interference (no influence operations)",
  infrastructure: "article 2, protection of critical infrastructure",
  certs: "article 3, protection of CERTs (no intrusions into a state sharing situation reports)",
  dueDiligence: "article 4, due diligence over one's territory (no proxies)",
  crime: "article 5, cooperation against crime (answer inquiries)",
} as const;

/** The articles of the code of conduct an attributed incident breaks. */
function articlesBroken(ctx: Ctx, incident: Incident): string[] {
  const out: string[] = [];
  if (incident.kind === "influence") out.push(CODE_ARTICLES.nonInterference);
  if (isDestructive(incident.kind)) out.push(CODE_ARTICLES.infrastructure);
  if (
    (incident.kind === "espionage" || incident.kind === "preposition") &&
    hasCbm(ctx.s, "situationReports", "norm.codeOfConduct", incident.target)
  )
    out.push(CODE_ARTICLES.certs);
  if (incident.proxy) out.push(CODE_ARTICLES.dueDiligence);
  return out;
}

/**
 * A code-of-conduct member's breach of an article: reputation, and the other members' coalition measures
 * (economy); told to `audience` (public for an attributed incident, the members for a private breach).
 */
export function breachCode(
  ctx: Ctx,
  seat: SeatId,
  articles: readonly string[],
  incident?: string,
  audience: "public" | "members" = "public",
): void {
  if (articles.length === 0 || !hasCbm(ctx.s, "codeOfConduct", "norm.codeOfConduct", seat)) return;
  const others = ctx.s.seats.filter(
    (s) => s !== seat && hasCbm(ctx.s, "codeOfConduct", "norm.codeOfConduct", s),
  );
  chargeBreach(ctx, seat, "norm.codeOfConduct", {
    what: `the code of conduct it signed (${articles.join("; ")})`,
    reputation: ctx.p.codeBreachReputation * articles.length,
    others,
    audience: audience === "public" ? "public" : "members",
    incident,
  });
}

/**
 * Charges a breach of commitments a state shares with `others` (the code of conduct's members, a norm's
 * adopters): its reputation, each other party's coalition measures on its economy, the end of the
 * stable-peace streak, and one event told to everyone or to the parties only.
 */
function chargeBreach(
  ctx: Ctx,
  seat: SeatId,
  rule: "norm.breach" | "norm.codeOfConduct",
  b: {
    what: string;
    reputation: number;
    others: readonly SeatId[];
    audience: "public" | "adopters" | "members";
    incident: string | undefined;
  },
): void {
  const n = own(ctx.s.nations, seat);
  if (!n) return;
  const econ = round3(ctx.p.coalitionSanction * b.others.length);
  const changes: MeasureChange[] = [];
  shiftMeasure(ctx, changes, seat, "reputation", -b.reputation);
  shiftMeasure(ctx, changes, seat, "economy", -econ);
  ctx.s.lastNormViolation = ctx.turn;
  const coalition = b.others.length
    ? `, and ${b.others.map((o) => nameOf(ctx.s, o)).join(", ")} impose coalition measures: economy -${econ}`
    : "";
  emit(
    ctx,
    rule,
    b.audience === "public" ? "public" : [seat, ...b.others],
    `${n.name} broke ${b.what}: reputation -${b.reputation}${coalition}.`,
    { ...(b.incident ? { incident: b.incident } : {}), ...withChanges(changes) },
  );
}

/**
 * Applies norm and pledge costs when an incident is publicly attributed to its true author at moderate+
 * confidence.
 */
export function applyNormCosts(ctx: Ctx, incident: Incident): void {
  if (incident.normCostApplied || incident.author === null) return;
  const author = incident.author;
  const publicMod =
    incident.overt || incident.publicAttributions.some((a) => a.accused === author && a.confidence >= 2);
  if (!publicMod) return;
  incident.normCostApplied = true;
  const n = own(ctx.s.nations, author);
  if (!n) return;
  const broken = normsBroken(incident);
  if (broken.length > 0) {
    const cost = ctx.p.normViolationReputation * broken.length;
    const changes: MeasureChange[] = [];
    shiftMeasure(ctx, changes, author, "reputation", -cost);
    ctx.s.lastNormViolation = ctx.turn;
    emit(
      ctx,
      "norm.violation",
      "public",
      `${n.name} is attributed for breaking ${broken.join("; ")}: reputation -${cost}.`,
      { incident: incident.id, ...withChanges(changes) },
    );
  }
  breachCode(ctx, author, articlesBroken(ctx, incident), incident.id);
  breachNorms(ctx, author, normsBreached(ctx, incident), incident.id);
  const since = cbmSince(ctx.s, "noFirstUse", "norm.pledgeBreach", author);
  if (isDestructive(incident.kind) && since !== null && since < incident.turn) {
    const lost: MeasureChange[] = [];
    shiftMeasure(ctx, lost, author, "reputation", -ctx.p.pledgeBreachReputation);
    ctx.s.lastNormViolation = ctx.turn;
    emit(
      ctx,
      "norm.pledgeBreach",
      "public",
      `${n.name} broke its no-first-use pledge: reputation -${ctx.p.pledgeBreachReputation}.`,
      { incident: incident.id, ...withChanges(lost) },
    );
    // The coalition of every other state answers a broken pledge with economic measures.
    const coalition = ctx.s.seats.filter((s) => s !== author);
    const econ = round3(ctx.p.coalitionSanction * coalition.length);
    const measures: MeasureChange[] = [];
    shiftMeasure(ctx, measures, author, "economy", -econ);
    emit(
      ctx,
      "norm.pledgeBreach",
      "public",
      `${coalition.map((s) => nameOf(ctx.s, s)).join(", ")} impose coalition measures on ${n.name} ` +
        `for its broken pledge: economy -${econ}.`,
      { incident: incident.id, ...withChanges(measures) },
    );
    for (const s of ctx.s.seats) {
      if (s !== author && hasCbm(ctx.s, "noFirstUse", "norm.pledgeBreach", s)) {
        addTension(
          ctx,
          author,
          s,
          ctx.p.pledgeBreachTension,
          "norm.pledgeBreach",
          "public",
          `${nameOf(ctx.s, s)}, a pledger, reacts to ${n.name}'s broken pledge.`,
          incident.id,
        );
      }
    }
  }
}
