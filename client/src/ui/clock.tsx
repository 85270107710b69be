/**
 * The turn clock: time left, a warning at one minute and at ten seconds (shown, and said once to screen readers through
 * a live region, not every tick), and stopped while the server is unreachable. The connection banner for the game's
 * sticky header lives here too.
 */
import { useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { connection, type ClientView } from "../net/client.ts";

/** Seconds left at which the clock warns: one minute, then ten seconds. */
export const CLOCK_WARNINGS = { minute: 60, last: 10 } as const;

/** The warning level for `s` seconds left: 2 at ten seconds or less, 1 at a minute or less, else 0. */
export function warningLevel(s: number): 0 | 1 | 2 {
  return s <= CLOCK_WARNINGS.last ? 2 : s <= CLOCK_WARNINGS.minute ? 1 : 0;
}

const SAID = ["", "One minute left in this turn.", "Ten seconds left in this turn."] as const;

/** The game's clock for the sticky header. */
export function Clock({ v }: { v: ClientView }) {
  const now = useSignal(Date.now());
  const online = connection.value !== "reconnecting" && connection.value !== "lost";
  // The moment the server became unreachable: the clock shows the time left then, until it is back.
  const stoppedAt = useRef<number | null>(null);
  if (online) stoppedAt.current = null;
  else stoppedAt.current ??= Date.now();
  useEffect(() => {
    const t = setInterval(() => (now.value = Date.now()), 500);
    return () => clearInterval(t);
  }, []);
  const deadline = v.session.deadline;
  const s =
    deadline === null ? null : Math.max(0, Math.ceil((deadline - (stoppedAt.current ?? now.value)) / 1000));
  const level = s === null || v.session.paused ? 0 : warningLevel(s);
  const text = v.session.paused
    ? "Paused"
    : s === null
      ? "No time limit"
      : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")} left`;
  return (
    <span class="clock">
      <span
        class={`timer${level === 1 ? " warn" : level === 2 ? " urgent" : ""}${online ? "" : " stopped"}`}
        role="timer"
        aria-label={
          s === null || v.session.paused
            ? text
            : `${Math.floor(s / 60)} minutes ${s % 60} seconds left${online ? "" : ", clock stopped"}`
        }
      >
        {text}
        {level > 0 && online && <strong>{level === 2 ? " — last seconds!" : " — under a minute"}</strong>}
        {!online && s !== null && " (stopped: server unreachable)"}
      </span>
      <span class="sr-only" aria-live="assertive" aria-atomic="true">
        {online ? SAID[level] : ""}
      </span>
    </span>
  );
}

/** The banner while the server is unreachable: reconnecting (the clock stopped), or given up. */
export function ConnectionBanner() {
  const c = connection.value;
  if (c !== "reconnecting" && c !== "lost") return null;
  return (
    <div class="banner" role="alert">
      {c === "reconnecting"
        ? "The server is unreachable — reconnecting to your seat… The clock is stopped until it is back."
        : "Could not reconnect to the server. Reload the page to rejoin your seat."}
    </div>
  );
}
