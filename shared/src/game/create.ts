/** Creating a game from a validated scenario and a seed. */
import { z } from "zod";
import { err, ok, type Result } from "../model/errors.ts";
import { hashValue } from "../model/hash.ts";
import { isReservedId } from "../model/ids.ts";
import { DEFAULT_PARAMS, type ModelParams } from "../model/params.ts";
import { allPairs, pairKey, suspicionKey } from "../model/pairs.ts";
import { rngFromSeed } from "../model/rng.ts";
import { CBM_KINDS, CBMS, type CbmKind } from "../model/cbms.ts";
import type { GameOptions, GameState, Nation } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { issueText } from "../scenario/validate.ts";
import { fireInject } from "../rules/injects.ts";
import { updateScores } from "../rules/scoring.ts";
import { beginResolution } from "./resolve.ts";

/**
 * Rules version: bump when resolution changes (any number, or any text in the state), so old records are
 * recognised. v2: event texts name measures and operations.
 */
export const RULES_VERSION = 3;

/** Merges a scenario's parameter overrides into the defaults. */
export function mergeParams(overrides: Scenario["params"]): ModelParams {
  const o = (overrides ?? {}) as Partial<ModelParams>;
  return { ...DEFAULT_PARAMS, ...o, severity: { ...DEFAULT_PARAMS.severity, ...(o.severity ?? {}) } };
}

/** Content hash of a scenario (the record names it). */
export function scenarioHash(scenario: Scenario): string {
  return hashValue(scenario);
}

/** The shape of the options a game is created with (they may come from a request or a record). */
const optionsSchema = z.strictObject({
  cbms: z.array(z.string()).optional(),
  noCbms: z.boolean().optional(),
});

/**
 * The scenario's state ids, if each is a string, unique and not reserved: they become the keys of the game's
 * records.
 */
function seatIds(scenario: Scenario): Result<string[]> {
  const seats: string[] = [];
  for (const st of scenario.states) {
    const id: unknown = st.id;
    if (typeof id !== "string" || isReservedId(id) || seats.includes(id))
      return err(
        "INVALID_SCENARIO",
        `The scenario's state id "${String(id)}" is reserved or repeated: validate the scenario before creating a game.`,
      );
    seats.push(id);
  }
  return ok(seats);
}

/** Creates the initial game state; turn-1 injects have fired. */
export function createGame(
  scenario: Scenario,
  seed: string,
  options: Partial<GameOptions> = {},
): Result<GameState> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) return err("INVALID_STEP", `Malformed game options${issueText(parsed.error.issues)}.`);
  const kinds = parsed.data.cbms ?? [];
  const unknownCbm = kinds.find((k) => !(CBM_KINDS as readonly string[]).includes(k));
  if (unknownCbm !== undefined) return err("INVALID_PARTIES", `Unknown CBM "${unknownCbm}".`);
  const opts: GameOptions = { cbms: kinds as CbmKind[], noCbms: parsed.data.noCbms ?? false };
  if (typeof seed !== "string" || seed.length === 0 || seed.length > 200)
    return err("INVALID_STEP", "A seed is 1 to 200 characters.");
  const checkedSeats = seatIds(scenario);
  if (!checkedSeats.ok) return checkedSeats;
  const seats = checkedSeats.value;
  const params = mergeParams(scenario.params);
  const nations: Record<string, Nation> = {};
  for (const st of scenario.states) {
    nations[st.id] = {
      id: st.id,
      name: st.name,
      cyber: st.cyber,
      defense: st.defense,
      dependence: st.dependence,
      economy: st.economy,
      stability: st.stability,
      reputation: st.reputation,
      actionPoints: st.actionPoints ?? params.actionPoints,
      pendingDefense: 0,
      pendingCyber: 0,
      summary: st.summary,
      briefing: st.briefing,
      objectives: st.objectives,
      position: st.position,
    };
  }
  const tension: Record<string, number> = {};
  const tensionHistory: Record<string, number[]> = {};
  for (const key of allPairs(seats)) tension[key] = params.initialTension;
  const suspicion: Record<string, number> = {};
  for (const a of seats)
    for (const b of seats) if (a !== b) suspicion[suspicionKey(a, b)] = params.suspicionBaseline;
  for (const r of scenario.relations ?? []) {
    if (r.tension !== undefined) tension[pairKey(r.a, r.b)] = r.tension;
    if (r.suspicion !== undefined) {
      suspicion[suspicionKey(r.a, r.b)] = r.suspicion;
      suspicion[suspicionKey(r.b, r.a)] = r.suspicion;
    }
  }
  for (const key of allPairs(seats)) tensionHistory[key] = [tension[key] ?? 0];
  const rng = rngFromSeed(seed);
  const cbms: GameState["cbms"] = [];
  const cid = (): string =>
    `c${Math.floor(rng.next() * 0x100000000)
      .toString(36)
      .padStart(7, "0")}`;
  for (const c of scenario.cbms ?? [])
    cbms.push({ id: cid(), kind: c.kind, members: seats.filter((s) => c.members.includes(s)), since: 0 });
  for (const kind of opts.cbms) {
    if (CBMS[kind].members === "one")
      for (const s of seats) cbms.push({ id: cid(), kind, members: [s], since: 0 });
    else cbms.push({ id: cid(), kind, members: seats.slice(), since: 0 });
  }
  const state: GameState = {
    rulesVersion: RULES_VERSION,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      hash: scenarioHash(scenario),
      briefing: scenario.briefing,
    },
    params,
    rng: rng.save(),
    seats,
    nations,
    turn: 1,
    maxTurns: scenario.turns ?? params.turns,
    phase: "planning",
    tension,
    suspicion,
    tensionHistory,
    incidents: [],
    accesses: [],
    intel: Object.fromEntries(seats.map((s) => [s, []])),
    cbms,
    proposals: [],
    inquiries: [],
    statements: [],
    orders: {},
    injects: (scenario.injects?.scheduled ?? []).map((x) => ({ turn: x.turn, inject: x.inject })),
    events: [],
    peaceStreak: 0,
    outcome: null,
    scores: {},
    lastNormViolation: 0,
    brinks: {},
    alliances: (scenario.alliances ?? []).map((a) => ({ name: a.name, members: a.members.slice() })),
    options: opts,
  };
  const ctx = beginResolution(state, 1);
  for (const x of ctx.s.injects.filter((i) => i.turn === 1)) fireInject(ctx, x.inject);
  ctx.s.injects = ctx.s.injects.filter((i) => i.turn !== 1);
  for (const key of allPairs(seats)) ctx.s.tensionHistory[key] = [ctx.s.tension[key] ?? 0];
  ctx.s.rng = ctx.rng.save();
  ctx.s.events.push(...ctx.events);
  updateScores(ctx.s);
  return ok(ctx.s);
}
