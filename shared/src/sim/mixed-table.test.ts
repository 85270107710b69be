/** Mixed tables seat every persona everywhere: the rotation cycles, the permutations cover every seating. */
import { describe, expect, it } from "vitest";
import type { Persona } from "../bots/persona-names.ts";
import { testScenario } from "../testing/fixtures.ts";
import { mixedTableGame, seating } from "./mixed-table.ts";

const bots: Persona[] = ["forgiving", "reciprocal", "hawk", "dove"];
const table = (permute: boolean) => ({ scenario: testScenario(4), seed: "m", bots, permute, noCbms: true });

describe("mixed-table seating", () => {
  it("rotates: game g gives seat i the persona (i + g) mod k", () => {
    const seats = testScenario(4).states.map((s) => s.id);
    for (let g = 0; g < 8; g++)
      seats.forEach((s, i) => {
        expect(seating(table(false), g)[s]).toBe(bots[(i + g) % 4]);
      });
  });

  it("with --permute, 24 games seat the four personas in all 24 ways, each once", () => {
    const seen = new Set<string>();
    for (let g = 0; g < 24; g++) seen.add(Object.values(seating(table(true), g)).join(","));
    expect(seen.size).toBe(24);
    expect(Object.values(seating(table(true), 24))).toEqual(Object.values(seating(table(true), 0)));
  });

  it("a persona against itself differs by nothing; the same game gives the same difference", () => {
    expect(mixedTableGame(table(true), 3, "hawk", "hawk").diff).toBe(0);
    expect(mixedTableGame(table(true), 5, "forgiving", "hawk")).toEqual(
      mixedTableGame(table(true), 5, "forgiving", "hawk"),
    );
  });
});
