/**
 * The order planner: the seat's list for the turn as the server holds it, the order card to add to it
 * (order-card.tsx), answers to inquiries, and Ready.
 */
import { useSignal } from "@preact/signals";
import { orderCost, type Order } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { request } from "../net/requests.ts";
import { Hints } from "./hints.tsx";
import { OrderCard } from "./order-card.tsx";
import { incidentNameById } from "./incident-labels.ts";
import { describe } from "./order-words.ts";
import { SeatNotices } from "./seat-notices.tsx";

const NO_ORDERS: readonly Order[] = [];

/**
 * The seat's orders for this turn: the list the server holds, an order card to add one, inquiries to answer,
 * and Ready.
 */
export function Orders({ v }: { v: ClientView }) {
  const me = v.me.seat ?? "";
  const mine = v.game.private[me];
  // The server's list is the truth: a new turn starts empty, and a teammate's change shows at once. A saved
  // list shows until the server's patch with it arrives (it was built on `base`, the list the server had
  // then).
  const server = mine?.orders ?? NO_ORDERS;
  const saved = useSignal<{ base: readonly Order[]; list: Order[] } | null>(null);
  const planned: Order[] = saved.value && saved.value.base === server ? saved.value.list : [...server];
  const message = useSignal({ turn: 0, text: "" });
  const ap = v.game.nations[me]?.actionPoints ?? 0;
  const used = planned.reduce((s, o) => s + orderCost(o), 0);
  const openInquiries = v.game.inquiries.filter(
    (q) => q.to === me && q.status === "open" && q.turn < v.game.turn,
  );
  const ready = v.session.ready.includes(me);

  /** Sends the list; true once the server holds it. */
  const submit = async (list: Order[]): Promise<boolean> => {
    const base = server;
    const err = await request("orders", { turn: v.game.turn, orders: list });
    message.value = { turn: v.game.turn, text: err ?? `Orders saved (${list.length}).` };
    if (!err) saved.value = { base, list };
    return !err;
  };
  return (
    <section aria-labelledby="orders-h" class="panel">
      <h2 id="orders-h">Orders for turn {v.game.turn}</h2>
      <Hints v={v} />
      <p>
        Action points: <strong>{used}</strong> of {ap} planned.
      </p>
      <ol class="planned">
        {planned.map((o, i) => (
          <li key={i}>
            {describe(o, v)} <span class="cost">{orderCost(o)} AP</span>{" "}
            <button
              type="button"
              aria-label={`Remove ${describe(o, v)}`}
              onClick={() => submit(planned.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <OrderCard
        v={v}
        openInquiries={openInquiries}
        apLeft={ap - used}
        onAdd={(o) => submit([...planned, o])}
      />
      {openInquiries.map((q) => (
        <fieldset key={q.id} id={`inquiry-${q.id}`} class="inquiry" aria-label="Inquiry to answer">
          <p>
            {v.game.nations[q.from]?.name} asks you over the hotline about {incidentNameById(v, q.incident)}.
            Answer (no action points):
          </p>
          {(["deny", "explain", "acknowledge"] as const).map((r) => (
            <button
              type="button"
              key={r}
              onClick={() =>
                submit([
                  ...planned.filter((o) => !(o.type === "answer" && o.inquiry === q.id)),
                  { type: "answer", inquiry: q.id, reply: r },
                ])
              }
            >
              {r}
            </button>
          ))}
        </fieldset>
      ))}
      <p role="status">{message.value.turn === v.game.turn ? message.value.text : ""}</p>
      <SeatNotices v={v} />
      <button
        type="button"
        class={ready ? "" : "primary"}
        onClick={() => request("ready", { ready: !ready })}
      >
        {ready ? "Not ready yet" : "Ready: end my turn"}
      </button>
    </section>
  );
}
