/**
 * What each action does, in one line, and what it costs: the order card shows it under the action chosen. The
 * AP costs and the access an operation needs come from shared (ORDER_COSTS, ACCESS_AGE, OPERATIONS), so they
 * cannot drift from the rules.
 */
import {
  ACCESS_AGE,
  FALSE_FLAG_COST,
  OPERATIONS,
  ORDER_COSTS,
  type ModelParams,
  type OrderType,
} from "@firebreak/shared/browser";

const turns = (n: number | undefined) => (n === 1 ? "1 turn" : `${n ?? 0} turns`);

/** What an operation that needs an access requires, in words ("" for the others). */
export function accessNeed(type: OrderType): string {
  const age = Object.hasOwn(ACCESS_AGE, type) ? ACCESS_AGE[type] : undefined;
  if (age === undefined) return "";
  return `Needs an access in the target first: pre-position there, and use it at least ${turns(age)} later (it is used up).`;
}

/** One line per action on what it does (the cost is added by actionHelp). */
const DOES: Record<OrderType, string> = {
  espionage:
    "Spy on a state: learn its cyber capability, defence and last month's operations, and attribute " +
    "its operations faster. It may be detected.",
  preposition:
    "Slip into a state's networks and keep an access there, which a disruption or wiper attack needs " +
    "later. If it is detected, you gain no access.",
  ddos: "Knock a state's websites offline: its stability falls. Always noticed, though not who did it.",
  influence: "A disinformation campaign: the state's stability falls. It may go unnoticed.",
  disrupt:
    "Damage a state's critical infrastructure: its economy and stability fall. It may fail, is " +
    "always noticed, and breaks the norm against attacking infrastructure.",
  destroy:
    "A wiper attack on critical infrastructure: heavy damage to economy and stability, and it may " +
    "kill. It may fail, is always noticed, and breaks the norm against attacking infrastructure.",
  develop:
    "Build your cyber capability (+1 from next turn). Others notice: tension rises a little with every state.",
  harden:
    "Raise your defence (+1 from next turn): operations against you are detected more often, and " +
    "foreign accesses in your networks may be thrown out.",
  hunt:
    "Search your own networks this turn: operations against you are more likely to be detected, " +
    "and foreign accesses found are thrown out.",
  investigate: "Put analysts on an incident you know of: your attribution of it advances faster this turn.",
  attribute:
    "Name publicly who you think did an incident. Right, your reputation rises and theirs falls; " +
    "wrong, you lose reputation and tension with them rises sharply.",
  inquire:
    "Ask a state about an incident over your hotline, or, for an incident against you, as a request " +
    "for assistance to a state that adopted the norm on assistance with you. It must answer next turn, or tension between you rises.",
  answer:
    "Answer a hotline inquiry: deny, explain or acknowledge. Any answer eases tension with the state that asked.",
  sanction:
    "Economic sanctions: the target's economy falls, yours a little too, and tension rises. It costs " +
    "you reputation unless the target was publicly named for an incident against you.",
  expel:
    "Expel a state's diplomats: it loses one of its accesses in your networks, if it has any. Tension rises.",
  statement: "A public statement to one state or to all: reassure to ease tension, or warn to raise it.",
  mobilize:
    "Mobilise your armed forces against a state: a public step up the escalation ladder. Tension " +
    "with it rises by a full step, it costs your economy {mobilizeCost}, and neither side's digital economy grows that month.",
  strike: "A military strike: armed conflict begins at the end of this turn, and the game ends for everyone.",
  brink: "At the brink with a state: stand firm, or stand down to step back from war.",
};

/**
 * The one-line help for an action: what it does, what it needs, and its AP cost (a false flag's extra AP for
 * operations); numbers from the game's params.
 */
export function actionHelp(type: OrderType, params: Pick<ModelParams, "mobilizeCost">): string {
  const cost = ORDER_COSTS[type];
  const costWords =
    cost === 0
      ? "Costs no action points."
      : `Costs ${cost} AP${Object.hasOwn(OPERATIONS, type) ? ` (+${FALSE_FLAG_COST} with a false flag)` : ""}.`;
  const does = DOES[type].replace("{mobilizeCost}", String(params.mobilizeCost));
  return [does, accessNeed(type), costWords].filter(Boolean).join(" ");
}
