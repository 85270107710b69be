/**
 * Seats belong to people: secrets after the start, knocks, invites, removal, code rotation, facilitator keys,
 * names.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { create, join, type Peer, testServer, joinSeat } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

async function lookup(code: string): Promise<Response> {
  return fetch(`${srv.http}/api/games/${code}`);
}

/** A class game in the lobby: the facilitator and Ana on Aestria. */
async function lobby(seed: string): Promise<{ fac: Peer; ana: Peer; roomId: string; code: string }> {
  const fac = await create(srv.url, { scenario: "baltic-fog", name: "Seats", seed, turnSeconds: 0 });
  const roomId = fac.room.roomId;
  const code = fac.view.session.code;
  const ana = await join(srv.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
  return { fac, ana, roomId, code };
}

/** A started class game: the facilitator, Ana on Aestria, Ben on Borevia. */
async function started(
  seed: string,
): Promise<{ fac: Peer; ana: Peer; ben: Peer; roomId: string; code: string }> {
  const g = await lobby(seed);
  const ben = await join(srv.url, g.roomId, { code: g.code, name: "Ben", role: "player", seat: "borevia" });
  expect((await g.fac.ask("fac:start")).ok).toBe(true);
  await g.ana.until((v) => v.session.phase === "planning" && v.game.private.aestria !== undefined);
  await ben.until((v) => v.session.phase === "planning");
  return { ...g, ben };
}

const refused = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => "joined",
    (e: Error) => e.message,
  );

describe("secrets reach a seat's players only after the start", () => {
  it("in the lobby a player sees no briefing or objectives, its own seat's or another's, however often it changes seat", async () => {
    const { fac, ana } = await lobby("lobby-secrets");
    const briefings = Object.values(fac.view.game.private).map((p) => p.briefing);
    expect(briefings.length).toBe(4);
    expect(ana.view.game.private).toEqual({});
    for (const seat of ["borevia", "meridia", "havland", "aestria"]) {
      expect((await ana.ask("lobby:seat", { seat })).ok).toBe(true);
      await ana.until((v) => v.me.seat === seat);
    }
    for (const b of briefings) expect(ana.raw.join("\n")).not.toContain(b);
    expect((await fac.ask("fac:start")).ok).toBe(true);
    const v = await ana.until((x) => x.session.phase === "planning" && x.game.private.aestria !== undefined);
    expect(v.game.private.aestria?.briefing).toBe(fac.view.game.private.aestria?.briefing);
    expect(Object.keys(v.game.private)).toEqual(["aestria"]);
  });

  it("two students who take one seat in the lobby both play it after the start", async () => {
    const { fac, ana, roomId, code } = await lobby("team-seat");
    const cy = await join(srv.url, roomId, { code, name: "Cy", role: "player", seat: "aestria" });
    expect(cy.view.me.seat).toBe("aestria");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    for (const p of [ana, cy]) await p.until((v) => v.game.private.aestria !== undefined);
    const turn = cy.view.game.turn;
    expect((await cy.ask("orders", { turn, orders: [{ type: "hunt" }] })).ok).toBe(true);
    await ana.until((v) => v.game.private.aestria?.orders.length === 1);
  });
});

describe("after the start, a seat with players needs the facilitator", () => {
  it("a join into a held seat knocks: no seat and no secrets until the facilitator admits; a refusal leaves it seatless", async () => {
    const { fac, ana, roomId, code } = await started("knock");
    const eve = await join(srv.url, roomId, { code, name: "Eve", role: "player", seat: "aestria" });
    expect(eve.view.me.seat).toBeNull();
    expect(eve.view.me.knock).toBe("aestria");
    expect(eve.view.game.private).toEqual({});
    expect((await eve.ask("orders", { turn: eve.view.game.turn, orders: [] })).rejected?.code).toBe(
      "NOT_A_PLAYER",
    );
    const knocks =
      (await fac.until((v) => (v.session.desk?.knocks.length ?? 0) === 1)).session.desk?.knocks ?? [];
    expect(knocks[0]).toMatchObject({ member: eve.memberId, name: "Eve", seat: "aestria" });
    expect(ana.view.session.desk).toBeNull();
    expect((await ana.ask("fac:admit", { member: eve.memberId, admit: true })).rejected?.code).toBe(
      "NOT_FACILITATOR",
    );
    expect((await fac.ask("fac:admit", { member: eve.memberId, admit: false })).ok).toBe(true);
    const after = await eve.until((v) => v.me.knock === null);
    expect(after.me.seat).toBeNull();
    expect(after.game.private).toEqual({});
    expect((await fac.ask("fac:admit", { member: eve.memberId, admit: true })).rejected?.code).toBe(
      "NO_KNOCK",
    );
    // She knocks again from inside the game, and this time is let in.
    expect((await eve.ask("knock", { seat: "aestria" })).ok).toBe(true);
    await fac.until((v) => v.session.desk?.knocks.some((k) => k.member === eve.memberId) === true);
    expect((await fac.ask("fac:admit", { member: eve.memberId, admit: true })).ok).toBe(true);
    const admitted = await eve.until((v) => v.me.seat === "aestria" && v.game.private.aestria !== undefined);
    expect(admitted.game.private.aestria?.briefing).toBe(fac.view.game.private.aestria?.briefing);
    for (const b of Object.values(fac.view.game.private).map((p) => p.briefing))
      expect(eve.raw.slice(0, 3).join("\n")).not.toContain(b);
  });

  it("a seat with no players (a bot holds it because it was empty) can still be taken by code", async () => {
    const { roomId, code } = await started("empty-seat");
    const late = await join(srv.url, roomId, { code, name: "Late", role: "player", seat: "meridia" });
    const v = await late.until((x) => x.game.private.meridia !== undefined);
    expect(v.me.seat).toBe("meridia");
    expect(v.session.seats.find((s) => s.seat === "meridia")?.bot).toBe(false);
  });

  it("lobby:seat is refused after the start; a seat invite joins one person to a held seat, once", async () => {
    const { fac, ana, roomId } = await started("invite");
    expect((await ana.ask("lobby:seat", { seat: "borevia" })).rejected?.code).toBe("NOT_IN_LOBBY");
    expect((await ana.ask("fac:invite", { seat: "aestria" })).rejected?.code).toBe("NOT_FACILITATOR");
    expect((await fac.ask("fac:invite", { seat: "__proto__" })).rejected?.code).toBe("UNKNOWN_SEAT");
    const answer = (await fac.ask("fac:invite", { seat: "aestria" })) as {
      invite?: { id: string; secret: string; seat: string };
    };
    expect(answer.invite?.seat).toBe("aestria");
    const secret = answer.invite?.secret ?? "";
    expect(ana.raw.join("\n")).not.toContain(secret);
    const dan = await join(srv.url, roomId, { invite: secret, name: "Dan" });
    const v = await dan.until((x) => x.game.private.aestria !== undefined);
    expect(v.me.seat).toBe("aestria");
    expect(await refused(new Client(srv.url).joinById(roomId, { invite: secret, name: "Again" }))).toMatch(
      /^BAD_INVITE/,
    );
    // A withdrawn invite no longer works.
    const second = (await fac.ask("fac:invite", { seat: "borevia" })) as {
      invite?: { id: string; secret: string };
    };
    expect((await fac.ask("fac:uninvite", { invite: second.invite?.id ?? "" })).ok).toBe(true);
    expect(
      await refused(
        new Client(srv.url).joinById(roomId, { invite: second.invite?.secret ?? "", name: "Late" }),
      ),
    ).toMatch(/^BAD_INVITE/);
  });

  it("in a solo game nobody can join the player's seat", async () => {
    const solo = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Solo",
      seed: "solo-seat",
      solo: { seat: "aestria" },
    });
    await solo.until((v) => v.session.phase === "planning");
    expect(
      await refused(
        new Client(srv.url).joinById(solo.room.roomId, {
          code: solo.view.session.code,
          role: "player",
          seat: "aestria",
          name: "Mallory",
        }),
      ),
    ).toMatch(/^SEAT_TAKEN/);
    // Nor take a seat a bot plays for the solo player; watching is fine.
    expect(
      await refused(
        new Client(srv.url).joinById(solo.room.roomId, {
          code: solo.view.session.code,
          role: "player",
          seat: "borevia",
          name: "Mallory",
        }),
      ),
    ).toMatch(/^SEAT_TAKEN/);
    const watcher = await join(srv.url, solo.room.roomId, {
      code: solo.view.session.code,
      role: "observer",
      name: "Teacher",
    });
    expect(watcher.view.me.role).toBe("observer");
    expect((await watcher.ask("knock", { seat: "borevia" })).rejected?.code).toBe("SEAT_TAKEN");
  });
});

describe("the facilitator removes people and rotates the code", () => {
  it("a removed member is disconnected at once and its token stops working; its teammate plays on", async () => {
    const { fac, ana, roomId, code } = await lobby("remove");
    const cy = await join(srv.url, roomId, { code, name: "Cy", role: "player", seat: "aestria" });
    const cyId = (
      await fac.until((v) => v.session.seats.find((s) => s.seat === "aestria")?.members.length === 2)
    ).session.seats
      .find((s) => s.seat === "aestria")
      ?.members.find((m) => m.name === "Cy")?.id;
    expect(cyId).toBe(cy.memberId);
    const closed = new Promise<number>((resolve) => cy.room.onLeave((c: number) => resolve(c)));
    expect((await ana.ask("fac:remove", { member: cy.memberId })).rejected?.code).toBe("NOT_FACILITATOR");
    expect((await fac.ask("fac:remove", { member: "constructor" })).rejected?.code).toBe("UNKNOWN_MEMBER");
    expect((await fac.ask("fac:remove", { member: cy.memberId })).ok).toBe(true);
    expect(await closed).toBe(4403);
    expect(await refused(new Client(srv.url).joinById(roomId, { token: cy.token }))).toMatch(/^BAD_TOKEN/);
    await fac.until((v) => v.session.seats.find((s) => s.seat === "aestria")?.members.length === 1);
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.game.private.aestria !== undefined);
    expect((await fac.ask("fac:remove", { member: fac.memberId })).rejected?.code).toBe("INVALID_REQUEST");
  });

  it("a rotated code opens the game and the old one no longer does", async () => {
    const { fac, roomId, code } = await lobby("rotate");
    const answer = (await fac.ask("fac:code")) as { code?: string };
    const fresh = answer.code ?? "";
    expect(fresh).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(fresh).not.toBe(code);
    await fac.until((v) => v.session.code === fresh);
    expect((await lookup(code)).status).toBe(404);
    expect((await lookup(fresh)).status).toBe(200);
    expect(
      await refused(new Client(srv.url).joinById(roomId, { code, name: "Old", role: "observer" })),
    ).toMatch(/^BAD_CODE/);
    const obs = await join(srv.url, roomId, { code: fresh, name: "New", role: "observer" });
    expect(obs.view.session.code).toBe(fresh);
  });
});

describe("the facilitator from any device", () => {
  it("the facilitator key restores the role on another connection; a co-facilitator gets its own key and can be removed", async () => {
    const { fac, roomId } = await lobby("cofac");
    const again = await join(srv.url, roomId, { token: fac.token });
    expect(again.view.me.role).toBe("facilitator");
    const answer = (await fac.ask("fac:cofac", { name: "Mr Second" })) as { member?: string; key?: string };
    expect(answer.key).toBeTruthy();
    const second = await join(srv.url, roomId, { token: answer.key ?? "" });
    expect(second.view.me.role).toBe("facilitator");
    expect(second.view.session.desk?.facilitators.map((f) => f.name).sort()).toEqual([
      "Facilitator",
      "Mr Second",
    ]);
    expect((await second.ask("fac:pause")).rejected?.code).toBe("NOT_PLAYING");
    for (const p of [fac, again]) expect(p.raw.join("\n")).not.toContain(answer.key);
    const closed = new Promise<number>((resolve) => second.room.onLeave((c: number) => resolve(c)));
    expect((await fac.ask("fac:remove", { member: answer.member ?? "" })).ok).toBe(true);
    expect(await closed).toBe(4403);
  });
});

describe("names and chat lines", () => {
  it("hidden and reordering characters are stripped; names that read as the system, the facilitator or a bot are refused", async () => {
    const { fac, ana, roomId, code } = await lobby("names");
    for (const name of [
      "Firebreak",
      "facilitator",
      "  SYSTEM ",
      "Borevia (bot)",
      "Helper Bot",
      "\u202E\u200B",
    ]) {
      expect(await refused(new Client(srv.url).joinById(roomId, { code, name, role: "observer" }))).toMatch(
        /^INVALID_NAME/,
      );
    }
    const rtl = await join(srv.url, roomId, {
      code,
      name: "Ev\u202Ee\u200B\u0007",
      role: "player",
      seat: "borevia",
    });
    expect(rtl.view.me.name).toBe("Eve");
    expect((await ana.ask("chat", { channel: "public", text: "hello \u202Edlrow\u2066 there" })).ok).toBe(
      true,
    );
    const line = (await fac.until((v) => v.chat.some((c) => c.fromName === "Ana"))).chat.find(
      (c) => c.fromName === "Ana",
    );
    expect(line?.text).toBe("hello dlrow there");
    expect(line?.role).toBe("player");
    expect((await fac.ask("chat", { channel: "public", text: "Welcome" })).ok).toBe(true);
    expect(
      (await ana.until((v) => v.chat.some((c) => c.role === "facilitator"))).chat.find(
        (c) => c.role === "facilitator",
      )?.text,
    ).toBe("Welcome");
  });

  it("a public statement's text and a refusal's note lose their hidden characters too", async () => {
    const { ana, ben } = await started("statement-text");
    const turn = ana.view.game.turn;
    expect(
      (
        await ana.ask("orders", {
          turn,
          orders: [{ type: "statement", tone: "reassure", text: "We mean no \u202Eharm\u2069." }],
        })
      ).ok,
    ).toBe(true);
    const v = await ana.until((x) => (x.game.private.aestria?.orders.length ?? 0) === 1);
    expect(v.game.private.aestria?.orders[0]).toEqual({
      type: "statement",
      tone: "reassure",
      text: "We mean no harm.",
    });
    expect((await ana.ask("propose", { kind: "hotline", parties: ["borevia"] })).ok).toBe(true);
    const mine = (x: typeof ana.view) =>
      x.game.proposals.find((q) => q.proposer === "aestria" && q.kind === "hotline");
    const proposal = mine(await ben.until((x) => mine(x) !== undefined))?.id ?? "";
    expect((await ben.ask("respond", { proposal, accept: false, note: "Not\u200B now\u202E." })).ok).toBe(
      true,
    );
    expect(mine(await ana.until((x) => mine(x)?.note !== ""))?.note).toBe("Not now.");
  });

  it("in the lobby only the public channel is open, so seat-hoppers find no team or private lines", async () => {
    const { fac, ana } = await lobby("lobby-chat");
    expect((await ana.ask("chat", { channel: "team", text: "our plan" })).rejected?.code).toBe("NO_CHANNEL");
    expect((await ana.ask("chat", { channel: "private:borevia", text: "psst" })).rejected?.code).toBe(
      "NO_CHANNEL",
    );
    expect((await fac.ask("chat", { channel: "team:aestria", text: "hint" })).rejected?.code).toBe(
      "NO_CHANNEL",
    );
    expect((await ana.ask("chat", { channel: "public", text: "hello" })).ok).toBe(true);
  });

  it("a player cannot write on another pair's line; a seatless player is told it writes in public", async () => {
    const { ana, roomId, code } = await started("channels");
    const r = await ana.ask("chat", { channel: "private:borevia:meridia", text: "psst" });
    expect(r.rejected?.code).toBe("NO_CHANNEL");
    const seatless = await join(srv.url, roomId, { code, name: "Sam", role: "player" });
    const t = await seatless.ask("chat", { channel: "team", text: "hi" });
    expect(t.rejected?.code).toBe("NO_CHANNEL");
    expect(t.rejected?.message).toMatch(/public/);
    expect(t.rejected?.message).not.toMatch(/observer/i);
    expect((await seatless.ask("chat", { channel: "public", text: "hi all" })).ok).toBe(true);
  });

  it("a view carries the newest 100 lines of a channel", async () => {
    const { fac } = await lobby("chat-cap");
    for (let i = 0; i < 105; i++) {
      const r = await fac.ask("chat", { channel: "public", text: `line ${i}` });
      expect(r.rejected?.code ?? "RATE_LIMITED").toBe("RATE_LIMITED");
      if (r.rejected) i--;
      // A person does not type ten lines a second: paced under the per-connection limits.
      await new Promise((res) => setTimeout(res, 80));
    }
    const v = await fac.until((x) => x.chat.some((c) => c.text === "line 104"));
    const lines = v.chat.filter((c) => c.channel === "public");
    expect(lines.length).toBe(100);
    expect(lines[0]?.text).toBe("line 5");
  });
});

describe("order of messages", () => {
  it("a token rejoin into a seat a bot holds because its players were away gets its welcome before any view", async () => {
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Away",
      seed: "away",
      turnSeconds: 0,
      takeoverSeconds: 1,
    });
    const roomId = fac.room.roomId;
    const ana = await joinSeat(srv.url, fac, "Ana", "aestria");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    const token = ana.token;
    await ana.room.leave(true);
    await fac.until((v) => v.session.seats.find((s) => s.seat === "aestria")?.reason === "absent");
    const back = await join(srv.url, roomId, { token });
    const welcome = back.raw.findIndex((r) => r.startsWith("welcome "));
    const firstView = back.raw.findIndex((r) => r.startsWith("view "));
    expect(welcome).toBeGreaterThanOrEqual(0);
    expect(welcome).toBeLessThan(firstView);
    await back.until((v) => v.session.seats.find((s) => s.seat === "aestria")?.bot === false);
  });
});
