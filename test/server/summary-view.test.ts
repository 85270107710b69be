/** `GET /api/games/:gameId/view`: a member's view of a running game over HTTP, for the turn-summary page. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { ClientView } from "@firebreak/shared";
import { create, joinSeat, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const viewOf = (gameId: string, token: string | null) =>
  fetch(`${srv.http}/api/games/${encodeURIComponent(gameId)}/view`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });

describe("a member's view over HTTP", () => {
  it("a student reads their own view of a day-long turn (deadline, own orders only); anyone else gets 401", async () => {
    const fac = await create(srv.url, { scenario: "tutorial", name: "A turn a day", turnSeconds: 86_400 });
    const ana = await joinSeat(srv.url, fac, "Ana", "aldmark");
    const ben = await joinSeat(srv.url, fac, "Ben", "serevan");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    const res = await viewOf(fac.room.roomId, ana.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { view } = (await res.json()) as { view: ClientView };
    expect(view.me).toMatchObject({ seat: "aldmark", role: "player" });
    expect(view.session.turnSeconds).toBe(86_400);
    expect(view.session.deadline).toBe(ana.view.session.deadline);
    // What the room would send Ana: her seat's private part, not Ben's.
    expect(Object.keys(view.game.private)).toEqual(["aldmark"]);
    expect(view.facilitator).toBeNull();
    // Ben's token reads Ben's view; the facilitator key the facilitator's.
    const benView = ((await (await viewOf(fac.room.roomId, ben.token)).json()) as { view: ClientView }).view;
    expect(benView.me.seat).toBe("serevan");
    expect((await viewOf(fac.room.roomId, fac.token)).status).toBe(200);
    // No token, a wrong one, another game's id, a malformed id: the same 401.
    for (const [id, token] of [
      [fac.room.roomId, null],
      [fac.room.roomId, "x".repeat(24)],
      ["gNoSuchGame", ana.token],
      ["../../etc", ana.token],
    ] as const) {
      const r = await viewOf(id, token);
      expect(r.status).toBe(401);
      expect(((await r.json()) as { code: string }).code).toBe("BAD_TOKEN");
    }
  });
});

describe("a long game's create options", () => {
  it("a turn over an hour has no automatic takeover unless asked; a week is the longest turn", async () => {
    const day = await create(srv.url, { scenario: "tutorial", name: "Daily", turnSeconds: 86_400 });
    expect(day.view.session.settings.takeover).toBe(false);
    const asked = await create(srv.url, {
      scenario: "tutorial",
      name: "Daily",
      turnSeconds: 86_400,
      takeover: true,
      takeoverSeconds: 43_200,
    });
    expect(asked.view.session.settings).toMatchObject({ takeover: true, takeoverSeconds: 43_200 });
    await expect(
      create(srv.url, { scenario: "tutorial", name: "Too long", turnSeconds: 7 * 86_400 + 1 }),
    ).rejects.toThrow(/INVALID_REQUEST/);
    for (const p of [day, asked]) await p.room.leave(true);
  });
});

describe("the view of a game asleep", () => {
  it("is read from its journal, and reading it does not wake the game", async () => {
    const sleepy = await testServer({ idleSeconds: 1 });
    try {
      const fac = await create(sleepy.url, { scenario: "tutorial", name: "Asleep", turnSeconds: 0 });
      const ana = await joinSeat(sleepy.url, fac, "Ana", "aldmark");
      expect((await fac.ask("fac:start")).ok).toBe(true);
      await ana.until((v) => v.session.phase === "planning");
      const roomId = fac.room.roomId;
      const token = ana.token;
      await fac.room.leave(true);
      await ana.room.leave(true);
      // Nobody is here and no clock runs: the game leaves memory.
      for (let i = 0; i < 1000 && matchMaker.getLocalRoomById(roomId); i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(matchMaker.getLocalRoomById(roomId)).toBeUndefined();
      const res = await fetch(`${sleepy.http}/api/games/${roomId}/view`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const { view } = (await res.json()) as { view: ClientView };
      expect(view.me.seat).toBe("aldmark");
      expect(view.session.phase).toBe("planning");
      expect(view.game.turn).toBe(1);
      expect(matchMaker.getLocalRoomById(roomId)).toBeUndefined();
    } finally {
      await sleepy.close();
    }
  });
});
