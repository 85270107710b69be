/**
 * A closed game's record lists the steps the engine was given, read from the journal alone: the same steps
 * the session's own record (recordOf, which folds the journal with the engine) lists, under every strike rule.
 */
import { describe, expect, it } from "vitest";
import type { StrikeRule } from "@firebreak/shared";
import { recordOf } from "../session/record.ts";
import type { JournalEntry } from "../session/journal.ts";
import { ann, bob, create, fac, run, scenario } from "../testing/fixtures.ts";
import { journalSteps } from "./journal-steps.ts";

const strike = { type: "strike", target: "south" };
const orders = (by: string, seat: string, list: unknown[], turn = 1): JournalEntry => ({
  kind: "step",
  at: 3_000,
  by,
  step: { type: "orders", turn, seat, orders: list },
});
const resolve = (turn: number): JournalEntry => ({
  kind: "step",
  at: 5_000,
  by: fac.id,
  step: { type: "resolve", turn },
});
const answer = (seat: string, approve: boolean): JournalEntry => ({
  kind: "strike",
  at: 4_000,
  by: fac.id,
  seat,
  approve,
});

/** The journal of a game under `strikes` with Ann and Bob seated, started, then `entries`. */
function journal(strikes: StrikeRule, entries: JournalEntry[]): JournalEntry[] {
  return run(
    [
      { kind: "join", at: 1_100, by: ann.id, member: ann },
      { kind: "join", at: 1_200, by: bob.id, member: bob },
      { kind: "start", at: 2_000, by: fac.id },
      ...entries,
    ],
    { ...create, options: { ...create.options, strikes } },
  ).journal;
}

/** The steps without their hashes (recordOf computes them; a test journal keeps none). */
function bare(steps: readonly object[]): object[] {
  return steps.map((s) => {
    const { hash: _hash, ...rest } = s as { hash?: string };
    return rest;
  });
}

/** Checks journalSteps against the engine's fold of the same journal. */
function same(entries: JournalEntry[]): object[] {
  const record = recordOf(entries, scenario);
  if (!record.ok) throw new Error(record.error.message);
  const steps = bare(journalSteps(entries));
  expect(steps).toEqual(bare(record.value.steps));
  return steps;
}

describe("the engine steps of a journal, without an engine", () => {
  it("a strike held and never approved is not one; an approved one joins the seat's orders", () => {
    const refused = same(
      journal("approval", [
        orders(ann.id, "north", [{ type: "hunt" }, strike]),
        answer("north", false),
        resolve(1),
      ]),
    );
    expect(JSON.stringify(refused)).not.toContain('"strike"');
    const approved = same(
      journal("approval", [
        orders(ann.id, "north", [{ type: "hunt" }, strike]),
        answer("north", true),
        resolve(1),
      ]),
    );
    expect(approved).toContainEqual({
      type: "orders",
      turn: 1,
      seat: "north",
      orders: [{ type: "hunt" }, strike],
    });
  });

  it("a bot's strike before the allowed turn is left out; a change of the rule in play is followed", () => {
    same(
      journal({ notBefore: 3 }, [
        orders("bot:east", "east", [{ type: "hunt" }, strike]),
        resolve(1),
        { kind: "settings", at: 6_000, by: fac.id, settings: { strikes: "allowed" } },
        orders("bot:east", "east", [{ type: "hunt" }, strike], 2),
        resolve(2),
      ]),
    );
  });

  it("a new list replaces a seat's held strikes, and a turn's end clears them", () => {
    const steps = same(
      journal("approval", [
        orders(ann.id, "north", [strike]),
        orders(ann.id, "north", [{ type: "hunt" }]),
        orders(bob.id, "south", [{ type: "strike", target: "north" }]),
        resolve(1),
        orders(ann.id, "north", [{ type: "hunt" }], 2),
      ]),
    );
    expect(JSON.stringify(steps)).not.toContain('"strike"');
  });
});
