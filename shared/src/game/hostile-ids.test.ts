import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Persona } from "../bots/persona-names.ts";
import type { ErrorCode } from "../model/errors.ts";
import { hashValue } from "../model/hash.ts";
import { ordersSchema } from "../model/order-schema.ts";
import { ORDER_COSTS, type Order } from "../model/orders.ts";
import { STAT_NAMES, type SeatId } from "../model/basics.ts";
import { CBM_KINDS } from "../model/cbms.ts";
import type { GameState } from "../model/types.ts";
import { checkProposal } from "../rules/cbms.ts";
import { playGame } from "../sim/play.ts";
import { testScenario } from "../testing/fixtures.ts";
import { QUIET } from "../testing/game.ts";
import { viewFor } from "../view/view.ts";
import { createGame } from "./create.ts";
import { STEP_TYPES } from "./step-schema.ts";
import { applyStep, type Step } from "./steps.ts";
import { checkOrders } from "./validate.ts";

// Covert operations are never detected by dwell time, so games keep incidents hidden from some seats.
const scenario = testScenario(4, { params: { ...QUIET, dwellDays: [1e9, 1e9, 1e9, 1e9, 1e9] } });
const SEATS = scenario.states.map((s) => s.id);
const [ME, OTHER, THIRD] = SEATS as [SeatId, SeatId, SeatId, SeatId];

/** Every name Object.prototype has, read before any test runs. */
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype);
const PROTOTYPE_BEFORE = PROTO_KEYS.map(
  (k) => [k, Object.getOwnPropertyDescriptor(Object.prototype, k)] as const,
);

/**
 * Object.prototype has the same properties with the same values (and getters, setters) as before the tests.
 */
function expectPrototypeIntact(): void {
  expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(PROTO_KEYS);
  expect(Object.getOwnPropertySymbols(Object.prototype)).toEqual([]);
  for (const [k, d] of PROTOTYPE_BEFORE) {
    const now = Object.getOwnPropertyDescriptor(Object.prototype, k);
    expect(
      Object.is(now?.value, d?.value) &&
        now?.get === d?.get &&
        now?.set === d?.set &&
        now?.writable === d?.writable,
      k,
    ).toBe(true);
  }
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/**
 * Ids of another game: the states of a larger scenario that this one lacks, and incident, inquiry, proposal,
 * CBM and access ids played there.
 */
const OTHER_GAME_IDS: string[] = (() => {
  const big = testScenario(8);
  const played = playGame(
    big,
    "another-game",
    Object.fromEntries(big.states.map((s) => [s.id, "hawk" as Persona])),
    { cbms: ["hotline"] },
    true,
  );
  const st = played.state;
  const proposals = (played.record?.steps ?? []).flatMap((x) => (x.type === "respond" ? [x.proposal] : []));
  return [
    ...st.seats.filter((x) => !SEATS.includes(x)),
    ...st.incidents.map((i) => i.id),
    ...st.inquiries.map((q) => q.id),
    ...st.cbms.map((c) => c.id),
    ...st.accesses.map((a) => a.id),
    ...proposals,
  ];
})();

/** Words that are legal somewhere in a step: a random hostile value never takes one of them. */
const LEGAL_WORDS = new Set<string>([
  ...SEATS,
  ...STEP_TYPES,
  ...Object.keys(ORDER_COSTS),
  ...CBM_KINDS,
  ...STAT_NAMES,
  "tension",
  "stat",
  "suspicion",
  "nonStateIncident",
  "nonState",
  "deny",
  "explain",
  "acknowledge",
  "reassure",
  "warn",
]);

const HOSTILE_STRINGS: unknown[] = [
  ...PROTO_KEYS,
  "__proto__",
  "prototype",
  "",
  " ",
  "x".repeat(65),
  "y".repeat(100_000),
  "North",
  "north ",
  "north|south",
  "north>south",
  "__proto__.economy",
  "constructor.prototype",
  ...OTHER_GAME_IDS,
];
const EXOTIC: unknown[] = [
  null,
  undefined,
  0,
  -0,
  -1,
  1.5,
  NaN,
  Infinity,
  2 ** 53,
  true,
  false,
  10n,
  Symbol("north"),
  () => "north",
  {},
  [],
  ["north"],
  { north: 1 },
  Object.create(null),
  JSON.parse('{"__proto__": {"economy": 1}}'),
  { toString: () => "north" },
  {
    toString: () => {
      throw new Error("the engine stringified a hostile value");
    },
  },
];

/**
 * A hostile value: a prototype name, an empty or overlong string, another game's id, or something that is not
 * a string.
 */
const hostileArb: fc.Arbitrary<unknown> = fc
  .oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...EXOTIC) },
    { weight: 1, arbitrary: fc.string() },
    { weight: 1, arbitrary: fc.anything() },
  )
  .filter((v) => !(typeof v === "string" && LEGAL_WORDS.has(v)));

/** Legal orders a seat might give now (the game then keeps only those checkOrders accepts). */
function candidates(s: GameState, seat: SeatId): Order[] {
  const out: Order[] = [{ type: "hunt" }, { type: "harden" }, { type: "develop" }];
  for (const t of s.seats) {
    if (t === seat) continue;
    out.push(
      { type: "espionage", target: t },
      { type: "preposition", target: t },
      { type: "ddos", target: t },
      { type: "influence", target: t, proxy: true },
    );
    out.push(
      { type: "sanction", target: t },
      { type: "expel", target: t },
      { type: "mobilize", target: t },
      { type: "statement", tone: "warn", target: t },
    );
    for (const i of s.incidents)
      if (i.public && i.author !== seat) out.push({ type: "attribute", incident: i.id, accused: t });
  }
  for (const i of s.incidents)
    if (i.knowledge[seat] && i.author !== seat) out.push({ type: "investigate", incident: i.id });
  return out;
}

/** Applies a step that must be legal. */
function must(s: GameState, step: Step): GameState {
  const r = applyStep(s, step);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
}

/**
 * A game played through applyStep with legal random turns; the first turn has a public DDoS (other on third)
 * and a hidden espionage (me on other).
 */
interface Played {
  s: GameState;
  /** A public incident any seat may attribute. */
  incident: string;
}

const playedArb: fc.Arbitrary<Played | null> = fc
  .record({
    seed: fc.string({ minLength: 1, maxLength: 12 }),
    turns: fc.array(
      fc.record({
        picks: fc.array(fc.array(fc.nat(), { maxLength: 3 }), { minLength: 4, maxLength: 4 }),
        propose: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ seed, turns }) => {
    const created = createGame(scenario, seed);
    if (!created.ok) throw new Error(created.error.message);
    let s = created.value;
    for (const [t, turn] of turns.entries()) {
      let next = s;
      if (turn.propose && checkProposal(next, ME, "hotline", [OTHER]).ok)
        next = must(next, { type: "propose", turn: next.turn, seat: ME, kind: "hotline", parties: [OTHER] });
      for (const [i, seat] of SEATS.entries()) {
        const list: Order[] =
          t > 0
            ? []
            : seat === OTHER
              ? [{ type: "ddos", target: THIRD }]
              : seat === ME
                ? [{ type: "espionage", target: OTHER }]
                : [];
        for (const p of turn.picks[i] ?? []) {
          const all = candidates(next, seat);
          const c = all[p % all.length] as Order;
          if (checkOrders(next, seat, [...list, c]).ok) list.push(c);
        }
        next = must(next, { type: "orders", turn: next.turn, seat, orders: list });
      }
      next = must(next, { type: "resolve", turn: next.turn });
      if (next.phase === "ended") break;
      s = next;
    }
    const incident = s.incidents.find((i) => i.public && i.author === OTHER);
    // A counterexample names the game, not its whole state.
    const described = (): string =>
      `game "${seed}" at turn ${s.turn}, ${s.incidents.length} incidents, ${s.proposals.length} proposals`;
    return s.phase === "planning" && incident
      ? { s, incident: incident.id, [fc.toStringMethod]: described }
      : null;
  });

type Expected = ErrorCode | "accepted";

/**
 * One id-bearing field of one step type: the step with a value in that field, and the code that value must
 * get (null: the value is legal there).
 */
interface Case {
  field: string;
  step: (g: Played, v: unknown) => unknown;
  expected: (v: unknown, g: Played) => Expected | null;
}

/**
 * Orders and steps take ids of 1 to 64 characters: anything else is malformed (shapeCode); a well-formed id
 * not in the game gets `code`.
 */
const byShape =
  (code: ErrorCode, shapeCode: ErrorCode) =>
  (v: unknown): Expected =>
    typeof v === "string" && v.length >= 1 && v.length <= 64 ? code : shapeCode;
/** Leaves `undefined` (an absent optional field, which is legal) out. */
const optional =
  (f: (v: unknown) => Expected) =>
  (v: unknown): Expected | null =>
    v === undefined ? null : f(v);
/**
 * An inject names states by scenario slug (lower case, not a prototype name): other strings are malformed.
 */
const SLUG = /^[a-z][a-z0-9-]{0,31}$/;
const slugShaped = (v: unknown): boolean =>
  typeof v === "string" && SLUG.test(v) && !PROTO_KEYS.includes(v) && v !== "__proto__";
const injectState = (v: unknown): Expected => (slugShaped(v) ? "UNKNOWN_TARGET" : "INVALID_STEP");
const always = (code: ErrorCode) => (): Expected => code;

const ordersOf = (g: Played, ...orders: unknown[]): unknown => ({
  type: "orders",
  turn: g.s.turn,
  seat: ME,
  orders,
});
const injectOf = (g: Played, inject: Record<string, unknown>): unknown => ({
  type: "inject",
  turn: g.s.turn,
  inject: {
    id: "hostile-test",
    title: "A test",
    text: "A hostile inject.",
    effects: [{ type: "stat", state: ME, stat: "economy", delta: -1 }],
    ...inject,
  },
});
const effectOf = (g: Played, effect: unknown): unknown => injectOf(g, { effects: [effect] });

const OPERATIONS = ["espionage", "preposition", "ddos", "influence", "disrupt", "destroy"] as const;

/** A legal body for each step type, to put a hostile `turn` in. */
const BODIES: Record<(typeof STEP_TYPES)[number], (g: Played) => Record<string, unknown>> = {
  orders: () => ({ type: "orders", seat: ME, orders: [] }),
  propose: () => ({ type: "propose", seat: OTHER, kind: "consultations", parties: [THIRD] }),
  respond: () => ({ type: "respond", seat: OTHER, proposal: "p-none", accept: true }),
  inject: (g) => ({ ...(injectOf(g, {}) as object) }),
  resolve: () => ({ type: "resolve" }),
  end: () => ({ type: "end" }),
};

const CASES: Case[] = [
  // Orders: every id field of every order type.
  ...OPERATIONS.flatMap((type): Case[] => [
    {
      field: `${type}.target`,
      step: (g, v) => ordersOf(g, { type, target: v }),
      expected: byShape("UNKNOWN_TARGET", "INVALID_ORDER"),
    },
    {
      field: `${type}.falseFlag`,
      step: (g, v) => ordersOf(g, { type, target: OTHER, falseFlag: v }),
      expected: optional(byShape("INVALID_FALSE_FLAG", "INVALID_ORDER")),
    },
  ]),
  ...(["sanction", "expel", "mobilize", "strike"] as const).map(
    (type): Case => ({
      field: `${type}.target`,
      step: (g, v) => ordersOf(g, { type, target: v }),
      expected: byShape("UNKNOWN_TARGET", "INVALID_ORDER"),
    }),
  ),
  {
    field: "brink.target",
    step: (g, v) => ordersOf(g, { type: "brink", target: v, choice: "firm" }),
    expected: byShape("UNKNOWN_TARGET", "INVALID_ORDER"),
  },
  {
    field: "statement.target",
    step: (g, v) => ordersOf(g, { type: "statement", tone: "warn", target: v }),
    expected: optional(byShape("UNKNOWN_TARGET", "INVALID_ORDER")),
  },
  {
    field: "inquire.target",
    step: (g, v) => ordersOf(g, { type: "inquire", target: v, incident: g.incident }),
    expected: byShape("UNKNOWN_TARGET", "INVALID_ORDER"),
  },
  {
    field: "inquire.incident",
    step: (g, v) => ordersOf(g, { type: "inquire", target: OTHER, incident: v }),
    expected: byShape("UNKNOWN_INCIDENT", "INVALID_ORDER"),
  },
  {
    field: "investigate.incident",
    step: (g, v) => ordersOf(g, { type: "investigate", incident: v }),
    expected: byShape("UNKNOWN_INCIDENT", "INVALID_ORDER"),
  },
  {
    field: "attribute.incident",
    step: (g, v) => ordersOf(g, { type: "attribute", incident: v, accused: OTHER }),
    expected: byShape("UNKNOWN_INCIDENT", "INVALID_ORDER"),
  },
  {
    field: "attribute.accused",
    step: (g, v) => ordersOf(g, { type: "attribute", incident: g.incident, accused: v }),
    expected: byShape("UNKNOWN_TARGET", "INVALID_ORDER"),
  },
  {
    field: "answer.inquiry",
    step: (g, v) => ordersOf(g, { type: "answer", inquiry: v, reply: "deny" }),
    expected: byShape("UNKNOWN_INQUIRY", "INVALID_ORDER"),
  },
  {
    field: "answer.reply",
    step: (g, v) => ordersOf(g, { type: "answer", inquiry: "q-none", reply: v }),
    expected: always("INVALID_ORDER"),
  },
  {
    field: "order.type",
    step: (g, v) => ordersOf(g, { type: v, target: OTHER }),
    expected: always("INVALID_ORDER"),
  },
  {
    field: "orders",
    step: (g, v) => ({ type: "orders", turn: g.s.turn, seat: ME, orders: v }),
    expected: (v) => (Array.isArray(v) ? null : "INVALID_ORDER"),
  },
  {
    field: "orders.seat",
    step: (g, v) => ({ type: "orders", turn: g.s.turn, seat: v, orders: [] }),
    expected: byShape("UNKNOWN_SEAT", "INVALID_STEP"),
  },
  // Proposals and answers.
  {
    field: "propose.seat",
    step: (g, v) => ({ type: "propose", turn: g.s.turn, seat: v, kind: "consultations", parties: [OTHER] }),
    expected: byShape("UNKNOWN_SEAT", "INVALID_STEP"),
  },
  {
    field: "propose.kind",
    step: (g, v) => ({ type: "propose", turn: g.s.turn, seat: ME, kind: v, parties: [OTHER] }),
    expected: byShape("INVALID_PARTIES", "INVALID_STEP"),
  },
  {
    field: "propose.parties[1]",
    step: (g, v) => ({
      type: "propose",
      turn: g.s.turn,
      seat: ME,
      kind: "consultations",
      parties: [OTHER, v],
    }),
    expected: byShape("UNKNOWN_TARGET", "INVALID_STEP"),
  },
  {
    field: "propose.parties",
    step: (g, v) => ({ type: "propose", turn: g.s.turn, seat: ME, kind: "consultations", parties: v }),
    expected: (v) => (Array.isArray(v) ? null : "INVALID_STEP"),
  },
  {
    field: "respond.seat",
    step: (g, v) => ({ type: "respond", turn: g.s.turn, seat: v, proposal: "p-none", accept: true }),
    expected: byShape("UNKNOWN_SEAT", "INVALID_STEP"),
  },
  {
    field: "respond.proposal",
    step: (g, v) => ({ type: "respond", turn: g.s.turn, seat: OTHER, proposal: v, accept: true }),
    expected: byShape("UNKNOWN_PROPOSAL", "INVALID_STEP"),
  },
  {
    field: "respond.accept",
    step: (g, v) => ({ type: "respond", turn: g.s.turn, seat: OTHER, proposal: "p-none", accept: v }),
    expected: (v) => (typeof v === "boolean" ? "UNKNOWN_PROPOSAL" : "INVALID_STEP"),
  },
  {
    field: "respond.note",
    step: (g, v) => ({
      type: "respond",
      turn: g.s.turn,
      seat: OTHER,
      proposal: "p-none",
      accept: false,
      note: v,
    }),
    expected: (v) => (typeof v === "string" || v === undefined ? "UNKNOWN_PROPOSAL" : "INVALID_STEP"),
  },
  // Injects: every state an effect names, its stat, its kind, its type; the inject's own id.
  {
    field: "tension.a",
    step: (g, v) => effectOf(g, { type: "tension", a: v, b: OTHER, delta: 1 }),
    expected: injectState,
  },
  {
    field: "tension.b",
    step: (g, v) => effectOf(g, { type: "tension", a: ME, b: v, delta: 1 }),
    expected: injectState,
  },
  {
    field: "stat.state",
    step: (g, v) => effectOf(g, { type: "stat", state: v, stat: "economy", delta: -1 }),
    expected: injectState,
  },
  {
    field: "stat.stat",
    step: (g, v) => effectOf(g, { type: "stat", state: ME, stat: v, delta: -1 }),
    expected: always("INVALID_STEP"),
  },
  {
    field: "suspicion.from",
    step: (g, v) => effectOf(g, { type: "suspicion", from: v, to: OTHER, delta: 0.1 }),
    expected: injectState,
  },
  {
    field: "suspicion.to",
    step: (g, v) => effectOf(g, { type: "suspicion", from: ME, to: v, delta: 0.1 }),
    expected: injectState,
  },
  {
    field: "nonStateIncident.target",
    step: (g, v) => effectOf(g, { type: "nonStateIncident", target: v, kind: "ddos" }),
    expected: injectState,
  },
  {
    field: "nonStateIncident.kind",
    step: (g, v) => effectOf(g, { type: "nonStateIncident", target: ME, kind: v }),
    expected: always("INVALID_STEP"),
  },
  {
    field: "effect.type",
    step: (g, v) => effectOf(g, { type: v, a: ME, b: OTHER, delta: 1 }),
    expected: always("INVALID_STEP"),
  },
  {
    field: "inject.id",
    step: (g, v) => injectOf(g, { id: v }),
    expected: (v) => (slugShaped(v) ? "accepted" : "INVALID_STEP"),
  },
  {
    field: "inject",
    step: (g, v) => ({ type: "inject", turn: g.s.turn, inject: v }),
    expected: always("INVALID_STEP"),
  },
  // The step itself.
  { field: "step", step: (_g, v) => v, expected: always("INVALID_STEP") },
  { field: "step.type", step: (g, v) => ({ type: v, turn: g.s.turn }), expected: always("INVALID_STEP") },
  ...STEP_TYPES.map(
    (type): Case => ({
      field: `${type}.turn`,
      step: (g, v) => ({ ...BODIES[type](g), turn: v }),
      expected: (v, g) => (v === g.s.turn ? null : Number.isSafeInteger(v) ? "WRONG_TURN" : "INVALID_STEP"),
    }),
  ),
];

/** Every id this game has given out: a hostile value that happens to equal one is not hostile here. */
function gameIds(s: GameState): Set<unknown> {
  return new Set([
    ...s.seats,
    ...s.incidents.map((i) => i.id),
    ...s.inquiries.map((q) => q.id),
    ...s.proposals.map((p) => p.id),
    ...s.cbms.map((c) => c.id),
    ...s.accesses.map((a) => a.id),
  ]);
}

describe("hostile ids: every id-bearing field of every step", () => {
  it("covers every step type and every order type", () => {
    const fields = CASES.map((c) => c.field);
    for (const t of STEP_TYPES)
      expect(
        fields.some((f) => f.startsWith(`${t}.`)),
        t,
      ).toBe(true);
    for (const t of Object.keys(ORDER_COSTS).filter((x) => !["develop", "harden", "hunt"].includes(x)))
      expect(
        fields.some((f) => f.startsWith(`${t}.`)),
        t,
      ).toBe(true);
  });

  it("each is rejected with its code, nothing throws, the state and Object.prototype are unchanged, and the game plays on", () => {
    fc.assert(
      fc.property(playedArb, hostileArb, (g, v) => {
        fc.pre(g !== null && !gameIds(g.s).has(v));
        if (!g) return;
        const before = structuredClone(g.s);
        for (const c of CASES) {
          const expected = c.expected(v, g);
          if (expected === null) continue;
          const r = applyStep(g.s, c.step(g, v) as Step);
          const got = r.ok ? "accepted" : r.error.code;
          expect(got, `${c.field}: ${r.ok ? "" : r.error.message}`).toBe(expected);
          if (!r.ok) expect(r.error.message.length, c.field).toBeGreaterThan(10);
          expectPrototypeIntact();
        }
        expect(g.s).toEqual(before);
        // The game plays on: legal orders resolve, and zod's strict objects still refuse unknown keys.
        let s = must(g.s, { type: "orders", turn: g.s.turn, seat: ME, orders: [{ type: "hunt" }] });
        s = must(s, {
          type: "orders",
          turn: s.turn,
          seat: OTHER,
          orders: [{ type: "espionage", target: THIRD }],
        });
        const next = must(s, { type: "resolve", turn: s.turn });
        expect(next.turn === g.s.turn + 1 || next.phase === "ended").toBe(true);
        expect(Object.keys(next.nations)).toEqual(SEATS);
        expect(hashValue(next)).toMatch(/^[0-9a-f]{16}$/);
        expect(ordersSchema.safeParse([{ type: "hunt" }]).success).toBe(true);
        expect(ordersSchema.safeParse([{ type: "hunt", economy: 1 }]).success).toBe(false);
        expectPrototypeIntact();
      }),
      { numRuns: 250 },
    );
  });
});

describe("viewFor with a hostile claimed seat", () => {
  /** The view with its echoed viewer left out. */
  const seen = (s: GameState, seat: unknown) => ({
    ...viewFor(s, { role: "player", seat: seat as SeatId }),
    viewer: null,
  });

  it("sees exactly what an observer sees: no private part, no hidden incident", () => {
    fc.assert(
      fc.property(playedArb, hostileArb, (g, v) => {
        fc.pre(g !== null && !gameIds(g.s).has(v));
        if (!g) return;
        const hostile = seen(g.s, v);
        expect(hostile).toEqual({ ...viewFor(g.s, { role: "observer" }), viewer: null });
        expect(hostile.private).toEqual({});
        expectPrototypeIntact();
      }),
      { numRuns: 200 },
    );
  });

  it("in a game with an incident hidden from all but its author, no prototype name reveals it", () => {
    const created = createGame(scenario, "hidden-seed");
    if (!created.ok) throw new Error(created.error.message);
    const s = must(
      must(created.value, {
        type: "orders",
        turn: 1,
        seat: ME,
        orders: [{ type: "espionage", target: OTHER }],
      }),
      { type: "resolve", turn: 1 },
    );
    const hidden = s.incidents.filter((i) => !i.public && Object.keys(i.knowledge).length === 1);
    expect(hidden.length).toBeGreaterThan(0);
    const observer = viewFor(s, { role: "observer" });
    for (const i of hidden) expect(observer.incidents.some((x) => x.id === i.id)).toBe(false);
    for (const seat of [...PROTO_KEYS, "__proto__"]) {
      expect(seen(s, seat), seat).toEqual({ ...observer, viewer: null });
    }
  });
});
