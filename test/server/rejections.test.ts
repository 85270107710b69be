/**
 * Every server rejection code over real WebSockets (engine codes are covered by validate.test.ts and
 * class.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { services } from "../../server/src/services.ts";
import { create, join, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("server rejections", () => {
  it("each carries its code, and a rejected request changes nothing", async () => {
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Codes",
      seed: "codes-1",
      turnSeconds: 0,
    });
    const code = fac.view.session.code;
    const ana = await join(srv.url, fac.room.roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    expect((await ana.ask("ready", { ready: true })).rejected?.code).toBe("NOT_PLAYING");
    expect((await fac.ask("fac:bot", { seat: "atlantis", bot: true })).rejected?.code).toBe("UNKNOWN_SEAT");
    const unknown = await fac.ask("fac:bot", { seat: "borevia", bot: true, persona: "pacifist" });
    expect(unknown.rejected?.code).toBe("UNKNOWN_PERSONA");
    expect(unknown.rejected?.message).toContain("opportunist");
    expect(fac.view.session.seats.find((s) => s.seat === "borevia")?.bot).toBe(false);
    expect((await fac.ask("fac:bot", { seat: "borevia", bot: true, persona: "normBuilder" })).ok).toBe(true);
    await fac.until((v) => v.session.seats.find((s) => s.seat === "borevia")?.persona === "normBuilder");
    expect((await fac.ask("fac:bot", { seat: "havland", bot: true, persona: "opportunist" })).ok).toBe(true);
    await fac.until((v) => v.session.seats.find((s) => s.seat === "havland")?.persona === "opportunist");
    expect((await fac.ask("fac:assign", { member: "nobody", seat: "aestria" })).rejected?.code).toBe(
      "UNKNOWN_MEMBER",
    );
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    expect((await fac.ask("fac:start")).rejected?.code).toBe("NOT_IN_LOBBY");
    expect((await fac.ask("fac:extend", { seconds: 60 })).rejected?.code).toBe("INVALID_REQUEST");
    expect((await fac.ask("fac:resume")).rejected?.code).toBe("NOT_PAUSED");
    expect((await fac.ask("fac:pause")).ok).toBe(true);
    expect((await fac.ask("fac:pause")).rejected?.code).toBe("PAUSED");
    expect((await fac.ask("fac:resume")).ok).toBe(true);

    // The store fails: the request is refused with STORE_FAILED and the game is unchanged.
    const store = services().store;
    const append = store.append;
    const before = ana.view.game.private.aestria?.orders;
    store.append = () => {
      throw new Error("disk full");
    };
    try {
      const r = await ana.ask("orders", { turn: ana.view.game.turn, orders: [{ type: "hunt" }] });
      expect(r.rejected?.code).toBe("STORE_FAILED");
    } finally {
      store.append = append;
    }
    expect((await ana.ask("chat", { channel: "public", text: "after the failure" })).ok).toBe(true);
    const v = await ana.until((x) => x.chat.some((c) => c.text === "after the failure"));
    expect(v.game.private.aestria?.orders).toEqual(before);

    expect((await fac.ask("fac:end")).ok).toBe(true);
    await ana.until((x) => x.session.phase === "ended");
    expect((await ana.ask("orders", { turn: 1, orders: [] })).rejected?.code).toBe("GAME_OVER");
    await expect(
      new Client(srv.url).joinById(fac.room.roomId, { code, name: "Late", role: "observer" }),
    ).rejects.toThrow(/GAME_OVER/);
    await expect(
      new Client(srv.url).create("crisis", { scenario: "no-such-scenario", name: "x" }),
    ).rejects.toThrow(/UNKNOWN_SCENARIO/);
    await expect(
      new Client(srv.url).create("crisis", { scenario: "baltic-fog", name: "x", solo: { seat: "atlantis" } }),
    ).rejects.toThrow(/UNKNOWN_SEAT/);
    await expect(
      new Client(srv.url).create("crisis", { scenario: "baltic-fog", name: "x", turnSeconds: -5 }),
    ).rejects.toThrow(/INVALID_REQUEST/);
    await expect(
      new Client(srv.url).create("crisis", { scenario: "baltic-fog", name: "x", cast: "alphabetical" }),
    ).rejects.toThrow(/INVALID_REQUEST/);

    // A finished game's room closes once everyone has left; its record stays in the store.
    const rooms = async () =>
      ((await (await fetch(`${srv.http}/api/health`)).json()) as { rooms: number }).rooms;
    const open = await rooms();
    await ana.room.leave(true);
    await fac.room.leave(true);
    await expect.poll(rooms, { timeout: 5000 }).toBe(open - 1);
    expect(
      (
        await fetch(`${srv.http}/api/records/${fac.room.roomId}`, {
          headers: { Authorization: `Bearer ${fac.token}` },
        })
      ).status,
    ).toBe(200);
  });
});
