import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("solo game", () => {
  it("plays to the end against bots, one request per intent", async () => {
    const me = await create(srv.url, { scenario: "baltic-fog", name: "Ana", solo: { seat: "aestria" }, seed: "solo-1" });
    let v = await me.until((x) => x.session.phase === "planning");
    expect(v.me.seat).toBe("aestria");
    expect(v.session.seats.filter((s) => s.bot)).toHaveLength(3);
    expect(v.session.seats.every((s) => s.persona === null)).toBe(true);
    for (let guard = 0; guard < 20 && v.session.phase === "planning"; guard++) {
      const turn = v.game.turn;
      const r = await me.ask("orders", { turn, orders: [{ type: "hunt" }, { type: "harden" }] });
      expect(r.rejected).toBeUndefined();
      expect((await me.ask("ready", { ready: true })).rejected).toBeUndefined();
      v = await me.until((x) => x.game.turn > turn || x.session.phase === "ended");
      await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
    }
    expect(v.session.phase).toBe("ended");
    expect(v.game.revealed).toBe(true);
    expect(v.game.outcome).not.toBeNull();
    expect(v.session.seats.filter((s) => s.bot).every((s) => s.persona !== null)).toBe(true);
    await me.room.leave();
  });
});
