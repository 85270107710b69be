/**
 * The search bot sees only its seat's view, samples worlds consistent with it, and decides deterministically
 * per seed.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { createGame } from "../game/create.ts";
import { applyStep } from "../game/steps.ts";
import { rngFromSeed } from "../model/rng.ts";
import type { SeatId } from "../model/basics.ts";
import { freshIncident } from "../model/incident.ts";
import type { GameState } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame, seatRng } from "../sim/bot-game.ts";
import { deepFreeze } from "../testing/freeze.ts";
import type { GameView } from "../view/types.ts";
import { viewFor } from "../view/view.ts";
import { botTurn } from "./bot.ts";
import { determinize } from "./determinize.ts";
import type { BotSpec } from "./doctrines.ts";
import { opponentModel } from "./opponents.ts";
import { searchOrders, type SearchBudget } from "./search.ts";
import { exposureCost } from "./search-value.ts";

/** Per-test timeout (ms): these tests play many seeded games. */
const SLOW = 180_000;

const SMALL: SearchBudget = { iterations: 24, depth: 2, horizon: 3 };

function load(id: string): Scenario {
  const r = findScenario(id);
  if (!r.ok) throw new Error(id);
  return r.scenario;
}
const baltic = load("baltic-fog");

/** Plays normal bots up to the planning phase of `turn`. */
function stateAt(scenario: Scenario, seed: string, turn: number): GameState {
  const created = createGame(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  let s = created.value;
  const lineup = ["hawk", "opportunist", "reciprocal", "normBuilder", "dove", "forgiving"] as const;
  while (s.phase === "planning" && s.turn < turn) {
    const t = s.turn;
    s.seats.forEach((seat, i) => {
      const spec: BotSpec = { persona: lineup[i % lineup.length] as BotSpec["persona"], level: "normal" };
      const bt = botTurn(viewFor(s, { role: "player", seat }), spec, seatRng(seed, seat, t));
      for (const a of bt.answers) {
        const r = applyStep(s, { type: "respond", turn: t, seat, proposal: a.proposal, accept: a.accept });
        if (r.ok) s = r.value.state;
      }
      for (const p of bt.proposals) {
        const r = applyStep(s, { type: "propose", turn: t, seat, kind: p.kind, parties: p.parties });
        if (r.ok) s = r.value.state;
      }
      const r = applyStep(s, { type: "orders", turn: t, seat, orders: bt.orders });
      if (r.ok) s = r.value.state;
    });
    const r = applyStep(s, { type: "resolve", turn: t });
    if (!r.ok) throw new Error(r.error.message);
    s = r.value.state;
  }
  return s;
}

/** A copy of the state that differs only in what `seat` cannot see. */
function withOtherSecrets(s: GameState, seat: SeatId): GameState {
  const c: GameState = structuredClone(s);
  const others = c.seats.filter((x) => x !== seat);
  const [a, b] = others as [SeatId, SeatId];
  for (const o of others) {
    const n = c.nations[o];
    const published = c.cbms.some(
      (x) =>
        (x.kind === "publishDoctrine" && x.members.includes(o)) ||
        (x.kind === "jointObservation" && x.members.includes(o) && x.members.includes(seat)),
    );
    if (n && !published) {
      n.cyber = n.cyber >= 5 ? 1 : 9;
      n.defense = n.defense >= 3 ? 1 : 5;
    }
    if (n) {
      n.briefing = "changed";
      n.objectives = [];
    }
  }
  c.incidents.push(
    freshIncident({
      id: "hidden-x",
      turn: 1,
      kind: "preposition",
      author: a,
      target: b,
      proxy: true,
      knowledge: { [a]: { since: 1, confidence: 3, suspect: a, shared: false, changed: 1, moderateAt: 1 } },
    }),
  );
  c.accesses.push({ id: "hidden-a", owner: a, target: seat, since: 1, incident: "hidden-x" });
  c.accesses.push({ id: "hidden-b", owner: b, target: a, since: 1, incident: "hidden-x" });
  c.suspicion[`${a}>${b}`] = 0.9;
  c.rng = rngFromSeed("a different future").save();
  return c;
}

/**
 * A read-only view (everything below the top frozen, writes refused) that records which keys were read at the
 * top and under `private`.
 */
function watched(view: GameView): { view: GameView; top: Set<string>; privateKeys: Set<string> } {
  const top = new Set<string>();
  const privateKeys = new Set<string>();
  const inner = deepFreeze(structuredClone(view));
  const refuse = (): boolean => {
    throw new Error("the bot tried to write to its view");
  };
  const priv = new Proxy(
    { ...inner.private },
    {
      get(t, k, r) {
        if (typeof k === "string") privateKeys.add(k);
        return Reflect.get(t, k, r);
      },
      set: refuse,
    },
  );
  const proxy = new Proxy(
    { ...inner, private: priv },
    {
      get(t, k, r) {
        if (typeof k === "string") top.add(k);
        return Reflect.get(t, k, r);
      },
      set: refuse,
    },
  );
  return { view: proxy, top, privateKeys };
}

describe("search bot (ISMCTS by determinization)", () => {
  const state = stateAt(baltic, "hidden-1", 5);
  const seat = state.seats[2] as SeatId;

  it(
    "decides from the view alone: hidden differences that leave the view unchanged change no decision",
    () => {
      const other = withOtherSecrets(state, seat);
      const v1 = viewFor(state, { role: "player", seat });
      const v2 = viewFor(other, { role: "player", seat });
      expect(JSON.stringify(v2)).toBe(JSON.stringify(v1));
      expect(JSON.stringify(other.accesses)).not.toBe(JSON.stringify(state.accesses));
      for (const level of ["easy", "normal", "hard"] as const) {
        const spec: BotSpec = { persona: "opportunist", level };
        const a = botTurn(v1, spec, rngFromSeed("same"), { budget: SMALL });
        const b = botTurn(v2, spec, rngFromSeed("same"), { budget: SMALL });
        expect(b).toEqual(a);
      }
    },
    SLOW,
  );

  it(
    "reads only the view it is handed (frozen; nothing outside the view's keys, no other seat's private part)",
    () => {
      const w = watched(viewFor(state, { role: "player", seat }));
      const r = searchOrders(w.view, "hawk", rngFromSeed("watch"), SMALL);
      expect(r.orders.length).toBeGreaterThan(0);
      const viewKeys = new Set(Object.keys(viewFor(state, { role: "player", seat })));
      for (const k of w.top) expect(viewKeys.has(k) || k === "constructor" || k === "toJSON").toBe(true);
      for (const k of ["rng", "accesses", "intel", "suspicion", "orders", "injects", "lastNormViolation"])
        expect(w.top.has(k)).toBe(false);
      for (const k of w.privateKeys) expect([seat, "constructor", "toJSON"]).toContain(k);
    },
    SLOW,
  );

  it(
    "samples worlds consistent with the view: the seat's view of a sampled world shows what its own view shows",
    () => {
      const v = viewFor(state, { role: "player", seat });
      const model = opponentModel(v, seat);
      const rng = rngFromSeed("worlds");
      for (let i = 0; i < 20; i++) {
        const w = determinize(v, model, rng).state;
        const back = viewFor(w, { role: "player", seat });
        expect(back.tension).toEqual(v.tension);
        expect(back.cbms).toEqual(v.cbms);
        expect(back.private[seat]?.accesses).toEqual(v.private[seat]?.accesses);
        expect(back.private[seat]?.suspicion).toEqual(v.private[seat]?.suspicion);
        expect(back.private[seat]?.objectives).toEqual(v.private[seat]?.objectives);
        for (const id of v.seats) {
          const a = v.nations[id];
          const b = back.nations[id];
          expect([b?.economy, b?.stability, b?.reputation]).toEqual([
            a?.economy,
            a?.stability,
            a?.reputation,
          ]);
          if (a?.cyber !== null) expect(b?.cyber).toBe(a?.cyber);
        }
        for (const inc of v.incidents) {
          const mine = back.incidents.find((x) => x.id === inc.id);
          expect(mine).toBeDefined();
          expect(mine?.knowledge[seat]).toEqual(inc.knowledge[seat]);
          expect(mine?.publicAttributions).toEqual(inc.publicAttributions);
        }
        expect(back.scores[seat]).toEqual(v.scores[seat]);
      }
    },
    SLOW,
  );

  it(
    "is deterministic: the same view and seed give the same decision and statistics",
    () => {
      const v = viewFor(state, { role: "player", seat });
      const a = searchOrders(v, "reciprocal", rngFromSeed("det"), SMALL);
      const b = searchOrders(v, "reciprocal", rngFromSeed("det"), SMALL);
      expect(b).toEqual(a);
      expect(a.stats.length).toBeGreaterThan(1);
    },
    SLOW,
  );

  it(
    "whole games with hard bots replay identically for the same seed",
    () => {
      const specs: Record<SeatId, BotSpec> = {
        aestria: { persona: "hawk", level: "hard" },
        borevia: { persona: "opportunist", level: "hard" },
        meridia: { persona: "normBuilder", level: "easy" },
        havland: { persona: "forgiving", level: "normal" },
      };
      const a = playBotGame(baltic, "det-game", specs, {}, { budget: SMALL });
      const b = playBotGame(baltic, "det-game", specs, {}, { budget: SMALL });
      expect(JSON.stringify(b.turns)).toBe(JSON.stringify(a.turns));
      expect(b.state.scores).toEqual(a.state.scores);
      expect(a.rejected).toEqual([]);
    },
    SLOW,
  );
});

describe("the search's value of its own covert operations", () => {
  /**
   * A state in which `me` ran one covert pre-positioning against `target`, known to the target at
   * `confidence`.
   */
  function exposed(confidence: 0 | 1 | 2, turn: number, never: boolean): { s: GameState; me: SeatId } {
    const s = structuredClone(stateAt(baltic, "exposure", 1));
    const [me, target] = s.seats as [SeatId, SeatId];
    s.turn = turn;
    const n = s.nations[me];
    if (n) n.objectives = never ? [{ kind: "neverAttributed", text: "", points: 5 }] : [];
    s.incidents.push(
      freshIncident({
        id: "mine",
        turn: 1,
        kind: "preposition",
        author: me,
        target,
        knowledge: {
          [me]: { since: 1, confidence: 3, suspect: me, shared: false, changed: 1, moderateAt: 1 },
          [target]: {
            since: 1,
            confidence,
            suspect: confidence > 0 ? me : null,
            shared: false,
            changed: 1,
            moderateAt: confidence >= 2 ? 1 : null,
          },
        },
      }),
    );
    return { s, me };
  }

  it("costs the reputation and the neverAttributed objective its naming would take, more as the evidence and the turns left grow", () => {
    const low = exposed(1, 3, false);
    const mod = exposed(2, 3, false);
    const late = exposed(1, low.s.maxTurns, false);
    const objective = exposed(1, 3, true);
    expect(exposureCost(low.s, low.me)).toBeGreaterThan(0);
    expect(exposureCost(mod.s, mod.me)).toBeGreaterThan(exposureCost(low.s, low.me));
    expect(exposureCost(mod.s, mod.me)).toBeLessThanOrEqual(mod.s.params.accusedReputation);
    expect(exposureCost(late.s, late.me)).toBeLessThan(exposureCost(low.s, low.me));
    expect(exposureCost(objective.s, objective.me)).toBeGreaterThan(exposureCost(low.s, low.me) + 1);
    // Undetected operations, and others' operations, cost nothing.
    const hidden = exposed(0, 3, true);
    delete hidden.s.incidents[hidden.s.incidents.length - 1]?.knowledge[hidden.s.seats[1] as SeatId];
    expect(exposureCost(hidden.s, hidden.me)).toBe(0);
    expect(exposureCost(low.s, low.s.seats[1] as SeatId)).toBe(0);
  });
});
