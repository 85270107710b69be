/**
 * The search's rollouts (search.ts): one simulated turn of a sampled world, in which every seat answers,
 * proposes and orders by its sampled persona (the searching seat by its plan, or restraint beyond the tree),
 * resolved by the engine.
 */
import { resolveTurn } from "../game/resolve.ts";
import { checkOrders } from "../game/validate.ts";
import type { Order } from "../model/orders.ts";
import type { Rng } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import { proposeCbm, respondCbm } from "../rules/cbms.ts";
import { viewFor } from "../view/view.ts";
import { restraintOrders } from "./candidates.ts";
import type { BotPersona } from "./doctrines.ts";
import { doctrineAnswer, doctrineOrders, doctrineProposals } from "./doctrine-play.ts";
import type { BotProposal } from "./intents.ts";

/** The seat's diplomacy decided before the search: its answers to proposals and its own proposals. */
export interface Diplomacy {
  answers: Array<{ proposal: string; accept: boolean; note: string }>;
  proposals: BotProposal[];
}

/**
 * One simulated turn: every seat answers, proposes and orders by its (sampled) persona; `mine` fixes my part.
 */
export function simulateTurn(
  state: GameState,
  me: SeatId,
  persona: BotPersona,
  personas: Record<SeatId, BotPersona>,
  rng: Rng,
  mine: { orders: Order[]; diplomacy?: Diplomacy } | null,
): GameState {
  let s = state;
  const orders: Record<SeatId, Order[]> = {};
  for (const seat of s.seats) {
    const who = seat === me ? persona : (personas[seat] ?? "random");
    const view = viewFor(s, { role: "player", seat });
    if (seat === me && mine?.diplomacy) {
      for (const a of mine.diplomacy.answers) {
        const r = respondCbm(s, seat, a.proposal, a.accept, a.note);
        if (r.ok) s = r.value;
      }
      if (!s.options.noCbms)
        for (const p of mine.diplomacy.proposals) {
          const r = proposeCbm(s, seat, p.kind, p.parties);
          if (r.ok) s = r.value;
        }
    } else {
      for (const p of view.proposals) {
        if (p.accepted.includes(seat) || p.declined.includes(seat)) continue;
        const a = doctrineAnswer(view, p, who, rng);
        const r = respondCbm(s, seat, p.id, a.accept, a.note);
        if (r.ok) s = r.value;
      }
      if (!s.options.noCbms)
        for (const p of doctrineProposals(view, who, rng)) {
          const r = proposeCbm(s, seat, p.kind, p.parties);
          if (r.ok) s = r.value;
        }
    }
    // Beyond the tree the searching seat itself plays restraint (as a hard bot mostly does), the others their
    // personas.
    const list =
      seat === me
        ? mine
          ? mine.orders
          : restraintOrders(view, persona, rng)
        : doctrineOrders(view, who, rng);
    orders[seat] = checkOrders(s, seat, list).ok ? list : [];
  }
  const r = resolveTurn(s, orders);
  if (!r.ok) return { ...s, phase: "ended" };
  r.value.state.events = [];
  return r.value.state;
}
