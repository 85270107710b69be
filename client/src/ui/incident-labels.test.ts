import { describe, expect, it } from "vitest";
import type { ClientView, IncidentView } from "@firebreak/shared/browser";
import { evidenceWords, hasEvidenceAgainst, incidentChoices, incidentRef } from "./incident-labels.ts";

const incident = (id: string, over: Partial<IncidentView> = {}): IncidentView => ({
  id,
  turn: 2,
  kind: "ddos",
  target: "aldmark",
  public: true,
  overt: false,
  lethal: false,
  author: null,
  damage: null,
  knowledge: {},
  publicAttributions: [],
  secret: null,
  ...over,
});
const knows = (confidence: 0 | 1 | 2 | 3, suspect: string | null) => ({
  since: 2,
  confidence,
  suspect,
  shared: false,
  changed: 2,
  moderateAt: null,
});

/** The parts of a view the labels read: the seat, the states' names and the incidents. */
function viewWith(incidents: IncidentView[], seat: string | null = "aldmark"): ClientView {
  const nations = Object.fromEntries(
    ["aldmark", "borevia", "casmir"].map((id) => [id, { name: id[0]?.toUpperCase() + id.slice(1) }]),
  );
  return {
    me: { seat, role: seat ? "player" : "facilitator" },
    game: { nations, incidents },
  } as unknown as ClientView;
}

describe("incident labels", () => {
  it("two incidents of the same turn, kind and victim get different labels, with the seat's evidence", () => {
    const a = incident("i00k3x9za", { knowledge: { aldmark: knows(1, "borevia") } });
    const b = incident("i01p7q2rb", { knowledge: { aldmark: knows(0, null) } });
    const v = viewWith([a, b]);
    const labels = incidentChoices([a, b], v).map((c) => c.label);
    expect(labels).toEqual([
      "turn 2: DDoS against Aldmark (ref Q2RB) — no evidence yet",
      "turn 2: DDoS against Aldmark (ref X9ZA) — low confidence: Borevia",
    ]);
    expect(new Set(labels).size).toBe(2);
  });

  it("labels stay unique even when two refs collide", () => {
    const a = incident("iaaaaabcd");
    const b = incident("ibbbbabcd");
    const labels = incidentChoices([a, b], viewWith([a, b], null)).map((c) => c.label);
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toContain("[ibbbbabcd]");
    expect(incidentRef("iaaaaabcd")).toBe("ABCD");
  });

  it("evidence: the seat's own operation, a known author, none; evidence against a state only when it points there", () => {
    const mine = incident("i1", { author: "aldmark", target: "borevia" });
    const known = incident("i2", { author: "casmir" });
    const suspected = incident("i3", { knowledge: { aldmark: knows(2, "borevia") } });
    const unknown = incident("i4");
    const v = viewWith([mine, known, suspected, unknown]);
    expect(evidenceWords(mine, v)).toBe("your operation");
    expect(evidenceWords(known, v)).toBe("known: Casmir");
    expect(evidenceWords(suspected, v)).toBe("moderate confidence: Borevia");
    expect(evidenceWords(unknown, v)).toBe("public; you have no evidence");
    expect(hasEvidenceAgainst(suspected, v, "borevia")).toBe(true);
    expect(hasEvidenceAgainst(suspected, v, "casmir")).toBe(false);
    expect(hasEvidenceAgainst(known, v, "casmir")).toBe(true);
    expect(hasEvidenceAgainst(unknown, v, "borevia")).toBe(false);
  });
});
