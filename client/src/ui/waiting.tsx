/**
 * "Waiting for you", near the top of the game page: a choice at the brink, a hotline inquiry this seat has to
 * answer (which incident, and what not answering costs), proposals that wait for the seat's answer, and
 * unread messages, each with a button to the panel where it is dealt with.
 */
import { CBM_NAMES } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { brinkPartners, brinkWarChance } from "./brink.ts";
import { preselectOrder } from "./order-card.tsx";
import { incidentNameById } from "./incident-labels.ts";
import { unreadByChannel } from "./unread.ts";

/** A channel's name as the reader sees it ("Public", "Private with Borevia"). */
export function channelName(c: string, v: ClientView): string {
  const [k, a, b] = c.split(":");
  const n = (id?: string) => v.game.nations[id ?? ""]?.name ?? id;
  if (k === "public") return "Public";
  if (k === "team") return a ? `Team ${n(a)}` : "My team";
  return `${k === "hotline" ? "Hotline" : "Private"} with ${b ? `${n(a)}–${n(b)}` : n(a)}`;
}

/**
 * The notices (the newest proposals first); nothing when nothing waits. `open` shows a panel ("orders",
 * "diplomacy") and, for an inquiry, its answer.
 */
export function WaitingForYou({ v, open }: { v: ClientView; open: (tab: string, focus?: string) => void }) {
  const me = v.me.role === "player" ? v.me.seat : null;
  const name = (id: string) => v.game.nations[id]?.name ?? id;
  const saved = me ? (v.game.private[me]?.orders ?? []) : [];
  const inquiries = me
    ? v.game.inquiries.filter(
        (q) =>
          q.to === me &&
          q.status === "open" &&
          q.turn < v.game.turn &&
          !saved.some((o) => o.type === "answer" && o.inquiry === q.id),
      )
    : [];
  const proposals = me
    ? v.game.proposals.filter(
        (p) => p.parties.includes(me) && !p.accepted.includes(me) && !p.declined.includes(me),
      )
    : [];
  const brinks = me
    ? brinkPartners(v).filter((s) => !saved.some((o) => o.type === "brink" && o.target === s))
    : [];
  const unread = v.me.role === "facilitator" ? new Map<string, number>() : unreadByChannel(v);
  const unreadCount = [...unread.values()].reduce((a, b) => a + b, 0);
  if (inquiries.length === 0 && proposals.length === 0 && unreadCount === 0 && brinks.length === 0)
    return null;
  const cost = v.game.params.unansweredInquiryTension;
  return (
    <section class="waiting" aria-labelledby="waiting-h">
      <h2 id="waiting-h" class="sr-only">
        Waiting for you
      </h2>
      <ul>
        {brinks.map((s) => (
          <li key={s} class="waiting-brink">
            <strong>You are at the brink with {name(s)}.</strong> Choose in your orders this turn: stand down,
            or stand firm. No choice counts as standing firm, and if neither of you stands down the standoff
            turns into war with chance {Math.round(brinkWarChance(v, s) * 100)}%.{" "}
            <button
              type="button"
              onClick={() => {
                // The order card opens on the brink choice toward this state.
                preselectOrder.value = { type: "brink", target: s };
                open("orders");
              }}
            >
              Choose now
            </button>
          </li>
        ))}
        {inquiries.map((q) => (
          <li key={q.id} class="waiting-inquiry">
            <strong>{name(q.from)} asks you over the hotline</strong> about {incidentNameById(v, q.incident)}.
            Answer it in your orders this turn: if you don't, tension with {name(q.from)} rises by {cost}.{" "}
            <button type="button" onClick={() => open("orders", `inquiry-${q.id}`)}>
              Answer now
            </button>
          </li>
        ))}
        {proposals.length > 0 && (
          <li class="waiting-proposals">
            <strong>
              {proposals.length === 1 ? "A proposal waits" : `${proposals.length} proposals wait`} for your
              answer:
            </strong>{" "}
            {proposals
              .slice()
              .reverse()
              .slice(0, 3)
              .map((p) => `${CBM_NAMES[p.kind]} from ${name(p.proposer)}`)
              .join("; ")}
            {proposals.length > 3 ? `, and ${proposals.length - 3} more` : ""}.{" "}
            <button type="button" onClick={() => open("diplomacy")}>
              Answer under Diplomacy
            </button>
          </li>
        )}
        {unreadCount > 0 && (
          <li class="waiting-unread">
            <strong>{unreadCount === 1 ? "1 unread message" : `${unreadCount} unread messages`}</strong> in{" "}
            {[...unread.entries()].map(([c, n]) => `${channelName(c, v)} (${n})`).join(", ")}.{" "}
            <button type="button" onClick={() => open("diplomacy")}>
              Read them
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
