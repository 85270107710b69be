/**
 * Pacing a bot's CBM proposals: a measure at a time, each for a reason. A doctrine lists the measures it
 * wants, in its order of preference; a bot offers at most one new measure a turn, none to a state one of its
 * own proposals still waits on (one measure at a time with each partner), and only a measure something calls
 * for: a secret objective that needs it (after the first quarter of the game); a recent incident against it
 * (a hotline with its suspect if they have no channel, a CERT link with its suspect, or with anyone when the
 * author is unknown); a crisis (a channel with a state above calm, tension over the peace rule's threshold,
 * that has none); the dove's outreach (a hotline with any state it has no channel with); or trust already
 * built (the next measure with a partner once an earlier one has been in force LADDER_TURNS turns, a measure
 * among several states once that holds for each of them, a unilateral pledge once any measure binding it
 * has). Measures called for equally strongly are offered in turn. No more blanket offers of everything on the
 * first turn: measures come as the crisis calls for them.
 */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce, UNILATERAL_CBMS, type CbmKind } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { BotProposal } from "./intents.ts";
import { tensionWith } from "./perception.ts";

/**
 * Turns a measure must have been in force before it calls for the next one (trust is built a step at a time).
 */
export const LADDER_TURNS = 3;
/** Turns during which an incident against a bot, since it learned of it, calls for measures. */
export const INCIDENT_MEMORY = 2;

/** Channels: measures to talk through, which a crisis calls for. */
const CHANNELS: readonly CbmKind[] = ["hotline", "consultations"];

/** Why a measure is called for, strongest first (lower is stronger). */
export type Driver = "objective" | "incident" | "crisis" | "ladder" | "outreach";
const RANK: Record<Driver, number> = { objective: 0, incident: 1, crisis: 2, ladder: 3, outreach: 3 };

/** The seat's unmet objectives that ask for a CBM in force (with a given state, or with anyone). */
export function objectiveCbms(view: GameView, me: SeatId): Array<{ cbm: CbmKind; with?: SeatId }> {
  return (view.private[me]?.objectives ?? []).flatMap((o) =>
    o.kind === "cbmInForce" && !o.met ? [{ cbm: o.cbm, ...(o.with ? { with: o.with } : {}) }] : [],
  );
}

/** True when a CBM among `parties` would meet one of the seat's unmet secret objectives. */
export function servesObjective(
  view: GameView,
  me: SeatId,
  kind: CbmKind,
  parties: readonly SeatId[],
): boolean {
  return objectiveCbms(view, me).some((o) => o.cbm === kind && (!o.with || parties.includes(o.with)));
}

/**
 * States a recent incident against me points to (my suspect), and whether one of them is still unattributed.
 */
function recentIncidents(view: GameView, me: SeatId): { suspects: Set<SeatId>; unknown: boolean } {
  const suspects = new Set<SeatId>();
  let unknown = false;
  for (const i of view.incidents) {
    const k = i.knowledge[me];
    if (i.target !== me || !k || k.since < view.turn - INCIDENT_MEMORY) continue;
    if (typeof k.suspect === "string" && k.suspect !== "nonState" && k.suspect !== me)
      suspects.add(k.suspect);
    else if (k.suspect === null) unknown = true;
  }
  return { suspects, unknown };
}

/** True when a measure binding me (and `other`, when given) has been in force LADDER_TURNS turns or more. */
function trustBuilt(view: GameView, me: SeatId, other?: SeatId): boolean {
  return view.cbms.some(
    (c) =>
      c.members.includes(me) &&
      (other === undefined || c.members.includes(other)) &&
      view.turn - c.since >= LADDER_TURNS,
  );
}

/**
 * True once a secret objective's measure is worth seeking on its own account: after the first quarter of the
 * game (turn 4 of 12), when the first months have shown who can be trusted, and still in time to be in force
 * at the end. Before that, only an incident, a crisis or trust built calls for it.
 */
export function objectiveTime(view: GameView): boolean {
  return view.turn > view.maxTurns / 4;
}

/**
 * True when a hotline or consultations already link me with `other`, or one is on the table: a crisis or an
 * incident has its channel.
 */
function linked(view: GameView, me: SeatId, other: SeatId): boolean {
  return (
    CHANNELS.some((k) => cbmInForce(view, k, me, other)) ||
    view.proposals.some(
      (p) => CHANNELS.includes(p.kind) && p.parties.includes(me) && p.parties.includes(other),
    )
  );
}

/**
 * True when tension with `other` is above what stable peace calls calm: a crisis, however mild, that wants a
 * channel.
 */
export function inCrisis(view: GameView, me: SeatId, other: SeatId): boolean {
  return tensionWith(view, me, other) > view.params.peaceMaxTension;
}

/**
 * What calls for a proposal now, if anything (the strongest reason). A measure among several states is called
 * for only by an objective or by trust built with each of them; a crisis (a pair above calm) calls for a
 * channel with the tense state if they have none; a recent incident for a hotline with its suspect (if they
 * have no channel) and for a CERT link (with its suspect, or with anyone when the author is unknown). With
 * `outreach` (the dove's doctrine), a hotline with any state it has no channel with is called for too, as the
 * first step of trust.
 */
export function driverOf(view: GameView, me: SeatId, p: BotProposal, outreach = false): Driver | null {
  const others = p.parties.filter((s) => s !== me);
  if (servesObjective(view, me, p.kind, p.parties) && objectiveTime(view)) return "objective";
  if (UNILATERAL_CBMS.includes(p.kind) && others.length === 0) return trustBuilt(view, me) ? "ladder" : null;
  const ladder = others.length > 0 && others.every((s) => trustBuilt(view, me, s));
  if (others.length > 1) return ladder ? "ladder" : null;
  const recent = recentIncidents(view, me);
  const other = others[0] as SeatId;
  if (p.kind === "hotline" && recent.suspects.has(other) && !linked(view, me, other)) return "incident";
  if (p.kind === "situationReports" && (recent.suspects.has(other) || recent.unknown)) return "incident";
  if (CHANNELS.includes(p.kind) && inCrisis(view, me, other) && !linked(view, me, other)) return "crisis";
  if (ladder) return "ladder";
  return outreach && p.kind === "hotline" && !linked(view, me, other) ? "outreach" : null;
}

/** The states my own proposals still wait on: with each of them, one measure at a time. */
export function waitingOn(view: GameView, me: SeatId): Set<SeatId> {
  const out = new Set<SeatId>();
  for (const p of view.proposals) if (p.proposer === me) for (const s of p.parties) if (s !== me) out.add(s);
  return out;
}

/**
 * The one proposal a bot makes this turn out of those its doctrine wants (in its order of preference): one
 * with the strongest reason, none to a state one of its own proposals still waits on, none at all while its
 * own unilateral pledge waits or when nothing calls for a measure. Measures called for equally strongly are
 * offered in turn, so that one a partner keeps declining does not block the others.
 */
export function paceProposals(
  view: GameView,
  me: SeatId,
  wanted: readonly BotProposal[],
  outreach = false,
): BotProposal[] {
  if (view.options.noCbms) return [];
  if (view.proposals.some((p) => p.proposer === me && p.parties.length === 1)) return [];
  const waiting = waitingOn(view, me);
  let best: BotProposal[] = [];
  let bestRank = Infinity;
  for (const p of wanted) {
    if (p.parties.some((s) => waiting.has(s))) continue;
    const d = driverOf(view, me, p, outreach);
    if (d === null || RANK[d] > bestRank) continue;
    if (RANK[d] < bestRank) {
      bestRank = RANK[d];
      best = [];
    }
    best.push(p);
  }
  if (best.length === 0) return [];
  return [best[(view.turn + Math.max(0, view.seats.indexOf(me))) % best.length] as BotProposal];
}
