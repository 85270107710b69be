/**
 * What one CBM does alone: the same bot games with the measure in force for every pair from the start vs
 * none.
 */
import type { GameState } from "../model/types.ts";
import type { CbmKind } from "../model/cbms.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBatchGame } from "./batch.ts";
import { meanCi, wilson } from "./stats.ts";

/** The measures of one finished game that the CBM-effect table compares. */
export interface GameMeasures {
  war: boolean;
  /** War begun by a strike, or by a standoff at the brink in which both sides answered "stand firm". */
  chosenWar: boolean;
  peaceBefore6: boolean;
  turns: number;
  /**
   * Incidents whose victim's low-confidence evidence pointed to a state that did not do it (an error or a
   * false flag).
   */
  misattributions: number;
  /** Tension incidents still put on states that did not do them, at the end (the blame on innocent pairs). */
  innocentBlame: number;
  /** Public accusations of a state that did not do it. */
  wrongAccusations: number;
  /**
   * Retaliation against an innocent state: overt operations (the bots' retaliation in kind) against a state
   * that had run no operation against their author before that month, and that the author's evidence of an
   * incident against it had wrongly pointed to.
   */
  innocentRetaliations: number;
  /** Disruptions and destructions run (what a no-first-use pledge is against). */
  destructiveOps: number;
  /**
   * Operations that break a GGE norm or an article of the code (influence, disruption, destruction, proxies,
   * implants).
   */
  normBreakingOps: number;
  /**
   * Tension added by misread exercises and by fear of capability growth (what observation and doctrine are
   * against).
   */
  misreadTension: number;
}

/** Reads a finished game's measures. */
export function measureGame(s: GameState): GameMeasures {
  let innocentBlame = 0;
  let wrongAccusations = 0;
  for (const i of s.incidents) {
    for (const [seat, b] of Object.entries(i.blame)) if (seat !== i.author) innocentBlame += b;
    wrongAccusations += i.publicAttributions.filter((a) => a.accused !== i.author).length;
  }
  let misreadTension = 0;
  for (const e of s.events)
    if ((e.rule === "misperception.exercise" || e.rule === "op.develop") && (e.tension?.delta ?? 0) > 0)
      misreadTension += e.tension?.delta ?? 0;
  const ops = s.incidents.filter((i) => i.author !== null);
  const attackedBefore = (by: string, target: string, turn: number): boolean =>
    ops.some((i) => i.author === by && i.target === target && i.turn < turn);
  // The victim's evidence of an incident it learned of before `turn` pointed, wrongly, at `suspect`.
  const wronglySuspected = (victim: string, suspect: string, turn: number): boolean =>
    s.incidents.some((i) => {
      const k = Object.hasOwn(i.knowledge, victim) ? i.knowledge[victim] : undefined;
      return (
        i.target === victim &&
        i.author !== suspect &&
        k !== undefined &&
        k.since < turn &&
        (k.suspect === suspect || k.before === suspect)
      );
    });
  const war = s.outcome?.kind === "armedConflict";
  return {
    war,
    chosenWar: war && (s.outcome?.cause === "strike" || s.outcome?.cause === "brink"),
    peaceBefore6: s.outcome?.kind === "stablePeace" && s.outcome.turn < 6,
    turns: s.turn,
    misattributions: s.incidents.filter((i) => i.misled.includes(i.target)).length,
    innocentBlame,
    wrongAccusations,
    innocentRetaliations: ops.filter(
      (i) =>
        i.overt &&
        !attackedBefore(i.target, i.author as string, i.turn) &&
        wronglySuspected(i.author as string, i.target, i.turn),
    ).length,
    destructiveOps: ops.filter((i) => i.kind === "disrupt" || i.kind === "destroy").length,
    normBreakingOps: ops.filter(
      (i) =>
        i.kind === "influence" ||
        i.kind === "disrupt" ||
        i.kind === "destroy" ||
        i.proxy ||
        i.kind === "preposition",
    ).length,
    misreadTension,
  };
}

/** A difference (treatment − control) with its 95% interval. */
export interface Difference {
  control: number;
  treatment: number;
  diff: number;
  ci95: [number, number];
}

/** Difference of two proportions with Newcombe's hybrid Wilson interval. */
export function proportionDifference(k1: number, n1: number, k0: number, n0: number): Difference {
  const p1 = n1 ? k1 / n1 : 0;
  const p0 = n0 ? k0 / n0 : 0;
  const [l1, u1] = wilson(k1, n1);
  const [l0, u0] = wilson(k0, n0);
  const d = p1 - p0;
  return {
    control: p0,
    treatment: p1,
    diff: d,
    ci95: [d - Math.sqrt((p1 - l1) ** 2 + (u0 - p0) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p0 - l0) ** 2)],
  };
}

/** Difference of two means with a normal (Welch) 95% interval. */
export function meanDifference(treatment: readonly number[], control: readonly number[]): Difference {
  const a = meanCi(treatment);
  const b = meanCi(control);
  const se = (x: typeof a): number => (x.ci95[1] - x.mean) / 1.959964;
  const half = 1.959964 * Math.sqrt(se(a) ** 2 + se(b) ** 2);
  const d = a.mean - b.mean;
  return { control: b.mean, treatment: a.mean, diff: d, ci95: [d - half, d + half] };
}

/** One CBM's effect in one scenario. */
export interface CbmEffect {
  cbm: CbmKind;
  war: Difference;
  misattributions: Difference;
  innocentBlame: Difference;
  wrongAccusations: Difference;
  innocentRetaliations: Difference;
  destructiveOps: Difference;
  normBreakingOps: Difference;
  misreadTension: Difference;
}

/** The control games of a scenario (no CBM forced) and their summary. */
export interface ControlSummary {
  games: number;
  war: number;
  chosenWarShare: number;
  medianTurns: number;
  peaceBefore6: number;
}

/** Plays `games` seeded games of a scenario with `cbms` in force; returns each game's measures. */
export function measureBatch(
  scenario: Scenario,
  games: number,
  seed: string,
  cbms: CbmKind[],
): GameMeasures[] {
  const spec = { scenario, games, seed, bots: [], cbms, noCbms: false };
  const out: GameMeasures[] = [];
  for (let g = 0; g < games; g++) out.push(measureGame(playBatchGame(spec, g).state));
  return out;
}

/** Summarises the control games. */
export function summariseControl(m: readonly GameMeasures[]): ControlSummary {
  const wars = m.filter((x) => x.war);
  const turns = m.map((x) => x.turns).sort((a, b) => a - b);
  return {
    games: m.length,
    war: wars.length / Math.max(1, m.length),
    chosenWarShare: wars.length ? wars.filter((x) => x.chosenWar).length / wars.length : 1,
    medianTurns: turns.length ? (turns[Math.floor((turns.length - 1) / 2)] as number) : 0,
    peaceBefore6: m.filter((x) => x.peaceBefore6).length / Math.max(1, m.length),
  };
}

/** Compares games with one CBM in force against the control games. */
export function compare(
  cbm: CbmKind,
  treated: readonly GameMeasures[],
  control: readonly GameMeasures[],
): CbmEffect {
  const count = (m: readonly GameMeasures[]): number => m.filter((x) => x.war).length;
  const col = (
    m: readonly GameMeasures[],
    k: Exclude<keyof GameMeasures, "war" | "chosenWar" | "peaceBefore6">,
  ): number[] => m.map((x) => Number(x[k]));
  return {
    cbm,
    war: proportionDifference(count(treated), treated.length, count(control), control.length),
    misattributions: meanDifference(col(treated, "misattributions"), col(control, "misattributions")),
    innocentBlame: meanDifference(col(treated, "innocentBlame"), col(control, "innocentBlame")),
    wrongAccusations: meanDifference(col(treated, "wrongAccusations"), col(control, "wrongAccusations")),
    innocentRetaliations: meanDifference(
      col(treated, "innocentRetaliations"),
      col(control, "innocentRetaliations"),
    ),
    destructiveOps: meanDifference(col(treated, "destructiveOps"), col(control, "destructiveOps")),
    normBreakingOps: meanDifference(col(treated, "normBreakingOps"), col(control, "normBreakingOps")),
    misreadTension: meanDifference(col(treated, "misreadTension"), col(control, "misreadTension")),
  };
}

/**
 * Deterrence by naming: for each seat of `persona` that was publicly and correctly named at moderate
 * confidence or better, its attacks (operations other than espionage) per turn up to and including the turn
 * it was first so named, and after it, and whether its victim named it first (else a third state did). Seats
 * never named, or named on the last turn, give nothing.
 */
export function attacksAroundNaming(
  s: GameState,
  personas: Readonly<Record<string, string>>,
  persona: string,
): Array<{ before: number; after: number; byVictim: boolean }> {
  const out: Array<{ before: number; after: number; byVictim: boolean }> = [];
  for (const seat of s.seats) {
    if (personas[seat] !== persona) continue;
    let named = Number.POSITIVE_INFINITY;
    let byVictim = false;
    for (const i of s.incidents)
      for (const a of i.publicAttributions)
        if (a.accused === seat && i.author === seat && a.confidence >= 2)
          if (a.turn < named || (a.turn === named && a.by === i.target)) {
            byVictim = a.by === i.target;
            named = a.turn;
          }
    if (named >= s.turn) continue;
    const attacks = s.incidents.filter((i) => i.author === seat && i.kind !== "espionage");
    const count = (from: number, to: number): number =>
      attacks.filter((i) => i.turn >= from && i.turn <= to).length;
    out.push({
      before: count(1, named) / named,
      after: count(named + 1, s.turn) / (s.turn - named),
      byVictim,
    });
  }
  return out;
}
