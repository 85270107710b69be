/**
 * The stylized facts of the design brief (docs/model.md §10), shown by seeded batch simulation. docs/model.md
 * §7 reports the same specifications at full size (1,000 or 2,000 games).
 *
 * Each fact is a sequential test (shared/src/sim/sequential.ts): it plays the games of the documented batches
 * in stages, looks after each stage, and stops as soon as intervals with simultaneous 95% coverage over all
 * the planned looks show the claim (90% for the equivalence claim of fact 4, 5% on each side); it fails at
 * once if they show the opposite, and fails if the last stage (the cap) leaves the claim open. Game g of an
 * arm is game g of the `npm run simulate` batch with the same arguments (seed `S:g`), so a test that stops at
 * n games has played the first n games of the documented batch, and the result is deterministic. The stages
 * are sized from the effects measured on the full batches (docs/model.md §7), as each test's comment shows;
 * the cap is where a real but smaller effect would still be shown with high probability. Nothing here
 * measures speed.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { SCENARIOS_DIR } from "../io/scenario-files.ts";
import type { Persona } from "../bots/persona-names.ts";
import {
  above,
  allOf,
  below,
  diffOfMeans,
  diffOfProportions,
  kmSurvivalAt,
  sequentialTest,
  type Verdict,
} from "./sequential.ts";
import { mixedTableGame } from "./mixed-table.ts";
import { wilson } from "./stats.ts";
import { Arm, baltic, CAPPED, expectShown, load, pct, range } from "../testing/facts-arm.ts";

describe("stylized facts (docs/model.md §7)", () => {
  it(
    "1. hotlines with inquire lower the share of games ending in armed conflict when incidents are ambiguous",
    () => {
      // Measured on 1,000 games (docs/model.md §7): rotation 6.3% → 0.4%; reciprocal/hawk line-up 5.8% →
      // 0.1%. The smaller effect, 5.7 points, has a standard error of sqrt((.058·.942 + .001·.999)/n) = 0.024
      // at n = 100 games an arm, 0.012 at 400: against the z of 2.39 for three looks it is shown by 400 with
      // probability above 99% (about half the time at the first look).
      for (const bots of [[], ["reciprocal", "reciprocal", "hawk", "reciprocal"]] as Persona[][]) {
        const without = new Arm(bots, [], true);
        const withHotline = new Arm(bots, ["hotline"], true);
        const outcome = sequentialTest([100, 200, 400], (n, z) => {
          without.upTo(n);
          withHotline.upTo(n);
          const drop = diffOfProportions(
            without.tally.armedConflicts,
            n,
            withHotline.tally.armedConflicts,
            n,
            z,
          );
          return {
            verdict: above(drop, 0),
            seen: `armed conflict ${pct(without.war())} without, ${pct(withHotline.war())} with a hotline; drop ${range(drop)}`,
          };
        });
        expectShown(`hotline, bots ${bots.join(",") || "rotation"}`, outcome);
      }
    },
    CAPPED,
  );

  it(
    "2. attribution at moderate confidence takes a median of 3 to 6 turns at default defence",
    () => {
      // The Kaplan–Meier median lies in 3..6 exactly when the survival curve is above one half after 2 turns
      // and at or below it after 6; the test asks for intervals of S(2) above one half and of S(6) below it.
      // Measured on 1,000 games: median 4 from 22,275 incidents (about 22 a game). The intervals count games,
      // not incidents, as the independent units (cluster-robust), since incidents of one game move together.
      // The first 100 games give S(2) = 0.80 and S(6) = 0.23, each within ±0.03 at z = 2.39: 50 games
      // (intervals about ±0.045) already leave both far from one half.
      const arm = new Arm([], [], false);
      const outcome = sequentialTest([50, 100, 200], (n, z) => {
        arm.upTo(n);
        const s2 = kmSurvivalAt(arm.lags, 2, z);
        const s6 = kmSurvivalAt(arm.lags, 6, z);
        const verdict = allOf([above(s2.ci, 0.5), below(s6.ci, 0.5)]);
        return {
          verdict,
          seen:
            `S(2) ${range(s2.ci, (x) => x.toFixed(3))}, S(6) ` +
            `${range(s6.ci, (x) => x.toFixed(3))}, median ${arm.tally.result().attributionLagMedian} from ${arm.lags.length} incidents`,
        };
      });
      expectShown("attribution lag", outcome);
      const r = arm.tally.result();
      expect(r.attributionLagMedian).not.toBeNull();
      expect(r.attributionLagMedian as number).toBeGreaterThanOrEqual(3);
      expect(r.attributionLagMedian as number).toBeLessThanOrEqual(6);
    },
    CAPPED,
  );

  it(
    "3a. hawks against each other reach armed conflict far more often than reciprocal bots",
    () => {
      // "Far more often": hawks' share above one half and above three times the reciprocal bots' share, and
      // above it with an interval of the difference clear of zero. Measured on 1,000 games: 89.9% against
      // 0.0%. At 50 games a side even 40 of 50 against 2 of 50 shows all three (Wilson at z = 2.39: hawks ≥
      // 0.64, reciprocal ≤ 0.17).
      const hawks = new Arm(["hawk"], [], true);
      const reciprocal = new Arm(["reciprocal"], [], true);
      const outcome = sequentialTest([50, 100, 200], (n, z) => {
        hawks.upTo(n);
        reciprocal.upTo(n);
        const h = wilson(hawks.tally.armedConflicts, n, z);
        const r = wilson(reciprocal.tally.armedConflicts, n, z);
        const gap = diffOfProportions(hawks.tally.armedConflicts, n, reciprocal.tally.armedConflicts, n, z);
        const verdict = allOf([above(h, 0.5), above(gap, 0), above([h[0] - 3 * r[1], h[1] - 3 * r[0]], 0)]);
        return {
          verdict,
          seen: `armed conflict: hawks ${pct(hawks.war())} ${range(h)}, reciprocal ${pct(reciprocal.war())} ${range(r)}`,
        };
      });
      expectShown("hawks against reciprocal", outcome);
    },
    CAPPED,
  );

  it(
    "3b. under misattribution noise a forgiving reciprocal bot outscores strict tit-for-tat",
    () => {
      // Measured on 1,000 games: mean score 42.65 against 38.90, a gap of 3.75 points. The unit is a game (the
      // mean of its four seats, which are not independent of each other); over the first 300 games the
      // per-game standard deviation is 1.1 points for forgiving bots and 3.3 for strict ones, so the gap's
      // standard error is sqrt((1.1² + 3.3²)/n) = 0.49 at n = 50 games a side: the gap is 7 standard errors
      // there, shown at the first look with probability above 99.9%.
      const forgiving = new Arm(["forgiving"], [], true);
      const strict = new Arm(["reciprocal"], [], true);
      const outcome = sequentialTest([50, 100, 200], (n, z) => {
        forgiving.upTo(n);
        strict.upTo(n);
        const f = forgiving.gameMeans.get("forgiving") ?? [];
        const s = strict.gameMeans.get("reciprocal") ?? [];
        const gap = diffOfMeans(f, s, z);
        const r = forgiving.tally.result().meanScoreByPersona.forgiving?.mean;
        const t = strict.tally.result().meanScoreByPersona.reciprocal?.mean;
        return {
          verdict: above(gap, 0),
          seen: `mean score forgiving ${r}, strict ${t}; gap ${range(gap, (x) => x.toFixed(2))}`,
        };
      });
      expectShown("forgiving against strict", outcome);
    },
    CAPPED,
  );

  it(
    "3c. at a mixed table of reciprocators, forgiving outscores strict tit-for-tat in the same games",
    () => {
      // Baltic Fog, two forgiving and two strict bots in every seating (game g: permutation g mod 24), no CBMs,
      // seed 7: the forgiving bots' mean score minus the strict ones' in the same game (docs/model.md §7, 3c).
      // Measured: +0.57 [+0.13, +1.00] on 1,000 games, +0.70 [+0.48, +0.92] on 4,008. The per-game standard
      // deviation is about 7 points, so the standard error is 0.22 at 1,008 games, 0.16 at 2,016 and 0.11 at
      // 4,008 (the effect six of them): against z = 2.39, shown at the first look with probability about 80%,
      // by the second about 98%, by the third surely. With a hawk and a dove at the table the difference spans
      // zero (not asserted: docs/model.md says why).
      const table = {
        scenario: baltic,
        seed: "7",
        bots: ["forgiving", "forgiving", "reciprocal", "reciprocal"] as Persona[],
        permute: true,
        noCbms: true,
      };
      const diffs: number[] = [];
      const outcome = sequentialTest([1008, 2016, 4008], (n, z) => {
        for (let g = diffs.length; g < n; g++)
          diffs.push(mixedTableGame(table, g, "forgiving", "reciprocal").diff);
        const gap = diffOfMeans(
          diffs,
          diffs.map(() => 0),
          z,
        );
        return { verdict: above(gap, 0), seen: `forgiving − strict ${range(gap, (x) => x.toFixed(2))}` };
      });
      expectShown("forgiving against strict at a mixed table", outcome);
    },
    CAPPED,
  );

  it(
    "4. detection frequencies per defence level match the dwell-time table",
    () => {
      // The claim: at every defence level the measured rate lies within 3 points of the table's chance. An
      // equivalence claim, tested as two one-sided tests at 5% a side (intervals at simultaneous 90% over the
      // three looks): shown when every level's interval lies inside chance ± 0.03, refuted when any level's
      // lies entirely outside. Measured on 2,000 games (docs/model.md §7): every rate within 0.7 points of
      // its chance; per game about 1.5 counted operations at defence 1, 2.5 at 2, 3.1 at 3, 3.4 at 4 and 6.6
      // at 5. The widest interval, defence 4 at 63%, fits in the band at 500 games only if its rate is within
      // half a point of the chance (z = 2.13: 2.13·sqrt(.23/1700) = 0.025), at 1,000 within 1.4 points, at
      // 2,000 (the documented batch) within 1.8 points, three standard errors there: a rate that really
      // matches the table fails at the cap with chance about 1%, one 3 points off is refuted.
      const ladder = load(join(SCENARIOS_DIR, "..", "test", "fixtures", "defence-ladder.yaml"));
      const arm = new Arm(["random"], [], false, "4", ladder);
      const outcome = sequentialTest(
        [500, 1000, 2000],
        (n, z) => {
          arm.upTo(n);
          const table = arm.tally.result().detectionRateByDefense;
          const verdicts: Verdict[] = [];
          const seen: string[] = [];
          for (const level of [1, 2, 3, 4, 5]) {
            const d = arm.tally.detections(level);
            const chance = table[String(level)]?.expected as number;
            const ci = wilson(d.k, d.n, z);
            verdicts.push(allOf([above(ci, chance - 0.03), below(ci, chance + 0.03)]));
            seen.push(
              `defence ${level}: ${pct(d.n ? d.k / d.n : 0)} ${range(ci)} of ${d.n}, table ${pct(chance)}`,
            );
          }
          return { verdict: allOf(verdicts), seen: seen.join("; ") };
        },
        0.9,
      );
      expectShown("detection by defence", outcome);
    },
    CAPPED,
  );
});
