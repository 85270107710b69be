import { describe, expect, it } from "vitest";
import { cleanName, cleanText, personName, reservedNameReason } from "./names.ts";

describe("names and free text", () => {
  it("strips controls, bidi overrides and isolates, zero-width characters and tags; keeps newlines in text", () => {
    expect(cleanName("  A\u202Enn\u200B\u2066 \u0007 Lee\uFEFF ")).toBe("Ann Lee");
    expect(cleanText("line one\nline\u202E two\t!")).toBe("line one\nline two\t!");
    expect(cleanName("\uDB40\uDC41dmin")).toBe("dmin");
    expect(cleanName("Zoë")).toBe("Zoë");
    expect(cleanName("Zoe\u0308")).toBe("Zoë");
  });

  it("refuses names that read as the game, its notices, the facilitator or a bot, in any case or spacing", () => {
    for (const n of [
      "Firebreak",
      "FIREBREAK",
      "system",
      "Facilitator",
      "the  facilitator",
      "White-Cell",
      "Borevia (bot)",
      "Borevia(BOT)",
      "helper bot",
      "bot",
      "",
    ])
      expect(reservedNameReason(cleanName(n))).not.toBeNull();
    for (const n of ["Ana", "Abbot", "Talbot", "Bottle", "Facil", "Systema"])
      expect(reservedNameReason(n)).toBeNull();
  });

  it("checks and trims a person's name to 40 characters", () => {
    expect(personName("x".repeat(60))).toEqual({ ok: true, name: "x".repeat(40) });
    expect(personName("\u202E\u202E").ok).toBe(false);
  });
});
