import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ERROR_CODES, SERVER_ERROR_CODES } from "@firebreak/shared";
import { describe, expect, it } from "vitest";
import { ERROR_SENTENCES, NO_CODE_SENTENCES, outcomeWords, plainError, plainThrown } from "./error-words.ts";

/** Every code docs/protocol.md's error tables (§17) list, in their first column. */
function documentedCodes(): string[] {
  const doc = readFileSync(fileURLToPath(new URL("../../../docs/protocol.md", import.meta.url)), "utf8");
  const section = doc.slice(doc.indexOf("## 17. Error codes"), doc.indexOf("## 18."));
  return [...section.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1] as string);
}

describe("errors in plain words", () => {
  it("every code the engine, the server and the HTTP API can answer has a sentence", () => {
    const documented = documentedCodes();
    expect(documented.length).toBeGreaterThan(40);
    const missing = [...new Set([...ERROR_CODES, ...SERVER_ERROR_CODES, ...documented])].filter(
      (c) => !Object.hasOwn(ERROR_SENTENCES, c),
    );
    expect(missing, "codes without a sentence in client/src/ui/error-words.ts").toEqual([]);
  });

  it("no sentence shows a code, an identifier or a bare number of a rule", () => {
    for (const [code, sentence] of Object.entries({ ...ERROR_SENTENCES, ...NO_CODE_SENTENCES })) {
      expect(sentence, code).not.toMatch(/[A-Z]{2,}_[A-Z_]+|\bundefined\b|\bnull\b/);
      expect(sentence, code).toMatch(/^[A-Z].*[.)]$/);
    }
  });

  it("refusals, create and join errors, and failures without a code read as sentences", () => {
    expect(plainError("NOT_ENOUGH_AP", "Orders cost 4 AP; Aestria has 3.")).toBe(
      "You don't have enough action points left this turn. Remove an order or choose a cheaper one.",
    );
    // A code from a newer server keeps the server's own sentence, without the code.
    expect(plainError("SOMETHING_NEW", "A newer rule said no.")).toBe("A newer rule said no.");
    expect(plainThrown({ reason: { code: "DUPLICATE_ORDER", message: "Order 2 (ddos) repeats" } })).toContain(
      "You already gave that order",
    );
    expect(plainThrown(new Error("BAD_INVITE: that seat invite is not valid"))).toBe(
      ERROR_SENTENCES.BAD_INVITE,
    );
    expect(plainThrown(new Error("no rooms found with provided criteria"))).toBe(
      ERROR_SENTENCES.NO_SUCH_GAME,
    );
    expect(plainThrown(new Error('request "orders" timed out after 10000ms.'))).toBe(
      NO_CODE_SENTENCES.timeout,
    );
    expect(plainThrown(new TypeError("Failed to fetch"))).toBe(NO_CODE_SENTENCES.network);
    expect(plainThrown("???")).toBe(NO_CODE_SENTENCES.unknown);
  });

  it("every outcome reads as words", () => {
    const name = (s: string) => s.toUpperCase();
    const o = { turn: 3, belligerents: [] as string[], initiator: null };
    expect(outcomeWords({ ...o, kind: "turnLimit" }, name)).toBe("the turn limit was reached");
    expect(outcomeWords({ ...o, kind: "facilitatorEnded" }, name)).toBe("the facilitator ended it");
    expect(outcomeWords({ ...o, kind: "stablePeace" }, name)).toContain("peace");
    expect(outcomeWords({ ...o, kind: "armedConflict", belligerents: ["a", "b"] }, name)).toBe(
      "armed conflict broke out between A and B",
    );
  });
});
