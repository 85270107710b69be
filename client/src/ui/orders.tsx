/** The order planner: cards with cost, target, covert/overt, proxy and false flag, and the odds shared computes. */
import { useSignal } from "@preact/signals";
import {
  baseDetectionChance,
  effectSuccessChance,
  hotlineWith,
  INCIDENT_NAMES,
  OPERATION_KINDS,
  orderCost,
  ORDER_COSTS,
  type Order,
  type OrderType,
} from "@firebreak/shared/browser";
import { request, type ClientView } from "../net/client.ts";

const LABELS: Record<OrderType, string> = {
  espionage: "Espionage: gather intelligence",
  preposition: "Pre-position: gain access for later",
  ddos: "DDoS: take websites down",
  influence: "Influence: disinformation",
  disrupt: "Disrupt critical infrastructure",
  destroy: "Destroy: wiper attack",
  develop: "Develop cyber capability",
  harden: "Harden networks (+1 defence)",
  hunt: "Hunt for intruders",
  investigate: "Investigate an incident",
  attribute: "Publicly attribute an incident",
  inquire: "Inquire over the hotline",
  answer: "Answer an inquiry",
  sanction: "Sanction",
  expel: "Expel diplomats",
  statement: "Public statement",
  mobilize: "Mobilise forces",
  strike: "Military strike (war)",
};
const OPS: ReadonlySet<string> = new Set(OPERATION_KINDS);
const TARGETED = new Set([...OPS, "sanction", "expel", "mobilize", "strike", "inquire"]);

/** Describes an order in words. */
export function describe(o: Order, v: ClientView): string {
  const name = (id?: string) => (id ? (v.game.nations[id]?.name ?? id) : "");
  const parts = [LABELS[o.type]];
  if ("target" in o && o.target) parts.push(`→ ${name(o.target)}`);
  if ("overt" in o && o.overt) parts.push("(overt)");
  if ("proxy" in o && o.proxy) parts.push("(via proxy)");
  if ("falseFlag" in o && o.falseFlag) parts.push(`(false flag: ${name(o.falseFlag)})`);
  if ("reply" in o) parts.push(`(${o.reply})`);
  if ("tone" in o) parts.push(`(${o.tone})`);
  return parts.join(" ");
}

function odds(o: Order, v: ClientView): string {
  if (!("target" in o) || !o.target || !OPS.has(o.type)) return "";
  const t = v.game.nations[o.target];
  const me = v.me.seat ? v.game.nations[v.me.seat] : undefined;
  const p = v.game.params;
  const bits: string[] = [];
  if ("overt" in o && o.overt) bits.push("Everyone will know it was you.");
  else if (o.type === "ddos" || o.type === "disrupt" || o.type === "destroy")
    bits.push("Always noticed; who did it is not.");
  else if (t?.defense != null)
    bits.push(`Chance it is detected this month: ${Math.round(baseDetectionChance(t.defense, p) * 100)}%.`);
  else
    bits.push(
      `Detection: ${Math.round(baseDetectionChance(1, p) * 100)}–${Math.round(baseDetectionChance(5, p) * 100)}% a month depending on their defence (hidden).`,
    );
  if ((o.type === "disrupt" || o.type === "destroy") && me?.cyber != null) {
    bits.push(
      t?.defense != null
        ? `Success: ${Math.round(effectSuccessChance(me.cyber, t.defense, p) * 100)}%.`
        : "Success depends on their hidden defence.",
    );
  }
  if (!("overt" in o && o.overt)) {
    const h = p.attributionHazard * ("proxy" in o && o.proxy ? p.proxyAttributionMultiplier : 1);
    bits.push(
      `If noticed, their attribution advances one step a month with chance about ${Math.round(h * 100)}%.`,
    );
  }
  return bits.join(" ");
}

const NO_ORDERS: readonly Order[] = [];

/** The seat's orders for this turn: the list the server holds, an order card to add one, inquiries to answer, and Ready. */
export function Orders({ v }: { v: ClientView }) {
  const me = v.me.seat ?? "";
  const mine = v.game.private[me];
  // The server's list is the truth: a new turn starts empty, and a teammate's change shows at once. A saved list
  // shows until the server's patch with it arrives (it was built on `base`, the list the server had then).
  const server = mine?.orders ?? NO_ORDERS;
  const saved = useSignal<{ base: readonly Order[]; list: Order[] } | null>(null);
  const planned: Order[] = saved.value && saved.value.base === server ? saved.value.list : [...server];
  const type = useSignal<OrderType>("espionage");
  const target = useSignal(v.game.seats.find((s) => s !== me) ?? "");
  const overt = useSignal(false);
  const proxy = useSignal(false);
  const flag = useSignal("");
  const incident = useSignal("");
  const tone = useSignal<"reassure" | "warn">("reassure");
  const text = useSignal("");
  const message = useSignal({ turn: 0, text: "" });
  const ap = v.game.nations[me]?.actionPoints ?? 0;
  const used = planned.reduce((s, o) => s + orderCost(o), 0);
  const others = v.game.seats.filter((s) => s !== me);
  // An inquiry goes over a hotline: only states with one in force can be asked.
  const hotlines = others.filter((s) => hotlineWith(v.game, me, s));
  const targets = type.value === "inquire" ? hotlines : others;
  const chosen = targets.includes(target.value) ? target.value : (targets[0] ?? "");
  const knownIncidents = v.game.incidents.filter((i) => i.knowledge[me] || i.public);
  const openInquiries = v.game.inquiries.filter(
    (q) => q.to === me && q.status === "open" && q.turn < v.game.turn,
  );
  const ready = v.session.ready.includes(me);

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
  const submit = async (list: Order[]) => {
    const base = server;
    const err = await request("orders", { turn: v.game.turn, orders: list });
    message.value = { turn: v.game.turn, text: err ?? `Orders saved (${list.length}).` };
    if (!err) saved.value = { base, list };
  };
  const draft = build();
  return (
    <section aria-labelledby="orders-h" class="panel">
      <h2 id="orders-h">Orders for turn {v.game.turn}</h2>
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
        <button type="button" disabled={!draft} onClick={() => draft && submit([...planned, draft])}>
          Add order
        </button>
      </fieldset>
      {openInquiries.map((q) => (
        <fieldset key={q.id} class="inquiry" aria-label="Inquiry to answer">
          <p>{v.game.nations[q.from]?.name} asks you over the hotline about an incident. Answer:</p>
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
