import { describe, expect, it } from "vitest";
import { ann, bob, fac, olga, started } from "../testing/fixtures.ts";
import { clientView } from "./client-view.ts";

describe("a member's view", () => {
  it("a client view carries only the member's own seat and never a token", () => {
    const { s } = started();
    const v = clientView(s, bob, new Set(["mA", "mB"]));
    expect(Object.keys(v.game.private)).toEqual(["south"]);
    const text = JSON.stringify(v);
    for (const m of [fac, ann, olga]) expect(text).not.toContain(m.token);
    expect(text).not.toContain("s-1");
    expect(v.session.seats.find((x) => x.seat === "east")?.persona).toBeNull();
    expect(
      clientView(s, fac, new Set()).session.seats.find((x) => x.seat === "east")?.persona,
    ).not.toBeNull();
  });
});
