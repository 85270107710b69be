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
import { findScenario, SCENARIOS_DIR } from "../io/scenario-files.ts";
import type { Persona } from "../bots/persona-names.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { Scenario } from "../scenario/schema.ts";
import { attributionLags, BatchTally, playBatchGame, type BatchSpec } from "./batch.ts";
import {
  above,
  allOf,
  below,
  diffOfMeans,
  diffOfProportions,
  kmSurvivalAt,
  sequentialTest,
  type ClusteredTime,
  type SequentialOutcome,
  type Verdict,
} from "./sequential.ts";
import { attacksAroundNaming, measureGame, type GameMeasures } from "./effects.ts";
import { mixedTableGame } from "./mixed-table.ts";
import { wilson } from "./stats.ts";

function load(idOrPath: string): Scenario {
  const r = findScenario(idOrPath);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const baltic = load("baltic-fog");

/**
 * Per-test timeout (ms), far above the worst case: a test that runs to its cap plays at most 2,000 games
 * (fact 4), about 6 s on a quiet 2-core machine and about 65 s with a load average of 8 while the rest of the
 * suite runs. A test that stops where these seeds stop takes a fraction of that. Not a speed target: speed is
 * measured by `npm run bench`.
 */
const CAPPED = 300_000;

/**
 * One documented batch, played in order as far as a look needs: its tally, each game's mean score per
 * persona, and its attribution lags tagged with their game.
 */
class Arm {
  readonly spec: BatchSpec;
  readonly tally: BatchTally;
  /**
   * Per persona, one value per game: the mean total score of the seats it held (the seats of one game are not
   * independent; games are).
   */
  readonly gameMeans = new Map<string, number[]>();
  readonly lags: ClusteredTime[] = [];
  /** Each game's measures for the CBM-effect table (misattributions, wrong accusations, ...). */
  readonly measures: GameMeasures[] = [];
  /** Per named hawk seat, its attacks a turn before and after it was first named (one entry per seat). */
  readonly hawksNamed: Array<{ before: number; after: number }> = [];

  constructor(bots: Persona[], cbms: CbmKind[], noCbms: boolean, seed = "7", scenario = baltic) {
    this.spec = { scenario, games: 0, seed, bots, cbms, noCbms };
    this.tally = new BatchTally(this.spec);
  }

  /** Plays the games up to `n` not played yet. */
  upTo(n: number): this {
    for (let g = this.tally.games; g < n; g++) {
      const played = playBatchGame(this.spec, g);
      this.tally.add(played);
      const sums = new Map<string, { total: number; seats: number }>();
      for (const seat of played.state.seats) {
        const p = played.personas[seat] as string;
        const s = sums.get(p) ?? { total: 0, seats: 0 };
        s.total += played.state.scores[seat]?.total ?? 0;
        s.seats++;
        sums.set(p, s);
      }
      for (const [p, s] of sums) {
        const list = this.gameMeans.get(p) ?? [];
        list.push(s.total / s.seats);
        this.gameMeans.set(p, list);
      }
      for (const lag of attributionLags(played.state)) this.lags.push({ ...lag, cluster: g });
      this.measures.push(measureGame(played.state));
      this.hawksNamed.push(...attacksAroundNaming(played.state, played.personas, "hawk"));
    }
    return this;
  }

  /** Share of games ending in armed conflict. */
  war(): number {
    return this.tally.armedConflicts / this.tally.games;
  }
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const range = (ci: readonly [number, number], f: (x: number) => string = pct): string =>
  `[${f(ci[0])}, ${f(ci[1])}]`;

/** Asserts that the sequential test showed its claim; on failure the message lists every look. */
function expectShown(name: string, outcome: SequentialOutcome): void {
  expect(outcome.verdict, `${name}:\n${outcome.log.join("\n")}`).toBe("shown");
}

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

  it(
    "5. situation reports cut misattribution and wrong accusations of innocent states, and do not raise armed conflict",
    () => {
      // Collateral (a wiper hitting third states), rotation bots, each arm the `npm run cbm-effects` batch
      // (seed 1). Measured on 500 games an arm (docs/model.md §7, fact 5): wrong public
      // accusations -0.19 a game [-0.27, -0.10], incidents whose victim's evidence pointed at an innocent
      // state -0.79 [-1.04, -0.55], armed conflict -1.4 points [-4.6, +1.8]. The claim is the first two below zero and the war difference below +8 points
      // (non-inferiority): each effect is about five standard errors at 500 games.
      const collateral = load("collateral");
      const none = new Arm([], [], false, "1", collateral);
      const linked = new Arm([], ["situationReports"], false, "1", collateral);
      const wrongAccusations = (a: Arm): number[] => a.measures.map((m) => m.wrongAccusations);
      const misled = (a: Arm): number[] => a.measures.map((m) => m.misattributions);
      const outcome = sequentialTest([500, 1000, 1500], (n, z) => {
        none.upTo(n);
        linked.upTo(n);
        const acc = diffOfMeans(wrongAccusations(linked), wrongAccusations(none), z);
        const mis = diffOfMeans(misled(linked), misled(none), z);
        const war = diffOfProportions(linked.tally.armedConflicts, n, none.tally.armedConflicts, n, z);
        return {
          verdict: allOf([below(acc, 0), below(mis, 0), below(war, 0.08)]),
          seen:
            `wrong accusations ${range(acc, (x) => x.toFixed(2))}, misled victims ` +
            `${range(mis, (x) => x.toFixed(2))}, war ${range(war)}`,
        };
      });
      expectShown("situation reports", outcome);
    },
    CAPPED,
  );

  it(
    "5b. situation reports reduce retaliation against innocent states",
    () => {
      // Dark Winter, rotation bots, each arm the `npm run cbm-effects` batch (seed 1). Retaliation against an
      // innocent state: an overt operation against a state that had not attacked its author, which the
      // author's evidence of an incident had wrongly pointed to. Measured on 1,000 games an arm
      // (docs/model.md §7, fact 5): 0.199 a game → 0.101, a difference of -0.098 [-0.136, -0.060], about
      // five standard errors: at 300 games about 2.8, so it is shown by the second or third look.
      const darkWinter = load("dark-winter");
      const none = new Arm([], [], false, "1", darkWinter);
      const linked = new Arm([], ["situationReports"], false, "1", darkWinter);
      const retaliations = (a: Arm): number[] => a.measures.map((m) => m.innocentRetaliations);
      const outcome = sequentialTest([300, 600, 1000], (n, z) => {
        none.upTo(n);
        linked.upTo(n);
        const diff = diffOfMeans(retaliations(linked), retaliations(none), z);
        return {
          verdict: below(diff, 0),
          seen: `retaliation against innocent states ${range(diff, (x) => x.toFixed(3))}`,
        };
      });
      expectShown("situation reports and retaliation", outcome);
    },
    CAPPED,
  );

  it(
    "6. being named deters: a hawk publicly named at moderate confidence attacks less afterwards",
    () => {
      // Baltic Fog, rotation bots, seed 1. Measured on 1,000 games (docs/model.md §7): hawks ran 1.34 attacks a
      // turn (operations other than espionage) up to the turn they were first named and 0.02 after. The unit
      // is a named hawk seat (its own before and after rates, a paired difference); about 3 such seats come
      // from every 10 games, so 100 games give some 30 pairs, where a drop of more than a whole attack a turn
      // is many standard errors.
      const arm = new Arm([], [], false, "1");
      const outcome = sequentialTest([100, 200, 400], (n, z) => {
        arm.upTo(n);
        const drops = arm.hawksNamed.map((x) => x.after - x.before);
        const drop = diffOfMeans(
          drops,
          drops.map(() => 0),
          z,
        );
        return {
          verdict: below(drop, 0),
          seen: `${arm.hawksNamed.length} named hawks; change in attacks a turn ${range(drop, (x) => x.toFixed(2))}`,
        };
      });
      expectShown("naming deters", outcome);
    },
    CAPPED,
  );
});
