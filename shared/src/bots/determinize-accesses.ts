/**
 * The hidden accesses of a sampled world (determinize.ts): the foreign accesses the seat's view cannot see,
 * drawn from its latest fresh intelligence or, without it, from each other state's sampled persona.
 */
import type { SeatId } from "../model/basics.ts";
import { freshIncident } from "../model/incident.ts";
import type { OperationKind } from "../model/operations.ts";
import { pairKey } from "../model/pairs.ts";
import type { Rng } from "../model/rng.ts";
import type { GameState } from "../model/types.ts";
import type { GameView } from "../view/types.ts";
import type { BotPersona } from "./doctrines.ts";
import { latestIntel } from "./perception.ts";

/**
 * Chance that another state holds a hidden access in a given state, by its sampled persona (rival = its most
 * tense pair).
 */
const ACCESS_PRIOR: Record<BotPersona, { rival: number; other: number }> = {
  hawk: { rival: 0.6, other: 0.1 },
  opportunist: { rival: 0.35, other: 0.35 },
  random: { rival: 0.2, other: 0.2 },
  reciprocal: { rival: 0.05, other: 0 },
  forgiving: { rival: 0.05, other: 0 },
  dove: { rival: 0, other: 0 },
  normBuilder: { rival: 0, other: 0 },
};

/** Foreign accesses the view cannot see, each with the undetected pre-positioning that gained it. */
export function hiddenAccesses(
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
        s.incidents.push(
          freshIncident({
            id,
            turn: since,
            kind: "preposition" as OperationKind,
            author: owner,
            target,
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
          }),
        );
        s.accesses.push({ id: `ha${s.accesses.length}`, owner, target, since, incident: id });
      }
    }
  }
}
