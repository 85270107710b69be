/**
 * The facilitator's session rules: strikes (allowed, need approval, not before a turn) and bot takeover, and
 * strikes waiting for approval.
 */
import { useSignal } from "@preact/signals";
import type { GameSettings } from "@firebreak/shared/browser";
import type { ClientView } from "../net/client.ts";
import type { Act } from "../net/requests.ts";

type StrikeMode = "allowed" | "approval" | "notBefore";

/** The strike rule in words. */
export function strikeRuleWords(rule: GameSettings["strikes"]): string {
  if (rule === "allowed") return "Military strikes are allowed.";
  if (rule === "approval") return "A military strike waits for the facilitator's approval.";
  return `Military strikes are allowed from turn ${rule.notBefore}.`;
}

/** The facilitator's settings form: strikes and automatic bot takeover, saved with fac:settings. */
export function SessionSettings({ v, act }: { v: ClientView; act: Act }) {
  const s = v.session.settings;
  const current: StrikeMode = typeof s.strikes === "object" ? "notBefore" : s.strikes;
  const mode = useSignal<StrikeMode | null>(null);
  const turn = useSignal<number | null>(null);
  const takeover = useSignal<boolean | null>(null);
  const seconds = useSignal<number | null>(null);
  const m = mode.value ?? current;
  const n = turn.value ?? (typeof s.strikes === "object" ? s.strikes.notBefore : v.game.turn + 1);
  const on = takeover.value ?? s.takeover;
  const secs = seconds.value ?? (s.takeoverSeconds > 0 ? s.takeoverSeconds : 120);
  const save = () => {
    act("fac:settings", {
      strikes: m === "notBefore" ? { notBefore: n } : m,
      takeover: on,
      ...(on || s.takeoverSeconds > 0 ? { takeoverSeconds: secs } : {}),
    });
    mode.value = turn.value = takeover.value = seconds.value = null;
  };
  return (
    <fieldset class="settings">
      <legend>Rules for this session</legend>
      <p class="current-rules">
        {strikeRuleWords(s.strikes)}{" "}
        {s.takeover
          ? `A bot takes over a state whose players have been away for ${s.takeoverSeconds} s.`
          : "Bots never take over a state on their own."}
      </p>
      <label>
        Military strikes{" "}
        <select
          value={m}
          onChange={(e) => (mode.value = (e.target as HTMLSelectElement).value as StrikeMode)}
        >
          <option value="allowed">allowed</option>
          <option value="approval">need my approval</option>
          <option value="notBefore">not before a turn</option>
        </select>
      </label>{" "}
      {m === "notBefore" && (
        <label>
          Not before turn{" "}
          <input
            type="number"
            min={1}
            max={v.game.maxTurns}
            value={n}
            onInput={(e) => (turn.value = Number((e.target as HTMLInputElement).value) || 1)}
          />
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => (takeover.value = (e.target as HTMLInputElement).checked)}
        />{" "}
        A bot takes over a state whose players are away
      </label>{" "}
      <label>
        after (seconds){" "}
        <input
          type="number"
          min={10}
          max={7 * 24 * 3600}
          disabled={!on}
          value={secs}
          onInput={(e) => (seconds.value = Number((e.target as HTMLInputElement).value) || 10)}
        />
      </label>{" "}
      <button type="button" onClick={save}>
        Save the rules
      </button>
    </fieldset>
  );
}

/** Strikes waiting for the facilitator's answer (strikes need approval): approve or refuse each seat's. */
export function StrikesWaiting({ v, act }: { v: ClientView; act: Act }) {
  const waiting = v.session.heldStrikes.filter((h) => h.status === "waiting");
  if (waiting.length === 0) return null;
  const name = (seat: string) => v.game.nations[seat]?.name ?? seat;
  return (
    <section aria-labelledby="strikes-h" class="strikes-waiting">
      <h3 id="strikes-h">Strikes waiting for your approval</h3>
      <ul>
        {waiting.map((h) => (
          <li key={h.seat}>
            {name(h.seat)} ({h.by}) orders a military strike on {h.targets.map(name).join(" and ")}: armed
            conflict, the end of the game, if you approve.{" "}
            <button
              type="button"
              class="danger"
              onClick={() => act("fac:strike", { seat: h.seat, approve: true })}
            >
              Approve the strike
            </button>{" "}
            <button type="button" onClick={() => act("fac:strike", { seat: h.seat, approve: false })}>
              Refuse
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
