import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerProposal, chooseOrders, proposeCbms } from "../bots/personas.ts";
import { PERSONAS, type Persona } from "../bots/persona-names.ts";
import { hashValue } from "../model/hash.ts";
import { orderCost } from "../model/orders.ts";
import { rngFromSeed } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import { freshIncident } from "../model/incident.ts";
import type { GameState } from "../model/types.ts";
import { playGame } from "../sim/play.ts";
import { testScenario } from "../testing/fixtures.ts";
import { deepFreeze } from "../testing/freeze.ts";
import { viewFor } from "../view/view.ts";
import { createGame } from "./create.ts";
import { applyStep, type Step } from "./steps.ts";

const scenario = testScenario(4);
const seats = scenario.states.map((s) => s.id);
const personaArb = fc.constantFrom(...PERSONAS);
const personasArb = fc
  .tuple(personaArb, personaArb, personaArb, personaArb)
  .map((ps) => Object.fromEntries(seats.map((s, i) => [s, ps[i] as Persona])));

/** Plays `turns` turns with frozen states, checking invariants after every step; returns the states seen. */
function playChecked(seed: string, personas: Record<SeatId, Persona>, turns: number): GameState[] {
  const created = createGame(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = deepFreeze(created.value);
  const rng = rngFromSeed(`${seed}/bots`);
  const seen: GameState[] = [state];
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    expect(r.ok, r.ok ? "" : `${r.error.code} ${r.error.message}`).toBe(true);
    if (r.ok) state = deepFreeze(r.value.state);
  };
  for (let t = 0; t < turns && state.phase === "planning"; t++) {
    const turn = state.turn;
    for (const seat of state.seats) {
      const view = viewFor(state, { role: "player", seat });
      const persona = personas[seat] as Persona;
      for (const p of view.proposals)
        if (!p.accepted.includes(seat) && !p.declined.includes(seat))
          apply({
            type: "respond",
            turn,
            seat,
            proposal: p.id,
            accept: answerProposal(view, p, persona, rng).accept,
          });
      for (const p of proposeCbms(view, persona, rng))
        apply({ type: "propose", turn, seat, kind: p.kind, parties: p.parties });
      const orders = chooseOrders(view, persona, rng);
      const ap = orders.reduce((sum, o) => sum + orderCost(o), 0);
      expect(ap).toBeLessThanOrEqual(state.nations[seat]?.actionPoints ?? 0);
      apply({ type: "orders", turn, seat, orders });
    }
    apply({ type: "resolve", turn });
    seen.push(state);
  }
  return seen;
}

describe("properties", () => {
  it("determinism: same scenario, seed and bots give the same state hash, turn by turn", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), personasArb, (seed, personas) => {
        const a = playGame(scenario, seed, personas, {}, true);
        const b = playGame(scenario, seed, personas, {}, true);
        expect(a.record?.steps).toEqual(b.record?.steps);
        expect(hashValue(a.state)).toBe(hashValue(b.state));
      }),
      { numRuns: 25 },
    );
  });

  it("invariants hold every turn and the engine never mutates its input (states are deep-frozen)", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), personasArb, (seed, personas) => {
        const states = playChecked(seed, personas, 12);
        for (let i = 0; i < states.length; i++) {
          const s = states[i] as GameState;
          for (const t of Object.values(s.tension)) expect(t >= 0 && t <= 10).toBe(true);
          for (const v of Object.values(s.suspicion)) expect(v >= 0 && v <= 1).toBe(true);
          for (const n of Object.values(s.nations)) {
            expect(n.defense >= 1 && n.defense <= 5).toBe(true);
            expect(n.cyber >= 0 && n.cyber <= 10).toBe(true);
            expect(n.actionPoints).toBeGreaterThanOrEqual(0);
          }
          if (i === 0) continue;
          const prev = states[i - 1] as GameState;
          for (const inc of prev.incidents) {
            const now = s.incidents.find((x) => x.id === inc.id);
            expect(now).toBeDefined();
            for (const [seat, k] of Object.entries(inc.knowledge))
              expect(now?.knowledge[seat]?.confidence ?? -1).toBeGreaterThanOrEqual(k.confidence);
          }
        }
      }),
      { numRuns: 20 },
    );
  });

  it("no leaks: changing only one seat's private data changes no other seat's view and not the observer's", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 12 }),
        personasArb,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 3 }),
        (seed, personas, turns, who) => {
          const states = playChecked(seed, personas, turns);
          const base = states[states.length - 1] as GameState;
          if (base.phase === "ended") return; // after the end everyone sees everything
          const a = seats[who] as SeatId;
          const mutated: GameState = structuredClone(base) as GameState;
          const n = mutated.nations[a];
          if (!n) throw new Error("no nation");
          n.briefing = "CHANGED SECRET";
          n.objectives = [{ kind: "neverAttributed", text: "changed", points: 9 }];
          const published = mutated.cbms.some(
            (c) => c.members.includes(a) && (c.kind === "publishDoctrine" || c.kind === "jointObservation"),
          );
          if (!published) {
            n.cyber = n.cyber === 10 ? 0 : 10;
            n.defense = n.defense === 5 ? 1 : 5;
          }
          n.pendingCyber = 1;
          mutated.accesses = mutated.accesses.filter((x) => x.owner !== a);
          mutated.accesses.push({
            id: "aLEAK",
            owner: a,
            target: seats[(who + 1) % 4] as SeatId,
            since: 1,
            incident: "iLEAK",
          });
          mutated.intel[a] = [
            {
              turn: 1,
              about: seats[(who + 2) % 4] as SeatId,
              cyber: 7,
              defense: 2,
              accessesHeld: {},
              operationsLastTurn: [],
            },
          ];
          mutated.orders[a] = [{ type: "hunt" }];
          for (const o of seats) if (o !== a) mutated.suspicion[`${a}>${o}`] = 0.99;
          for (const inc of mutated.incidents) {
            const k = inc.knowledge[a];
            if (k && inc.author !== a) {
              k.confidence = 3;
              k.suspect = "nonState";
            }
            const othersKnow = Object.keys(inc.knowledge).some((s) => s !== a);
            if (inc.author === a && !inc.public && !othersKnow)
              inc.kind = inc.kind === "espionage" ? "preposition" : "espionage";
          }
          mutated.incidents.push(
            freshIncident({
              id: "iLEAK",
              turn: 1,
              kind: "preposition",
              author: a,
              target: seats[(who + 1) % 4] as SeatId,
              proxy: true,
              knowledge: {
                [a]: { since: 1, confidence: 3, suspect: a, shared: false, changed: 1, moderateAt: 1 },
              },
              detection: { defense: 3, bonus: 0, detected: false },
            }),
          );
          for (const b of seats) {
            if (b === a) continue;
            expect(viewFor(mutated, { role: "player", seat: b })).toEqual(
              viewFor(base, { role: "player", seat: b }),
            );
          }
          expect(viewFor(mutated, { role: "observer" })).toEqual(viewFor(base, { role: "observer" }));
          expect(viewFor(mutated, { role: "player", seat: a })).not.toEqual(
            viewFor(base, { role: "player", seat: a }),
          );
          expect(viewFor(mutated, { role: "facilitator" })).not.toEqual(
            viewFor(base, { role: "facilitator" }),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("views never carry the PRNG state or the seed", () => {
    const played = playGame(
      scenario,
      "secret-seed-123",
      Object.fromEntries(seats.map((s) => [s, "hawk" as Persona])),
    );
    for (const viewer of [
      { role: "observer" as const },
      { role: "player" as const, seat: "north" },
      { role: "facilitator" as const },
    ]) {
      const text = JSON.stringify(viewFor(played.state, viewer));
      expect(text).not.toContain("secret-seed-123");
      expect(text).not.toContain(`"s0"`);
      expect(text).not.toContain(`"rng"`);
    }
  });
});
