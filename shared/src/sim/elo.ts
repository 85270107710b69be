/**
 * Elo ratings from pairwise results, fitted as a Bradley–Terry model (order-independent, so deterministic for
 * a set of games).
 */

/** One pairwise result: `a` scored more than `b` (1), less (0), or the same (0.5). */
export interface PairResult {
  a: string;
  b: string;
  score: number;
}

/** Rating of the average player. */
export const ELO_BASE = 1500;

/**
 * Bradley–Terry strengths by minorise–maximise iterations (Hunter 2004), with one virtual draw of every
 * player against an average player so that unbeaten or winless players keep finite ratings; returned on the
 * Elo scale (400 · log10 of the strength ratio), centred on ELO_BASE.
 */
export function eloRatings(
  players: readonly string[],
  results: readonly PairResult[],
  iterations = 500,
): Record<string, number> {
  const idx = new Map(players.map((p, i) => [p, i]));
  const n = players.length;
  const wins = new Array<number>(n).fill(0.5);
  const games: Array<Map<number, number>> = players.map(() => new Map());
  for (const r of results) {
    const a = idx.get(r.a);
    const b = idx.get(r.b);
    if (a === undefined || b === undefined || a === b) continue;
    wins[a] = (wins[a] as number) + r.score;
    wins[b] = (wins[b] as number) + 1 - r.score;
    const ga = games[a] as Map<number, number>;
    const gb = games[b] as Map<number, number>;
    ga.set(b, (ga.get(b) ?? 0) + 1);
    gb.set(a, (gb.get(a) ?? 0) + 1);
  }
  let gamma = new Array<number>(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = gamma.map((g, i) => {
      let denom = 1 / (g + 1);
      for (const [j, count] of games[i] as Map<number, number>) denom += count / (g + (gamma[j] as number));
      return (wins[i] as number) / denom;
    });
    let logMean = 0;
    for (const g of next) logMean += Math.log(g);
    logMean /= n || 1;
    gamma = next.map((g) => g / Math.exp(logMean));
  }
  const out: Record<string, number> = {};
  players.forEach((p, i) => {
    out[p] = Math.round(ELO_BASE + (400 * Math.log(gamma[i] as number)) / Math.LN10);
  });
  return out;
}
