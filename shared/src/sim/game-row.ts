/**
 * A batch game under a treatment, its row for the researchers' CSV, and a summary of many such rows (one grid
 * cell).
 */
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { formatProblems, validateScenario } from "../scenario/validate.ts";
import { PERSONAS, type BotPersona, type Persona } from "../bots/persona-names.ts";
import { isBaselinePersona } from "../bots/doctrines.ts";
import { castBots, namedPersonas } from "../bots/casting.ts";
import { playBatchGame } from "./batch.ts";
import { playBotGame } from "./bot-game.ts";
import type { CsvValue } from "./csv.ts";
import type { Treatment } from "./grid.ts";

/** The scenario with the treatment's parameter overrides on top of its own, or the problems they make. */
export function treatedScenario(
  scenario: Scenario,
  t: Treatment,
): { ok: true; scenario: Scenario } | { ok: false; error: string } {
  if (Object.keys(t.params).length === 0) return { ok: true, scenario };
  const r = validateScenario({ ...scenario, params: { ...scenario.params, ...t.params } });
  return r.ok ? r : { ok: false, error: formatProblems(r.problems) };
}

/**
 * The scenario's own cast, by seat in scenario order, as class games cast their bots: the persona a state
 * names (`bot:`), else the built-in cast of a shipped scenario, else one drawn from `seed`.
 */
export function scenarioCast(scenario: Scenario, seed: string): BotPersona[] {
  const seats = scenario.states.map((s) => s.id);
  const cast = castBots(scenario.id, seats, "scenario", seed, namedPersonas(scenario.states));
  return seats.map((s) => cast[s] as BotPersona);
}

/**
 * A finished game of a batch: its final state and each seat's persona (with `:level` when a level was set).
 */
export interface TreatedGame {
  state: GameState;
  bots: Record<SeatId, string>;
}

/**
 * Plays game `g` (seed `<seed>:<g>`) of `scenario` (already treated) under `t`: the baseline bots exactly as
 * `npm run simulate` plays them when no level is set, else every seat's persona at that level. `bots` are
 * cycled over the seats in scenario order; empty, every baseline persona rotates through every seat.
 */
export function playTreated(
  scenario: Scenario,
  t: Treatment,
  bots: readonly BotPersona[],
  seed: string,
  g: number,
): TreatedGame {
  const seats = scenario.states.map((s) => s.id);
  const personaOf = (i: number): BotPersona =>
    bots.length > 0
      ? (bots[i % bots.length] as BotPersona)
      : (PERSONAS[(i + g) % PERSONAS.length] as Persona);
  if (t.botLevel === null) {
    const baseline = bots.filter(isBaselinePersona);
    if (baseline.length !== bots.length) throw new Error("opportunist and normBuilder bots need a bot level");
    const played = playBatchGame(
      { scenario, games: g + 1, seed, bots: baseline, cbms: t.cbms, noCbms: t.noCbms },
      g,
    );
    return { state: played.state, bots: { ...played.personas } };
  }
  const level = t.botLevel;
  const specs = Object.fromEntries(seats.map((s, i) => [s, { persona: personaOf(i), level }]));
  const played = playBotGame(scenario, `${seed}:${g}`, specs, { cbms: t.cbms, noCbms: t.noCbms });
  if (played.rejected.length > 0)
    throw new Error(
      `game ${g}: the engine rejected a bot step: ${played.rejected[0]?.code} ${played.rejected[0]?.message}`,
    );
  return {
    state: played.state,
    bots: Object.fromEntries(seats.map((s, i) => [s, `${personaOf(i)}:${level}`])),
  };
}

/** The highest tension each pair reached (every turn's end and the end), by pair key. */
export function peakTension(s: GameState): Record<string, number> {
  const peaks: Record<string, number> = {};
  for (const [key, now] of Object.entries(s.tension))
    peaks[key] = Math.max(now, ...(s.tensionHistory[key] ?? []));
  return peaks;
}

/** Incidents whose victim's evidence pointed, at some point, to a state that did not do it. */
export function misattributions(s: GameState): number {
  return s.incidents.filter((i) => i.misled.includes(i.target)).length;
}

const r4 = (x: number): number => Math.round(x * 10000) / 10000;
const pairColumn = (key: string): string => key.replace("|", "_");

/** The CSV columns, in their stable order, for a scenario and a grid's factor columns (`grid_<factor>`). */
export function csvHeader(scenario: Scenario, factorColumns: readonly string[]): string[] {
  const seats = scenario.states.map((s) => s.id);
  const pairs: string[] = [];
  for (let i = 0; i < seats.length; i++)
    for (let j = i + 1; j < seats.length; j++) {
      const [a, b] = [seats[i] as string, seats[j] as string];
      pairs.push(pairColumn(a < b ? `${a}|${b}` : `${b}|${a}`));
    }
  return [
    "cell",
    ...factorColumns.map((f) => `grid_${f}`),
    "game",
    "seed",
    "scenario",
    ...seats.map((s) => `bot_${s}`),
    "bot_level",
    "cbms_forced",
    "cbm_proposals",
    "params",
    "outcome",
    "cause",
    "turns",
    "belligerents",
    "initiator",
    "max_peak_tension",
    ...pairs.map((p) => `peak_tension_${p}`),
    ...pairs.map((p) => `final_tension_${p}`),
    "misattributions",
    "cbms_in_force_at_end",
    ...seats.map((s) => `score_${s}`),
  ];
}

/** One game's row, keyed by the header's columns. */
export function gameRow(
  cell: { label: string; levels: ReadonlyArray<readonly [string, string]> },
  g: number,
  seed: string,
  t: Treatment,
  game: TreatedGame,
): Record<string, CsvValue> {
  const s = game.state;
  const row: Record<string, CsvValue> = {
    cell: cell.label,
    game: g,
    seed: `${seed}:${g}`,
    scenario: s.scenario.id,
  };
  for (const [f, level] of cell.levels) row[`grid_${f}`] = level;
  for (const seat of s.seats) row[`bot_${seat}`] = game.bots[seat] ?? "";
  row.bot_level = t.botLevel ?? "baseline";
  row.cbms_forced = [...t.cbms].sort().join(" ");
  row.cbm_proposals = t.noCbms ? "forbidden" : "allowed";
  row.params = Object.entries(t.params)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  row.outcome = s.outcome?.kind ?? "";
  row.cause = s.outcome?.cause ?? "";
  row.turns = s.turn;
  row.belligerents = (s.outcome?.belligerents ?? []).join(" ");
  row.initiator = s.outcome?.initiator ?? "";
  const peaks = peakTension(s);
  row.max_peak_tension = r4(Math.max(0, ...Object.values(peaks)));
  for (const [key, v] of Object.entries(peaks)) row[`peak_tension_${pairColumn(key)}`] = r4(v);
  for (const [key, v] of Object.entries(s.tension)) row[`final_tension_${pairColumn(key)}`] = r4(v);
  row.misattributions = misattributions(s);
  row.cbms_in_force_at_end = [...new Set(s.cbms.map((c) => c.kind))].sort().join(" ");
  for (const seat of s.seats) row[`score_${seat}`] = r4(s.scores[seat]?.total ?? 0);
  return row;
}
