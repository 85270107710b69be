import { describe, expect, it } from "vitest";
import type { StoredEntry } from "../session/journal.ts";
import { ann, bob, create, sam } from "../testing/fixtures.ts";
import { parseCsv } from "../testing/parse-csv.ts";
import { participants, participationCsv } from "./participation-csv.ts";

const resolve = (turn: number): StoredEntry => ({
  kind: "step",
  at: 0,
  by: "system",
  step: { type: "resolve", turn },
});

describe("participation", () => {
  it("credits each entry to the member who made it, and a turn's ready to whoever's ready stood when it resolved", () => {
    const entries: StoredEntry[] = [
      create,
      { kind: "join", at: 1, by: "mA", member: ann },
      { kind: "join", at: 2, by: "mB", member: bob },
      { kind: "join", at: 3, by: "mS", member: sam },
      { kind: "start", at: 4, by: "mF" },
      // Sam knocks at south and is admitted; Bob marks south ready, Sam takes it back, then marks it again.
      { kind: "knock", at: 5, by: "mS", member: "mS", seat: "south" },
      { kind: "admit", at: 6, by: "mF", member: "mS", admit: true },
      { kind: "ready", at: 7, by: "mB", seat: "south", ready: true },
      { kind: "ready", at: 8, by: "mS", seat: "south", ready: false },
      { kind: "ready", at: 9, by: "mS", seat: "south", ready: true },
      { kind: "ready", at: 10, by: "mA", seat: "north", ready: true },
      // A chat line as an older server journalled it (its writer in `member`, no `by`).
      { kind: "chat", at: 11, member: "mA", channel: { kind: "public" }, text: "hi" },
      resolve(1),
      // Turn 2: Ann is ready, then a bot takes north over (its ready goes); nobody gets turn 2.
      { kind: "ready", at: 12, by: "mA", seat: "north", ready: true },
      { kind: "bot", at: 13, by: "system", seat: "north", bot: true, persona: null, reason: "absent" },
      { kind: "step", at: 14, by: "bot:north", step: { type: "orders", turn: 2, seat: "north", orders: [] } },
      resolve(2),
      { kind: "remove", at: 15, by: "mF", member: "mB" },
      { kind: "step", at: 16, by: "mF", step: { type: "end", turn: 3 } },
    ];
    const { people, turns } = participants(entries);
    expect(turns).toBe(2);
    const by = new Map(people.map((p) => [p.name, p]));
    expect([...by.keys()]).toEqual(["Fac", "Ann", "Bob", "Sam"]);
    expect(by.get("Sam")).toMatchObject({ seat: "south", turnsReadyOnTime: 1 });
    expect(by.get("Bob")).toMatchObject({ turnsReadyOnTime: 0, removed: true });
    expect(by.get("Ann")).toMatchObject({ messagesWritten: 1, turnsReadyOnTime: 1, ordersSubmitted: 0 });
    const rows = parseCsv(participationCsv(entries, (s) => s.toUpperCase()));
    expect(rows[4]).toEqual(["Sam", "player", "south", "SOUTH", "0", "0", "0", "0", "0", "1", "2", "no"]);
    expect(rows[3]?.at(-1)).toBe("yes");
  });
});
