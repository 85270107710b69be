/**
 * Determinization: a full GameState sampled from one seat's view. Everything the view shows is copied; everything it
 * hides (others' cyber and defence, who ran the incidents it cannot attribute, what others know, foreign accesses and
 * undetected intrusions, others' personas) is drawn from the seat's beliefs. Input is the GameView only.
 */
import { RULES_VERSION } from "../game/create.ts";
import { allPairs, pairKey, suspicionKey } from "../model/pairs.ts";
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { Confidence, SeatId } from "../model/basics.ts";
import type { OperationKind } from "../model/operations.ts";
import type { Access, GameState, Incident, Knowledge, Nation } from "../model/types.ts";
import { detectionChance } from "../rules/detection.ts";
import { updateScores } from "../rules/scoring.ts";
import type { GameView, IncidentView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";
import { samplePersonas, type OpponentModel } from "./opponents.ts";
import { mySeat } from "./perception.ts";

/** A sampled world: a state consistent with the view, and a persona for every other seat. */
export interface Determinization {
  state: GameState;
  personas: Record<SeatId, BotPersona>;
}

/** Chance per turn that a seat's attribution of a known incident advanced (the base hazard with some investigation). */
const TRACK_HAZARD = 0.28;

/** Chance that another state holds a hidden access in a given state, by its sampled persona (rival = its most tense pair). */
const ACCESS_PRIOR: Record<BotPersona, { rival: number; other: number }> = {
  hawk: { rival: 0.6, other: 0.1 },
  opportunist: { rival: 0.35, other: 0.35 },
  random: { rival: 0.2, other: 0.2 },
  reciprocal: { rival: 0.05, other: 0 },
  forgiving: { rival: 0.05, other: 0 },
  dove: { rival: 0, other: 0 },
  normBuilder: { rival: 0, other: 0 },
};

function latestIntel(view: GameView, me: SeatId, about: SeatId) {
  const list = (view.private[me]?.intel ?? []).filter((r) => r.about === about);
  return list[list.length - 1];
}

function sampleNation(view: GameView, me: SeatId, id: SeatId, rng: Rng): Nation {
  const v = view.nations[id] as GameView["nations"][string];
  const intel = id === me ? undefined : latestIntel(view, me, id);
  const cyber = v.cyber ?? (intel ? intel.cyber : 3 + rng.int(6));
  const defense = v.defense ?? (intel ? intel.defense : 2 + rng.int(3));
  const objectives = id === me ? (view.private[me]?.objectives ?? []).map(({ met: _met, ...o }) => o) : [];
  return {
    id,
    name: v.name,
    cyber,
    defense,
    dependence: v.dependence,
    economy: v.economy,
    stability: v.stability,
    reputation: v.reputation,
    actionPoints: v.actionPoints,
    pendingDefense: 0,
    pendingCyber: 0,
    summary: v.summary,
    briefing: "",
    objectives,
    position: v.position,
  };
}

function weightedPick<T>(items: ReadonlyArray<readonly [T, number]>, rng: Rng): T | null {
  const total = items.reduce((a, [, w]) => a + w, 0);
  if (total <= 0) return null;
  let r = rng.next() * total;
  for (const [x, w] of items) {
    r -= w;
    if (r < 0) return x;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** The true author of an incident the view does not attribute: my evidence at moderate+ is the truth; otherwise my suspicions decide. */
function sampleAuthor(view: GameView, me: SeatId, i: IncidentView, rng: Rng): SeatId | null {
  if (i.author !== null) return i.author === "nonState" ? null : i.author;
  const k = i.knowledge[me];
  if (k && k.confidence >= 2 && k.suspect !== null) return k.suspect === "nonState" ? null : k.suspect;
  const susp = view.private[me]?.suspicion ?? {};
  const options: Array<readonly [SeatId | null, number]> = [];
  for (const s of view.seats) {
    if (s === me || s === i.target) continue;
    let w = Math.max(0.05, susp[s] ?? view.params.suspicionBaseline);
    if (k && k.confidence === 1 && k.suspect === s) w *= 4;
    options.push([s, w]);
  }
  const nonState = i.kind === "ddos" ? 0.6 : i.kind === "intrusion" ? 0 : 0.05;
  if (nonState > 0)
    options.push([null, k && k.confidence === 1 && k.suspect === "nonState" ? nonState * 4 : nonState]);
  return weightedPick(options, rng);
}

function sampleKind(i: IncidentView, author: SeatId | null, rng: Rng): Incident["kind"] {
  if (i.kind === "intrusion") return rng.chance(0.5) ? "espionage" : "preposition";
  if (author === null && i.kind === "ddos") return "nonState";
  return i.kind;
}

/** Another seat's attribution track of an incident it has known since `since`, advanced by chance each turn since. */
function sampleTrack(
  since: number,
  now: number,
  author: SeatId | null,
  knower: SeatId,
  seats: readonly SeatId[],
  rng: Rng,
): Knowledge {
  const k: Knowledge = {
    since,
    confidence: 0,
    suspect: null,
    shared: false,
    changed: since,
    moderateAt: null,
  };
  for (let t = since + 1; t < now && k.confidence < 3; t++) {
    if (!rng.chance(TRACK_HAZARD)) continue;
    k.confidence = (k.confidence + 1) as Confidence;
    k.changed = t;
    if (k.confidence >= 2) {
      k.suspect = author ?? "nonState";
      if (k.confidence === 2) k.moderateAt = t;
    } else {
      const wrong = seats.filter((s) => s !== knower && s !== author);
      k.suspect =
        rng.chance(author === null ? 0.5 : 0.25) && wrong.length > 0
          ? rng.pick(wrong)
          : (author ?? "nonState");
    }
  }
  return k;
}

function buildIncident(
  view: GameView,
  me: SeatId,
  i: IncidentView,
  nations: Record<SeatId, Nation>,
  rng: Rng,
): Incident {
  const author = sampleAuthor(view, me, i, rng);
  const kind = sampleKind(i, author, rng);
  const knowledge: Record<SeatId, Knowledge> = {};
  const mine = i.knowledge[me];
  if (mine) knowledge[me] = { ...mine };
  if (author !== null && author !== me)
    knowledge[author] = {
      since: i.turn,
      confidence: 3,
      suspect: author,
      shared: false,
      changed: i.turn,
      moderateAt: i.turn,
    };
  if (i.target !== me) {
    let victimKnows = i.public || i.overt || mine !== undefined;
    if (!victimKnows && author === me) {
      const shutOut = view.events.some((e) => e.incident === i.id && e.rule === "detection.dwell");
      const held = (view.private[me]?.accesses ?? []).some(
        (a) => a.target === i.target && a.since === i.turn,
      );
      const def = nations[i.target]?.defense ?? 3;
      victimKnows = shutOut || (!held && rng.chance(detectionChance(def, 0, view.params)));
    }
    if (victimKnows) {
      knowledge[i.target] = i.overt
        ? {
            since: i.turn,
            confidence: 3,
            suspect: author,
            shared: false,
            changed: i.turn,
            moderateAt: i.turn,
          }
        : sampleTrack(i.turn, view.turn, author, i.target, view.seats, rng);
    }
  }
  const deniedBy = view.inquiries.filter((q) => q.incident === i.id && q.reply === "deny").map((q) => q.to);
  const acknowledged =
    i.secret?.acknowledged ??
    view.inquiries.some((q) => q.incident === i.id && q.reply === "acknowledge" && q.to === author);
  return {
    id: i.id,
    turn: i.turn,
    kind,
    author,
    target: i.target,
    overt: i.overt,
    proxy: i.secret?.proxy ?? (author !== null && author !== me && rng.chance(0.2)),
    falseFlag: i.secret?.falseFlag ?? null,
    success: i.secret?.success ?? true,
    lethal: i.lethal,
    public: i.public,
    damage: i.damage ? { ...i.damage } : { economy: 0, stability: 0 },
    knowledge,
    publicAttributions: i.publicAttributions.slice(),
    acknowledged,
    normCostApplied:
      author !== null &&
      (i.overt || i.publicAttributions.some((a) => a.accused === author && a.confidence >= 2)),
    detection: null,
    deniedBy: [...new Set(deniedBy)],
  };
}

/** Foreign accesses the view cannot see, each with the undetected pre-positioning that gained it. */
function hiddenAccesses(
  view: GameView,
  me: SeatId,
  s: GameState,
  personas: Record<SeatId, BotPersona>,
  rng: Rng,
): void {
  if (view.turn < 2) return;
  for (const owner of view.seats) {
    if (owner === me) continue;
    const persona = personas[owner] ?? "random";
    const rival = view.seats
      .filter((x) => x !== owner)
      .sort((a, b) => (s.tension[pairKey(owner, b)] ?? 0) - (s.tension[pairKey(owner, a)] ?? 0))[0];
    const intel = latestIntel(view, me, owner);
    const fresh = intel && intel.turn >= view.turn - 1 ? intel : undefined;
    for (const target of view.seats) {
      if (target === owner) continue;
      const prior = ACCESS_PRIOR[persona];
      const count = fresh
        ? (fresh.accessesHeld[target] ?? 0)
        : rng.chance(target === rival ? prior.rival : prior.other)
          ? 1
          : 0;
      for (let n = 0; n < count; n++) {
        const since = Math.max(1, view.turn - 1 - rng.int(Math.min(3, view.turn - 1)));
        const id = `h${s.incidents.length}`;
        s.incidents.push({
          id,
          turn: since,
          kind: "preposition" as OperationKind,
          author: owner,
          target,
          overt: false,
          proxy: false,
          falseFlag: null,
          success: true,
          lethal: false,
          public: false,
          damage: { economy: 0, stability: 0 },
          knowledge: {
            [owner]: {
              since,
              confidence: 3,
              suspect: owner,
              shared: false,
              changed: since,
              moderateAt: since,
            },
          },
          publicAttributions: [],
          acknowledged: false,
          normCostApplied: false,
          detection: null,
          deniedBy: [],
        });
        s.accesses.push({ id: `ha${s.accesses.length}`, owner, target, since, incident: id });
      }
    }
  }
}

function sampleSuspicion(view: GameView, me: SeatId, s: GameState): void {
  const base = view.params.suspicionBaseline;
  const mine = view.private[me]?.suspicion ?? {};
  for (const a of view.seats) {
    for (const b of view.seats) {
      if (a === b) continue;
      if (a === me) {
        s.suspicion[suspicionKey(a, b)] = mine[b] ?? base;
        continue;
      }
      let v = Math.min(
        0.9,
        base + 0.03 * Math.max(0, (s.tension[pairKey(a, b)] ?? 0) - view.params.initialTension),
      );
      for (const i of s.incidents) {
        const k = i.knowledge[a];
        if (i.target === a && k && k.suspect === b && k.confidence > 0 && k.changed >= view.turn - 3)
          v = Math.max(v, 0.5 * (view.params.confidenceSuspicion[k.confidence] ?? 0) + 0.25);
      }
      s.suspicion[suspicionKey(a, b)] = Math.round(v * 1000) / 1000;
    }
  }
}

/** Samples one full game state (and opponents' personas) consistent with a seat's view. */
export function determinize(view: GameView, model: OpponentModel, rng: Rng): Determinization {
  const me = mySeat(view);
  const personas = samplePersonas(model, rng);
  const nations: Record<SeatId, Nation> = {};
  for (const id of view.seats) nations[id] = sampleNation(view, me, id, rng);
  const tensionHistory: Record<string, number[]> = {};
  for (const key of allPairs(view.seats))
    tensionHistory[key] = (view.tensionHistory[key] ?? [view.tension[key] ?? 0]).slice();
  const myAccesses: Access[] = (view.private[me]?.accesses ?? []).map((a) => {
    const source = view.incidents.find(
      (i) => i.author === me && i.kind === "preposition" && i.target === a.target && i.turn === a.since,
    );
    return { id: a.id, owner: me, target: a.target, since: a.since, incident: source?.id ?? `m${a.id}` };
  });
  let lastNormViolation = 0;
  for (const e of view.events)
    if ((e.rule === "norm.violation" || e.rule === "norm.pledgeBreach") && e.turn > lastNormViolation)
      lastNormViolation = e.turn;
  const s: GameState = {
    rulesVersion: RULES_VERSION,
    scenario: { ...view.scenario },
    params: view.params,
    rng: rngFromSeed(`det:${rng.next()}`).save(),
    seats: view.seats.slice(),
    nations,
    turn: view.turn,
    maxTurns: view.maxTurns,
    phase: "planning",
    tension: { ...view.tension },
    suspicion: {},
    tensionHistory,
    incidents: view.incidents.map((i) => buildIncident(view, me, i, nations, rng)),
    accesses: myAccesses,
    intel: Object.fromEntries(
      view.seats.map((x) => [x, x === me ? (view.private[me]?.intel ?? []).slice() : []]),
    ),
    cbms: view.cbms.map((c) => ({ ...c, members: c.members.slice() })),
    proposals: view.proposals.map((p) => ({
      ...p,
      parties: p.parties.slice(),
      accepted: p.accepted.slice(),
      declined: p.declined.slice(),
    })),
    inquiries: view.inquiries.map((q) => ({ ...q })),
    statements: view.statements.slice(),
    orders: {},
    injects: [],
    events: [],
    peaceStreak: view.peaceStreak,
    outcome: null,
    scores: {},
    lastNormViolation,
    options: { ...view.options, cbms: view.options.cbms.slice() },
  };
  hiddenAccesses(view, me, s, personas, rng);
  sampleSuspicion(view, me, s);
  updateScores(s);
  return { state: s, personas };
}
