import { describe, expect, it } from "vitest";
import type { ClientView } from "@firebreak/shared/browser";
import { turnAnnouncement } from "./announce.ts";

/** A view with only what the announcement reads. */
function viewOf(turn: number, tension: Record<string, number>): ClientView {
  return {
    game: {
      turn,
      tension,
      nations: { aestria: { name: "Aestria" }, borevia: { name: "Borevia" }, meridia: { name: "Meridia" } },
    },
  } as unknown as ClientView;
}

describe("turnAnnouncement", () => {
  it("names the turn and every pair whose tension moved by half a point or more, and no other", () => {
    const before = viewOf(3, { "aestria|borevia": 2, "aestria|meridia": 1, "borevia|meridia": 4 });
    const after = viewOf(4, { "aestria|borevia": 2.6, "aestria|meridia": 1.3, "borevia|meridia": 3.5 });
    expect(turnAnnouncement(before, after)).toBe(
      "Turn 3 resolved. Aestria–Borevia tension 2.0 to 2.6. Borevia–Meridia tension 4.0 to 3.5.",
    );
  });
});
