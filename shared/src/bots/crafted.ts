/**
 * Crafted views for the bots' tests: a real seat's view of a small quiet game, with the facts a test needs
 * put in by hand.
 */
import type { SeatId } from "../model/basics.ts";
import type { CbmKind } from "../model/cbms.ts";
import { pairKey } from "../model/pairs.ts";
import type { Knowledge } from "../model/types.ts";
import { testGame } from "../testing/game.ts";
import type { GameView, IncidentView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";

/** North's view of a quiet three-state game (north, south, east) on `turn`, every pair at tension 1. */
export function craftedView(turn = 4, seat: SeatId = "north"): GameView {
  const s = testGame({ states: 3 });
  const v = viewFor(s, { role: "player", seat });
  v.turn = turn;
  for (const k of Object.keys(v.tension)) v.tension[k] = 1;
  return v;
}

/** Sets a pair's tension in a view. */
export function setTension(v: GameView, a: SeatId, b: SeatId, t: number): void {
  v.tension[pairKey(a, b)] = t;
}

/** Puts a pair at the brink since the turn before the view's. */
export function atBrink(v: GameView, a: SeatId, b: SeatId): void {
  v.brinks[pairKey(a, b)] = v.turn - 1;
  setTension(v, a, b, 9);
}

/** Adds a CBM in force among `members` since `since`. */
export function addCbm(v: GameView, kind: CbmKind, members: SeatId[], since = 1): void {
  v.cbms.push({ id: `c-${kind}-${members.join("-")}`, kind, members, since });
}

/** Adds an incident to the view: against `target`, of `kind`, with the given knowledge tracks. */
export function addIncident(
  v: GameView,
  id: string,
  target: SeatId,
  knowledge: Record<SeatId, Partial<Knowledge>>,
  extra: Partial<IncidentView> = {},
): IncidentView {
  const tracks: Record<SeatId, Knowledge> = {};
  for (const [seat, k] of Object.entries(knowledge))
    tracks[seat] = {
      since: 1,
      confidence: 0,
      suspect: null,
      shared: false,
      changed: 1,
      moderateAt: null,
      ...k,
    };
  const i: IncidentView = {
    id,
    turn: 1,
    kind: "disrupt",
    target,
    public: false,
    overt: false,
    lethal: false,
    author: null,
    damage: null,
    knowledge: tracks,
    publicAttributions: [],
    secret: null,
    ...extra,
  };
  v.incidents.push(i);
  return i;
}
