/**
 * A bot that takes a seat mid-turn keeps what the seat's humans already did (docs/protocol.md §10): their
 * orders this turn (an inquiry's answer among them) and any strike of theirs waiting for approval stay, and
 * the bot's own orders fill in only where they still fit. Their proposals and answers to proposals are kept
 * by the engine already (a second answer is refused).
 */
import { own, validateOrders, type Order, type SeatId } from "@firebreak/shared";
import { waitingStrikes } from "../session/strikes.ts";
import type { SessionState } from "../session/types.ts";

/**
 * The orders a bot of `seat` submits, given its own choice: the humans' of this turn first, then each of the
 * bot's that the rules still accept; `added` are the bot's own.
 */
export function withHumanOrders(
  s: SessionState,
  seat: SeatId,
  botOrders: readonly Order[],
): { orders: Order[]; added: Order[] } {
  if (!s.humanOrdered.includes(seat)) return { orders: [...botOrders], added: [...botOrders] };
  let orders: Order[] = [...(own(s.game.orders, seat) ?? []), ...waitingStrikes(s, seat)];
  const added: Order[] = [];
  for (const o of botOrders) {
    const next = [...orders, o];
    if (!validateOrders(s.game, seat, next).ok) continue;
    orders = next;
    added.push(o);
  }
  return { orders, added };
}
