/**
 * What a student still has to do this month, from their view: orders not saved, Ready not said, proposals and
 * inquiries waiting for their answer, a brink to choose at, a seat a bot holds. Words only; the summary page
 * lists them.
 */
import type { ClientView } from "@firebreak/shared/browser";

/** One thing to do (`urgent`: the month resolves without it, or it waits on the student) or to know. */
export interface Todo {
  text: string;
  urgent: boolean;
}

/**
 * The things `v`'s member still has to do in the month under way; [] when nothing is left (or the game is not
 * running).
 */
export function todoFor(v: ClientView): Todo[] {
  const seat = v.me.role === "player" ? v.me.seat : null;
  if (v.session.phase !== "planning" || seat === null) return [];
  const name = (id: string) => v.game.nations[id]?.name ?? id;
  const out: Todo[] = [];
  if (v.session.botHoldsYourSeat !== null)
    out.push({
      text: "A bot plays your state while you are away: open the game to take it back.",
      urgent: true,
    });
  const orders = Object.hasOwn(v.game.private, seat) ? (v.game.private[seat]?.orders.length ?? 0) : 0;
  out.push(
    orders === 0
      ? { text: `No orders saved for month ${v.game.turn} yet.`, urgent: true }
      : {
          text: `${orders} ${orders === 1 ? "order" : "orders"} saved for month ${v.game.turn}.`,
          urgent: false,
        },
  );
  const waiting = v.game.proposals.filter(
    (p) => p.parties.includes(seat) && !p.accepted.includes(seat) && !p.declined.includes(seat),
  );
  if (waiting.length > 0)
    out.push({
      text:
        `${waiting.length} ${waiting.length === 1 ? "proposal waits" : "proposals wait"} for ` +
        `your answer (from ${[...new Set(waiting.map((p) => name(p.proposer)))].join(", ")}).`,
      urgent: true,
    });
  for (const q of v.game.inquiries)
    if (q.to === seat && q.status === "open")
      out.push({
        text: `${name(q.from)} asks you about an incident through the hotline: answer it.`,
        urgent: true,
      });
  for (const pair of Object.keys(v.game.brinks)) {
    const [a, b] = pair.split("|");
    if (a === seat || b === seat)
      out.push({
        text: `You are at the brink with ${name(a === seat ? (b ?? "") : (a ?? ""))}: stand firm, stand down or strike.`,
        urgent: true,
      });
  }
  if (!v.session.ready.includes(seat))
    out.push({
      text: "You have not said Ready (the month resolves at the deadline with your saved orders either way).",
      urgent: false,
    });
  return out;
}
