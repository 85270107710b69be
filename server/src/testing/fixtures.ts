/**
 * Fixtures for the server's tests: four people and a class game of the engine's four-state test scenario, as
 * a journal.
 */
import { testScenario } from "@firebreak/shared/testing";
import type { JournalEntry } from "../session/journal.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { Member, SessionState } from "../session/types.ts";

export const scenario = testScenario(4);
export const fac: Member = {
  id: "mF",
  name: "Fac",
  role: "facilitator",
  seat: null,
  token: "tok-facilitator-000",
};
export const ann: Member = {
  id: "mA",
  name: "Ann",
  role: "player",
  seat: "north",
  token: "tok-ann-0000000000",
};
export const bob: Member = {
  id: "mB",
  name: "Bob",
  role: "player",
  seat: "south",
  token: "tok-bob-0000000000",
};
/** A player who joined without a seat. */
export const sam: Member = {
  id: "mS",
  name: "Sam",
  role: "player",
  seat: null,
  token: "tok-sam-0000000000",
};
export const olga: Member = {
  id: "mO",
  name: "Olga",
  role: "observer",
  seat: null,
  token: "tok-olga-000000000",
};

/** The class game's create entry: the facilitator Fac, a 60 s clock, no takeovers, seed "s-1". */
export const create: Extract<JournalEntry, { kind: "create" }> = {
  kind: "create",
  at: 1_000,
  by: "mF",
  code: "ACDEFG",
  facilitator: fac,
  options: {
    scenario: scenario.id,
    seed: "s-1",
    name: "Test",
    turnSeconds: 60,
    botLevel: "normal",
    solo: null,
    takeoverSeconds: 0,
    cbms: [],
  },
};

/** The same class game without a time limit. */
export const untimed: Extract<JournalEntry, { kind: "create" }> = {
  ...create,
  options: { ...create.options, turnSeconds: 0 },
};

/**
 * The class game (`first`: `create` unless given) after `entries` (each must be accepted), with its journal.
 */
export function run(
  entries: JournalEntry[],
  first: Extract<JournalEntry, { kind: "create" }> = create,
): { s: SessionState; journal: JournalEntry[] } {
  const c = createSession(first, scenario);
  if (!c.ok) throw new Error(c.error.message);
  let s = c.value;
  const journal: JournalEntry[] = [first];
  for (const e of entries) {
    const r = applyEntry(s, e);
    if (!r.ok) throw new Error(`${e.kind}: ${r.error.code} ${r.error.message}`);
    s = r.value;
    journal.push(e);
  }
  return { s, journal };
}

/** The class game started with Ann on north, Bob on south and Olga watching: east and west are bots. */
export function started(): { s: SessionState; journal: JournalEntry[] } {
  return run([
    { kind: "join", at: 1_100, by: "mA", member: ann },
    { kind: "join", at: 1_200, by: "mB", member: bob },
    { kind: "join", at: 1_300, by: "mO", member: olga },
    { kind: "start", at: 2_000, by: "mF" },
  ]);
}
