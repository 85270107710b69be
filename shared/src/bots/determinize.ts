/**
 * Determinization: a full GameState sampled from one seat's view. Everything the view shows is copied;
 * everything it hides (others' cyber and defence, who ran the incidents it cannot attribute, what others
 * know, foreign accesses and undetected intrusions, others' personas) is drawn from the seat's beliefs. Input
 * is the GameView only. This file samples the nations, the suspicions and the personas and assembles the
 * world; determinize-incidents.ts draws the incidents, determinize-accesses.ts the hidden accesses.
 */
import { RULES_VERSION } from "../game/create.ts";
import { allPairs, pairKey, suspicionKey } from "../model/pairs.ts";
import { rngFromSeed, type Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { Access, GameState, Nation } from "../model/types.ts";
import { updateScores } from "../rules/scoring.ts";
import type { GameView } from "../view/types.ts";
import { hiddenAccesses } from "./determinize-accesses.ts";
import { buildIncident } from "./determinize-incidents.ts";
import type { BotPersona } from "./doctrines.ts";
import { samplePersonas, type OpponentModel } from "./opponents.ts";
import { latestIntel, mySeat } from "./perception.ts";

/** A sampled world: a state consistent with the view, and a persona for every other seat. */
export interface Determinization {
  state: GameState;
  personas: Record<SeatId, BotPersona>;
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
    brinks: { ...view.brinks },
    alliances: view.alliances.map((a) => ({ name: a.name, members: a.members.slice() })),
    options: { ...view.options, cbms: view.options.cbms.slice() },
  };
  hiddenAccesses(view, me, s, personas, rng);
  sampleSuspicion(view, me, s);
  updateScores(s);
  return { state: s, personas };
}
