/**
 * The orders that ask before they are added, with their consequences spelled out: a military strike,
 * mobilisation, a destructive operation (disruption, wiper attack), and a public accusation the seat's own
 * evidence does not support. The numbers come from the game's parameters and the operations table, as the
 * rules use them.
 */
import { effectSuccessChance, isDestructive, OPERATIONS, type Order } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { brinkChannel, brinkWarChance } from "./brink.ts";
import { hasEvidenceAgainst, incidentName } from "./incident-labels.ts";

/**
 * A question for the confirmation dialog: a title, the consequences (one per line) and the confirming
 * button's words.
 */
export interface Confirmation {
  title: string;
  lines: string[];
  confirm: string;
}

const num = (x: number) => (Math.round(x * 10) / 10).toString();

/** The tension between two states in the view (0 when unknown). */
function tensionOf(v: ClientView, a: string, b: string): number {
  const key = [a, b].sort().join("|");
  return Object.hasOwn(v.game.tension, key) ? (v.game.tension[key] ?? 0) : 0;
}

/** The confirmation an order needs before it is added, or null when it needs none. */
export function confirmationFor(o: Order, v: ClientView): Confirmation | null {
  const me = v.me.seat ?? "";
  const p = v.game.params;
  const name = (id: string) => v.game.nations[id]?.name ?? id;
  if (o.type === "strike")
    return {
      title: `Order a military strike on ${name(o.target)}?`,
      lines: [
        "This is an act of war. Armed conflict begins at the end of this turn and the game ends for every state.",
        `Every state loses ${num(p.armedConflictLoss)} points; you and ${name(o.target)} lose ` +
          `${num(p.belligerentLoss)} more, and the state that struck first a further ${num(p.initiatorLoss)}.`,
        "Your other orders this turn are still carried out first.",
      ],
      confirm: `Yes, strike ${name(o.target)}`,
    };
  if (o.type === "mobilize") {
    const now = tensionOf(v, me, o.target);
    return {
      title: `Mobilise forces against ${name(o.target)}?`,
      lines: [
        `Everyone sees it. Tension between you and ${name(o.target)} rises by ` +
          `${num(p.mobilizeTension)} (now ${num(now)}, then about ${num(now + p.mobilizeTension)}).`,
        `Mobilising costs your economy ${num(p.mobilizeCost)}, and neither side's digital economy grows this month.`,
        `At tension ${num(p.armedConflictTension)} you reach the brink, where a standoff can turn ` +
          `into armed conflict, which costs every state points.`,
      ],
      confirm: `Yes, mobilise against ${name(o.target)}`,
    };
  }
  if (Object.hasOwn(OPERATIONS, o.type) && isDestructive(o.type) && "target" in o && o.target) {
    const row = OPERATIONS[o.type as keyof typeof OPERATIONS];
    const target = v.game.nations[o.target];
    const mine = v.game.nations[me];
    const damage = row.damage(p, target?.dependence ?? 0);
    const chance =
      mine?.cyber != null && target?.defense != null
        ? `about ${Math.round(effectSuccessChance(mine.cyber, target.defense, p) * 100)}%`
        : "uncertain (their defence is hidden)";
    return {
      title: `${o.type === "destroy" ? "Launch a wiper attack on" : "Disrupt the critical infrastructure of"} ${name(o.target)}?`,
      lines: [
        `If it succeeds (chance ${chance}), ${name(o.target)}'s economy falls by about ` +
          `${num(damage.economy)} and its stability by ` +
          `${num(damage.stability)}${row.mayKill ? `; it may kill people (chance ${Math.round(p.lethalChance * 100)}%), which weighs fully on tension` : ""}.`,
        "It is always noticed and made public, and tension rises with whoever the victim suspects. It uses up your access there.",
        `Once you are named, it breaks the norm against attacking critical infrastructure: you lose ` +
          `${num(p.normViolationReputation)} reputation, and ${num(p.pledgeBreachReputation)} more if you pledged no first use.`,
      ],
      confirm: o.type === "destroy" ? "Yes, launch the attack" : "Yes, disrupt",
    };
  }
  if (o.type === "brink" && o.choice === "firm") {
    const channel = brinkChannel(v, o.target);
    return {
      title: `Stand firm against ${name(o.target)}?`,
      lines: [
        `If neither of you stands down, the standoff turns into armed conflict this turn with chance ` +
          `${Math.round(brinkWarChance(v, o.target) * 100)}%${channel ? " (lower because a hotline or consultations link you)" : ""}, and the game ends for every state.`,
        channel
          ? `Standing down instead costs you nothing over your channel, and tension comes down to ${num(p.brinkExitTension)}.`
          : `Standing down instead costs you ${num(p.brinkBackDownStability)} stability and eases ` +
            `tension by ${num(p.brinkStandDownRelief)}.`,
      ],
      confirm: "Yes, stand firm",
    };
  }
  if (o.type === "attribute") {
    const i = v.game.incidents.find((x) => x.id === o.incident);
    if (!i || hasEvidenceAgainst(i, v, o.accused)) return null;
    return {
      title: `Accuse ${name(o.accused)} without evidence?`,
      lines: [
        `Your own evidence on ${incidentName(i, v)} does not point to ${name(o.accused)}.`,
        `If the accusation is wrong, you lose ${num(p.wrongAttributionReputation)} reputation and ` +
          `tension with ${name(o.accused)} rises sharply.`,
        "Investigating the incident first can raise your confidence.",
      ],
      confirm: `Yes, accuse ${name(o.accused)}`,
    };
  }
  return null;
}
