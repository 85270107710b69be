/** A new incident record, before anything has happened to it. */
import type { Incident } from "./types.ts";

/**
 * An incident as it starts: covert and successful, unnoticed, unnamed, costing nothing yet; `fields` (id,
 * turn, kind, author and target at least) set the rest.
 */
export function freshIncident(
  fields: Pick<Incident, "id" | "turn" | "kind" | "author" | "target"> & Partial<Incident>,
): Incident {
  return {
    overt: false,
    proxy: false,
    falseFlag: null,
    success: true,
    lethal: false,
    public: false,
    damage: { economy: 0, stability: 0 },
    knowledge: {},
    publicAttributions: [],
    acknowledged: false,
    normCostApplied: false,
    detection: null,
    deniedBy: [],
    blame: {},
    misled: [],
    ...fields,
  };
}
