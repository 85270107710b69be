/**
 * Norms negotiated in play: proposed to every state, adopted by a share of the table, with costs for adopters
 * who break them.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS as P } from "../model/params.ts";
import { normThreshold } from "../model/cbms.ts";
import type { GameState } from "../model/types.ts";
import { applyStep } from "../game/steps.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { checkProposal } from "./cbms.ts";

function must(s: GameState, step: Parameters<typeof applyStep>[1]): GameState {
  const r = applyStep(s, step);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
}

/** A five-state game where north proposes the infrastructure norm and `yes` accept (the rest decline). */
function negotiated(yes: string[]): GameState {
  let s = testGame({ states: 5 });
  s = must(s, { type: "propose", turn: 1, seat: "north", kind: "normInfrastructure", parties: s.seats });
  const id = s.proposals[0]?.id as string;
  for (const seat of s.seats.filter((x) => x !== "north"))
    s = must(s, { type: "respond", turn: 1, seat, proposal: id, accept: yes.includes(seat) });
  return resolveOk(s).state;
}

describe("norms negotiated in play", () => {
  it("a norm is proposed to every state at the table", () => {
    const s = testGame({ states: 4 });
    const r = checkProposal(s, "north", "normCerts", ["south"]);
    expect(r.ok ? null : r.error.code).toBe("INVALID_PARTIES");
    expect(checkProposal(s, "north", "normCerts", s.seats).ok).toBe(true);
  });

  it(`is adopted by those who accepted once ${P.normAdoptionShare * 100}% of states have, declines notwithstanding`, () => {
    expect(normThreshold(5, P.normAdoptionShare)).toBe(3);
    const s = negotiated(["south", "east"]);
    const norm = s.cbms.find((c) => c.kind === "normInfrastructure");
    expect(norm?.members).toEqual(["north", "south", "east"]);
    expect(s.proposals).toEqual([]);
  });

  it("is not adopted below the threshold, and lapses after the proposal lifetime", () => {
    let s = negotiated(["south"]);
    expect(s.cbms.some((c) => c.kind === "normInfrastructure")).toBe(false);
    for (let t = 0; t < P.proposalLifetime && s.proposals.length > 0; t++) s = resolveOk(s).state;
    expect(s.proposals).toEqual([]);
    expect(s.events.some((e) => e.rule === "cbm.expired" && e.text.includes("lapsed"))).toBe(true);
  });

  it(
    "an adopter caught breaking it loses reputation and faces each other adopter's coalition " +
      "measures; a state outside pays nothing for it",
    () => {
      const s = negotiated(["south", "east"]);
      const withAccess = {
        ...s,
        accesses: [
          { id: "a1", owner: "north", target: "west", since: 0, incident: "i0" },
          { id: "a2", owner: "west", target: "north", since: 0, incident: "i1" },
        ],
      };
      const { state, events } = resolveOk(withAccess, {
        north: [{ type: "disrupt", target: "west", overt: true }],
        west: [{ type: "disrupt", target: "north", overt: true }],
      });
      const breach = events.filter((e) => e.rule === "norm.breach");
      expect(breach).toHaveLength(1);
      expect(breach[0]?.text).toContain("North broke");
      expect(breach[0]?.visibleTo).toBe("public");
      const normCost = P.normViolationReputation; // GGE (f), paid by any attributed destroyer
      expect(state.nations.north?.reputation).toBeCloseTo(
        (s.nations.north?.reputation ?? 0) - normCost - P.normBreachReputation,
        3,
      );
      expect(state.nations.west?.reputation).toBeCloseTo((s.nations.west?.reputation ?? 0) - normCost, 3);
    },
  );
});
