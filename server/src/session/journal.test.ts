import { describe, expect, it } from "vitest";
import { testScenario } from "@firebreak/shared/testing";
import { authorOf, type StoredEntry } from "./journal.ts";
import { replayJournal } from "./session.ts";
import type { Member } from "./types.ts";

const scenario = testScenario(2);
const fac: Member = { id: "mF", name: "Fac", role: "facilitator", seat: null, token: "tok-facilitator-000" };
const ann: Member = { id: "mA", name: "Ann", role: "player", seat: "north", token: "tok-ann-0000000000" };
const options = {
  scenario: scenario.id,
  seed: "s-1",
  name: "Test",
  turnSeconds: 0,
  botLevel: "normal" as const,
  solo: null,
  takeoverSeconds: 0,
  cbms: [],
};

describe("journal entries name who made them", () => {
  it("an entry's author is its by; an older entry without one has none, but an older chat line's writer is its author", () => {
    expect(authorOf({ kind: "pause", at: 1, by: "mF" })).toBe("mF");
    expect(authorOf({ kind: "pause", at: 1 })).toBeNull();
    expect(
      authorOf({ kind: "chat", at: 1, member: "bot:north", channel: { kind: "public" }, text: "Hello." }),
    ).toBe("bot:north");
  });

  it("a journal written before entries named their author replays as it did then", () => {
    const old: StoredEntry[] = [
      { kind: "create", at: 1_000, code: "ACDEFG", facilitator: fac, options },
      { kind: "join", at: 1_100, member: ann },
      { kind: "chat", at: 1_150, member: "mA", channel: { kind: "public" }, text: "Hello." },
      { kind: "start", at: 1_200 },
      { kind: "ready", at: 1_300, seat: "north", ready: true },
      { kind: "pause", at: 1_400 },
    ];
    const s = replayJournal(old, scenario);
    expect(s.ok && s.value.pausedRemaining).toBe(0);
    expect(s.ok && s.value.ready).toEqual(["north"]);
    expect(s.ok && s.value.chat.map((c) => [c.fromName, c.text])).toEqual([["Ann", "Hello."]]);
  });
});
