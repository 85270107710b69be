/**
 * Each CBM's `bites` (model/cbms.ts) is exactly the set of rules on whose behalf the engine asks whether that
 * CBM is in force. The compiler already refuses a question on behalf of a rule the row does not list; these
 * tests catch the other two ways the index can go stale: a listed rule that no longer asks (observed while
 * bot games run every rule), and engine code that tests a measure without saying for which rule (a direct
 * read of the CBM list).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";
import { CBM_KINDS, CBMS, type CbmKind } from "../model/cbms.ts";
import { RULES } from "../model/rules-catalogue.ts";
import { playGame } from "../sim/play.ts";
import { testScenario } from "../testing/fixtures.ts";
import { resolveOk, testGame } from "../testing/game.ts";

const asked = vi.hoisted(() => new Map<string, Set<string>>());

vi.mock("./context.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("./context.ts")>();
  const note = (kind: string, rule: string): void => {
    const rules = asked.get(kind) ?? new Set<string>();
    rules.add(rule);
    asked.set(kind, rules);
  };
  return {
    ...real,
    hasCbm: ((s, kind, rule, a, b) => {
      note(kind, rule);
      return real.hasCbm(s, kind, rule, a, b);
    }) as typeof real.hasCbm,
    cbmSince: ((s, kind, rule, seat) => {
      note(kind, rule);
      return real.cbmSince(s, kind, rule, seat);
    }) as typeof real.cbmSince,
    cbmsBinding: ((s, kind, rule, seat) => {
      note(kind, rule);
      return real.cbmsBinding(s, kind, rule, seat);
    }) as typeof real.cbmsBinding,
  };
});

/**
 * Lines that test a particular CBM directly: the model's helper with a literal kind, or a CBM record compared
 * by kind.
 */
const KINDS = CBM_KINDS.join("|");
const DIRECT = [
  new RegExp(`cbmInForce(?:Among)?\\([^,()]+,\\s*"(?:${KINDS})"`),
  new RegExp(`\\.kind\\s*[!=]==\\s*"(?:${KINDS})"`),
];

/**
 * Bot games busy enough to run every rule (mixed personas, every CBM in force, frequent non-state incidents
 * and misread exercises), and an overt disruption, the surest norm violation.
 */
function playBusyGames(): void {
  const s = testGame();
  resolveOk(
    { ...s, accesses: [{ id: "a1", owner: "north", target: "south", since: 0, incident: "i0" }] },
    { north: [{ type: "disrupt", target: "south", overt: true }] },
  );
  // A standoff at the brink in which one side stands down: hotlines and consultations are asked whether they
  // give a way down.
  const brink = testGame({
    params: { tensionFatigue: 0 },
    scenario: { relations: [{ a: "north", b: "south", tension: 8 }] },
    options: { cbms: ["hotline"] },
  });
  const atBrink = resolveOk(brink, { north: [{ type: "mobilize", target: "south" }] }).state;
  resolveOk(atBrink, { north: [{ type: "brink", target: "south", choice: "standDown" }] });
  // Norms adopted by every state, then breached: an attributed overt disruption, a proxy, an implant, an
  // unanswered inquiry.
  const adopted = testGame({
    options: {
      cbms: [
        "normInfrastructure",
        "normCerts",
        "normDueDiligence",
        "normAssistance",
        "normSupplyChain",
        "hotline",
      ],
    },
  });
  resolveOk(
    { ...adopted, accesses: [{ id: "a2", owner: "north", target: "south", since: 0, incident: "i0" }] },
    {
      north: [
        { type: "disrupt", target: "south", overt: true },
        { type: "preposition", target: "east", overt: true },
      ],
    },
  );
  const hit = resolveOk(adopted, { north: [{ type: "ddos", target: "south" }] }).state;
  const ddos = hit.incidents.find((i) => i.kind === "ddos" && i.target === "south");
  if (ddos) {
    const asked = resolveOk(hit, { south: [{ type: "inquire", target: "north", incident: ddos.id }] }).state;
    resolveOk(asked);
  }
  const scenario = testScenario(4, { params: { nonStateIncidentChance: 0.3, exerciseMisreadChance: 0.2 } });
  const seats = scenario.states.map((s) => s.id);
  let k = 0;
  for (const options of [{ cbms: [...CBM_KINDS] }, {}]) {
    for (const lead of PERSONAS) {
      const personas = Object.fromEntries(
        seats.map((s, i) => [s, i % 2 === 0 ? lead : PERSONAS[(k + i) % PERSONAS.length]]),
      ) as Record<string, Persona>;
      const played = playGame(scenario, `bites-${k++}`, personas, options);
      expect(played.rejected).toEqual([]);
    }
  }
}

describe("which rules each CBM bites in", () => {
  it("every listed rule exists in the catalogue", () => {
    for (const k of CBM_KINDS)
      for (const r of CBMS[k].bites) expect(Object.keys(RULES), `${k}: ${r}`).toContain(r);
  });

  it("the engine asks whether a CBM is in force on behalf of exactly the rules its row lists", () => {
    playBusyGames();
    const observed = Object.fromEntries(CBM_KINDS.map((k) => [k, [...(asked.get(k) ?? [])].sort()]));
    const listed = Object.fromEntries(CBM_KINDS.map((k) => [k, [...CBMS[k].bites].sort()]));
    expect(observed).toEqual(listed);
  });

  it("engine code never tests a particular CBM except through hasCbm, cbmSince or cbmsBinding (which name the rule)", () => {
    const root = join(import.meta.dirname, "..");
    const offenders: string[] = [];
    for (const dir of ["rules", "game", "view"]) {
      for (const file of readdirSync(join(root, dir)).filter(
        (f) => f.endsWith(".ts") && !f.endsWith(".test.ts"),
      )) {
        const lines = readFileSync(join(root, dir, file), "utf8").split("\n");
        lines.forEach((line, i) => {
          if (DIRECT.some((re) => re.test(line))) offenders.push(`${dir}/${file}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("the guard above would see a direct test", () => {
    const kind: CbmKind = "hotline";
    for (const line of [`cbmInForce(ctx.s, "${kind}", a, b)`, `if (c.kind !== "${kind}") continue;`])
      expect(
        DIRECT.some((re) => re.test(line)),
        line,
      ).toBe(true);
    expect(DIRECT.some((re) => re.test(`hasCbm(ctx.s, "${kind}", "escalation.hotline", a, b)`))).toBe(false);
  });
});
