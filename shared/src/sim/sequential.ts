/**
 * Sequential tests for claims shown by seeded batch simulation: play games in stages, look after each stage,
 * stop as soon as the intervals show the claim (or show its opposite), and give up at a cap. A claim with a
 * large effect is then shown by a few hundred games instead of the thousands a fixed batch sized for the
 * smallest effect would play.
 *
 * Looking several times at growing data inflates the chance of a false "shown" if every look used a plain 95%
 * interval; the intervals here use the Bonferroni z for the number of planned looks (`zForLooks`), so the
 * chance that any look of a run shows a false claim stays at most 5% (simultaneous coverage over all looks).
 */
import { wilson } from "./stats.ts";

/** What one look concluded. */
export type Verdict = "shown" | "refuted" | "open";

/**
 * The outcome of a sequential run: the final verdict ("open" means the cap was reached undecided), where it
 * stopped, and a line per look.
 */
export interface SequentialOutcome {
  verdict: Verdict;
  /** Games (per arm) at the look that decided, or at the cap. */
  n: number;
  looks: number;
  /** One line per look: its size, its verdict and what it saw (for a failure message). */
  log: string[];
}

/** Standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must lie in (0, 1), got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
      (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
      ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  return x;
}

/**
 * The z of two-sided intervals whose coverage holds at every one of `looks` looks at once, with overall
 * confidence `confidence` (Bonferroni).
 */
export function zForLooks(looks: number, confidence = 0.95): number {
  if (!Number.isInteger(looks) || looks < 1)
    throw new RangeError(`zForLooks: looks must be a positive integer, got ${looks}`);
  return normalQuantile(1 - (1 - confidence) / (2 * looks));
}

/**
 * Interval of p1 − p2 from k1/n1 and k2/n2: Newcombe's hybrid score interval (his method 10), built from
 * Wilson intervals at `z`.
 */
export function diffOfProportions(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
  z: number,
): [number, number] {
  const p1 = n1 ? k1 / n1 : 0;
  const p2 = n2 ? k2 / n2 : 0;
  const [l1, u1] = wilson(k1, n1, z);
  const [l2, u2] = wilson(k2, n2, z);
  const d = p1 - p2;
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)];
}

/** Normal (Welch) interval of mean(a) − mean(b) at `z`; each value one independent unit (e.g. one game). */
export function diffOfMeans(a: readonly number[], b: readonly number[], z: number): [number, number] {
  const moments = (xs: readonly number[]): { mean: number; v: number } => {
    const n = xs.length;
    if (n < 2) return { mean: n ? (xs[0] as number) : 0, v: Number.POSITIVE_INFINITY };
    let sum = 0;
    for (const x of xs) sum += x;
    const mean = sum / n;
    let ss = 0;
    for (const x of xs) ss += (x - mean) ** 2;
    return { mean, v: ss / (n - 1) / n };
  };
  const ma = moments(a);
  const mb = moments(b);
  const half = z * Math.sqrt(ma.v + mb.v);
  return [ma.mean - mb.mean - half, ma.mean - mb.mean + half];
}

/** A right-censored time (a duration in turns) and the independent unit it came from (its game). */
export interface ClusteredTime {
  time: number;
  observed: boolean;
  cluster: number;
}

/**
 * Kaplan–Meier survival S(t) (the share still waiting after time `t`) with a `z` interval whose variance is
 * the cluster-robust (sandwich) variance of log S(t): times from one game are not independent of each other,
 * games are. The interval is symmetric on the log scale and clipped to [0, 1]. With one time per cluster the
 * variance is Greenwood's.
 */
export function kmSurvivalAt(
  samples: readonly ClusteredTime[],
  t: number,
  z: number,
): { s: number; ci: [number, number] } {
  const times = [...new Set(samples.filter((x) => x.observed && x.time <= t).map((x) => x.time))].sort(
    (x, y) => x - y,
  );
  let logS = 0;
  // Per distinct event time: number at risk, events, and the hazard step.
  const steps = times.map((tj) => {
    let atRisk = 0;
    let events = 0;
    for (const x of samples) {
      if (x.time >= tj) atRisk++;
      if (x.observed && x.time === tj) events++;
    }
    return { tj, atRisk, events };
  });
  for (const st of steps) {
    if (st.events >= st.atRisk) return { s: 0, ci: [0, 0] };
    logS += Math.log(1 - st.events / st.atRisk);
  }
  const s = Math.exp(logS);
  // Influence of each sample on −log S(t): Σ over event times ≤ t of (dN_i − Y_i·h_j) / (Y_j − d_j); summed
  // per cluster.
  const byCluster = new Map<number, number>();
  for (const x of samples) {
    let inf = 0;
    for (const st of steps) {
      if (x.time < st.tj) break;
      const h = st.events / st.atRisk;
      inf += ((x.observed && x.time === st.tj ? 1 : 0) - h) / (st.atRisk - st.events);
    }
    byCluster.set(x.cluster, (byCluster.get(x.cluster) ?? 0) + inf);
  }
  let v = 0;
  for (const c of byCluster.values()) v += c * c;
  const half = z * Math.sqrt(v);
  return { s, ci: [Math.max(0, Math.exp(logS - half)), Math.min(1, Math.exp(logS + half))] };
}

/**
 * Runs a sequential test. `stages` are the cumulative sizes of the looks (increasing; the last is the cap);
 * `look(n, z)` brings its data up to `n` (playing only the games it has not played yet) and returns its
 * verdict from intervals at `z = zForLooks(stages.length, confidence)` plus a line describing what it saw.
 * Stops at the first "shown" or "refuted".
 *
 * With the default 0.95, a claim that one side of an interval must clear (x > 0) is falsely shown with chance
 * at most 2.5% over all the looks. An equivalence claim (x within a band: both edges must be cleared, two
 * one-sided tests) is conventionally tested at 5% a side, which is `confidence` 0.90.
 */
export function sequentialTest(
  stages: readonly number[],
  look: (n: number, z: number) => { verdict: Verdict; seen: string },
  confidence = 0.95,
): SequentialOutcome {
  if (
    stages.length === 0 ||
    stages.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= (stages[i - 1] as number)))
  ) {
    throw new RangeError(
      `sequentialTest: stages must be increasing positive integers, got ${stages.join(", ")}`,
    );
  }
  const z = zForLooks(stages.length, confidence);
  const log: string[] = [];
  let n = 0;
  for (const [i, size] of stages.entries()) {
    n = size;
    const r = look(size, z);
    log.push(`look ${i + 1}/${stages.length} at n=${size}: ${r.verdict} (${r.seen})`);
    if (r.verdict !== "open") return { verdict: r.verdict, n, looks: i + 1, log };
  }
  return { verdict: "open", n, looks: stages.length, log };
}

/**
 * The verdict for "x > threshold" from an interval of x: shown when it lies above, refuted when it lies at or
 * below.
 */
export function above(ci: readonly [number, number], threshold: number): Verdict {
  if (ci[0] > threshold) return "shown";
  if (ci[1] <= threshold) return "refuted";
  return "open";
}

/**
 * The verdict for "x < threshold" from an interval of x: shown when it lies below, refuted when it lies at or
 * above.
 */
export function below(ci: readonly [number, number], threshold: number): Verdict {
  if (ci[1] < threshold) return "shown";
  if (ci[0] >= threshold) return "refuted";
  return "open";
}

/** The verdict of several claims that must all hold: refuted if any is, shown if all are, else open. */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes("refuted")) return "refuted";
  return verdicts.every((v) => v === "shown") ? "shown" : "open";
}
