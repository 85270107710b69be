/**
 * The order card's fields: the target, the incident (with unique labels and the seat's evidence), an
 * operation's modifiers, a statement's tone and text.
 */
import type { Signal } from "@preact/signals";
import { BRINK_CHOICES, type BrinkChoice } from "@firebreak/shared/browser";
import type { ComponentChildren } from "preact";
import type { ClientView } from "../net/client.ts";
import { BRINK_WORDS } from "./brink.ts";

/**
 * A label and its control side by side, tied by `for`: a label wrapped around a select would also name it by
 * the option chosen ("Action Publicly attribute an incident"), which screen readers then read twice.
 */
export function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label> {children}
    </div>
  );
}

/** A select of states by name. */
export function TargetField({
  label,
  targets,
  value,
  onChange,
  v,
}: {
  label: string;
  targets: readonly string[];
  value: string;
  onChange: (seat: string) => void;
  v: ClientView;
}) {
  return (
    <Field id="order-target" label={label}>
      <select
        id="order-target"
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {targets.map((s) => (
          <option key={s} value={s}>
            {v.game.nations[s]?.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A select of incidents, labelled uniquely; "choose…" until one is chosen. */
export function IncidentField({
  choices,
  value,
  onChange,
}: {
  choices: ReadonlyArray<{ id: string; label: string }>;
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <Field id="order-incident" label="Incident">
      <select
        id="order-incident"
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">choose…</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A cyber operation's modifiers: overt, through a proxy, under a false flag. */
export function OperationMods({
  overt,
  proxy,
  flag,
  flagChoices,
  v,
}: {
  overt: Signal<boolean>;
  proxy: Signal<boolean>;
  flag: Signal<string>;
  flagChoices: readonly string[];
  v: ClientView;
}) {
  return (
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
        Through a proxy (slower attribution){overt.value ? " — not with an overt operation" : ""}
      </label>
      <Field
        id="order-flag"
        label={`False flag (+1 AP)${overt.value ? " — not with an overt operation" : ""}`}
      >
        <select
          id="order-flag"
          value={flag.value}
          disabled={overt.value}
          onChange={(e) => (flag.value = (e.target as HTMLSelectElement).value)}
        >
          <option value="">none</option>
          {flagChoices.map((s) => (
            <option key={s} value={s}>
              {v.game.nations[s]?.name}
            </option>
          ))}
        </select>
      </Field>
    </div>
  );
}

/** A public statement's tone and text. */
export function StatementFields({
  tone,
  text,
  maxLength,
}: {
  tone: Signal<"reassure" | "warn">;
  text: Signal<string>;
  maxLength: number;
}) {
  return (
    <>
      <Field id="order-tone" label="Tone">
        <select
          id="order-tone"
          value={tone.value}
          onChange={(e) => (tone.value = (e.target as HTMLSelectElement).value as "reassure" | "warn")}
        >
          <option value="reassure">reassure</option>
          <option value="warn">warn</option>
        </select>
      </Field>
      <Field id="order-text" label="Text">
        <input
          id="order-text"
          maxLength={maxLength}
          value={text.value}
          onInput={(e) => (text.value = (e.target as HTMLInputElement).value)}
        />
      </Field>
    </>
  );
}

/** The choice at the brink: stand down (first, the way out) or stand firm. */
export function BrinkField({ choice }: { choice: Signal<BrinkChoice> }) {
  return (
    <Field id="order-brink" label="Your choice">
      <select
        id="order-brink"
        value={choice.value}
        onChange={(e) => (choice.value = (e.target as HTMLSelectElement).value as BrinkChoice)}
      >
        {[
          ...BRINK_CHOICES.filter((c) => c === "standDown"),
          ...BRINK_CHOICES.filter((c) => c !== "standDown"),
        ].map((c) => (
          <option key={c} value={c}>
            {BRINK_WORDS[c]}
          </option>
        ))}
      </select>
    </Field>
  );
}
