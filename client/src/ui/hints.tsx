/**
 * The scenario's hints for this turn, in step with the game (hint-words.ts), on the tab the game opens on.
 */
import type { ClientView } from "../net/client.ts";
import { scenarios } from "./api.ts";
import { hintsFor } from "./hint-words.ts";

/** The hints box (nothing when the turn has none). */
export function Hints({ v }: { v: ClientView }) {
  const all = scenarios.value.find((s) => s.id === v.game.scenario.id)?.hints ?? [];
  const shown = hintsFor(v, all);
  if (shown.length === 0) return null;
  return (
    <div class="hints">
      {shown.map((h, i) => (
        <p key={i} class="hint" role="note">
          Hint: {h}
        </p>
      ))}
    </div>
  );
}
