/**
 * The shipped scenarios: complete (every part a teacher needs), covering the six kinds of
 * crisis the issue asks for, and balanced (200 seeded bot games each with mixed personas:
 * none crashes, every outcome is reachable somewhere, and no scenario plays itself).
 * docs/scenarios.md lists the scenarios and explains how to balance one.
 */
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFile, expectedId, listScenarioFiles } from "../shared/src/cli/scenario-check.ts";
import { findScenario, loadScenarioFile, SCENARIOS_DIR } from "@firebreak/shared/scenario-files";
import { DEFAULT_PARAMS } from "../shared/src/model/params.ts";
import type { Scenario } from "../shared/src/scenario/schema.ts";
import { formatProblems, parseScenario } from "../shared/src/scenario/validate.ts";
import { runBatch, type BatchResult } from "../shared/src/sim/batch.ts";

const GAMES = 200;
const SEED = "1";
/** A scenario whose bot games end the same way more often than this plays itself. */
const MAX_SHARE = 0.9;
const OUTCOMES = ["armedConflict", "stablePeace", "turnLimit"] as const;
const STARTING_VALUES = ["cyber", "defense", "dependence", "economy", "stability", "reputation"] as const;

/** The six kinds of crisis the scenario set must cover, each with its scenario. */
const KINDS = {
  tutorial: "tutorial",
  ddos2007: "baltic-fog",
  grid: "dark-winter",
  election: "open-secrets",
  wiper: "collateral",
  normsAndCbms: "halden-measures",
} as const;

/**
 * Every scenario file, as `scenario:check` finds them: `scenarios/*.yaml|yml|json` and
 * `scenarios/<id>/scenario.*`.
 */
const paths = listScenarioFiles(SCENARIOS_DIR);
const files = paths.map((p) => relative(SCENARIOS_DIR, p));

function load(path: string): Scenario {
  const r = loadScenarioFile(path);
  if (!r.ok) throw new Error(`${path}:\n${formatProblems(r.problems)}`);
  return r.scenario;
}

const scenarios: Array<[string, Scenario]> = paths.map((p, i) => [files[i] as string, load(p)]);
const turnsOf = (s: Scenario): number => {
  const fromParams = s.params?.turns;
  return s.turns ?? (typeof fromParams === "number" ? fromParams : DEFAULT_PARAMS.turns);
};

describe("the scenario set", () => {
  it("has at least six scenarios, each validating with an id that matches its file name", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const path of paths) {
      const c = checkFile(path);
      expect(c.status === "invalid" ? c.problems : c.status === "unreadable" ? c.message : [], path).toEqual(
        [],
      );
      expect(load(path).id, path).toBe(expectedId(path));
    }
  });

  it("covers the six kinds of crisis", () => {
    for (const [kind, id] of Object.entries(KINDS)) {
      const r = findScenario(id);
      expect(r.ok, `${kind}: ${id}`).toBe(true);
    }
  });

  it("has a two-state tutorial and a five- or six-power scenario with measures in force from the start", () => {
    const tutorial = scenarios.find(([, s]) => s.id === KINDS.tutorial)?.[1];
    expect(tutorial?.states).toHaveLength(2);
    const norms = scenarios.find(([, s]) => s.id === KINDS.normsAndCbms)?.[1];
    expect(norms?.states.length).toBeGreaterThanOrEqual(5);
    expect(norms?.states.length).toBeLessThanOrEqual(6);
    expect((norms?.cbms ?? []).length).toBeGreaterThanOrEqual(DEFAULT_PARAMS.peaceMinCbms);
  });
});

describe.each(scenarios)("%s has every part a teacher needs", (file, s) => {
  it("a public briefing, and a summary, a secret briefing and 2-3 objectives for every state", () => {
    expect(s.briefing.length, file).toBeGreaterThan(200);
    for (const st of s.states) {
      expect(st.summary.length, st.id).toBeGreaterThan(0);
      expect(st.briefing.length, st.id).toBeGreaterThan(200);
      expect(st.objectives.length, st.id).toBeGreaterThanOrEqual(2);
      expect(st.objectives.length, st.id).toBeLessThanOrEqual(3);
    }
  });

  it("a rationale sentence for every starting value of every state", () => {
    for (const st of s.states) {
      const keys = Object.keys(st.rationale ?? {});
      const want: string[] = [...STARTING_VALUES, ...(st.actionPoints !== undefined ? ["actionPoints"] : [])];
      expect(keys.sort(), st.id).toEqual(want.sort());
    }
  });

  it("objectives that need other states' help or restraint, not only its own", () => {
    // Every state has at least one objective that involves another state or the outcome.
    for (const st of s.states) {
      const outward = st.objectives.some((o) => o.kind !== "statAtLeast");
      expect(outward, st.id).toBe(true);
    }
  });

  it("scheduled injects and a library of at least four for the facilitator", () => {
    expect((s.injects?.scheduled ?? []).length, file).toBeGreaterThanOrEqual(1);
    expect((s.injects?.library ?? []).length, file).toBeGreaterThanOrEqual(4);
  });

  it("a teacher block with the case, learning objectives, exactly five debrief questions and notes; and sources", () => {
    expect(s.teacher?.case, file).toBeTruthy();
    expect((s.teacher?.learningObjectives ?? []).length, file).toBeGreaterThanOrEqual(3);
    expect(s.teacher?.debriefQuestions, file).toHaveLength(5);
    expect(s.teacher?.notes, file).toBeTruthy();
    expect((s.sources ?? []).length, file).toBeGreaterThanOrEqual(3);
  });

  it("starting tensions that leave room to escalate and to calm down", () => {
    for (const r of s.relations ?? [])
      expect(r.tension ?? DEFAULT_PARAMS.initialTension, `${r.a}/${r.b}`).toBeLessThanOrEqual(6);
  });
});

describe("the tutorial", () => {
  const s = scenarios.find(([, x]) => x.id === KINDS.tutorial)?.[1];

  it("shows at least one hint on every turn, within the game", () => {
    expect(s).toBeDefined();
    if (!s) return;
    const turns = turnsOf(s);
    const hinted = new Set((s.hints ?? []).map((h) => h.turn));
    for (let t = 1; t <= turns; t++) expect(hinted.has(t), `turn ${t}`).toBe(true);
    for (const h of s.hints ?? []) expect(h.turn).toBeLessThanOrEqual(turns);
  });

  it("names each mechanic it teaches in its hints", () => {
    const text = (s?.hints ?? []).map((h) => h.text.toLowerCase()).join("\n");
    for (const word of [
      "covert",
      "overt",
      "detection",
      "attribution",
      "hotline",
      "inquire",
      "situation reports",
    ])
      expect(text, word).toContain(word);
  });
});

describe("balance: 200 seeded bot games per scenario with mixed personas", () => {
  const results = new Map<string, BatchResult>();
  const batchOf = (s: Scenario): BatchResult => {
    let r = results.get(s.id);
    if (!r) {
      r = runBatch({ scenario: s, games: GAMES, seed: SEED, bots: [], cbms: [], noCbms: false });
      results.set(s.id, r);
    }
    return r;
  };

  it.each(scenarios)("%s: no game crashes, and no outcome exceeds 90%%", (file, s) => {
    const r = batchOf(s);
    expect(r.games).toBe(GAMES);
    const shares = OUTCOMES.map((o) => r.outcomes[o].share);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    for (const o of OUTCOMES) expect(r.outcomes[o].share, `${file}: ${o}`).toBeLessThanOrEqual(MAX_SHARE);
  });

  it("every outcome is reachable in at least one scenario", () => {
    for (const o of OUTCOMES) {
      const reached = scenarios.filter(([, s]) => batchOf(s).outcomes[o].share > 0).map(([f]) => f);
      expect(reached.length, o).toBeGreaterThan(0);
    }
  });

  it("is deterministic for a seed", () => {
    const [, s] = scenarios[0] as [string, Scenario];
    const again = runBatch({ scenario: s, games: 20, seed: SEED, bots: [], cbms: [], noCbms: false });
    const first = runBatch({ scenario: s, games: 20, seed: SEED, bots: [], cbms: [], noCbms: false });
    expect(again.outcomes).toEqual(first.outcomes);
  });
});

/**
 * The authoring guide's promise: a scenario written from docs/scenarios.md alone, with
 * mistakes in it, gets every mistake reported, once, with its path.
 */
describe("a scenario written from the guide, with mistakes", () => {
  const doc = readFileSync(new URL("../docs/scenarios.md", import.meta.url), "utf8");
  const example = /<!-- scenario-example[^>]*-->\s*```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";

  /** [text in the guide's example, the mistaken text, the line(s) the checker must print]. */
  const MISTAKES: Array<[string, string, string | string[]]> = [
    [
      "id: two-straits",
      "id: Two_Straits",
      "id: must be a lower-case id: a letter, then letters, digits or '-', at most 32",
    ],
    ["    defense: 3\n", "    defense: 7\n", "states[0].defense: must be between 1 and 5"],
    // A misspelt key is two problems: the unknown key, and the required one now missing.
    [
      "    defense: 4\n    dependence: 8\n",
      "    defense: 4\n    dependance: 8\n",
      ['states[1]: Unrecognized key: "dependance"', "states[1].dependence: must be a number"],
    ],
    ["    stability: 11\n", "    stability: high\n", "states[0].stability: must be a number"],
    [
      "        points: 4\n        target: south",
      "        points: 40\n        target: south",
      "states[0].objectives[0].points: must be between 0 and 20",
    ],
    [
      "        cbm: hotline\n",
      "        cbm: redPhone\n",
      "states[1].objectives[0].cbm: must be one of hotline, situationReports, consultations, " +
        "jointObservation, publishDoctrine, noFirstUse, selfDefenceCatalogue, codeOfConduct, " +
        "normInfrastructure, normCerts, normDueDiligence, normAssistance, normSupplyChain",
    ],
    [
      "        rival: north",
      "        rival: nort",
      'states[1].objectives[1].rival: unknown state "nort" (known: north, south)',
    ],
    [
      "tension: 3, suspicion: 0.4",
      "tension: 9, suspicion: 0.4",
      "relations[0].tension: must be between 0 and 8",
    ],
    [
      "    - turn: 3\n",
      "    - turn: 10\n",
      "injects.scheduled[0].turn: must be at most the scenario's 8 turns",
    ],
    [
      "kind: ddos }",
      "kind: botnet }",
      "injects.scheduled[0].inject.effects[0].kind: must be ddos, influence, disrupt, destroy or nonState",
    ],
    [
      "{ type: suspicion, from: south, to: north, delta: 0.2 }",
      "{ type: suspicion, from: south, to: south, delta: 0.2 }",
      "injects.library[0].effects[1].to: must name another state, not itself",
    ],
    [
      "relations:\n",
      "params:\n  tensionDecy: 0.3\n  attributionHazard: 1.5\nrelations:\n",
      ["params: unknown model parameter: tensionDecy", "params.attributionHazard: must be between 0 and 1"],
    ],
    [
      '      dependence: "Heavy industry runs partly offline."',
      '      dependence: "Heavy industry runs partly offline."\n      morale: "High."',
      "states[0].rationale.morale: not a starting value (use cyber, defense, dependence, economy, stability, reputation, actionPoints)",
    ],
  ];

  it("the guide's example is valid as written", () => {
    expect(example).not.toBe("");
    const r = parseScenario(example, "yaml");
    expect(r.ok ? [] : formatProblems(r.problems).split("\n")).toEqual([]);
  });

  it("reports every mistake, each once, with its path", () => {
    let text = example;
    for (const [from, to] of MISTAKES) {
      expect(text.includes(from), `the example contains ${JSON.stringify(from)}`).toBe(true);
      text = text.replace(from, to);
    }
    const r = parseScenario(text, "yaml");
    expect(r.ok).toBe(false);
    const got = r.ok ? [] : formatProblems(r.problems).split("\n");
    expect(got.sort()).toEqual(MISTAKES.flatMap(([, , line]) => line).sort());
  });

  it("reports the file name mismatch once the rest is right", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "firebreak-guide-"));
    try {
      const file = join(dir, "two-strait.yaml");
      writeFileSync(file, example);
      const c = checkFile(file);
      expect(c.status).toBe("invalid");
      if (c.status === "invalid")
        expect(c.problems).toEqual([
          { path: "id", message: 'must match the file name: "two-strait" (found "two-straits")' },
        ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
