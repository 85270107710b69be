/**
 * The order card: an action with a line on what it does and costs, its target, incident or words, an
 * operation's modifiers and odds; Add says why when it cannot be used, asks before a consequential order, and
 * resets the card once the order is added.
 */
import { signal, useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import {
  ACCESS_AGE,
  cbmInForce,
  hotlineWith,
  orderCost,
  ORDER_COSTS,
  STATEMENT_MAX_LENGTH,
  type BrinkChoice,
  type Order,
  type OrderType,
} from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import { actionHelp } from "./action-help.ts";
import { brinkPartners } from "./brink.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { confirmationFor } from "./consequences.ts";
import { hasEvidenceAgainst, incidentChoices } from "./incident-labels.ts";
import {
  BrinkField,
  Field,
  IncidentField,
  OperationMods,
  StatementFields,
  TargetField,
} from "./order-fields.tsx";
import { describe, LABELS, odds, OPS, TARGETED } from "./order-words.ts";

/** An order the card should open on (the brink notice's "Choose now"): its action and target, once. */
export const preselectOrder = signal<{ type: OrderType; target: string } | null>(null);

/** Order types the card offers: an answer only while an inquiry is open, a brink choice only at the brink. */
function offered(openInquiries: number, atBrink: boolean): OrderType[] {
  return (Object.keys(LABELS) as OrderType[]).filter(
    (t) => (t !== "brink" || atBrink) && (t !== "answer" || openInquiries > 0),
  );
}

/**
 * Why an order cannot be added as it stands ("" when it can): no hotline, no incident, too few AP, no usable
 * access.
 */
function whyNot(o: Order | null, type: OrderType, v: ClientView, apLeft: number, noTarget: string): string {
  if (noTarget) return noTarget;
  if (!o)
    return type === "investigate" || type === "attribute" || type === "inquire"
      ? "Choose an incident first."
      : "Complete the order first.";
  const cost = orderCost(o);
  if (cost > apLeft)
    return `Not enough action points: this order costs ${cost} AP and you have ${apLeft} left this turn.`;
  const age = Object.hasOwn(ACCESS_AGE, o.type) ? ACCESS_AGE[o.type] : undefined;
  if (age !== undefined && "target" in o && o.target) {
    const name = v.game.nations[o.target]?.name ?? o.target;
    const mine = (v.game.private[v.me.seat ?? ""]?.accesses ?? []).filter((a) => a.target === o.target);
    if (mine.length === 0) return `You hold no access in ${name}: pre-position there first.`;
    const oldest = Math.min(...mine.map((a) => a.since));
    if (v.game.turn - oldest < age)
      return `Your access in ${name} is too new: it can be used from turn ${oldest + age}.`;
  }
  return "";
}

/**
 * The card that adds an order to the seat's list (`onAdd` resolves true once the server has it); "answer" is
 * offered while an inquiry is open.
 */
export function OrderCard({
  v,
  openInquiries,
  apLeft,
  onAdd,
}: {
  v: ClientView;
  openInquiries: ClientView["game"]["inquiries"];
  apLeft: number;
  onAdd: (order: Order) => Promise<boolean>;
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
  const choice = useSignal<BrinkChoice>("standDown");
  const asking = useSignal<Order | null>(null);
  const pre = preselectOrder.value;
  useEffect(() => {
    if (!pre) return;
    preselectOrder.value = null;
    type.value = pre.type;
    target.value = pre.target;
    const select = document.getElementById("order-action");
    select?.scrollIntoView({ block: "center" });
    select?.focus();
  }, [pre]);
  const reset = () => {
    type.value = "espionage";
    overt.value = false;
    proxy.value = false;
    flag.value = "";
    incident.value = "";
    tone.value = "reassure";
    text.value = "";
    choice.value = "standDown";
  };
  const others = v.game.seats.filter((s) => s !== me);
  // An inquiry goes over a hotline, or (about an incident against this seat) to a fellow adopter of the norm
  // on assistance.
  const hotlines = others.filter(
    (s) => hotlineWith(v.game, me, s) || cbmInForce(v.game, "normAssistance", me, s),
  );
  // At the brink, the choice is toward a state the seat is at the brink with.
  const partners = brinkPartners(v);
  const targets = type.value === "inquire" ? hotlines : type.value === "brink" ? partners : others;
  const chosen = targets.includes(target.value) ? target.value : (targets[0] ?? "");
  // The seat's own operations are not for investigating, asking about or attributing.
  const incidents = v.game.incidents.filter(
    (i) => i.author !== me && (Object.hasOwn(i.knowledge, me) || (type.value === "attribute" && i.public)),
  );
  const choices = incidentChoices(incidents, v);
  const chosenIncident = choices.some((c) => c.id === incident.value) ? incident.value : "";
  const needsIncident =
    type.value === "investigate" || type.value === "attribute" || type.value === "inquire";

  const build = (): Order | null => {
    const t = type.value;
    if (OPS.has(t))
      return {
        type: t as "ddos",
        target: chosen,
        ...(overt.value ? { overt: true } : {}),
        ...(proxy.value && !overt.value ? { proxy: true } : {}),
        ...(flag.value && !overt.value && flag.value !== chosen ? { falseFlag: flag.value } : {}),
      };
    if (t === "develop" || t === "harden" || t === "hunt") return { type: t };
    if (t === "investigate") return chosenIncident ? { type: t, incident: chosenIncident } : null;
    if (t === "attribute")
      return chosenIncident && chosen ? { type: t, incident: chosenIncident, accused: chosen } : null;
    if (t === "inquire")
      return chosenIncident && chosen ? { type: t, incident: chosenIncident, target: chosen } : null;
    if (t === "answer")
      return openInquiries[0] ? { type: t, inquiry: openInquiries[0].id, reply: "deny" } : null;
    if (t === "brink") return chosen ? { type: t, target: chosen, choice: choice.value } : null;
    if (t === "statement")
      return { type: t, tone: tone.value, target: chosen, ...(text.value ? { text: text.value } : {}) };
    return { type: t as "sanction", target: chosen };
  };
  const draft = build();
  const noTarget =
    type.value === "inquire" && hotlines.length === 0
      ? "No hotline in force and no fellow adopter of the norm on assistance: propose a hotline " +
        "under Diplomacy to ask another state about an incident."
      : needsIncident && choices.length === 0
        ? "You know of no incident to choose yet."
        : "";
  const why = whyNot(draft, type.value, v, apLeft, noTarget);
  const accused = type.value === "attribute" && draft?.type === "attribute" ? draft : null;
  const accusedIncident = accused ? incidents.find((i) => i.id === accused.incident) : undefined;
  const unsupported =
    accused && accusedIncident ? !hasEvidenceAgainst(accusedIncident, v, accused.accused) : false;
  const add = async (o: Order) => {
    asking.value = null;
    if (await onAdd(o)) reset();
  };
  return (
    <fieldset class="order-card">
      <legend>Add an order</legend>
      <Field id="order-action" label="Action">
        <select
          id="order-action"
          value={type.value}
          aria-describedby="action-help"
          onChange={(e) => (type.value = (e.target as HTMLSelectElement).value as OrderType)}
        >
          {offered(openInquiries.length, partners.length > 0).map((t) => (
            <option key={t} value={t}>
              {LABELS[t]} — {ORDER_COSTS[t]} AP
            </option>
          ))}
        </select>
      </Field>
      <p id="action-help" class="action-help">
        {actionHelp(type.value, v.game.params)}
      </p>
      {needsIncident && (
        <IncidentField
          choices={choices}
          value={chosenIncident}
          onChange={(id) => {
            incident.value = id;
            // An accusation starts from the seat's own suspect, when its evidence names a state.
            const k = incidents.find((i) => i.id === id)?.knowledge[me];
            if (type.value === "attribute" && k?.suspect && others.includes(k.suspect))
              target.value = k.suspect;
          }}
        />
      )}
      {(TARGETED.has(type.value) || type.value === "attribute" || type.value === "statement") &&
        targets.length > 0 && (
          <TargetField
            label={type.value === "attribute" ? "Accused state" : "Target"}
            targets={targets}
            value={chosen}
            onChange={(s) => (target.value = s)}
            v={v}
          />
        )}
      {accused && unsupported && (
        <p class="warning" role="note">
          Your evidence does not point to {v.game.nations[accused.accused]?.name}: a wrong accusation costs
          you reputation and raises tension sharply.
        </p>
      )}
      {OPS.has(type.value) && (
        <OperationMods
          overt={overt}
          proxy={proxy}
          flag={flag}
          flagChoices={others.filter((s) => s !== chosen)}
          v={v}
        />
      )}
      {type.value === "brink" && <BrinkField choice={choice} />}
      {type.value === "statement" && (
        <StatementFields tone={tone} text={text} maxLength={STATEMENT_MAX_LENGTH} />
      )}
      {draft && !why && (
        <p class="odds">
          {describe(draft, v)} — {orderCost(draft)} AP. {odds(draft, v)}
        </p>
      )}
      <button
        type="button"
        disabled={!!why}
        aria-describedby={why ? "add-order-why" : undefined}
        onClick={() => {
          if (!draft || why) return;
          if (confirmationFor(draft, v)) asking.value = draft;
          else void add(draft);
        }}
      >
        Add order
      </button>
      {why && (
        <p id="add-order-why" class="why-disabled">
          {why}
        </p>
      )}
      {asking.value && (
        <ConfirmDialog
          ask={confirmationFor(asking.value, v) ?? { title: "Add this order?", lines: [], confirm: "Add" }}
          onConfirm={() => asking.value && void add(asking.value)}
          onCancel={() => (asking.value = null)}
        />
      )}
    </fieldset>
  );
}
