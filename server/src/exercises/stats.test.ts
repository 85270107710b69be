import { describe, expect, it } from "vitest";
import { t95, tMean, wilsonShare } from "./stats.ts";

describe("intervals for comparing tables", () => {
  it("Wilson: known values, bounded, wide for few tables", () => {
    const w = wilsonShare(5, 10);
    expect(w.value).toBe(0.5);
    expect(w.low).toBeCloseTo(0.2366, 3);
    expect(w.high).toBeCloseTo(0.7634, 3);
    const none = wilsonShare(0, 3);
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.5615, 3);
    expect(wilsonShare(3, 3).high).toBe(1);
    expect(wilsonShare(0, 0)).toEqual({ value: 0, low: 0, high: 1, n: 0 });
  });

  it("t: the interval of a small sample uses Student's quantile", () => {
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(9)).toBeCloseTo(2.262, 3);
    expect(t95(500)).toBeCloseTo(1.96, 2);
    const m = tMean([2, 4, 6]);
    expect(m.value).toBe(4);
    // sd 2, se 2/√3, t(2) = 4.303
    expect(m.high - m.value).toBeCloseTo((4.303 * 2) / Math.sqrt(3), 3);
    expect(tMean([7])).toEqual({ value: 7, low: 7, high: 7, n: 1 });
    expect(tMean([])).toEqual({ value: 0, low: 0, high: 0, n: 0 });
  });
});
