/**
 * Test helpers for the engine's error-code tests (shared/src/game/validate*.test.ts): a small quiet game,
 * steps and resolutions that must pass, a step that must be refused with a given code while changing nothing,
 * and the states the cases start from.
 */
import { expect } from "vitest";
import { createGame } from "../game/create.ts";
import { resolveTurn } from "../game/resolve.ts";
import { applyStep, type Step } from "../game/steps.ts";
import type { EngineError, ErrorCode } from "../model/errors.ts";
import type { Order } from "../model/orders.ts";
import type { ModelParams } from "../model/params.ts";
import type { GameOptions, GameState } from "../model/types.ts";
import { testScenario } from "./fixtures.ts";
import { deepFreeze } from "./freeze.ts";

// Fixture states (testScenario): north (def 1, AP 3), south (def 2), east (def 3), west (def 4).

/** Noise off: no non-state incidents, no misread exercises. */
export const QUIET: Partial<ModelParams> = { nonStateIncidentChance: 0, exerciseMisreadChance: 0 };

/** A new quiet game of the fixture scenario with `n` states (seed "validate-seed"). */
export function newGame(
  params: Partial<ModelParams> = {},
  options: Partial<GameOptions> = {},
  n = 3,
): GameState {
  const r = createGame(testScenario(n, { params: { ...QUIET, ...params } }), "validate-seed", options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** Applies a step that must succeed. */
export function step(s: GameState, st: Step): GameState {
  const r = applyStep(s, st);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
}

/** Resolves the current turn with these orders (must succeed). */
export function resolve(s: GameState, orders: Record<string, Order[]>): GameState {
  const r = resolveTurn(s, orders);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
}

/**
 * Applies a step to a deep-frozen state, asserts it is rejected with `code` and a message
 * matching every pattern, and that the input state did not change.
 */
export function rejects(s: GameState, st: Step, code: ErrorCode, ...patterns: RegExp[]): EngineError {
  deepFreeze(s);
  const before = JSON.stringify(s);
  const r = applyStep(s, st);
  expect(r.ok, `expected ${code}`).toBe(false);
  if (r.ok) throw new Error("unreachable");
  expect(r.error.code).toBe(code);
  expect(r.error.message.length).toBeGreaterThan(10);
  for (const p of patterns) expect(r.error.message).toMatch(p);
  expect(JSON.stringify(s)).toBe(before);
  return r.error;
}

/** Shorthand for an orders step of `seat` on the state's turn. */
export const orders = (s: GameState, seat: string, list: unknown): Step => ({
  type: "orders",
  turn: s.turn,
  seat,
  orders: list,
});

/** A game where north ran a covert DDoS against south on turn 1 (always noticed), now at turn 2. */
export function afterDdos(options: Partial<GameOptions> = {}): { s: GameState; incident: string } {
  const s = resolve(newGame({}, options), { north: [{ type: "ddos", target: "south" }] });
  const inc = s.incidents.find((i) => i.author === "north" && i.target === "south");
  if (!inc) throw new Error("no incident");
  return { s, incident: inc.id };
}

/** Hotline among all; north DDoSed south on turn 1; south inquired of north on turn 2; now turn 3. */
export function withInquiry(): { s: GameState; inquiry: string; incident: string } {
  const { s: s2, incident } = afterDdos({ cbms: ["hotline"] });
  const s = resolve(s2, { south: [{ type: "inquire", target: "north", incident }] });
  const q = s.inquiries.find((x) => x.from === "south" && x.to === "north");
  if (!q) throw new Error("no inquiry");
  return { s, inquiry: q.id, incident };
}

/** North proposed a hotline to south on turn 1. */
export function withProposal(options: Partial<GameOptions> = {}): { s: GameState; proposal: string } {
  const s = step(newGame({}, options), {
    type: "propose",
    turn: 1,
    seat: "north",
    kind: "hotline",
    parties: ["south"],
  });
  const p = s.proposals[0];
  if (!p) throw new Error("no proposal");
  return { s, proposal: p.id };
}
