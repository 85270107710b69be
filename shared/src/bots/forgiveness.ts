/**
 * The forgiving bot's rule: tit-for-two-tats with memory per suspect. It lets a suspect's first grievance pass
 * (and asks about it where it can) but remembers it for a few turns; a second grievance from the same suspect
 * inside that window is answered, and so are a destructive attack and a high-confidence repeat, however old
 * the first one is. Nothing is drawn at random: what it remembers is read off its own attribution tracks.
 */
import type { SeatId } from "../model/basics.ts";
import { isDestructive } from "../model/operations.ts";
import type { GameView } from "../view/types.ts";
import type { Grievance } from "./perception.ts";

/** Turns a forgiven grievance stays in the forgiving bot's memory: a second one inside them is answered. */
export const FORGIVENESS_WINDOW = 4;

/**
 * Earlier grievances from `suspect`: incidents against me, other than `incident`, that my evidence now pins
 * on it (low confidence or more), each with the turn my evidence on it last moved.
 */
function earlierGrievances(
  view: GameView,
  me: SeatId,
  suspect: SeatId,
  incident: string,
): Array<{ changed: number; confidence: number }> {
  const out: Array<{ changed: number; confidence: number }> = [];
  for (const i of view.incidents) {
    if (i.target !== me || i.id === incident) continue;
    const k = i.knowledge[me];
    if (k && k.suspect === suspect && k.confidence >= 1)
      out.push({ changed: k.changed, confidence: k.confidence });
  }
  return out;
}

/**
 * True when the forgiving bot lets this grievance pass: the suspect's first within the window, not a
 * destructive attack, and not a high-confidence repeat of an older one. `answered` counts grievances from
 * the same suspect already answered or passed over this turn (two at once are two tats).
 */
export function forgives(view: GameView, me: SeatId, g: Grievance, answered = 0): boolean {
  if (answered > 0 || isDestructive(g.incident.kind)) return false;
  const earlier = earlierGrievances(view, me, g.suspect, g.incident.id);
  if (earlier.some((e) => e.changed >= view.turn - 1 - FORGIVENESS_WINDOW)) return false;
  return !(g.confidence >= 3 && earlier.length > 0);
}
