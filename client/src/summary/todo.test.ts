import { describe, expect, it } from "vitest";
import type { ClientView } from "@firebreak/shared/browser";
import { summaryFromSearch, summaryLink } from "./route.ts";
import { todoFor } from "./todo.ts";

/** The parts of a view the to-do list reads. */
function viewWith(over: {
  orders?: unknown[];
  ready?: string[];
  proposals?: unknown[];
  inquiries?: unknown[];
  brinks?: Record<string, number>;
  role?: string;
  phase?: string;
  bot?: string | null;
}): ClientView {
  return {
    me: { seat: "aldmark", role: over.role ?? "player" },
    session: { phase: over.phase ?? "planning", ready: over.ready ?? [], botHoldsYourSeat: over.bot ?? null },
    game: {
      turn: 3,
      nations: { aldmark: { name: "Aldmark" }, serevan: { name: "Serevan" } },
      private: { aldmark: { orders: over.orders ?? [] } },
      proposals: over.proposals ?? [],
      inquiries: over.inquiries ?? [],
      brinks: over.brinks ?? {},
    },
  } as unknown as ClientView;
}

describe("what a student still has to do", () => {
  it("orders not saved and Ready not said", () => {
    expect(todoFor(viewWith({}))).toEqual([
      { text: "No orders saved for month 3 yet.", urgent: true },
      {
        text: "You have not said Ready (the month resolves at the deadline with your saved orders either way).",
        urgent: false,
      },
    ]);
  });
  it("orders saved and ready: nothing urgent", () => {
    const t = todoFor(viewWith({ orders: [{ type: "hunt" }], ready: ["aldmark"] }));
    expect(t).toEqual([{ text: "1 order saved for month 3.", urgent: false }]);
  });
  it("proposals, an inquiry and a brink waiting on the student, and a bot in their seat", () => {
    const t = todoFor(
      viewWith({
        orders: [{}, {}],
        ready: ["aldmark"],
        proposals: [
          { proposer: "serevan", parties: ["aldmark", "serevan"], accepted: ["serevan"], declined: [] },
          { proposer: "serevan", parties: ["aldmark", "serevan"], accepted: ["aldmark"], declined: [] },
        ],
        inquiries: [{ from: "serevan", to: "aldmark", status: "open" }],
        brinks: { "aldmark|serevan": 2 },
        bot: "absent",
      }),
    ).map((x) => x.text);
    expect(t).toContain("A bot plays your state while you are away: open the game to take it back.");
    expect(t).toContain("2 orders saved for month 3.");
    expect(t).toContain("1 proposal waits for your answer (from Serevan).");
    expect(t).toContain("Serevan asks you about an incident through the hotline: answer it.");
    expect(t).toContain("You are at the brink with Serevan: stand firm, stand down or strike.");
  });
  it("nothing for a facilitator, an observer, or a game not running", () => {
    expect(todoFor(viewWith({ role: "facilitator" }))).toEqual([]);
    expect(todoFor(viewWith({ phase: "ended" }))).toEqual([]);
    expect(todoFor(viewWith({ phase: "lobby" }))).toEqual([]);
  });
});

describe("the summary link", () => {
  it("names a game id and nothing else", () => {
    expect(summaryFromSearch("?summary=gAb_1-x")).toBe("gAb_1-x");
    expect(summaryFromSearch("?summary=../etc")).toBeNull();
    expect(summaryFromSearch("?replay=gAb")).toBeNull();
    expect(summaryLink("https://fb.example.org", "gAb")).toBe("https://fb.example.org/?summary=gAb");
  });
});
