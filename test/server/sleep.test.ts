/**
 * Idle games leave memory and come back: a code lookup or a member's token wakes them; a running clock keeps
 * a game awake.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { matchMaker } from "@colyseus/core";
import { create, join, testServer, joinSeat } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ idleSeconds: 1 });
});
afterAll(async () => {
  await srv.close();
});

/** Waits until the room is (or is no longer) held by this process. */
async function held(roomId: string, wanted: boolean): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (Boolean(matchMaker.getLocalRoomById(roomId)) === wanted) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`room ${roomId} still ${wanted ? "absent" : "held"}`);
}

const wakeWith = (roomId: string, token: string | null) =>
  fetch(`${srv.http}/api/games/${roomId}/wake`, {
    method: "POST",
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });

describe("sleeping games", () => {
  it("a lobby nobody is in sleeps; its code wakes it with everyone's seat; a member's token wakes it through /wake", async () => {
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Sleepy",
      seed: "sleep-1",
      turnSeconds: 0,
    });
    const roomId = fac.room.roomId;
    const code = fac.view.session.code;
    const ana = await join(srv.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    const tokens = { fac: fac.token, ana: ana.token };
    await fac.room.leave(true);
    await ana.room.leave(true);
    await held(roomId, false);

    // The code lookup wakes it; the people are still in their seats.
    const found = await fetch(`${srv.http}/api/games/${code}`);
    expect(found.status).toBe(200);
    expect(((await found.json()) as { roomId: string }).roomId).toBe(roomId);
    const fac2 = await join(srv.url, roomId, { token: tokens.fac });
    expect(fac2.view.session.seats.find((s) => s.seat === "aestria")?.members.map((m) => m.name)).toEqual([
      "Ana",
    ]);
    await fac2.room.leave(true);
    await held(roomId, false);

    // A token rejoin finds no room until a member wakes it; a wrong or missing token does not.
    await expect(new Client(srv.url).joinById(roomId, { token: tokens.ana })).rejects.toThrow(/not found/);
    expect((await wakeWith(roomId, null)).status).toBe(401);
    expect((await wakeWith(roomId, "not-a-token-of-this-game")).status).toBe(401);
    expect((await wakeWith("gNoSuchGame", tokens.ana)).status).toBe(401);
    const woken = await wakeWith(roomId, tokens.ana);
    expect(woken.status).toBe(200);
    expect(await woken.json()).toEqual({ roomId, woken: true });
    const ana2 = await join(srv.url, roomId, { token: tokens.ana });
    expect(ana2.view.me.seat).toBe("aestria");
    expect(await (await wakeWith(roomId, tokens.ana)).json()).toEqual({ roomId, woken: false });
    // A running game's id is no more revealed than a sleeping one's: a wrong token gets the same 401.
    expect((await wakeWith(roomId, "not-a-token-of-this-game")).status).toBe(401);

    // A join by code through matchmaking wakes it too.
    await ana2.room.leave(true);
    await held(roomId, false);
    const obs = await new Client(srv.url).join("crisis", { code, name: "Olga", role: "observer" });
    expect(obs.roomId).toBe(roomId);
    await obs.leave(true);
  });

  it("a game whose clock runs stays awake with nobody connected", async () => {
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Clocked",
      seed: "sleep-2",
      turnSeconds: 600,
    });
    const roomId = fac.room.roomId;
    const ana = await joinSeat(srv.url, fac, "Ana", "aestria");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await fac.until((v) => v.session.phase === "planning" && v.session.deadline !== null);
    await ana.room.leave(true);
    await fac.room.leave(true);
    // Three idle periods pass; the deadline keeps it in memory.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(matchMaker.getLocalRoomById(roomId)).toBeDefined();
  });
});
