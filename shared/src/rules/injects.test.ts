/** Non-state incidents and scheduled injects: events from outside the players' orders. */
import { describe, expect, it } from "vitest";
import { createGame } from "../game/create.ts";
import { resolveTurn } from "../game/resolve.ts";
import { applyStep } from "../game/steps.ts";
import type { GameEvent } from "../model/events.ts";
import type { InjectDef } from "../model/injects.ts";
import { pairKey } from "../model/pairs.ts";
import type { ModelParams } from "../model/params.ts";
import type { GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { testScenario } from "../testing/fixtures.ts";

function newGame(params: Partial<ModelParams>, extra: Partial<Scenario> = {}, seed = "inj-seed"): GameState {
  const r = createGame(
    testScenario(3, { params: { exerciseMisreadChance: 0, digitalGrowth: 0, ...params }, ...extra }),
    seed,
  );
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function resolve(s: GameState): { state: GameState; events: GameEvent[] } {
  const r = resolveTurn(s, {});
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe("non-state incidents", () => {
  it("appear when forced: one DDoS per state per turn, author null, public, noticed by the victim", () => {
    let s = newGame({ nonStateIncidentChance: 1 });
    for (let turn = 1; turn <= 2; turn++) {
      s = resolve(s).state;
      const these = s.incidents.filter((i) => i.turn === turn);
      expect(these.map((i) => i.target).sort()).toEqual(["east", "north", "south"]);
      for (const i of these) {
        expect(i.author).toBeNull();
        // Criminals' DDoS looks like a state's to its victim: the kind does not give the author away.
        expect(i.kind).toBe("ddos");
        expect(i.public).toBe(true);
        expect(i.falseFlag).toBeNull();
        expect(Object.keys(i.knowledge)).toEqual([i.target]);
        expect(i.knowledge[i.target]).toMatchObject({ confidence: 0, suspect: null, since: turn });
      }
    }
  });

  it("never appear with nonStateIncidentChance 0", () => {
    let s = newGame({ nonStateIncidentChance: 0 });
    for (let t = 0; t < 6; t++) s = resolve(s).state;
    expect(s.incidents).toEqual([]);
  });

  it("attributed at moderate+ they point at a non-state actor and relieve tension", () => {
    const tense = {
      relations: [
        { a: "north", b: "south", tension: 6 },
        { a: "east", b: "south", tension: 6 },
      ],
    };
    let s = resolve(newGame({ nonStateIncidentChance: 1, attributionHazard: 0.95 }, tense)).state;
    const first = s.incidents.find((i) => i.turn === 1 && i.target === "south");
    s = { ...s, params: { ...s.params, nonStateIncidentChance: 0 } };
    for (let t = 0; t < 4; t++) s = resolve(s).state;
    const k = s.incidents.find((i) => i.id === first?.id)?.knowledge.south;
    expect(k?.confidence).toBeGreaterThanOrEqual(2);
    expect(k?.suspect).toBe("nonState");
    expect(
      s.events.some(
        (e) => e.rule === "attribution.advance" && e.incident === first?.id && (e.tension?.delta ?? 0) < 0,
      ),
    ).toBe(true);
  });

  it("the notice of a non-state incident reads like a state's: same rule, same words, no tell", () => {
    const { state, events } = resolve(newGame({ nonStateIncidentChance: 1 }));
    for (const i of state.incidents) {
      const notice = events.find((e) => e.incident === i.id && e.tension === undefined);
      expect(notice?.rule).toBe("detection.noticed");
      expect(notice?.text).toMatch(/detected a DDoS attack by an unknown actor\.$/);
    }
  });
});

describe("scheduled injects", () => {
  const inject = (id: string, title: string): InjectDef => ({
    id,
    title,
    text: "Something happens.",
    effects: [
      { type: "stat", state: "east", stat: "economy", delta: -2 },
      { type: "tension", a: "north", b: "south", delta: 2 },
    ],
  });

  it("fire on their turn: turn-1 injects at creation, later ones when that turn begins", () => {
    const s1 = newGame(
      { nonStateIncidentChance: 0 },
      {
        injects: {
          scheduled: [
            { turn: 1, inject: inject("opening", "Opening") },
            { turn: 3, inject: inject("crisis", "Crisis") },
          ],
        },
      },
    );
    expect(
      s1.events
        .filter((e) => e.rule === "inject" && e.tension === undefined && e.changes === undefined)
        .map((e) => [e.turn, e.text]),
    ).toEqual([[1, "Opening: Something happens."]]);
    expect(s1.nations.east?.economy).toBe(13);
    expect(s1.tension[pairKey("north", "south")]).toBe(3);
    expect(s1.injects.map((x) => x.inject.id)).toEqual(["crisis"]);

    const { state: s2, events: e2 } = resolve(s1);
    expect(e2.some((e) => e.rule === "inject")).toBe(false);
    expect(s2.nations.east?.economy).toBe(13);

    const { state: s3, events: e3 } = resolve(s2);
    expect(s3.turn).toBe(3);
    const fired = e3.filter((e) => e.rule === "inject" && e.tension === undefined && e.changes === undefined);
    expect(fired.map((e) => e.turn)).toEqual([3]);
    expect(e3.filter((e) => e.rule === "inject" && e.tension).map((e) => [e.turn, e.tension])).toEqual([
      [3, { pair: pairKey("north", "south"), delta: 2 }],
    ]);
    expect(fired[0]?.text).toBe("Crisis: Something happens.");
    expect(fired[0]?.visibleTo).toBe("public");
    expect(s3.nations.east?.economy).toBe(11);
    // The economy change is carried by a public inject event of its own.
    expect(e3.filter((e) => e.rule === "inject" && e.changes).map((e) => e.changes)).toEqual([
      [{ seat: "east", measure: "economy", delta: -2 }],
    ]);
    expect(s3.injects).toEqual([]);
  });

  it("a facilitator inject applies at once", () => {
    const s = newGame({ nonStateIncidentChance: 0 });
    const r = applyStep(s, {
      type: "inject",
      turn: 1,
      inject: {
        id: "leak",
        title: "Leak",
        text: "Ransomware hits a hospital.",
        effects: [{ type: "nonStateIncident", target: "south", kind: "ddos" }],
      },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const inc = r.value.state.incidents[0];
    expect(inc).toMatchObject({ author: null, target: "south", kind: "ddos", public: true });
    expect(r.value.events.find((e) => e.incident === inc?.id && e.tension === undefined)?.rule).toBe(
      "detection.noticed",
    );
  });
});

describe("inject steps are validated by the engine", () => {
  it("an inject naming a state not in the game is UNKNOWN_TARGET and changes nothing", async () => {
    const { applyStep } = await import("../game/steps.ts");
    const { testGame } = await import("../testing/game.ts");
    const s = testGame();
    const before = JSON.stringify(s);
    const r = applyStep(s, {
      type: "inject",
      turn: s.turn,
      inject: {
        id: "x",
        title: "X",
        text: "x",
        effects: [{ type: "stat", state: "atlantis", stat: "economy", delta: -1 }],
      },
    });
    expect(r.ok ? "ok" : r.error.code).toBe("UNKNOWN_TARGET");
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe("due diligence against non-state attacks", () => {
  const adopt = (s: GameState, members: string[]) =>
    s.cbms.push({ id: "c-dd", kind: "normDueDiligence", members, since: 0 });

  it("an adopter takes down the criminal DDoS launched from its territory, told to it and the target only", () => {
    let s = newGame({ nonStateIncidentChance: 1, dueDiligenceTakedown: 1 });
    adopt(s, ["north", "south", "east"]);
    const r = resolve(s);
    s = r.state;
    expect(s.incidents.filter((i) => i.author === null)).toEqual([]);
    const downs = r.events.filter((e) => e.rule === "nonstate.incident" && /took down/.test(e.text));
    expect(downs).toHaveLength(3);
    for (const e of downs) expect(Array.isArray(e.visibleTo) && e.visibleTo.length).toBe(2);
  });

  it("only attacks from adopters' territory are stopped: a state whose every neighbour adopted is never hit", () => {
    let s = newGame({ nonStateIncidentChance: 1, dueDiligenceTakedown: 1 });
    adopt(s, ["south", "east"]);
    for (let turn = 1; turn <= 8; turn++) s = resolve(s).state;
    const hit = s.incidents.filter((i) => i.author === null).map((i) => i.target);
    expect(hit).not.toContain("north");
    expect(hit).toContain("south");
    expect(hit).toContain("east");
  });
});
