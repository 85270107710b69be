/** The load bench's basics: the scenario every room plays, the shutdown flag, sleeping, and a seeded PRNG. */

/** The scenario every room plays, and its seats (one player each). */
export const SCENARIO = "baltic-fog";
export const SEATS = ["aestria", "borevia", "meridia", "havland"] as const;

/** Set when the bench is shutting down: disconnects from then on are expected. */
export const bench = { stopping: false };

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Small seeded PRNG (mulberry32) for think times and order choices. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
