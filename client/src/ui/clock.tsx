/**
 * The turn clock: time left ("4:05 left", or "2 days 3 h left" and the deadline's local date and time in a
 * long turn), warnings scaled to the turn's length (shown, and said once to screen readers through a live
 * region, not every tick), and stopped while the server is unreachable. The connection banner for the game's
 * sticky header lives here too.
 */
import { useEffect, useRef } from "preact/hooks";
import { useSignal } from "@preact/signals";
import { connection, type ClientView } from "../net/client.ts";
import {
  deadlineWords,
  isLongTurn,
  timeLeftSaid,
  timeLeftWords,
  warningLevel,
  warningMark,
  warningSaid,
} from "./clock-words.ts";

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
  const turn = v.session.turnSeconds;
  const s =
    deadline === null ? null : Math.max(0, Math.ceil((deadline - (stoppedAt.current ?? now.value)) / 1000));
  const level = s === null || v.session.paused ? 0 : warningLevel(s, turn);
  const text = v.session.paused ? "Paused" : s === null ? "No time limit" : timeLeftWords(s);
  const until =
    deadline !== null && !v.session.paused && isLongTurn(turn) ? deadlineWords(deadline, now.value) : null;
  return (
    <span class="clock">
      <span
        class={`timer${level === 1 ? " warn" : level === 2 ? " urgent" : ""}${online ? "" : " stopped"}`}
        role="timer"
        aria-label={
          s === null || v.session.paused
            ? text
            : `${timeLeftSaid(s)}${until ? `, until ${until}` : ""}${online ? "" : ", clock stopped"}`
        }
      >
        {text}
        {until && <span class="deadline"> (until {until})</span>}
        {level > 0 && online && <strong>{warningMark(level, turn)}</strong>}
        {!online && s !== null && " (stopped: server unreachable)"}
      </span>
      <span class="sr-only" aria-live="assertive" aria-atomic="true">
        {online ? warningSaid(level, turn) : ""}
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
