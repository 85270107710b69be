import { describe, expect, it } from "vitest";
import { createGame } from "../game/create.ts";
import { resolveTurn } from "../game/resolve.ts";
import { applyStep } from "../game/steps.ts";
import type { GameState } from "../model/types.ts";
import { testScenario } from "../testing/fixtures.ts";
import { viewFor } from "./view.ts";

const quiet = { nonStateIncidentChance: 0, exerciseMisreadChance: 0 };

function start(params: Record<string, unknown> = {}, cbms: Parameters<typeof createGame>[2] = {}): GameState {
  const r = createGame(testScenario(4, { params: { ...quiet, ...params } as never }), "view-seed", cbms);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function resolve(s: GameState, orders: Parameters<typeof resolveTurn>[1]): GameState {
  const r = resolveTurn(s, orders);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
}

describe("viewFor", () => {
  it("a detected espionage is an 'intrusion' of unknown author to the victim, espionage to its author, absent for a third state", () => {
    const s = resolve(start({ dwellDays: [1, 1, 1, 1, 1] }), {
      north: [{ type: "espionage", target: "south" }],
    });
    const victim = viewFor(s, { role: "player", seat: "south" }).incidents;
    expect(victim).toHaveLength(1);
    expect(victim[0]?.kind).toBe("intrusion");
    expect(victim[0]?.author).toBeNull();
    expect(victim[0]?.secret).toBeNull();
    const author = viewFor(s, { role: "player", seat: "north" }).incidents;
    expect(author[0]?.kind).toBe("espionage");
    expect(author[0]?.author).toBe("north");
    expect(viewFor(s, { role: "player", seat: "east" }).incidents).toHaveLength(0);
    expect(viewFor(s, { role: "observer" }).incidents).toHaveLength(0);
    const fac = viewFor(s, { role: "facilitator" }).incidents;
    expect(fac[0]?.kind).toBe("espionage");
    expect(fac[0]?.author).toBe("north");
  });

  it("an undetected operation is visible only to its author and the facilitator", () => {
    const s = resolve(start({ dwellDays: [1e9, 1e9, 1e9, 1e9, 1e9] }), {
      north: [{ type: "preposition", target: "south" }],
    });
    expect(viewFor(s, { role: "player", seat: "north" }).incidents).toHaveLength(1);
    expect(viewFor(s, { role: "player", seat: "north" }).private.north?.accesses).toHaveLength(1);
    expect(viewFor(s, { role: "player", seat: "south" }).incidents).toHaveLength(0);
    expect(viewFor(s, { role: "facilitator" }).incidents).toHaveLength(1);
  });

  it("a public DDoS is seen by all, its author by none but the author", () => {
    const s = resolve(start(), { north: [{ type: "ddos", target: "south" }] });
    for (const seat of ["south", "east", "west"]) {
      const i = viewFor(s, { role: "player", seat }).incidents[0];
      expect(i?.kind).toBe("ddos");
      expect(i?.author).toBeNull();
      expect(i?.damage).not.toBeNull();
    }
    expect(viewFor(s, { role: "observer" }).incidents[0]?.author).toBeNull();
  });

  it("a player sees only its own private part; an observer none; the facilitator all", () => {
    const s = start();
    expect(Object.keys(viewFor(s, { role: "player", seat: "east" }).private)).toEqual(["east"]);
    expect(Object.keys(viewFor(s, { role: "observer" }).private)).toEqual([]);
    expect(Object.keys(viewFor(s, { role: "facilitator" }).private).sort()).toEqual([
      "east",
      "north",
      "south",
      "west",
    ]);
  });

  it("others' objective points and cyber/defence stay hidden; a published doctrine reveals the posture", () => {
    const s = start();
    const v = viewFor(s, { role: "player", seat: "north" });
    expect(v.scores.north?.objectives).not.toBeNull();
    expect(v.scores.south?.objectives).toBeNull();
    expect(v.nations.north?.cyber).not.toBeNull();
    expect(v.nations.south?.cyber).toBeNull();
    expect(v.nations.south?.defense).toBeNull();
    const p = applyStep(s, { type: "propose", turn: 1, seat: "south", kind: "publishDoctrine", parties: [] });
    if (!p.ok) throw new Error(p.error.message);
    const after = resolve(p.value.state, {});
    expect(viewFor(after, { role: "player", seat: "north" }).nations.south?.cyber).toBe(
      after.nations.south?.cyber,
    );
    expect(viewFor(after, { role: "observer" }).nations.south?.defense).toBe(after.nations.south?.defense);
  });

  it("joint observation shows members each other's cyber, not to outsiders", () => {
    const s = start({}, { cbms: ["jointObservation"] });
    expect(viewFor(s, { role: "player", seat: "north" }).nations.south?.cyber).toBe(s.nations.south?.cyber);
    expect(viewFor(s, { role: "observer" }).nations.south?.cyber).toBeNull();
  });

  it("proposals are seen by their parties only", () => {
    const p = applyStep(start(), {
      type: "propose",
      turn: 1,
      seat: "north",
      kind: "hotline",
      parties: ["south"],
    });
    if (!p.ok) throw new Error(p.error.message);
    expect(viewFor(p.value.state, { role: "player", seat: "south" }).proposals).toHaveLength(1);
    expect(viewFor(p.value.state, { role: "player", seat: "east" }).proposals).toHaveLength(0);
    expect(viewFor(p.value.state, { role: "observer" }).proposals).toHaveLength(0);
  });

  it("after the end everyone sees everything (the debrief)", () => {
    let s = resolve(start({ dwellDays: [1e9, 1e9, 1e9, 1e9, 1e9] }), {
      north: [{ type: "preposition", target: "south" }],
    });
    const end = applyStep(s, { type: "end", turn: s.turn });
    if (!end.ok) throw new Error(end.error.message);
    s = end.value.state;
    const v = viewFor(s, { role: "observer" });
    expect(v.revealed).toBe(true);
    expect(v.incidents[0]?.author).toBe("north");
    expect(Object.keys(v.private)).toHaveLength(4);
    expect(v.scores.south?.objectives).not.toBeNull();
  });

  it("an unknown seat gets the public view, never another seat's", () => {
    const s = start();
    const v = viewFor(s, { role: "player", seat: "atlantis" });
    expect(v.private).toEqual({});
    expect(v.nations.north?.cyber).toBeNull();
  });
});
