/**
 * Which treatment each table of an exercise plays: drawn from the exercise's seed, balanced (stratified) or
 * at random.
 */

/**
 * A seeded generator of numbers in [0, 1): the seed hashed (FNV-1a, 32 bits) into mulberry32. Same seed, same
 * numbers.
 */
export function seededRandom(seed: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  let a = h;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The treatment (index into `arms` treatments) of each of `tables` tables. `balanced`: every treatment as
 * often as every other (±1; which ones get the extra tables is drawn too), in a random order; `random`: each
 * table draws its own. Both from `seed` only, so the same exercise seed assigns the same way. No treatments:
 * every table null.
 */
export function assignTreatments(
  tables: number,
  arms: number,
  seed: string,
  mode: "balanced" | "random",
): Array<number | null> {
  if (arms === 0) return Array.from({ length: tables }, () => null);
  const rand = seededRandom(`assign:${seed}`);
  if (mode === "random") return Array.from({ length: tables }, () => Math.floor(rand() * arms));
  // Whole rounds of every arm, then the remainder from a shuffled round, then the lot shuffled
  // (Fisher–Yates).
  const order = Array.from({ length: arms }, (_, i) => i);
  shuffle(order, rand);
  const list: number[] = [];
  for (let i = 0; i < tables; i++)
    list.push(i < tables - (tables % arms) ? i % arms : (order[i % arms] as number));
  shuffle(list, rand);
  return list;
}

function shuffle<T>(xs: T[], rand: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
  }
}
