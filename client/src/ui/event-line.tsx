/** One line of a feed of events, as the game's feed and the replay's panes both show it. */
import type { GameEvent } from "@firebreak/shared/browser";
import { Why } from "./why.tsx";

/**
 * Events of every turn that rarely need reading: each pair's tension easing at the end of the turn, proposals
 * that lapsed unanswered. Hidden until the reader asks for them.
 */
export const ROUTINE_RULES: ReadonlySet<string> = new Set(["escalation.decay", "cbm.expired"]);

/**
 * An event's turn, its text, the tension it moved (signed, two decimals) and its "why?"; the caller wraps it
 * in a list item.
 */
export function EventLine({ e }: { e: Pick<GameEvent, "turn" | "text" | "tension" | "rule"> }) {
  return (
    <>
      <span class="turn">T{e.turn}</span> {e.text}
      {e.tension && (
        <span class="delta">
          {" "}
          ({e.tension.delta > 0 ? "+" : ""}
          {e.tension.delta.toFixed(2)} tension)
        </span>
      )}{" "}
      <Why rule={e.rule} />
    </>
  );
}
