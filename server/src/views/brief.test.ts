import { describe, expect, it } from "vitest";
import { testScenario } from "@firebreak/shared/testing";
import type { JournalEntry } from "../session/journal.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";
import { ann, bob, create, fac, olga } from "../testing/fixtures.ts";
import { facilitatorBrief } from "./brief.ts";
import { clientView } from "./client-view.ts";

const later = { id: "later", title: "Later", text: "Something happens in turn 3.", effects: [] };
const scenario = testScenario(4, {
  teacher: {
    case: "The case behind the fixture.",
    learningObjectives: ["Learn to wait."],
    debriefQuestions: ["What did you learn?"],
    notes: "Teach it gently.",
  },
  sources: ["A book, 2020."],
  injects: {
    scheduled: [{ turn: 3, inject: later }],
    library: [
      {
        id: "calm",
        title: "Calm",
        text: "Talks.",
        effects: [{ type: "tension", a: "north", b: "south", delta: -1 }],
      },
    ],
  },
});

/** The class game on this scenario, started with Ann on north, Bob on south and Olga watching. */
function started(): SessionState {
  const c = createSession({ ...create, options: { ...create.options, scenario: scenario.id } }, scenario);
  if (!c.ok) throw new Error(c.error.message);
  let s = c.value;
  for (const e of [
    { kind: "join", at: 1_100, by: ann.id, member: ann },
    { kind: "join", at: 1_200, by: bob.id, member: bob },
    { kind: "join", at: 1_300, by: olga.id, member: olga },
    { kind: "start", at: 2_000, by: fac.id },
  ] as JournalEntry[]) {
    const r = applyEntry(s, e);
    if (!r.ok) throw new Error(r.error.message);
    s = r.value;
  }
  return s;
}

describe("the facilitators' brief", () => {
  it("holds the teacher block, sources and every inject with its effects and whether it has fired", () => {
    const s = started();
    const b = facilitatorBrief(scenario, s.game);
    expect(b.teacher).toEqual({
      case: "The case behind the fixture.",
      learningObjectives: ["Learn to wait."],
      debriefQuestions: ["What did you learn?"],
      notes: "Teach it gently.",
    });
    expect(b.sources).toEqual(["A book, 2020."]);
    expect(b.injects).toEqual([
      { ...later, turn: 3, fired: false },
      {
        id: "calm",
        title: "Calm",
        text: "Talks.",
        effects: [{ type: "tension", a: "north", b: "south", delta: -1 }],
        turn: null,
        fired: false,
      },
    ]);
    expect(facilitatorBrief(null, s.game)).toEqual({
      teacher: null,
      sources: [],
      rationale: [],
      injects: [],
    });
  });

  it("reaches a facilitator's view and never a player's or an observer's, even when handed to them", () => {
    const s = started();
    const b = facilitatorBrief(scenario, s.game);
    expect(clientView(s, fac, new Set(), undefined, b).facilitator).toEqual(b);
    for (const m of [ann, bob, olga]) {
      const v = clientView(s, m, new Set(), undefined, b);
      expect(v.facilitator).toBeNull();
      const text = JSON.stringify(v);
      for (const secret of [
        "The case behind",
        "Learn to wait.",
        "What did you learn?",
        "Teach it gently.",
        "A book",
      ])
        expect(text).not.toContain(secret);
      expect(text).not.toContain(later.text);
      expect(text).not.toContain('"effects"');
    }
    // A player reads its own seat's objectives, never another seat's.
    expect(Object.keys(clientView(s, ann, new Set()).game.private)).toEqual(["north"]);
    expect(Object.keys(clientView(s, fac, new Set()).game.private).sort()).toEqual([
      "east",
      "north",
      "south",
      "west",
    ]);
  });

  it("says to a player whose seat a bot holds why, and shows held strikes to their seat and the facilitators only", () => {
    let s = started();
    s = {
      ...s,
      seats: s.seats.map((c) => (c.seat === "north" ? { ...c, bot: true, reason: "facilitator" } : c)),
    };
    s = {
      ...s,
      held: [
        {
          seat: "south",
          turn: 1,
          strikes: [{ type: "strike", target: "north" }],
          by: bob.id,
          byName: "Bob",
          at: 3_000,
          status: "waiting",
        },
      ],
    };
    expect(clientView(s, ann, new Set()).session.botHoldsYourSeat).toBe("facilitator");
    expect(clientView(s, bob, new Set()).session.botHoldsYourSeat).toBeNull();
    expect(clientView(s, fac, new Set()).session.botHoldsYourSeat).toBeNull();
    const held = [{ seat: "south", turn: 1, targets: ["north"], by: "Bob", at: 3_000, status: "waiting" }];
    expect(clientView(s, bob, new Set()).session.heldStrikes).toEqual(held);
    expect(clientView(s, fac, new Set()).session.heldStrikes).toEqual(held);
    expect(clientView(s, ann, new Set()).session.heldStrikes).toEqual([]);
    expect(clientView(s, olga, new Set()).session.heldStrikes).toEqual([]);
  });
});
