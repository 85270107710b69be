/** How seats come to know of incidents, and how situation reports share them. */
import { isSeat, own } from "../model/ids.ts";
import type { SeatId } from "../model/basics.ts";
import type { Incident } from "../model/types.ts";
import { cbmsBinding, emit, nameOf, victimPhrase, type Ctx } from "./context.ts";

/**
 * Gives a seat of the game knowledge of an incident (if it has none); a victim shares it through situation
 * reports.
 */
export function learnOf(ctx: Ctx, seat: SeatId, incident: Incident, shared: boolean): boolean {
  if (!isSeat(ctx.s, seat) || own(incident.knowledge, seat)) return false;
  const isAuthor = incident.author === seat;
  const overt = incident.overt;
  incident.knowledge[seat] = {
    since: ctx.turn,
    confidence: isAuthor || overt ? 3 : 0,
    suspect: isAuthor || overt ? incident.author : null,
    shared,
    changed: ctx.turn,
    moderateAt: isAuthor || overt ? ctx.turn : null,
  };
  if (!shared && seat === incident.target) {
    for (const c of cbmsBinding(ctx.s, "situationReports", "detection.sitrep", seat)) {
      for (const m of c.members) {
        if (m === seat || own(incident.knowledge, m)) continue;
        learnOf(ctx, m, incident, true);
        emit(
          ctx,
          "detection.sitrep",
          [m],
          `${nameOf(ctx.s, seat)} shared a detected incident against ${victimPhrase(ctx.s, seat, incident.target)} through the CERT link.`,
          { incident: incident.id },
        );
      }
    }
  }
  return true;
}
