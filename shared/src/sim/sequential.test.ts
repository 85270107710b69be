/**
 * The sequential-test helpers: quantiles, intervals, the clustered Kaplan–Meier interval, the stopping rule
 * and its error rate.
 */
import { describe, expect, it } from "vitest";
import { rngFromSeed } from "../model/rng.ts";
import {
  above,
  allOf,
  below,
  diffOfMeans,
  diffOfProportions,
  kmSurvivalAt,
  normalQuantile,
  sequentialTest,
  zForLooks,
  type ClusteredTime,
} from "./sequential.ts";
import { kmMedian, wilson } from "./stats.ts";

describe("normal quantiles", () => {
  it("match the standard values, are symmetric, and refuse p outside (0, 1)", () => {
    // Reference values from Python's statistics.NormalDist().inv_cdf.
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845, 7);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035, 7);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323062, 7);
    expect(normalQuantile(1e-6)).toBeCloseTo(-4.7534243088, 6);
    for (const p of [0.01, 0.2, 0.4]) expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
    for (const p of [0, 1, -0.1, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });

  it("zForLooks gives one look the usual 1.96 and k looks the Bonferroni quantile 1 − 0.025/k", () => {
    expect(zForLooks(1)).toBeCloseTo(1.959964, 5);
    expect(zForLooks(3)).toBeCloseTo(2.3939798, 6);
    expect(zForLooks(4)).toBeCloseTo(2.4977055, 6);
    expect(zForLooks(1, 0.99)).toBeCloseTo(2.5758293, 6);
    expect(() => zForLooks(0)).toThrow(RangeError);
  });
});

describe("intervals", () => {
  it("Wilson at z = 1.96 is the default interval; a larger z widens it", () => {
    expect(wilson(30, 100, 1.959964)).toEqual(wilson(30, 100));
    const [lo, hi] = wilson(30, 100, 2.5);
    expect(lo).toBeLessThan(wilson(30, 100)[0]);
    expect(hi).toBeGreaterThan(wilson(30, 100)[1]);
  });

  it("the difference of proportions is Newcombe's hybrid score interval (his worked example 56/70 − 48/80)", () => {
    // Newcombe (1998), Statistics in Medicine 17:873, table II, method 10: 0.0524 to 0.3339.
    const [lo, hi] = diffOfProportions(56, 70, 48, 80, 1.959964);
    expect(lo).toBeCloseTo(0.0524, 4);
    expect(hi).toBeCloseTo(0.3339, 4);
    // Swapping the arms mirrors the interval.
    const [l2, h2] = diffOfProportions(48, 80, 56, 70, 1.959964);
    expect(l2).toBeCloseTo(-hi, 12);
    expect(h2).toBeCloseTo(-lo, 12);
  });

  it("the difference of means is the normal (Welch) interval; too few values give an unbounded one", () => {
    const a = [1, 2, 3, 4, 5];
    const b = [2, 2, 2, 2];
    // mean 3 − 2; variance of a is 2.5, of b is 0: half-width z·sqrt(2.5/5).
    const [lo, hi] = diffOfMeans(a, b, 2);
    expect(lo).toBeCloseTo(1 - 2 * Math.sqrt(0.5), 12);
    expect(hi).toBeCloseTo(1 + 2 * Math.sqrt(0.5), 12);
    expect(diffOfMeans([1], b, 2)[1]).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("Kaplan–Meier survival with clusters", () => {
  const rng = rngFromSeed("km");
  const samples: ClusteredTime[] = Array.from({ length: 400 }, (_, i) => {
    let time = 0;
    while (!rng.chance(0.25)) time++;
    const end = rng.int(12);
    return time <= end ? { time, observed: true, cluster: i } : { time: end, observed: false, cluster: i };
  });

  it("with one time per cluster the interval is Greenwood's, around the same curve kmMedian reads", () => {
    const median = kmMedian(samples) as number;
    expect(kmSurvivalAt(samples, median, 1.96).s).toBeLessThanOrEqual(0.5);
    expect(kmSurvivalAt(samples, median - 1, 1.96).s).toBeGreaterThan(0.5);
    for (const t of [0, 2, 4]) {
      const times = [...new Set(samples.filter((x) => x.observed && x.time <= t).map((x) => x.time))];
      let logS = 0;
      let greenwood = 0;
      for (const tj of times) {
        const atRisk = samples.filter((x) => x.time >= tj).length;
        const events = samples.filter((x) => x.observed && x.time === tj).length;
        logS += Math.log(1 - events / atRisk);
        greenwood += events / (atRisk * (atRisk - events));
      }
      const r = kmSurvivalAt(samples, t, 1.96);
      expect(r.s).toBeCloseTo(Math.exp(logS), 12);
      expect(Math.log(r.ci[1] / r.s)).toBeCloseTo(1.96 * Math.sqrt(greenwood), 4);
    }
  });

  it("copies within a game add no information: duplicating every time inside its cluster keeps the interval", () => {
    const doubled = samples.flatMap((x) => [x, { ...x }]);
    for (const t of [1, 3, 5]) {
      const one = kmSurvivalAt(samples, t, 1.96);
      const two = kmSurvivalAt(doubled, t, 1.96);
      expect(two.s).toBeCloseTo(one.s, 12);
      expect(two.ci[0]).toBeCloseTo(one.ci[0], 3);
      expect(two.ci[1]).toBeCloseTo(one.ci[1], 3);
    }
    // Treated as independent, the same copies would wrongly narrow it by a factor of about √2.
    const independent = doubled.map((x, i) => ({ ...x, cluster: i }));
    const narrow = kmSurvivalAt(independent, 3, 1.96);
    const wide = kmSurvivalAt(doubled, 3, 1.96);
    expect((wide.ci[1] - wide.ci[0]) / (narrow.ci[1] - narrow.ci[0])).toBeGreaterThan(1.3);
  });
});

describe("sequential tests", () => {
  it("stop at the first look that decides, and look at no more data than that", () => {
    const seen: number[] = [];
    const r = sequentialTest([10, 20, 40], (n) => {
      seen.push(n);
      return { verdict: n >= 20 ? "shown" : "open", seen: `n ${n}` };
    });
    expect(r).toEqual({
      verdict: "shown",
      n: 20,
      looks: 2,
      log: ["look 1/3 at n=10: open (n 10)", "look 2/3 at n=20: shown (n 20)"],
    });
    expect(seen).toEqual([10, 20]);
    expect(sequentialTest([10, 20], () => ({ verdict: "refuted", seen: "" })).verdict).toBe("refuted");
    const open = sequentialTest([10, 20], () => ({ verdict: "open", seen: "" }));
    expect([open.verdict, open.n, open.looks]).toEqual(["open", 20, 2]);
    const zs: number[] = [];
    const look = (_: number, z: number) => {
      zs.push(z);
      return { verdict: "open" as const, seen: "" };
    };
    sequentialTest([1, 2], look);
    sequentialTest([1, 2], look, 0.9);
    expect(zs).toEqual([zForLooks(2), zForLooks(2), zForLooks(2, 0.9), zForLooks(2, 0.9)]);
    expect(() => sequentialTest([], () => ({ verdict: "open", seen: "" }))).toThrow(RangeError);
    expect(() => sequentialTest([20, 10], () => ({ verdict: "open", seen: "" }))).toThrow(RangeError);
  });

  it("above, below and allOf read intervals: shown beyond the threshold on the claimed side, refuted on the other, else open", () => {
    expect(above([0.1, 0.3], 0)).toBe("shown");
    expect(above([-0.3, 0], 0)).toBe("refuted");
    expect(above([-0.1, 0.1], 0)).toBe("open");
    expect(below([0.1, 0.3], 0.4)).toBe("shown");
    expect(below([0.4, 0.6], 0.4)).toBe("refuted");
    expect(below([0.3, 0.5], 0.4)).toBe("open");
    expect(allOf(["shown", "shown"])).toBe("shown");
    expect(allOf(["shown", "open"])).toBe("open");
    expect(allOf(["open", "refuted", "shown"])).toBe("refuted");
  });

  // Simulated coin flips, not games: this checks the stopping rule's error rates.
  // The stages of the facts' proportion tests (three looks).
  const run = (p1: number, p2: number, seed: string) => {
    const rng = rngFromSeed(seed);
    let k1 = 0;
    let k2 = 0;
    let played = 0;
    return sequentialTest([100, 200, 400], (n, z) => {
      for (; played < n; played++) {
        if (rng.chance(p1)) k1++;
        if (rng.chance(p2)) k2++;
      }
      return { verdict: above(diffOfProportions(k1, n, k2, n, z), 0), seen: "" };
    });
  };

  it("with no difference, three looks at growing data claim one in at most 2.5% of runs", () => {
    let claimed = 0;
    const runs = 2000;
    for (let i = 0; i < runs; i++) if (run(0.4, 0.4, `null-${i}`).verdict === "shown") claimed++;
    // The bound is 2.5% one-sided; 2.5% of 2000 is 50, and the binomial sd about 7.
    expect(claimed).toBeLessThan(65);
  });

  it("a large difference (39% against 14%) is shown at the first look in most runs, and never refuted", () => {
    const outcomes = Array.from({ length: 200 }, (_, i) => run(0.39, 0.14, `power-${i}`));
    expect(outcomes.filter((o) => o.verdict === "refuted")).toEqual([]);
    expect(outcomes.filter((o) => o.verdict === "shown" && o.looks === 1).length).toBeGreaterThan(150);
    expect(outcomes.every((o) => o.verdict === "shown")).toBe(true);
  });
});
