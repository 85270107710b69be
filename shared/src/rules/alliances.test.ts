/** Collective defence: an attack on one ally concerns the other; a war with one brings the other in. */
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS as P } from "../model/params.ts";
import { pairKey } from "../model/pairs.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { alliesOf } from "./alliances.ts";

const allied = () =>
  testGame({ scenario: { alliances: [{ name: "Northern Pact", members: ["north", "east"] }] } });

describe("alliances", () => {
  it("come from the scenario and are public in every view", () => {
    const s = allied();
    expect(s.alliances).toEqual([{ name: "Northern Pact", members: ["north", "east"] }]);
    expect(alliesOf(s, "north")).toEqual(["east"]);
    expect(alliesOf(s, "south")).toEqual([]);
  });

  it("a war with one member brings its ally in as a belligerent", () => {
    const { state, events } = resolveOk(allied(), { south: [{ type: "strike", target: "north" }] });
    expect(state.outcome).toMatchObject({ kind: "armedConflict", initiator: "south" });
    expect(state.outcome?.belligerents).toEqual(["south", "north", "east"]);
    expect(events.some((e) => e.rule === "alliance.defence" && e.visibleTo === "public")).toBe(true);
    expect(state.scores.east?.outcome).toBe(-(P.armedConflictLoss + P.belligerentLoss));
  });

  it("an open attack on one member raises its ally's tension with the attacker; without the alliance it does not", () => {
    const order = { south: [{ type: "ddos" as const, target: "north", overt: true }] };
    const withPact = resolveOk(allied(), order);
    const alone = resolveOk(testGame(), order);
    const rise = (r: typeof alone): number =>
      r.events
        .filter((e) => e.tension?.pair === pairKey("east", "south") && e.rule === "alliance.defence")
        .reduce((sum, e) => sum + (e.tension?.delta ?? 0), 0);
    expect(rise(withPact)).toBeGreaterThan(0);
    expect(rise(alone)).toBe(0);
  });

  it("a scenario naming an unknown or repeated member is refused with its path", async () => {
    const { validateScenario } = await import("../scenario/validate.ts");
    const { testScenario } = await import("../testing/fixtures.ts");
    const base = testScenario(3);
    const r = validateScenario({ ...base, alliances: [{ name: "Pact", members: ["north", "atlantis"] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain("alliances[0].members[1]");
    const twice = validateScenario({ ...base, alliances: [{ name: "Pact", members: ["north", "north"] }] });
    expect(twice.ok).toBe(false);
  });
});
