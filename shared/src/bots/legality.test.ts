/**
 * Property: bots of every persona and level only ever submit legal orders, proposals and answers, on every
 * shipped scenario.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { validateOrders } from "../game/validate.ts";
import { checkProposal } from "../rules/cbms.ts";
import type { SeatId } from "../model/basics.ts";
import type { GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { createGame } from "../game/create.ts";
import { applyStep } from "../game/steps.ts";
import { seatRng } from "../sim/bot-game.ts";
import { viewFor } from "../view/view.ts";
import { botTurn } from "./bot.ts";
import { BOT_LEVELS, BOT_PERSONAS, type BotSpec } from "./doctrines.ts";

/** Per-test timeout (ms): these tests play many seeded games. */
const SLOW = 180_000;

const SCENARIOS = ["tutorial", "dark-winter", "open-secrets", "baltic-fog", "collateral", "halden-measures"];
const scenarios: Scenario[] = SCENARIOS.map((id) => {
  const r = findScenario(id);
  if (!r.ok) throw new Error(id);
  return r.scenario;
});
const SMALL = { budget: { iterations: 12, depth: 2, horizon: 2 } };

/**
 * Plays a game, checking every seat's every step against the state it is applied to; returns the problems
 * found.
 */
function playChecked(
  scenario: Scenario,
  seed: string,
  specs: Record<SeatId, BotSpec>,
  noCbms: boolean,
): string[] {
  const created = createGame(scenario, seed, { noCbms });
  if (!created.ok) return [created.error.message];
  let s: GameState = created.value;
  const problems: string[] = [];
  while (s.phase === "planning") {
    const turn = s.turn;
    for (const seat of s.seats) {
      const spec = specs[seat] as BotSpec;
      const t = botTurn(viewFor(s, { role: "player", seat }), spec, seatRng(seed, seat, turn), SMALL);
      for (const a of t.answers) {
        const r = applyStep(s, {
          type: "respond",
          turn,
          seat,
          proposal: a.proposal,
          accept: a.accept,
          ...(a.accept ? {} : { note: a.note }),
        });
        if (r.ok) s = r.value.state;
        else problems.push(`${spec.persona}:${spec.level} respond ${r.error.code}`);
      }
      for (const p of t.proposals) {
        const c = checkProposal(s, seat, p.kind, p.parties);
        if (!c.ok) {
          problems.push(`${spec.persona}:${spec.level} propose ${p.kind} ${c.error.code}`);
          continue;
        }
        const r = applyStep(s, { type: "propose", turn, seat, kind: p.kind, parties: p.parties });
        if (r.ok) s = r.value.state;
      }
      const v = validateOrders(s, seat, t.orders);
      if (!v.ok) problems.push(`${spec.persona}:${spec.level} orders ${v.error.code} ${v.error.message}`);
      const r = applyStep(s, { type: "orders", turn, seat, orders: t.orders });
      if (r.ok) s = r.value.state;
    }
    const r = applyStep(s, { type: "resolve", turn });
    if (!r.ok) return [...problems, `resolve ${r.error.code}`];
    s = r.value.state;
  }
  return problems;
}

const spec = fc.record({ persona: fc.constantFrom(...BOT_PERSONAS), level: fc.constantFrom(...BOT_LEVELS) });

describe("bots submit only legal moves", () => {
  it(
    "over many seeds, scenarios and line-ups of every persona and level",
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: scenarios.length - 1 }),
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.array(spec, { minLength: 6, maxLength: 6 }),
          fc.boolean(),
          (si, seed, specs, noCbms) => {
            const scenario = scenarios[si] as Scenario;
            const bySeat: Record<SeatId, BotSpec> = {};
            scenario.states.forEach((st, i) => {
              bySeat[st.id] = specs[i % specs.length] as BotSpec;
            });
            expect(playChecked(scenario, seed, bySeat, noCbms)).toEqual([]);
          },
        ),
        { numRuns: 60, seed: 20261125 },
      );
    },
    SLOW,
  );

  it(
    "every persona at the normal and easy levels, 40 games on every scenario",
    () => {
      for (const scenario of scenarios) {
        for (let g = 0; g < 40; g++) {
          const bySeat: Record<SeatId, BotSpec> = {};
          scenario.states.forEach((st, i) => {
            bySeat[st.id] = {
              persona: BOT_PERSONAS[(i + g) % BOT_PERSONAS.length] as BotSpec["persona"],
              level: g % 2 === 0 ? "normal" : "easy",
            };
          });
          expect(playChecked(scenario, `legal-${g}`, bySeat, g % 3 === 0)).toEqual([]);
        }
      }
    },
    SLOW,
  );
});
