/** Norms and pledges: costs of publicly attributed violations (GGE 2013/2015, no-first-use). */
import { own } from "../model/ids.ts";
import { isDestructive } from "../model/operations.ts";
import type { Incident } from "../model/types.ts";
import { addTension, cbmSince, emit, hasCbm, nameOf, round3, type Ctx } from "./context.ts";

/** The norms an incident breaks once it is publicly attributed to its author. */
function normsBroken(incident: Incident): string[] {
  const broken: string[] = [];
  if (isDestructive(incident.kind)) broken.push("GGE 2015 norm (f): no damage to critical infrastructure");
  if (incident.proxy) broken.push("GGE 2013: no use of proxies");
  return broken;
}

/** Applies norm and pledge costs when an incident is publicly attributed to its true author at moderate+ confidence. */
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
    const mult = hasCbm(ctx.s, "codeOfConduct", "norm.violation", author) ? ctx.p.codeOfConductMultiplier : 1;
    const cost = ctx.p.normViolationReputation * broken.length * mult;
    n.reputation = round3(n.reputation - cost);
    ctx.s.lastNormViolation = ctx.turn;
    emit(
      ctx,
      "norm.violation",
      "public",
      `${n.name} is attributed for breaking ${broken.join("; ")}${mult > 1 ? " (a code-of-conduct member: cost doubled)" : ""}: reputation -${cost}.`,
      { incident: incident.id },
    );
  }
  const since = cbmSince(ctx.s, "noFirstUse", "norm.pledgeBreach", author);
  if (isDestructive(incident.kind) && since !== null && since < incident.turn) {
    n.reputation = round3(n.reputation - ctx.p.pledgeBreachReputation);
    ctx.s.lastNormViolation = ctx.turn;
    emit(
      ctx,
      "norm.pledgeBreach",
      "public",
      `${n.name} broke its no-first-use pledge: reputation -${ctx.p.pledgeBreachReputation}.`,
      { incident: incident.id },
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
