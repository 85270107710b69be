import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepFreeze } from "../testing/freeze.ts";
import { ViewMirror } from "./mirror.ts";
import { applyPatch, diffJson, jsonEqual, PatchError, type PatchOp } from "./patch.ts";

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -5, max: 5 }),
    fc.string({ maxLength: 3 }),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 7 }),
  object: fc.dictionary(fc.constantFrom("a", "b", "c", "d", "a|b", "0"), tie("value"), { maxKeys: 5 }),
})).object;

describe("diffJson / applyPatch", () => {
  it("turns any object into any other, without changing either", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        deepFreeze(a);
        deepFreeze(b);
        const ops = diffJson(a, b);
        expect(applyPatch(a, ops)).toEqual(b);
        expect(ops.length === 0).toBe(jsonEqual(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("survives a round trip through JSON (what travels over the wire)", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const ops = JSON.parse(JSON.stringify(diffJson(a, b))) as PatchOp[];
        expect(applyPatch(a, ops)).toEqual(b);
      }),
      { numRuns: 500 },
    );
  });

  it("sends appended items only, and keeps unchanged parts shared", () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ id: i, text: `event ${i}` }));
    const nations = { a: { economy: 5 }, b: { economy: 6 } };
    const before = { events, nations, turn: 3 };
    const after = {
      events: [...events, { id: 50, text: "new" }],
      nations: { a: { economy: 5 }, b: { economy: 4 } },
      turn: 4,
    };
    const ops = diffJson(before, after);
    expect(ops).toEqual([
      ["push", ["events"], [{ id: 50, text: "new" }]],
      ["set", ["nations", "b", "economy"], 4],
      ["set", ["turn"], 4],
    ]);
    const applied = applyPatch(before, ops);
    expect(applied.nations.a).toBe(before.nations.a);
    expect(applied.events[0]).toBe(events[0]);
    expect(before.turn).toBe(3);
  });

  it("replaces an array whose items mostly changed as a whole", () => {
    const ops = diffJson({ xs: [1, 2, 3, 4, 5, 6] }, { xs: [6, 5, 4, 3, 2, 1] });
    expect(ops).toEqual([["set", ["xs"], [6, 5, 4, 3, 2, 1]]]);
  });

  it("rejects malformed ops with a PatchError and leaves the input alone", () => {
    const root = deepFreeze({ a: { b: [1, 2] }, n: 1 });
    const bad: unknown[] = [
      ["set", [], 1],
      ["set", ["n", "x"], 1],
      ["del", ["a", "b", 0]],
      ["push", ["n"], [1]],
      ["trim", ["a", "b"], 5],
      ["set", ["a", "b", 9], 1],
      ["frob", ["n"], 1],
      ["set", "n", 1],
      ["set", ["__proto__", "polluted"], 1],
      ["set", ["hasOwnProperty"], 1],
    ];
    for (const op of bad) expect(() => applyPatch(root, [op as PatchOp])).toThrow(PatchError);
    expect(root).toEqual({ a: { b: [1, 2] }, n: 1 });
  });
});

describe("ViewMirror", () => {
  it("applies patches in order and asks for a snapshot when one does not follow", () => {
    const m = new ViewMirror<{ version: number; n: number }>();
    expect(m.patch({ from: 1, to: 2, ops: [["set", ["n"], 2]] })).toBeNull();
    m.snapshot({ version: 1, n: 1 });
    expect(m.patch({ from: 1, to: 2, ops: [["set", ["n"], 2]] })).toEqual({ version: 2, n: 2 });
    expect(m.patch({ from: 1, to: 3, ops: [["set", ["n"], 3]] })).toBeNull();
    expect(m.patch({ from: 2, to: 3, ops: [["push", ["n"], [1]]] })).toBeNull();
    expect(m.current).toEqual({ version: 2, n: 2 });
  });
});
