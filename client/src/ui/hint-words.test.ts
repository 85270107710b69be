import { describe, expect, it } from "vitest";
import type { ClientView } from "@firebreak/shared/browser";
import { findScenario } from "@firebreak/shared/scenario-files";
import { hintInStep, hintsFor } from "./hint-words.ts";

const HOTLINE_HINT =
  "The hotline. Propose a hotline (a confidence-building measure, OSCE measures 8 and 13). Once the " +
  "other side accepts, it enters into force when the month is resolved: incidents you only suspect " +
  "the other of add half the tension, and you may 'inquire' about an incident.";

/** The parts of a view the hints read: the seat, names, the measures in force and the proposals. */
function viewWith(over: {
  cbms?: unknown[];
  proposals?: unknown[];
  turn?: number;
  seat?: string | null;
}): ClientView {
  return {
    me: { seat: over.seat === undefined ? "aldmark" : over.seat, role: "player" },
    game: {
      turn: over.turn ?? 4,
      nations: { aldmark: { name: "Aldmark" }, serevan: { name: "Serevan" } },
      cbms: over.cbms ?? [],
      proposals: over.proposals ?? [],
    },
  } as unknown as ClientView;
}

describe("hints in step with the game", () => {
  it("keep the scenario's words when nothing has happened that they contradict", () => {
    expect(hintInStep(HOTLINE_HINT, viewWith({}))).toBe(HOTLINE_HINT);
    expect(hintInStep(HOTLINE_HINT, viewWith({ seat: null }))).toBe(HOTLINE_HINT);
  });

  it("say a hotline in force since turn 1 is there, instead of telling the student to propose one", () => {
    const v = viewWith({ cbms: [{ id: "c1", kind: "hotline", members: ["aldmark", "serevan"], since: 1 }] });
    const text = hintInStep(HOTLINE_HINT, v);
    expect(text).not.toMatch(/Propose a hotline/i);
    expect(text).toContain("Your hotline with Serevan has been in force since turn 1");
    expect(text).not.toContain("Once the other side accepts");
    expect(text).toContain("you may 'inquire' about an incident");
  });

  it("say a hotline already proposed waits for an answer", () => {
    const v = viewWith({
      proposals: [
        {
          id: "p1",
          kind: "hotline",
          proposer: "serevan",
          parties: ["aldmark", "serevan"],
          accepted: ["serevan"],
          declined: [],
        },
      ],
    });
    expect(hintInStep(HOTLINE_HINT, v)).toContain(
      "A hotline with Serevan is already proposed: answer it under Diplomacy",
    );
  });

  it("the tutorial's own turn-4 hint never says to propose a hotline that is in force", () => {
    const found = findScenario("tutorial");
    if (!found.ok) throw new Error("the tutorial is a valid scenario");
    const v = viewWith({ cbms: [{ id: "c1", kind: "hotline", members: ["aldmark", "serevan"], since: 1 }] });
    const shown = hintsFor(v, found.scenario.hints ?? []);
    expect(shown.length).toBeGreaterThan(0);
    for (const h of shown) expect(h).not.toMatch(/Propose a hotline/i);
  });
});
