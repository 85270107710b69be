/** The per-game measures the CBM-effect table and the facts read: crafted games, counted by hand. */
import { describe, expect, it } from "vitest";
import { freshIncident } from "../model/incident.ts";
import type { Incident, Knowledge } from "../model/types.ts";
import { testGame } from "../testing/game.ts";
import { attacksAroundNaming, measureGame } from "./effects.ts";

/** A state of three seats (north, south, east) at turn 6 with the given incidents. */
function withIncidents(...incidents: Incident[]) {
  const s = testGame({ states: 3 });
  s.turn = 6;
  s.incidents = incidents;
  return s;
}

/** An incident with defaults; `knowledge` of its victim when given. */
function incident(
  id: string,
  turn: number,
  author: string | null,
  target: string,
  extra: Partial<Incident> = {},
  victimKnows?: Partial<Knowledge>,
): Incident {
  const known: Knowledge = {
    since: turn,
    confidence: 1,
    suspect: null,
    shared: false,
    changed: turn,
    moderateAt: null,
    ...victimKnows,
  };
  return freshIncident({
    id,
    turn,
    kind: "ddos",
    author,
    target,
    public: true,
    knowledge: victimKnows ? { [target]: known } : {},
    ...extra,
  });
}

describe("retaliation against innocent states", () => {
  it("counts an overt operation against a state the author wrongly suspected and that never attacked it", () => {
    const wrongly = incident("a", 1, null, "north", {}, { suspect: "south", since: 1 });
    const hitBack = incident("b", 2, "north", "south", { overt: true });
    expect(measureGame(withIncidents(wrongly, hitBack)).innocentRetaliations).toBe(1);
  });

  it("counts a suspicion since corrected (the evidence pointed there before), not one learned too late", () => {
    const corrected = incident("a", 1, "east", "north", {}, { suspect: "east", before: "south", since: 1 });
    const hitBack = incident("b", 3, "north", "south", { overt: true });
    expect(measureGame(withIncidents(corrected, hitBack)).innocentRetaliations).toBe(1);
    const late = incident("a", 1, "east", "north", {}, { suspect: "south", since: 3 });
    expect(measureGame(withIncidents(late, hitBack)).innocentRetaliations).toBe(0);
  });

  it("does not count retaliation against the real attacker, a covert operation, or one nobody was misled into", () => {
    const rightly = incident("a", 1, "south", "north", {}, { suspect: "south" });
    const hitBack = incident("b", 2, "north", "south", { overt: true });
    expect(measureGame(withIncidents(rightly, hitBack)).innocentRetaliations).toBe(0);
    const wrongly = incident("a", 1, null, "north", {}, { suspect: "south" });
    const covert = incident("b", 2, "north", "south");
    expect(measureGame(withIncidents(wrongly, covert)).innocentRetaliations).toBe(0);
    const unprovoked = incident("b", 2, "north", "east", { overt: true });
    expect(measureGame(withIncidents(wrongly, unprovoked)).innocentRetaliations).toBe(0);
  });
});

describe("attacks around a naming", () => {
  it("splits a named seat's attacks a turn before and after its first naming, and says who named it", () => {
    const named = incident("a", 2, "north", "south", {
      publicAttributions: [{ turn: 3, by: "east", accused: "north", confidence: 2 }],
    });
    const s = withIncidents(named, incident("b", 1, "north", "east"), incident("c", 5, "north", "east"));
    const [row] = attacksAroundNaming(s, { north: "hawk", south: "dove", east: "dove" }, "hawk");
    expect(row).toEqual({ before: 2 / 3, after: 1 / 3, byVictim: false });
    named.publicAttributions.push({ turn: 3, by: "south", accused: "north", confidence: 2 });
    expect(attacksAroundNaming(s, { north: "hawk" }, "hawk")[0]?.byVictim).toBe(true);
  });
});
