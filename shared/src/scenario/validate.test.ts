import { readdirSync, readFileSync } from "node:fs";
import { extname } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PARAMS } from "../model/params.ts";
import { CBM_KINDS } from "../model/cbms.ts";
import { formatProblems, parseScenario, validateScenario, type ScenarioResult } from "./validate.ts";

const SCENARIOS = new URL("../../../scenarios/", import.meta.url);
const readScenario = (name: string): string => readFileSync(new URL(name, SCENARIOS), "utf8");

/** The problems of a result as `path: message` lines (empty when valid). */
function lines(r: ScenarioResult): string[] {
  return r.ok ? [] : formatProblems(r.problems).split("\n");
}

describe("shipped scenarios", () => {
  const files = readdirSync(SCENARIOS).filter((f) => [".yaml", ".yml", ".json"].includes(extname(f)));

  it("finds at least the Baltic Fog scenario", () => {
    expect(files).toContain("baltic-fog.yaml");
  });

  it.each(files)("%s validates and its id matches its file name", (file) => {
    const r = parseScenario(readScenario(file), extname(file) === ".json" ? "json" : "yaml");
    expect(lines(r)).toEqual([]);
    if (r.ok) expect(r.scenario.id).toBe(file.slice(0, -extname(file).length));
  });

  describe("baltic-fog.yaml is complete and playable", () => {
    const r = parseScenario(readScenario("baltic-fog.yaml"), "yaml");
    if (!r.ok) throw new Error(formatProblems(r.problems));
    const s = r.scenario;
    const ids = s.states.map((st) => st.id);

    it("has four states with 12 turns", () => {
      expect(s.states).toHaveLength(4);
      expect(s.turns).toBe(12);
    });

    it("justifies every starting value of every state", () => {
      for (const st of s.states) {
        expect(Object.keys(st.rationale ?? {}).sort(), st.id).toEqual([
          "cyber",
          "defense",
          "dependence",
          "economy",
          "reputation",
          "stability",
        ]);
      }
    });

    it("keeps starting values in the recommended bands", () => {
      for (const st of s.states) {
        expect(st.economy, st.id).toBeGreaterThanOrEqual(10);
        expect(st.economy, st.id).toBeLessThanOrEqual(20);
        expect(st.stability, st.id).toBeGreaterThanOrEqual(8);
        expect(st.stability, st.id).toBeLessThanOrEqual(15);
        expect(st.reputation, st.id).toBeGreaterThanOrEqual(5);
        expect(st.reputation, st.id).toBeLessThanOrEqual(10);
      }
    });

    it("gives every state 2 or 3 secret objectives", () => {
      for (const st of s.states) {
        expect(st.objectives.length, st.id).toBeGreaterThanOrEqual(2);
        expect(st.objectives.length, st.id).toBeLessThanOrEqual(3);
      }
    });

    it("sets every pair's relation, leaving room to escalate", () => {
      const pairs = new Set((s.relations ?? []).map((x) => [x.a, x.b].sort().join("|")));
      expect(pairs.size).toBe((ids.length * (ids.length - 1)) / 2);
      const tensions = (s.relations ?? []).map((rel) => rel.tension ?? DEFAULT_PARAMS.initialTension);
      // At most Crisis (5) anywhere, and most pairs at Friction or below (4 or less).
      for (const t of tensions) expect(t).toBeLessThanOrEqual(5);
      expect(tensions.filter((t) => t <= 4).length).toBeGreaterThan(tensions.length / 2);
    });

    it("schedules injects and offers a library of at least 4", () => {
      expect((s.injects?.scheduled ?? []).length).toBeGreaterThanOrEqual(3);
      expect((s.injects?.library ?? []).length).toBeGreaterThanOrEqual(4);
    });

    it("has a teacher block with 5 debrief questions, and sources", () => {
      expect(s.teacher?.debriefQuestions).toHaveLength(5);
      expect(s.teacher?.learningObjectives.length).toBeGreaterThan(0);
      expect(s.teacher?.notes).toBeTruthy();
      expect((s.sources ?? []).length).toBeGreaterThan(0);
    });

    it("validates the same as JSON", () => {
      expect(lines(parseScenario(JSON.stringify(s), "json"))).toEqual([]);
    });
  });
});

/**
 * A scenario as an author might first write it from docs/scenarios.md, with mistakes:
 * - states[2].defense is 7 (the range is 1-5);
 * - params has a misspelt key (tensionDecy for tensionDecay);
 * - states[1] repeats the id "north";
 * - relations[1] names "westland", which is not a state;
 * - an objective of states[0] names "sooth" (a typo for "south");
 * - a scheduled inject falls on turn 11 of a 10-turn game.
 */
const BROKEN = `
id: two-straits
title: Two Straits
summary: A quarrel over a strait.
briefing: Two states share a strait and distrust each other.
turns: 10
params:
  tensionDecy: 0.5
states:
  - id: north
    name: Northland
    summary: The northern shore.
    briefing: You lead Northland.
    position: { x: 20, y: 20 }
    cyber: 5
    defense: 3
    dependence: 6
    economy: 15
    stability: 12
    reputation: 8
    objectives:
      - kind: noArmedConflict
        text: No war.
        points: 5
      - kind: tensionAtMost
        text: Calm with the south.
        points: 3
        with: sooth
        max: 3
  - id: north
    name: Southland
    summary: The southern shore.
    briefing: You lead Southland.
    position: { x: 80, y: 80 }
    cyber: 6
    defense: 2
    dependence: 4
    economy: 14
    stability: 10
    reputation: 6
    objectives: []
  - id: east
    name: Eastland
    summary: The eastern shore.
    briefing: You lead Eastland.
    position: { x: 90, y: 20 }
    cyber: 3
    defense: 7
    dependence: 5
    economy: 12
    stability: 11
    reputation: 7
    objectives: []
relations:
  - { a: north, b: east, tension: 3 }
  - { a: north, b: westland, tension: 2 }
injects:
  scheduled:
    - turn: 11
      inject:
        id: storm
        title: A storm
        text: A storm cuts a cable.
        effects:
          - { type: stat, state: east, stat: economy, delta: -1 }
`;

/** The shape mistakes (defence, params) fixed; the cross-reference mistakes remain. */
const BROKEN_REFS = BROKEN.replace("defense: 7", "defense: 4").replace("tensionDecy", "tensionDecay");

const SHAPE_LINES = ["states[2].defense: must be between 1 and 5"];
const REF_LINES = [
  'states[1].id: duplicate state id "north"',
  'states[0].objectives[1].with: unknown state "sooth" (known: north, east)',
  'relations[1].b: unknown state "westland" (known: north, east)',
  "injects.scheduled[0].turn: must be at most the scenario's 10 turns",
];

describe("a broken scenario", () => {
  it("reports every mistake, shape and cross-reference, each once with its exact path", () => {
    const r = parseScenario(BROKEN, "yaml");
    expect(r.ok).toBe(false);
    const got = lines(r);
    for (const line of [...SHAPE_LINES, ...REF_LINES]) expect(got).toContain(line);
    expect(got).toContain("params: unknown model parameter: tensionDecy");
    expect(got).toHaveLength(SHAPE_LINES.length + REF_LINES.length + 1);
  });

  it("reports every cross-reference mistake with its exact path", () => {
    const r = parseScenario(BROKEN_REFS, "yaml");
    expect(r.ok).toBe(false);
    expect(lines(r).sort()).toEqual([...REF_LINES].sort());
  });

  it("accepts the scenario once every mistake is fixed", () => {
    const fixed = BROKEN_REFS.replace(
      "  - id: north\n    name: Southland",
      "  - id: south\n    name: Southland",
    )
      .replace("with: sooth", "with: south")
      .replace("b: westland", "b: south")
      .replace("turn: 11", "turn: 10");
    expect(lines(parseScenario(fixed, "yaml"))).toEqual([]);
  });

  it("reports shape and cross-reference mistakes in one pass", () => {
    const got = lines(parseScenario(BROKEN, "yaml"));
    for (const line of [...SHAPE_LINES, ...REF_LINES]) expect(got).toContain(line);
  });

  it("names the unknown params key", () => {
    const got = lines(parseScenario(BROKEN, "yaml"));
    expect(got).toContain("params: unknown model parameter: tensionDecy");
  });

  it("reports bad YAML with its line and column", () => {
    const bad = BROKEN_REFS.replace("position: { x: 20, y: 20 }", "position: { x: 20, y: 20");
    const r = parseScenario(bad, "yaml");
    expect(r.ok).toBe(false);
    const got = lines(r);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^not valid YAML: line \d+, column \d+: /);
  });

  it("reports a key given twice in YAML", () => {
    const got = lines(parseScenario(BROKEN_REFS.replace("turns: 10", "turns: 10\nturns: 12"), "yaml"));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^not valid YAML: line 7, column 1: Map keys must be unique/);
  });

  it("reports bad JSON", () => {
    const got = lines(parseScenario('{"id": "x",', "json"));
    expect(got).toHaveLength(1);
    expect(got[0]).toMatch(/^not valid JSON: /);
  });
});

describe("validateScenario on data", () => {
  const state = (id: string) => ({
    id,
    name: id,
    summary: "s",
    briefing: "b",
    position: { x: 0, y: 100 },
    cyber: 0,
    defense: 1,
    dependence: 10,
    economy: 10,
    stability: 10,
    reputation: 5,
    objectives: [],
  });
  const minimal = {
    id: "tiny",
    title: "Tiny",
    summary: "s",
    briefing: "b",
    states: [state("a"), state("b")],
  };

  it("accepts a minimal two-state scenario at the edges of every range", () => {
    expect(lines(validateScenario(minimal))).toEqual([]);
  });

  it("reports type and range mistakes with their paths", () => {
    const r = validateScenario({
      ...minimal,
      turns: 12.5,
      states: [
        { ...state("a"), cyber: "high" },
        { ...state("b"), position: { x: 101, y: 0 } },
      ],
      relations: [{ a: "a", b: "b", tension: 9 }],
    });
    expect(lines(r).sort()).toEqual(
      [
        "turns: must be a whole number",
        "states[0].cyber: must be a number",
        "states[1].position.x: must be between 0 and 100",
        "relations[0].tension: must be between 0 and 8",
      ].sort(),
    );
  });

  it("reports unknown objective kinds and inject effect types", () => {
    const r = validateScenario({
      ...minimal,
      states: [{ ...state("a"), objectives: [{ kind: "winTheWar", text: "t", points: 1 }] }, state("b")],
      injects: { library: [{ id: "x", title: "X", text: "X", effects: [{ type: "earthquake" }] }] },
    });
    const got = lines(r);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatch(/^states\[0\]\.objectives\[0\]\.kind: must have a kind: tensionAtMost, /);
    expect(got[1]).toMatch(
      /^injects\.library\[0\]\.effects\[0\]\.type: must have a type: tension, stat, suspicion or nonStateIncident$/,
    );
  });

  it("reports self-references, bad CBM membership and unknown rationale keys", () => {
    const r = validateScenario({
      ...minimal,
      states: [
        {
          ...state("a"),
          rationale: { charisma: "x" },
          objectives: [{ kind: "accessIn", text: "t", points: 1, target: "a" }],
        },
        state("b"),
      ],
      relations: [{ a: "a", b: "a" }],
      cbms: [{ kind: "hotline", members: ["a"] }],
    });
    expect(lines(r).sort()).toEqual(
      [
        "states[0].objectives[0].target: must name another state, not itself",
        "states[0].rationale.charisma: not a starting value (use cyber, defense, dependence, economy, stability, reputation, actionPoints)",
        "relations[0].b: must name another state, not itself",
        "cbms[0].members: hotline needs at least 2 members",
      ].sort(),
    );
  });

  const RESERVED = "is reserved: JavaScript objects already have a property of that name; choose another id";

  it("refuses a scenario, state or inject id that every JavaScript object already has, and every reference to one", () => {
    const r = validateScenario({
      ...minimal,
      id: "constructor",
      states: [state("constructor"), state("b")],
      relations: [{ a: "constructor", b: "b", tension: 2 }],
      injects: {
        library: [
          {
            id: "constructor",
            title: "X",
            text: "X",
            effects: [{ type: "stat", state: "constructor", stat: "economy", delta: 1 }],
          },
        ],
      },
    });
    expect(lines(r).sort()).toEqual(
      [
        `id: scenario id "constructor" ${RESERVED}`,
        `states[0].id: state id "constructor" ${RESERVED}`,
        `relations[0].a: state id "constructor" ${RESERVED}`,
        `injects.library[0].id: inject id "constructor" ${RESERVED}`,
        `injects.library[0].effects[0].state: state id "constructor" ${RESERVED}`,
      ].sort(),
    );
  });

  it("refuses __proto__ as a state id or a rationale key, from YAML or JSON, without touching Object.prototype", () => {
    const yaml = readScenario("baltic-fog.yaml");
    const renamed = yaml.replace(/^(\s+- id: )aestria$/m, "$1__proto__");
    expect(lines(parseScenario(renamed, "yaml"))).toContain(`states[0].id: state id "__proto__" ${RESERVED}`);
    const rationale = yaml.replace(/^(\s+)rationale:$/m, "$1rationale:\n$1  __proto__: { polluted: yes }");
    expect(lines(parseScenario(rationale, "yaml"))).toContain(
      "states[0].rationale.__proto__: not a starting value (use cyber, defense, dependence, economy, stability, reputation, actionPoints)",
    );
    const json = JSON.parse(`{"__proto__": {"polluted": "yes"}}`) as Record<string, unknown>;
    expect(
      lines(validateScenario({ ...minimal, states: [{ ...state("a"), rationale: json }, state("b")] })),
    ).toEqual([
      "states[0].rationale.__proto__: not a starting value (use cyber, defense, dependence, economy, stability, reputation, actionPoints)",
    ]);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("docs/scenarios.md stays in step with the schema", () => {
  const doc = readFileSync(new URL("../../../docs/scenarios.md", import.meta.url), "utf8");

  it("its worked example validates", () => {
    const block = /<!-- scenario-example[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(block, "the example block is missing").toBeDefined();
    const r = parseScenario(block ?? "", "yaml");
    expect(lines(r)).toEqual([]);
    if (r.ok) expect(r.scenario.states).toHaveLength(2);
  });

  it("lists every model parameter a scenario can override", () => {
    for (const key of Object.keys(DEFAULT_PARAMS)) expect(doc, key).toContain(`| \`${key}\` |`);
  });

  it("describes every objective kind, inject effect type and CBM kind", () => {
    const kinds = [
      "tensionAtMost",
      "statAtLeast",
      "cbmInForce",
      "accessIn",
      "neverAttributed",
      "rivalAttributed",
      "noArmedConflict",
    ];
    const effects = ["tension", "stat", "suspicion", "nonStateIncident"];
    for (const k of [...kinds, ...effects, ...CBM_KINDS]) expect(doc, k).toContain(`| \`${k}\` |`);
  });
});
