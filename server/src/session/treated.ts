/**
 * What a game's create options ask of the engine beyond the scenario: CBMs in force, no CBMs, parameter
 * overrides (an exercise's treatment).
 */
import type { GameOptions, Scenario } from "@firebreak/shared";
import type { CreateOptions } from "./types.ts";

/**
 * The scenario a game is played in: the scenario with the options' parameter overrides on top of its own
 * (itself when none).
 */
export function treatedScenario(scenario: Scenario, o: Pick<CreateOptions, "params">): Scenario {
  if (o.params === undefined) return scenario;
  const base = (scenario.params ?? {}) as Record<string, unknown>;
  const over = o.params as Record<string, unknown>;
  const severity =
    base.severity !== undefined || over.severity !== undefined
      ? { severity: { ...(base.severity as object | undefined), ...(over.severity as object | undefined) } }
      : {};
  return { ...scenario, params: { ...base, ...over, ...severity } as Scenario["params"] };
}

/** The engine's game options from a game's create options. */
export function engineOptions(o: Pick<CreateOptions, "cbms" | "noCbms">): Partial<GameOptions> {
  return { cbms: o.cbms, ...(o.noCbms ? { noCbms: true } : {}) };
}
