/** The order card: an action, its target, incident or words, an operation's modifiers, and the odds before it is added. */
import { useSignal } from "@preact/signals";
import {
  hotlineWith,
  INCIDENT_NAMES,
  orderCost,
  ORDER_COSTS,
  type Order,
  type OrderType,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { describe, LABELS, odds, OPS, TARGETED } from "./order-words.ts";

/** The card that adds an order to the seat's list (`onAdd`); "answer" is offered while an inquiry is open. */
export function OrderCard({
  v,
  openInquiries,
  onAdd,
}: {
  v: ClientView;
  openInquiries: ClientView["game"]["inquiries"];
  onAdd: (order: Order) => unknown;
}) {
  const me = v.me.seat ?? "";
  const type = useSignal<OrderType>("espionage");
  const target = useSignal(v.game.seats.find((s) => s !== me) ?? "");
  const overt = useSignal(false);
  const proxy = useSignal(false);
  const flag = useSignal("");
  const incident = useSignal("");
  const tone = useSignal<"reassure" | "warn">("reassure");
  const text = useSignal("");
  const others = v.game.seats.filter((s) => s !== me);
  // An inquiry goes over a hotline: only states with one in force can be asked.
  const hotlines = others.filter((s) => hotlineWith(v.game, me, s));
  const targets = type.value === "inquire" ? hotlines : others;
  const chosen = targets.includes(target.value) ? target.value : (targets[0] ?? "");
  const knownIncidents = v.game.incidents.filter((i) => i.knowledge[me] || i.public);

  const build = (): Order | null => {
    const t = type.value;
    if (OPS.has(t))
      return {
        type: t as "ddos",
        target: target.value,
        ...(overt.value ? { overt: true } : {}),
        ...(proxy.value && !overt.value ? { proxy: true } : {}),
        ...(flag.value && !overt.value ? { falseFlag: flag.value } : {}),
      };
    if (t === "develop" || t === "harden" || t === "hunt") return { type: t };
    if (t === "investigate") return incident.value ? { type: t, incident: incident.value } : null;
    if (t === "attribute")
      return incident.value ? { type: t, incident: incident.value, accused: target.value } : null;
    if (t === "inquire")
      return incident.value && chosen ? { type: t, incident: incident.value, target: chosen } : null;
    if (t === "answer")
      return openInquiries[0] ? { type: t, inquiry: openInquiries[0].id, reply: "deny" } : null;
    if (t === "statement")
      return { type: t, tone: tone.value, target: target.value, ...(text.value ? { text: text.value } : {}) };
    return { type: t as "sanction", target: target.value };
  };
  const draft = build();
  return (
    <fieldset class="order-card">
      <legend>Add an order</legend>
      <label>
        Action{" "}
        <select
          value={type.value}
          onChange={(e) => (type.value = (e.target as HTMLSelectElement).value as OrderType)}
        >
          {(Object.keys(LABELS) as OrderType[])
            .filter((t) => t !== "answer" || openInquiries.length > 0)
            .map((t) => (
              <option key={t} value={t}>
                {LABELS[t]} — {ORDER_COSTS[t]} AP
              </option>
            ))}
        </select>
      </label>
      {(TARGETED.has(type.value) || type.value === "attribute" || type.value === "statement") &&
        targets.length > 0 && (
          <label>
            {type.value === "attribute" ? "Accused state" : "Target"}{" "}
            <select value={chosen} onChange={(e) => (target.value = (e.target as HTMLSelectElement).value)}>
              {targets.map((s) => (
                <option key={s} value={s}>
                  {v.game.nations[s]?.name}
                </option>
              ))}
            </select>
          </label>
        )}
      {type.value === "inquire" && hotlines.length === 0 && (
        <p class="hint">
          No hotline in force: propose one under Diplomacy to ask another state about an incident.
        </p>
      )}
      {(type.value === "investigate" || type.value === "attribute" || type.value === "inquire") && (
        <label>
          Incident{" "}
          <select
            value={incident.value}
            onChange={(e) => (incident.value = (e.target as HTMLSelectElement).value)}
          >
            <option value="">choose…</option>
            {knownIncidents.map((i) => (
              <option key={i.id} value={i.id}>
                turn {i.turn}: {INCIDENT_NAMES[i.kind]} against {v.game.nations[i.target]?.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {OPS.has(type.value) && (
        <div class="mods">
          <label>
            <input
              type="checkbox"
              checked={overt.value}
              onChange={(e) => (overt.value = (e.target as HTMLInputElement).checked)}
            />{" "}
            Overt (a signal: you are named at once)
          </label>
          <label>
            <input
              type="checkbox"
              checked={proxy.value}
              disabled={overt.value}
              onChange={(e) => (proxy.value = (e.target as HTMLInputElement).checked)}
            />{" "}
            Through a proxy (slower attribution)
          </label>
          <label>
            False flag (+1 AP){" "}
            <select
              value={flag.value}
              disabled={overt.value}
              onChange={(e) => (flag.value = (e.target as HTMLSelectElement).value)}
            >
              <option value="">none</option>
              {others
                .filter((s) => s !== target.value)
                .map((s) => (
                  <option key={s} value={s}>
                    {v.game.nations[s]?.name}
                  </option>
                ))}
            </select>
          </label>
        </div>
      )}
      {type.value === "statement" && (
        <>
          <label>
            Tone{" "}
            <select
              value={tone.value}
              onChange={(e) => (tone.value = (e.target as HTMLSelectElement).value as "reassure" | "warn")}
            >
              <option value="reassure">reassure</option>
              <option value="warn">warn</option>
            </select>
          </label>
          <label>
            Text{" "}
            <input
              maxLength={280}
              value={text.value}
              onInput={(e) => (text.value = (e.target as HTMLInputElement).value)}
            />
          </label>
        </>
      )}
      {draft && (
        <p class="odds">
          {describe(draft, v)} — {orderCost(draft)} AP. {odds(draft, v)}
        </p>
      )}
      <button type="button" disabled={!draft} onClick={() => draft && onAdd(draft)}>
        Add order
      </button>
    </fieldset>
  );
}
