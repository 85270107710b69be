import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { resetRateLimits } from "../../server/src/http/routes.ts";
import { create, join, Peer, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ takeoverSeconds: 1 });
});
afterAll(async () => {
  await srv.close();
});

async function classGame(seed: string): Promise<{ fac: Peer; a: Peer; b: Peer; obs: Peer; roomId: string }> {
  const fac = await create(srv.url, {
    scenario: "baltic-fog",
    name: "Facilitator",
    seed,
    turnSeconds: 0,
    takeoverSeconds: 1,
  });
  const roomId = fac.room.roomId;
  const code = fac.view.session.code;
  const a = await join(srv.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
  const b = await join(srv.url, roomId, { code, name: "Ben", role: "player", seat: "borevia" });
  const obs = await join(srv.url, roomId, { code, name: "Olga", role: "observer" });
  expect((await fac.ask("fac:start")).ok).toBe(true);
  await a.until((v) => v.session.phase === "planning");
  return { fac, a, b, obs, roomId };
}

async function playTurn(a: Peer, b: Peer, ordersA: unknown[], ordersB: unknown[]): Promise<void> {
  const turn = a.view.game.turn;
  const ra = await a.ask("orders", { turn, orders: ordersA });
  if (ra.rejected) await a.ask("orders", { turn, orders: [{ type: "hunt" }] });
  const rb = await b.ask("orders", { turn, orders: ordersB });
  if (rb.rejected) await b.ask("orders", { turn, orders: [{ type: "hunt" }] });
  const ya = await a.ask("ready", { ready: true });
  const yb = await b.ask("ready", { ready: true });
  await a
    .until((v) => v.game.turn > turn || v.session.phase === "ended")
    .catch((e) => {
      throw new Error(
        `${(e as Error).message}: ready ${JSON.stringify(a.view.session.ready)} ra ` +
          `${JSON.stringify(ra)} rb ${JSON.stringify(rb)} ya ${JSON.stringify(ya)} yb ${JSON.stringify(yb)}`,
      );
    });
}

describe("hidden information over the wire", () => {
  it(
    "in a full game with covert operations, no client receives another seat's private data: views, " +
      "patches, messages, welcome",
    async () => {
      const { fac, a, b, obs } = await classGame("leak-1");
      for (let t = 0; t < 12 && a.view.session.phase === "planning"; t++) {
        await playTurn(
          a,
          b,
          [
            { type: "espionage", target: "borevia" },
            { type: "influence", target: "borevia", falseFlag: "meridia" },
          ],
          [
            { type: "espionage", target: "aestria", proxy: true },
            { type: "preposition", target: "aestria" },
            { type: "influence", target: "havland" },
          ],
        );
        await new Promise((r) => setTimeout(r, 150)); // people do not send 20 requests a second; the flood guard would cut a client that did
      }
      if (a.view.session.phase === "planning") expect((await fac.ask("fac:end")).ok).toBe(true);
      const all = await fac.until((v) => v.session.phase === "ended");
      await Promise.all([a, b, obs].map((p) => p.until((v) => v.session.phase === "ended")));
      const g = all.game;
      const secretsOf = (seat: string): string[] => {
        const p = g.private[seat];
        const mine = g.incidents.filter(
          (i) => i.author === seat && !i.public && Object.keys(i.knowledge).every((k) => k === seat),
        );
        return [
          p?.briefing ?? "",
          ...(p?.objectives.map((o) => o.text) ?? []),
          ...(p?.accesses.map((x) => x.id) ?? []),
          ...mine.map((i) => i.id),
        ].filter((x) => x.length > 0);
      };
      const secretsA = secretsOf("aestria");
      const secretsB = secretsOf("borevia");
      expect(secretsA.length).toBeGreaterThan(3);
      expect(secretsB.length).toBeGreaterThan(3);
      const everything = (p: Peer) => p.rawWhilePlaying();
      for (const s of secretsA) {
        expect(everything(b)).not.toContain(s);
        expect(everything(obs)).not.toContain(s);
      }
      for (const s of secretsB) {
        expect(everything(a)).not.toContain(s);
        expect(everything(obs)).not.toContain(s);
      }
      for (const seat of ["meridia", "havland"]) {
        const briefing = g.private[seat]?.briefing ?? "";
        for (const p of [a, b, obs]) expect(everything(p)).not.toContain(briefing);
      }
      for (const [p, q] of [
        [a, b],
        [b, a],
        [obs, a],
        [a, fac],
      ] as const)
        expect(everything(p)).not.toContain(q.token);
      const seedOf = fac.view.game.scenario.hash;
      expect(seedOf).toBeTruthy();
      for (const p of [a, b, obs, fac]) expect(p.raw.join("\n")).not.toContain("leak-1");
      const debrief = await b.until((v) => v.session.phase === "ended");
      expect(debrief.game.private.aestria?.briefing).toBe(g.private.aestria?.briefing);
      // The bots (Meridia, Havland) talked, also to each other; each reader holds exactly the lines of its own
      // channels.
      const lines = all.chat;
      expect(lines.some((c) => c.channel === "private:havland:meridia" && c.fromName.endsWith("(bot)"))).toBe(
        true,
      );
      const readable = (seat: string | null) =>
        lines.flatMap((c) => {
          if (c.channel === "public") return [`public#${c.id}#${c.from}#${c.text}`];
          const [kind, x, y] = c.channel.split(":");
          if (seat === null || (x !== seat && y !== seat) || kind === "team") return [];
          return [`${kind}:${x === seat ? y : x}#${c.id}#${c.from}#${c.text}`];
        });
      const held = (p: Peer) => p.view.chat.map((c) => `${c.channel}#${c.id}#${c.from}#${c.text}`);
      expect(held(a).sort()).toEqual(readable("aestria").sort());
      expect(held(b).sort()).toEqual(readable("borevia").sort());
      expect(held(obs).sort()).toEqual(readable(null).sort());
      expect(held(a).some((c) => c.startsWith("private:havland#"))).toBe(true);
    },
  );
});

describe("identity, reconnection and bots", () => {
  it("a seat token rejoins the same seat from a new connection; a wrong token is refused", async () => {
    const { a, roomId } = await classGame("rejoin-1");
    const token = a.token;
    const memberId = a.memberId;
    await a.room.leave(true);
    const again = await join(srv.url, roomId, { token });
    expect(again.view.me.memberId).toBe(memberId);
    expect(again.view.me.seat).toBe("aestria");
    expect(again.token).toBe(token);
    await expect(new Client(srv.url).joinById(roomId, { token: "not-a-real-token-at-all" })).rejects.toThrow(
      /BAD_TOKEN/,
    );
  });

  it("a bot takes over a seat whose players have all left, tells everyone, and hands it back on return", async () => {
    const { a, b, roomId } = await classGame("takeover-1");
    const token = b.token;
    await b.room.leave(true);
    const v = await a.until(
      (x) => x.session.seats.find((s) => s.seat === "borevia")?.reason === "absent",
      5000,
    );
    expect(v.chat.some((c) => c.from === "system" && c.text.includes("Borevia"))).toBe(true);
    const back = await join(srv.url, roomId, { token });
    const after = await back.until((x) => x.session.seats.find((s) => s.seat === "borevia")?.bot === false);
    expect(after.me.seat).toBe("borevia");
  });
});

describe("the clock and dropped connections", () => {
  it("planning ends at the deadline: a seat that is not ready keeps its saved orders, and the next turn gets a new deadline", async () => {
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Facilitator",
      seed: "deadline-1",
      turnSeconds: 1,
      takeoverSeconds: 0,
    });
    const a = await join(srv.url, fac.room.roomId, {
      code: fac.view.session.code,
      name: "Ana",
      role: "player",
      seat: "aestria",
    });
    expect((await fac.ask("fac:start")).ok).toBe(true);
    const first = await a.until((v) => v.session.phase === "planning");
    expect(first.session.deadline).not.toBeNull();
    expect((await a.ask("orders", { turn: 1, orders: [{ type: "espionage", target: "borevia" }] })).ok).toBe(
      true,
    );
    // Nobody says ready: the room's clock resolves the turn about a second after the start.
    const second = await a.until((v) => v.game.turn === 2, 10_000);
    expect(second.session.deadline ?? 0).toBeGreaterThan(first.session.deadline ?? 0);
    // A seat's saved orders stand though it never said Ready: Aestria's espionage happened on turn 1.
    const seen = await fac.until((v) => v.game.turn === 2);
    expect(seen.game.incidents.some((i) => i.turn === 1 && i.author === "aestria")).toBe(true);
  });

  it("a dropped connection may come back within the reconnection window, as the same member in the same seat", async () => {
    const { a, fac } = await classGame("drop-1");
    const token = a.room.reconnectionToken;
    const memberId = a.memberId;
    const left = new Promise<void>((resolve) => a.room.onLeave(() => resolve()));
    // Close the socket without the SDK's "leave" (not consented): the server treats it as a drop and holds
    // the seat.
    (a.room.connection.transport as unknown as { ws: { close: (code?: number) => void } }).ws.close(1000);
    await left;
    await fac.until(
      (v) => v.session.seats.find((s) => s.seat === "aestria")?.members.some((m) => !m.connected) === true,
    );
    const back = new Peer(await new Client(srv.url).reconnect(token));
    const v = await back.until((x) => x.me.memberId === memberId);
    expect(v.me.seat).toBe("aestria");
    await fac.until(
      (x) => x.session.seats.find((s) => s.seat === "aestria")?.members.every((m) => m.connected) === true,
    );
    expect((await back.ask("orders", { turn: v.game.turn, orders: [{ type: "hunt" }] })).ok).toBe(true);
  });
});

describe("abuse", () => {
  it("wrong join codes are rate-limited per address", async () => {
    resetRateLimits();
    for (let i = 0; i < 10; i++) expect((await fetch(`${srv.http}/api/games/QQQQQ${i}`)).status).toBe(404);
    const res = await fetch(`${srv.http}/api/games/QQQQQQ`);
    expect(res.status).toBe(429);
    expect(((await res.json()) as { code: string }).code).toBe("RATE_LIMITED");
    resetRateLimits();
  });

  it("a flooding client is cut off; the room and the other clients carry on", async () => {
    const { a, b, roomId } = await classGame("flood-1");
    const turn = a.view.game.turn;
    const answers = await Promise.allSettled(
      Array.from({ length: 60 }, () => b.room.request("ready", { ready: false })),
    );
    expect(answers.some((x) => x.status === "rejected")).toBe(true);
    expect((await a.ask("orders", { turn, orders: [{ type: "hunt" }] })).ok).toBe(true);
    const back = await join(srv.url, roomId, { token: b.token });
    expect(back.view.me.seat).toBe("borevia");
    expect(back.view.game.turn).toBe(turn);
  });

  it("an oversized payload is refused without harming the room", async () => {
    const { a, b } = await classGame("big-1");
    const before = a.view.game.turn;
    const r = await b.ask("chat", { channel: "public", text: "x".repeat(100_000) });
    expect(r.ok).toBeUndefined();
    expect((await a.ask("chat", { channel: "public", text: "still here" })).ok).toBe(true);
    const v = await a.until((x) => x.chat.some((c) => c.text === "still here"));
    expect(v.game.turn).toBe(before);
    expect(v.chat.some((c) => c.text.length > 1000)).toBe(false);
  });
});

describe("matchmaking cannot be abused", () => {
  it("joining without the code, or asking for a restore, is refused and leaves the game intact", async () => {
    const { fac, roomId } = await classGame("abuse-1");
    await expect(new Client(srv.url).join("crisis", { role: "observer" })).rejects.toThrow(/BAD_CODE/);
    await expect(new Client(srv.url).joinById(roomId, { role: "observer", code: "WRONG1" })).rejects.toThrow(
      /BAD_CODE/,
    );
    await expect(new Client(srv.url).create("crisis", { restore: roomId })).rejects.toThrow();
    const res = await fetch(`${srv.http}/api/games/${fac.view.session.code}`);
    expect(res.status).toBe(200);
  });
});

describe("joining by code through matchmaking", () => {
  it("join('crisis', { code }) finds the room with that code; matchmaking joins are rate-limited per address", async () => {
    resetRateLimits();
    const { fac } = await classGame("bycode-1");
    const other = await create(srv.url, { scenario: "baltic-fog", name: "Another class", seed: "other-1" });
    const viaCode = new Peer(
      await new Client(srv.url).join("crisis", {
        code: fac.view.session.code,
        name: "Late",
        role: "player",
        seat: "meridia",
      }),
    );
    const v = await viaCode.until(() => true);
    expect(v.session.code).toBe(fac.view.session.code);
    expect(v.session.code).not.toBe(other.view.session.code);
    expect(v.me.seat).toBe("meridia");
    // Right codes never count toward the limit, whoever else mistypes.
    for (let i = 0; i < 70; i++)
      expect(
        await new Client(srv.url)
          .join("crisis", { code: fac.view.session.code, role: "observer", name: `Obs${i}` })
          .then(
            (r) => r.leave(),
            () => "refused",
          ),
      ).not.toBe("refused");
    let limited = false;
    for (let i = 0; i < 80 && !limited; i++) {
      try {
        await new Client(srv.url).join("crisis", { code: `ZZZZZ${i % 10}` });
      } catch (e) {
        if (/429|RATE_LIMITED|Too many/.test(String((e as Error).message))) limited = true;
      }
    }
    expect(limited).toBe(true);
    resetRateLimits();
  });
});
