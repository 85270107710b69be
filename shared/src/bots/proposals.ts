/** CBM proposals a bot may make without repeating what is in force or already proposed. */
import type { SeatId } from "../model/basics.ts";
import { cbmInForce, cbmInForceAmong, isNorm, UNILATERAL_CBMS, type CbmKind } from "../model/cbms.ts";
import type { GameView } from "../view/types.ts";
import type { BotProposal } from "./intents.ts";

/**
 * Unilateral CBMs for me, bilateral ones with every other state (or only `partners`), skipping those in force
 * or pending.
 */
export function proposeTo(
  view: GameView,
  me: SeatId,
  kinds: readonly CbmKind[],
  partners?: readonly SeatId[],
): BotProposal[] {
  const out: BotProposal[] = [];
  if (view.options.noCbms) return out;
  for (const kind of kinds) {
    // A norm is proposed to every state at once.
    if (isNorm(kind)) {
      const all = view.seats.slice();
      if (!cbmInForceAmong(view, kind, all) && !view.proposals.some((p) => p.kind === kind))
        out.push({ kind, parties: all });
      continue;
    }
    if (UNILATERAL_CBMS.includes(kind)) {
      if (!cbmInForce(view, kind, me) && !view.proposals.some((p) => p.kind === kind && p.proposer === me))
        out.push({ kind, parties: [me] });
      continue;
    }
    for (const other of partners ?? view.seats) {
      if (other === me) continue;
      const inForce = cbmInForce(view, kind, me, other);
      const pending = view.proposals.some(
        (p) => p.kind === kind && p.parties.includes(me) && p.parties.includes(other),
      );
      if (!inForce && !pending) out.push({ kind, parties: [me, other] });
    }
  }
  return out;
}

/** One proposal of each kind among all states, unless it is in force among them all or already proposed. */
export function proposeAmongAll(view: GameView, kinds: readonly CbmKind[]): BotProposal[] {
  if (view.options.noCbms || view.seats.length < 3) return [];
  const all = view.seats;
  const covers = (members: readonly SeatId[]): boolean => all.every((s) => members.includes(s));
  return kinds
    .filter(
      (kind) =>
        !cbmInForceAmong(view, kind, all) &&
        !view.proposals.some((p) => p.kind === kind && covers(p.parties)),
    )
    .map((kind) => ({ kind, parties: all.slice() }));
}
