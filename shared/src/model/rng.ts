/** The seeded PRNG (seedrandom's alea) whose state lives inside the game state. */
import seedrandom from "seedrandom";
import type { RngState } from "./types.ts";

/** A small random source with helpers; its state can be saved into the game. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** The current state, to store. */
  save(): RngState;
}

type AleaPrng = seedrandom.PRNG & { state(): RngState };

function wrap(prng: AleaPrng): Rng {
  const next = (): number => prng();
  return {
    next,
    chance: (p) => next() < p,
    int: (n) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    save: () => {
      const s = prng.state();
      return { c: s.c, s0: s.s0, s1: s.s1, s2: s.s2 };
    },
  };
}

/** A fresh generator from a seed string. */
export function rngFromSeed(seed: string): Rng {
  return wrap(seedrandom.alea(seed, { state: true }) as AleaPrng);
}

/** A generator resumed from a stored state. */
export function rngFromState(state: RngState): Rng {
  return wrap(seedrandom.alea("", { state: { ...state } }) as unknown as AleaPrng);
}
