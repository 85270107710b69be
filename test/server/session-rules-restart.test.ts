/**
 * The facilitator's settings and a strike held for approval live in the journal: a restarted server restores
 * them.
 */
import { describe, expect, it } from "vitest";
import { create, join, joinSeat, testServer } from "./harness.ts";

const strike = { type: "strike", target: "borevia" };

describe("the settings and held strikes outlive a restart", () => {
  it("a restarted server restores the game with its settings, a held strike and who submitted it", async () => {
    const first = await testServer();
    const fac = await create(first.url, { scenario: "baltic-fog", name: "Restart", seed: "rules-restart" });
    const ana = await joinSeat(first.url, fac, "Ana", "aestria");
    expect(
      (await fac.ask("fac:settings", { strikes: "approval", takeover: true, takeoverSeconds: 45 })).ok,
    ).toBe(true);
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    expect((await ana.ask("orders", { turn: 1, orders: [strike] })).ok).toBe(true);
    await fac.until((v) => v.session.heldStrikes.length === 1);
    const roomId = fac.room.roomId;
    await first.close();
    const second = await testServer({ dataDir: first.dataDir });
    try {
      const back = await join(second.url, roomId, { token: fac.token });
      expect(back.view.session.settings).toEqual({
        strikes: "approval",
        takeover: true,
        takeoverSeconds: 45,
      });
      expect(back.view.session.heldStrikes).toMatchObject([
        { seat: "aestria", by: "Ana", status: "waiting" },
      ]);
      expect((await back.ask("fac:strike", { seat: "aestria", approve: true })).ok).toBe(true);
      const approved = await back.until((v) => v.session.heldStrikes.length === 0);
      expect(approved.game.private.aestria?.orders).toEqual([strike]);
    } finally {
      await second.close();
    }
  });
});
