/**
 * Orders in words: each type's label, an order described, and the odds of an operation that shared computes.
 */
import {
  baseDetectionChance,
  effectSuccessChance,
  OPERATION_KINDS,
  type Order,
  type OrderType,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { incidentNameById } from "./incident-labels.ts";

/** Each order type in words, as the action list shows it. */
export const LABELS: Record<OrderType, string> = {
  espionage: "Espionage: gather intelligence",
  preposition: "Pre-position: gain access for later",
  ddos: "DDoS: take websites down",
  influence: "Influence: disinformation",
  disrupt: "Disrupt critical infrastructure",
  destroy: "Destroy: wiper attack",
  develop: "Develop cyber capability",
  harden: "Harden networks (+1 defence)",
  hunt: "Hunt for intruders",
  investigate: "Investigate an incident",
  attribute: "Publicly attribute an incident",
  inquire: "Inquire (hotline, or a request for assistance)",
  answer: "Answer an inquiry",
  sanction: "Sanction",
  expel: "Expel diplomats",
  statement: "Public statement",
  mobilize: "Mobilise forces",
  strike: "Military strike (war)",
  brink: "At the brink: stand firm or stand down",
};
/** The cyber operations: covert unless overt, by proxy or under a false flag, with odds to show. */
export const OPS: ReadonlySet<string> = new Set(OPERATION_KINDS);
/** The order types aimed at another state. */
export const TARGETED = new Set([...OPS, "sanction", "expel", "mobilize", "strike", "inquire", "brink"]);

/** Describes an order in words. */
export function describe(o: Order, v: ClientView): string {
  const name = (id?: string) => (id ? (v.game.nations[id]?.name ?? id) : "");
  const parts = [LABELS[o.type]];
  if ("target" in o && o.target) parts.push(`→ ${name(o.target)}`);
  if ("incident" in o) parts.push(`— ${incidentNameById(v, o.incident)}`);
  if ("accused" in o) parts.push(`— accusing ${name(o.accused)}`);
  if (o.type === "answer") {
    const q = v.game.inquiries.find((x) => x.id === o.inquiry);
    if (q) parts.push(`to ${name(q.from)} about ${incidentNameById(v, q.incident)}`);
  }
  if ("overt" in o && o.overt) parts.push("(overt)");
  if ("proxy" in o && o.proxy) parts.push("(via proxy)");
  if ("falseFlag" in o && o.falseFlag) parts.push(`(false flag: ${name(o.falseFlag)})`);
  if ("reply" in o) parts.push(`(${o.reply})`);
  if ("tone" in o) parts.push(`(${o.tone})`);
  if (o.type === "brink") parts.push(`(${o.choice === "firm" ? "stand firm" : "stand down"})`);
  return parts.join(" ");
}

/**
 * The odds of an operation as the seat can know them (detection, success, attribution), in words; "" for
 * other orders.
 */
export function odds(o: Order, v: ClientView): string {
  if (!("target" in o) || !o.target || !OPS.has(o.type)) return "";
  const t = v.game.nations[o.target];
  const me = v.me.seat ? v.game.nations[v.me.seat] : undefined;
  const p = v.game.params;
  const bits: string[] = [];
  if ("overt" in o && o.overt) bits.push("Everyone will know it was you.");
  else if (o.type === "ddos" || o.type === "disrupt" || o.type === "destroy")
    bits.push("Always noticed; who did it is not.");
  else if (t?.defense != null)
    bits.push(`Chance it is detected this month: ${Math.round(baseDetectionChance(t.defense, p) * 100)}%.`);
  else
    bits.push(
      `Detection: ${Math.round(baseDetectionChance(1, p) * 100)}–${Math.round(baseDetectionChance(5, p) * 100)}% a month depending on their defence (hidden).`,
    );
  if ((o.type === "disrupt" || o.type === "destroy") && me?.cyber != null) {
    bits.push(
      t?.defense != null
        ? `Success: ${Math.round(effectSuccessChance(me.cyber, t.defense, p) * 100)}%.`
        : "Success depends on their hidden defence.",
    );
  }
  if (!("overt" in o && o.overt)) {
    const h = p.attributionHazard * ("proxy" in o && o.proxy ? p.proxyAttributionMultiplier : 1);
    bits.push(
      `If noticed, their attribution advances one step a month with chance about ${Math.round(h * 100)}%.`,
    );
  }
  return bits.join(" ");
}
