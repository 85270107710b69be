/**
 * The facilitator's extend controls: a minute in a short game; hours or days (up to a week at once) in a long
 * one.
 */
import { useSignal } from "@preact/signals";
import type { Act } from "../net/requests.ts";
import { isLongTurn } from "./clock-words.ts";
import "./extend-buttons.css";

const UNITS = { hours: 3600, days: 24 * 3600 } as const;
/**
 * The most one extension may add: a week (the server's limit; the client bundle leaves the request schemas
 * out).
 */
const MAX_EXTEND_SECONDS = 7 * 24 * 3600;

/** The seconds `n` hours or days make, within what one extension may add (10 s to a week). */
export function extendSeconds(n: number, unit: keyof typeof UNITS): number {
  return Math.min(MAX_EXTEND_SECONDS, Math.max(10, Math.round((Number.isFinite(n) ? n : 1) * UNITS[unit])));
}

/**
 * "+1 minute" in a game of short turns; "+1 hour", "+1 day" and "Extend by n hours/days" in a game of long
 * ones.
 */
export function ExtendButtons({ turnSeconds, act }: { turnSeconds: number; act: Act }) {
  const n = useSignal(2);
  const unit = useSignal<keyof typeof UNITS>("days");
  if (!isLongTurn(turnSeconds))
    return (
      <button type="button" onClick={() => act("fac:extend", { seconds: 60 })}>
        +1 minute
      </button>
    );
  return (
    <>
      <button type="button" onClick={() => act("fac:extend", { seconds: UNITS.hours })}>
        +1 hour
      </button>
      <button type="button" onClick={() => act("fac:extend", { seconds: UNITS.days })}>
        +1 day
      </button>
      <span class="extend-by">
        <label>
          Extend by{" "}
          <input
            type="number"
            min={1}
            max={unit.value === "days" ? 7 : 168}
            value={n.value}
            onInput={(e) => (n.value = Number((e.target as HTMLInputElement).value))}
          />
        </label>{" "}
        <select
          aria-label="Extend unit"
          value={unit.value}
          onChange={(e) =>
            (unit.value = (e.target as HTMLSelectElement).value === "hours" ? "hours" : "days")
          }
        >
          <option value="hours">hours</option>
          <option value="days">days</option>
        </select>{" "}
        <button
          type="button"
          onClick={() => act("fac:extend", { seconds: extendSeconds(n.value, unit.value) })}
        >
          Extend
        </button>
      </span>
    </>
  );
}
