/** Casting for solo games: which persona each bot seat plays, by the scenario's cast list or at random. */
import { rngFromSeed } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import { DOCTRINAL_PERSONAS, type BotPersona } from "./doctrines.ts";

/**
 * How bot personas are chosen: the scenario's cast list (random for seats it does not name), or all at
 * random.
 */
export type CastingMode = "scenario" | "random";

/**
 * Each shipped scenario's cast: the persona that fits each state's briefing (its posture, capabilities and
 * history). A seat not listed, or a scenario not listed, is cast at random.
 */
export const SCENARIO_CASTS: Readonly<Record<string, Readonly<Record<SeatId, BotPersona>>>> = {
  "baltic-fog": { aestria: "normBuilder", borevia: "opportunist", meridia: "reciprocal", havland: "dove" },
  collateral: { tarnovia: "reciprocal", vostrakh: "hawk", hafnia: "dove", meridon: "normBuilder" },
  "dark-winter": { vyrnia: "reciprocal", osgard: "hawk", westmark: "normBuilder" },
  "halden-measures": {
    westra: "reciprocal",
    qarin: "opportunist",
    kasmar: "hawk",
    lirande: "normBuilder",
    sundria: "dove",
    maravi: "forgiving",
  },
  "open-secrets": { aurelia: "reciprocal", karsk: "opportunist", norvale: "normBuilder" },
  tutorial: { aldmark: "reciprocal", serevan: "forgiving" },
};

/** The personas a scenario file names for its states (`bot:` on a state), by seat. */
export function namedPersonas(
  states: ReadonlyArray<{ id: SeatId; bot?: BotPersona }>,
): Map<SeatId, BotPersona> {
  const out = new Map<SeatId, BotPersona>();
  for (const st of states) if (st.bot !== undefined) out.set(st.id, st.bot);
  return out;
}

/**
 * Personas for the given bot seats: deterministic for the scenario, seats, mode and seed (the seed is the
 * server's, never a player's). In mode "scenario" a persona the scenario file names (`named`) comes first,
 * then the built-in cast list.
 */
export function castBots(
  scenarioId: string,
  botSeats: readonly SeatId[],
  mode: CastingMode,
  seed: string,
  named: ReadonlyMap<SeatId, BotPersona> = new Map(),
): Record<SeatId, BotPersona> {
  const cast =
    mode === "scenario" && Object.hasOwn(SCENARIO_CASTS, scenarioId) ? SCENARIO_CASTS[scenarioId] : undefined;
  const out: Record<SeatId, BotPersona> = {};
  for (const seat of botSeats) {
    const listed =
      mode === "scenario"
        ? (named.get(seat) ?? (cast && Object.hasOwn(cast, seat) ? cast[seat] : undefined))
        : undefined;
    out[seat] = listed ?? rngFromSeed(`${seed}/cast/${scenarioId}/${seat}`).pick(DOCTRINAL_PERSONAS);
  }
  return out;
}
