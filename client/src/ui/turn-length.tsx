/**
 * The facilitator's turn length for the turns to come (fac:settings `turnSeconds`): minutes, hours or days,
 * up to a week.
 */
import { useSignal } from "@preact/signals";
import type { Act } from "../net/requests.ts";
import { lengthIn, lengthSeconds, spanWords, type LengthUnit } from "./clock-words.ts";

/** "Turn length [n] [unit] Set": the next turns have it (a game without a time limit gets a deadline now). */
export function TurnLength({ turnSeconds, act }: { turnSeconds: number; act: Act }) {
  const start = lengthIn(turnSeconds);
  const n = useSignal<number | null>(null);
  const unit = useSignal<LengthUnit | null>(null);
  const u = unit.value ?? start.unit;
  const value = n.value ?? start.n;
  return (
    <p class="turn-length">
      <span>Turn length: {turnSeconds > 0 ? spanWords(turnSeconds, true) : "no time limit"}. </span>
      <span class="extend-by">
        <label>
          New length{" "}
          <input
            type="number"
            min={1}
            value={value}
            onInput={(e) => (n.value = Number((e.target as HTMLInputElement).value))}
          />
        </label>
        <select
          aria-label="Length unit"
          value={u}
          onChange={(e) => {
            const picked = (e.target as HTMLSelectElement).value;
            unit.value = picked === "days" || picked === "hours" ? picked : "minutes";
          }}
        >
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
          <option value="days">days</option>
        </select>
        <button
          type="button"
          onClick={() => {
            act("fac:settings", { turnSeconds: lengthSeconds(value, u) });
            n.value = null;
            unit.value = null;
          }}
        >
          Set for the next turns
        </button>
      </span>
    </p>
  );
}
