/** viewFor: the single place where hidden information is decided. */
import { isSeat, own } from "../model/ids.ts";
import { CBM_KINDS, CBMS, cbmInForce } from "../model/cbms.ts";
import { seenAs } from "../model/operations.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState, Incident } from "../model/types.ts";
import { suspicionKey } from "../model/pairs.ts";
import { objectiveMet } from "../rules/scoring.ts";
import type { GameView, IncidentView, NationView, ScoreView, SeatPrivate, Viewer } from "./types.ts";

function seatOf(viewer: Viewer): SeatId | null {
  return viewer.role === "player" ? viewer.seat : null;
}

/**
 * True when a CBM in force shows `id`'s cyber and defence to `me`: one that reveals its member to all, or its
 * members to each other.
 */
function revealedByCbm(s: GameState, id: SeatId, me: SeatId | null): boolean {
  return CBM_KINDS.some(
    (k) =>
      (CBMS[k].reveals === "all" && cbmInForce(s, k, id)) ||
      (CBMS[k].reveals === "members" && me !== null && cbmInForce(s, k, id, me)),
  );
}

function nationView(s: GameState, id: SeatId, me: SeatId | null, revealed: boolean): NationView {
  const n = own(s.nations, id) as GameState["nations"][string];
  const visible = revealed || id === me || revealedByCbm(s, id, me);
  return {
    id,
    name: n.name,
    summary: n.summary,
    position: n.position,
    dependence: n.dependence,
    economy: n.economy,
    stability: n.stability,
    reputation: n.reputation,
    actionPoints: n.actionPoints,
    cyber: visible ? n.cyber : null,
    defense: visible ? n.defense : null,
  };
}

/**
 * Projections of incidents, per incident object and viewer. Game states are never changed once made (every
 * step returns new objects for what it changes), so an incident object always projects the same way for the
 * same viewer; reusing the projection lets consumers (the server's view diff) skip unchanged incidents by
 * identity. Frozen, so a consumer that tried to change a shared projection would fail loudly instead of
 * corrupting others.
 */
const incidentViews = new WeakMap<Incident, Map<string, IncidentView | null>>();

function memoIncidentView(i: Incident, me: SeatId | null, revealed: boolean): IncidentView | null {
  const key = `${me ?? ""}|${revealed ? 1 : 0}`;
  let byViewer = incidentViews.get(i);
  if (!byViewer) {
    byViewer = new Map();
    incidentViews.set(i, byViewer);
  }
  if (byViewer.has(key)) return byViewer.get(key) ?? null;
  const v = incidentView(i, me, revealed);
  if (v) {
    Object.freeze(v.knowledge);
    Object.freeze(v);
  }
  byViewer.set(key, v);
  return v;
}

function incidentView(i: Incident, me: SeatId | null, revealed: boolean): IncidentView | null {
  const mine = me !== null && i.author === me;
  const known = me !== null && own(i.knowledge, me) !== undefined;
  if (!revealed && !i.public && !known && !mine) return null;
  const truth = revealed || mine || i.overt;
  const kind: IncidentView["kind"] = truth ? i.kind : seenAs(i.kind);
  const knowledge: IncidentView["knowledge"] = {};
  if (revealed) Object.assign(knowledge, i.knowledge);
  else if (me !== null) {
    const k = own(i.knowledge, me);
    if (k) knowledge[me] = k;
  }
  const seesDamage = revealed || i.public || mine || i.target === me;
  return {
    id: i.id,
    turn: i.turn,
    kind,
    target: i.target,
    public: i.public,
    overt: i.overt,
    lethal: seesDamage ? i.lethal : false,
    author: truth ? (i.author ?? "nonState") : null,
    damage: seesDamage ? i.damage : null,
    knowledge,
    publicAttributions: i.publicAttributions,
    secret:
      revealed || mine
        ? { proxy: i.proxy, falseFlag: i.falseFlag, success: i.success, acknowledged: i.acknowledged }
        : null,
  };
}

function seatPrivate(s: GameState, seat: SeatId): SeatPrivate {
  const n = own(s.nations, seat);
  const suspicion: Record<SeatId, number> = {};
  for (const o of s.seats) if (o !== seat) suspicion[o] = s.suspicion[suspicionKey(seat, o)] ?? 0;
  return {
    briefing: n?.briefing ?? "",
    objectives: (n?.objectives ?? []).map((o) => ({ ...o, met: objectiveMet(s, seat, o) })),
    accesses: s.accesses
      .filter((a) => a.owner === seat)
      .map((a) => ({ id: a.id, target: a.target, since: a.since })),
    intel: own(s.intel, seat) ?? [],
    orders: own(s.orders, seat) ?? [],
    suspicion,
  };
}

function scoreView(s: GameState, seat: SeatId, full: boolean): ScoreView {
  const sc = own(s.scores, seat) ?? {
    economy: 0,
    stability: 0,
    reputation: 0,
    objectives: 0,
    outcome: 0,
    total: 0,
  };
  if (full) return { ...sc };
  const total = Math.round((sc.economy + sc.stability + sc.reputation + sc.outcome) * 1000) / 1000;
  return {
    economy: sc.economy,
    stability: sc.stability,
    reputation: sc.reputation,
    objectives: null,
    outcome: sc.outcome,
    total,
  };
}

/**
 * The game as `viewer` may see it: players their seat, observers the public, the facilitator (and everyone
 * after the end) everything. An unknown seat sees the public view.
 */
export function viewFor(s: GameState, viewer: Viewer): GameView {
  const claimed = seatOf(viewer);
  const me = isSeat(s, claimed) ? claimed : null;
  const revealed = viewer.role === "facilitator" || s.phase === "ended";
  const nations: GameView["nations"] = {};
  const scores: GameView["scores"] = {};
  const priv: GameView["private"] = {};
  for (const id of s.seats) {
    nations[id] = nationView(s, id, me, revealed);
    scores[id] = scoreView(s, id, revealed || id === me);
    if (revealed || id === me) priv[id] = seatPrivate(s, id);
  }
  const incidents: IncidentView[] = [];
  for (const i of s.incidents) {
    const v = memoIncidentView(i, me, revealed);
    if (v) incidents.push(v);
  }
  const sees = (list: readonly SeatId[]): boolean => revealed || (me !== null && list.includes(me));
  return {
    viewer,
    revealed,
    scenario: { ...s.scenario },
    params: s.params,
    turn: s.turn,
    maxTurns: s.maxTurns,
    phase: s.phase,
    outcome: s.outcome,
    seats: s.seats.slice(),
    nations,
    tension: { ...s.tension },
    tensionHistory: s.tensionHistory,
    brinks: { ...s.brinks },
    alliances: s.alliances.map((a) => ({ name: a.name, members: a.members.slice() })),
    cbms: s.cbms,
    proposals: s.proposals.filter((p) => sees(p.parties)),
    inquiries: s.inquiries.filter((q) => sees([q.from, q.to])),
    statements: s.statements,
    incidents,
    events: s.events.filter((e) => e.visibleTo === "public" || sees(e.visibleTo)),
    scores,
    peaceStreak: s.peaceStreak,
    options: s.options,
    private: priv,
  };
}
