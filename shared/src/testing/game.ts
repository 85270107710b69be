/**
 * Test helpers for rule tests: a quiet game from the fixture scenario, resolution that must succeed, incident
 * lookup.
 */
import { createGame } from "../game/create.ts";
import { resolveTurn } from "../game/resolve.ts";
import type { GameEvent } from "../model/events.ts";
import type { Order } from "../model/orders.ts";
import type { ModelParams } from "../model/params.ts";
import type { GameOptions, GameState, Incident } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { testScenario } from "./fixtures.ts";

/** No background noise: no non-state incidents, no misread exercises, no economic growth. */
export const QUIET: Partial<ModelParams> = {
  nonStateIncidentChance: 0,
  exerciseMisreadChance: 0,
  digitalGrowth: 0,
};

/**
 * A new game of the fixture scenario, quiet unless `params` says otherwise. Throws if the engine refuses (a
 * test bug).
 */
export function testGame(
  o: {
    params?: Partial<ModelParams>;
    scenario?: Partial<Scenario>;
    options?: Partial<GameOptions>;
    seed?: string;
    states?: number;
  } = {},
): GameState {
  const r = createGame(
    testScenario(o.states ?? 3, {
      params: { ...QUIET, ...(o.params ?? {}) } as Scenario["params"],
      ...(o.scenario ?? {}),
    }),
    o.seed ?? "test-seed",
    o.options ?? {},
  );
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Resolves a turn that must be legal. */
export function resolveOk(
  s: GameState,
  orders: Record<string, Order[]> = {},
): { state: GameState; events: GameEvent[] } {
  const r = resolveTurn(s, orders);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** The first incident by `author` against `target` (of a kind, if given). */
export function incidentBy(
  s: GameState,
  author: string | null,
  target: string,
  kind?: Incident["kind"],
): Incident {
  const i = s.incidents.find(
    (x) => x.author === author && x.target === target && (kind === undefined || x.kind === kind),
  );
  if (!i) throw new Error(`no incident by ${author} against ${target}`);
  return i;
}
