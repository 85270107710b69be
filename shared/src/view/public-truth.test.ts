/**
 * Whatever is public depends only on what is public or on a victim's own beliefs, never on the hidden truth:
 * swap the true author of an incident (same draws), and a bystander's view stays identical while its own
 * evidence and the victim's beliefs are the same in both worlds.
 */
import { describe, expect, it } from "vitest";
import type { GameState, Nation } from "../model/types.ts";
import { resolveOk, testGame } from "../testing/game.ts";
import { viewFor } from "./view.ts";

/** A four-state game where north and east are interchangeable (same cyber, defence and relations). */
function world(author: "north" | "east", seed: string): GameState {
  const s = testGame({ states: 4, seed, params: { attributionHazard: 0.6, lowConfidenceError: 0 } });
  const twin = { ...(s.nations.north as Nation) };
  const nations = {
    ...s.nations,
    north: { ...twin, id: "north", name: s.nations.north?.name ?? "North" },
    east: { ...twin, id: "east", name: s.nations.east?.name ?? "East" },
  };
  const start = { ...s, nations };
  return resolveOk(start, { [author]: [{ type: "ddos", target: "south", falseFlag: "west" }] }).state;
}

describe("public information does not depend on the hidden truth", () => {
  it("a bystander (the framed state) sees the same while the victim's evidence is the same in both worlds", () => {
    let compared = 0;
    for (let k = 0; k < 40; k++) {
      let a = world("north", `truth-${k}`);
      let b = world("east", `truth-${k}`);
      for (let t = 0; t < 6; t++) {
        const ka = a.incidents[0]?.knowledge.south;
        const kb = b.incidents[0]?.knowledge.south;
        // Low confidence points both victims at the framed state; from moderate on, each sees its own truth.
        if ((ka?.confidence ?? 0) >= 2 || (kb?.confidence ?? 0) >= 2) break;
        expect(ka?.suspect ?? null).toEqual(kb?.suspect ?? null);
        const va = viewFor(a, { role: "player", seat: "west" });
        const vb = viewFor(b, { role: "player", seat: "west" });
        expect(JSON.stringify(va), `seed ${k}, turn ${a.turn}`).toBe(JSON.stringify(vb));
        compared++;
        a = resolveOk(a).state;
        b = resolveOk(b).state;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
