import { describe, expect, it } from "vitest";
import { assignTreatments, seededRandom } from "./assign.ts";

const counts = (xs: Array<number | null>, k: number): number[] =>
  Array.from({ length: k }, (_, i) => xs.filter((x) => x === i).length);

describe("treatment assignment", () => {
  it("is a function of the seed: same seed, same tables; another seed, another order", () => {
    expect(assignTreatments(10, 2, "s", "balanced")).toEqual(assignTreatments(10, 2, "s", "balanced"));
    const orders = new Set(
      ["a", "b", "c", "d", "e", "f"].map((s) => assignTreatments(10, 2, s, "balanced").join()),
    );
    expect(orders.size).toBeGreaterThan(1);
    expect(seededRandom("x")()).toBe(seededRandom("x")());
  });

  it("balanced: every treatment as often as every other, within one", () => {
    for (const [n, k] of [
      [3, 2],
      [10, 3],
      [7, 7],
      [2, 3],
      [20, 6],
    ] as const) {
      for (const seed of ["1", "2", "3"]) {
        const c = counts(assignTreatments(n, k, seed, "balanced"), k);
        expect(c.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("balanced: which treatment gets the odd table is drawn, not always the first", () => {
    const extra = new Set(
      ["a", "b", "c", "d", "e", "f", "g", "h"].map((s) =>
        counts(assignTreatments(3, 2, s, "balanced"), 2).join(),
      ),
    );
    expect(extra).toEqual(new Set(["2,1", "1,2"]));
  });

  it("random: each table draws on its own, every treatment in range", () => {
    const xs = assignTreatments(200, 3, "r", "random");
    expect(xs.every((x) => x !== null && x >= 0 && x < 3)).toBe(true);
    for (const c of counts(xs, 3)) expect(c).toBeGreaterThan(40);
  });

  it("no treatments: every table null", () => {
    expect(assignTreatments(3, 0, "s", "balanced")).toEqual([null, null, null]);
  });
});
