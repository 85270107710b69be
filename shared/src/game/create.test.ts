import { describe, expect, it } from "vitest";
import type { ErrorCode } from "../model/errors.ts";
import type { GameOptions } from "../model/types.ts";
import type { Scenario } from "../scenario/schema.ts";
import { testScenario } from "../testing/fixtures.ts";
import { createGame } from "./create.ts";

/** The code createGame refuses with (null when it creates the game). */
function refusal(scenario: Scenario, seed: unknown, options?: unknown): ErrorCode | null {
  const r = createGame(scenario, seed as string, options as Partial<GameOptions>);
  return r.ok ? null : r.error.code;
}

describe("createGame checks what it is given", () => {
  const scenario = testScenario(3);

  it("accepts its options and seed", () => {
    expect(refusal(scenario, "seed", { cbms: ["hotline"], noCbms: false })).toBeNull();
    expect(refusal(scenario, "seed", { cbms: undefined })).toBeNull();
    expect(refusal(scenario, "seed")).toBeNull();
  });

  it("refuses malformed options (INVALID_STEP) and unknown CBMs (INVALID_PARTIES)", () => {
    for (const options of [
      null,
      "hotline",
      { cbms: "hotline" },
      { cbms: [7] },
      { noCbms: "yes" },
      { cbms: [], extra: 1 },
      JSON.parse('{"__proto__": {"cbms": []}}'),
    ])
      expect(refusal(scenario, "seed", options), JSON.stringify(options)).toBe("INVALID_STEP");
    for (const k of ["constructor", "__proto__", "toString", "friendship"])
      expect(refusal(scenario, "seed", { cbms: [k] }), k).toBe("INVALID_PARTIES");
  });

  it("refuses a seed that is not 1 to 200 characters of text (INVALID_STEP)", () => {
    for (const seed of ["", "s".repeat(201), null, undefined, 7, {}])
      expect(refusal(scenario, seed), String(seed)).toBe("INVALID_STEP");
  });

  it("refuses an unvalidated scenario whose state ids are reserved or repeated (INVALID_SCENARIO)", () => {
    const [a, b] = scenario.states as [Scenario["states"][number], Scenario["states"][number]];
    for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const r = createGame({ ...scenario, states: [{ ...a, id }, b] }, "seed");
      expect(r.ok ? null : r.error.code, id).toBe("INVALID_SCENARIO");
      expect(r.ok ? "" : r.error.message).toContain(`"${id}"`);
    }
    expect(refusal({ ...scenario, states: [a, { ...b, id: a.id }] }, "seed")).toBe("INVALID_SCENARIO");
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("economy");
  });
});
