/** Test fixtures: a small valid scenario built in code (tests only). */
import type { Scenario } from "../scenario/schema.ts";
import { validateScenario } from "../scenario/validate.ts";

/** A valid N-state scenario (2–16 states) for tests and benchmarks. */
export function testScenario(n = 4, overrides: Partial<Scenario> = {}): Scenario {
  const ids = [
    "north",
    "south",
    "east",
    "west",
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
  ].slice(0, n);
  const data = {
    id: `test-${n}`,
    title: `Test scenario with ${n} states`,
    summary: "A fixture.",
    turns: 12,
    briefing: "A crisis for tests.",
    states: ids.map((id, i) => ({
      id,
      name: id[0]?.toUpperCase() + id.slice(1),
      summary: `The state of ${id}.`,
      briefing: `Secret briefing of ${id}.`,
      position: { x: (i * 37) % 100, y: (i * 61) % 100 },
      cyber: 3 + (i % 5),
      defense: 1 + (i % 5),
      dependence: 2 + (i % 7),
      economy: 15,
      stability: 10,
      reputation: 6,
      objectives: [
        { kind: "statAtLeast", text: "Keep the economy above 12.", points: 3, stat: "economy", min: 12 },
        {
          kind: "tensionAtMost",
          text: "Keep calm with the next state.",
          points: 2,
          with: ids[(i + 1) % n],
          max: 4,
        },
      ],
    })),
    ...overrides,
  };
  const r = validateScenario(data);
  if (!r.ok) throw new Error(`invalid fixture: ${JSON.stringify(r.problems)}`);
  return r.scenario;
}

/** Seeded bot games to the end, for tests in other packages (the client's review tests among them). */
export { playGame } from "../sim/play.ts";
