import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientView } from "@firebreak/shared";
import { create, join, testServer, type Peer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

async function lookup(code: string): Promise<{ roomId: string }> {
  const res = await fetch(`${srv.http}/api/games/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { roomId: string };
}

describe("class game with a facilitator", () => {
  let fac: Peer;
  let ana: Peer;
  let ben: Peer;
  let cy: Peer;
  let obs: Peer;

  it("the facilitator opens it; players join by code; a team shares a seat; an observer watches", async () => {
    fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Ms Teacher",
      seed: "class-1",
      turnSeconds: 600,
    });
    expect(fac.view.me.role).toBe("facilitator");
    expect(fac.view.session.code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    const { roomId } = await lookup(fac.view.session.code.toLowerCase());
    const code = fac.view.session.code.toLowerCase();
    ana = await join(srv.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    ben = await join(srv.url, roomId, { code, name: "Ben", role: "player", seat: "borevia" });
    cy = await join(srv.url, roomId, { code, name: "Cy", role: "player", seat: "aestria" });
    obs = await join(srv.url, roomId, { code, name: "Visitor", role: "observer" });
    const lobby = await fac.until(
      (v) => v.session.seats.find((s) => s.seat === "aestria")?.members.length === 2,
    );
    expect(lobby.session.phase).toBe("lobby");
    expect(lobby.session.observers).toBe(1);
    expect(ana.token).not.toBe(cy.token);
  });

  it("only the facilitator starts; empty seats get bots", async () => {
    expect((await ana.ask("fac:start")).rejected?.code).toBe("NOT_FACILITATOR");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    const v = await ana.until((x) => x.session.phase === "planning");
    expect(
      v.session.seats
        .filter((s) => s.bot)
        .map((s) => s.seat)
        .sort(),
    ).toEqual(["havland", "meridia"]);
    expect(v.session.deadline).toBeGreaterThan(Date.now());
  });

  it("every rejection carries the engine's or the server's code and changes nothing", async () => {
    const turn = ana.view.game.turn;
    expect((await ana.ask("orders", { turn: turn + 1, orders: [] })).rejected?.code).toBe("WRONG_TURN");
    expect(
      (await ana.ask("orders", { turn, orders: [{ type: "destroy", target: "borevia" }] })).rejected?.code,
    ).toBe("NO_ACCESS");
    expect(
      (await ana.ask("orders", { turn, orders: [{ type: "ddos", target: "aestria" }] })).rejected?.code,
    ).toBe("SELF_TARGET");
    expect(
      (
        await ana.ask("orders", {
          turn,
          orders: [
            { type: "hunt" },
            { type: "harden" },
            { type: "develop" },
            { type: "ddos", target: "borevia" },
          ],
        })
      ).rejected?.code,
    ).toBe("NOT_ENOUGH_AP");
    expect(
      (await ana.ask("orders", { turn, orders: [{ type: "inquire", target: "borevia", incident: "nope" }] }))
        .rejected?.code,
    ).toBe("UNKNOWN_INCIDENT");
    expect((await ana.ask("orders", { turn, orders: [{ type: "teleport" }] })).rejected?.code).toBe(
      "INVALID_ORDER",
    );
    expect((await obs.ask("orders", { turn, orders: [] })).rejected?.code).toBe("NOT_A_PLAYER");
    expect((await ana.ask("fac:pause")).rejected?.code).toBe("NOT_FACILITATOR");
    expect((await ana.ask("chat", { channel: "hotline:borevia", text: "hi" })).rejected?.code).toBe(
      "NO_CHANNEL",
    );
    expect((await obs.ask("chat", { channel: "public", text: "hi" })).rejected?.code).toBe("NO_CHANNEL");
    expect((await ana.ask("chat", { channel: "public", text: "x".repeat(600) })).rejected?.code).toBe(
      "TEXT_TOO_LONG",
    );
    expect((await ana.ask("respond", { proposal: "p123", accept: true })).rejected?.code).toBe(
      "UNKNOWN_PROPOSAL",
    );
    expect((await ana.ask("lobby:seat", { seat: "meridia" })).rejected?.code).toBe("NOT_IN_LOBBY");
    // A malformed payload fails zod: the request is answered with an error, the client stays connected.
    const bad = await ana.ask("orders", { turn: "one" });
    expect(bad.rejected).toBeDefined();
    expect((await ana.ask("ready", { ready: false })).ok).toBe(true);
    expect(ana.view.game.private.aestria?.orders).toEqual([]);
  });

  it("private, team and public chat reach exactly who they should", async () => {
    expect((await ana.ask("chat", { channel: "private:borevia", text: "Let us talk, quietly." })).ok).toBe(
      true,
    );
    expect((await cy.ask("chat", { channel: "team", text: "I will draft our orders." })).ok).toBe(true);
    expect((await fac.ask("chat", { channel: "public", text: "<b>Welcome</b> to the exercise." })).ok).toBe(
      true,
    );
    // The bots (Meridia, Havland) have their own words on their lines (bots' words are tested in solo and
    // robust tests); here, the people's.
    const people = (v: ClientView) =>
      v.chat.filter((c) => !v.session.seats.some((s) => s.bot && s.seat === c.from));
    const b = await ben.until((v) => v.chat.some((c) => c.text.includes("Welcome")));
    expect(people(b).map((c) => c.channel)).toEqual(["private:aestria", "public"]);
    expect(b.chat.find((c) => c.channel === "public" && c.from === "facilitator")?.text).toBe(
      "<b>Welcome</b> to the exercise.",
    );
    const a = await ana.until((v) => people(v).length === 3);
    expect(people(a).map((c) => c.channel)).toEqual(["private:borevia", "team", "public"]);
    const o = await obs.until((v) => people(v).length >= 1);
    expect(people(o).map((c) => c.channel)).toEqual(["public"]);
    const f = await fac.until((v) => people(v).length === 3);
    expect(people(f).map((c) => c.channel)).toEqual(["private:aestria:borevia", "team:aestria", "public"]);
  });

  it("a hotline is proposed and accepted, then the hotline channel opens", async () => {
    expect((await ana.ask("propose", { kind: "hotline", parties: ["borevia"] })).ok).toBe(true);
    const mine = (v: ClientView) =>
      v.game.proposals.find((p) => p.proposer === "aestria" && p.kind === "hotline");
    const pv = await ben.until((v) => mine(v) !== undefined);
    expect(obs.view.game.proposals).toHaveLength(0);
    expect((await ben.ask("respond", { proposal: mine(pv)?.id, accept: true })).ok).toBe(true);
    const turn = ana.view.game.turn;
    // Team members edit the same orders; the team sees who changed what.
    expect((await cy.ask("orders", { turn, orders: [{ type: "espionage", target: "borevia" }] })).ok).toBe(
      true,
    );
    expect(
      (
        await ana.ask("orders", {
          turn,
          orders: [
            { type: "espionage", target: "borevia" },
            { type: "preposition", target: "borevia" },
          ],
        })
      ).ok,
    ).toBe(true);
    const team = await cy.until((v) => v.orderLog.length === 2);
    expect(team.orderLog.map((o) => o.by)).toEqual(["Cy", "Ana"]);
    expect(team.game.private.aestria?.orders).toHaveLength(2);
    expect(ben.view.orderLog).toEqual([]);
    expect((await ben.ask("orders", { turn, orders: [{ type: "hunt" }] })).ok).toBe(true);
    await ana.ask("ready", { ready: true });
    await ben.ask("ready", { ready: true });
    const next = await ana
      .until((v) => v.game.turn === turn + 1)
      .catch((e) => {
        throw new Error(
          `${e.message} ready=${JSON.stringify(ana.view.session.ready)} ` +
            `seats=${JSON.stringify(ana.view.session.seats.map((s) => [s.seat, s.bot]))}`,
        );
      });
    expect(
      next.game.cbms.some(
        (c) => c.kind === "hotline" && c.members.includes("aestria") && c.members.includes("borevia"),
      ),
    ).toBe(true);
    expect((await ana.ask("chat", { channel: "hotline:borevia", text: "Hotline check." })).ok).toBe(true);
  });

  it("the facilitator pauses, extends, resumes, injects, advances and ends; everyone reaches the debrief", async () => {
    expect((await fac.ask("fac:pause")).ok).toBe(true);
    let v = await ana.until((x) => x.session.paused);
    expect(v.session.deadline).toBeNull();
    const remaining = v.session.pausedRemaining ?? 0;
    expect((await fac.ask("fac:extend", { seconds: 60 })).ok).toBe(true);
    v = await ana.until((x) => (x.session.pausedRemaining ?? 0) >= remaining + 60_000);
    expect((await fac.ask("fac:resume")).ok).toBe(true);
    await ana.until((x) => !x.session.paused && x.session.deadline !== null);
    expect((await fac.ask("fac:inject", { id: "no-such-inject" })).rejected?.code).toBe("UNKNOWN_INJECT");
    expect(
      (
        await fac.ask("fac:inject", {
          inject: {
            id: "live",
            title: "Live inject",
            text: "A ransomware gang hits Aestria's hospitals.",
            effects: [{ type: "nonStateIncident", target: "aestria", kind: "disrupt" }],
          },
        })
      ).ok,
    ).toBe(true);
    await ben.until((x) => x.game.events.some((e) => e.text.includes("Live inject")));
    const turn = fac.view.game.turn;
    expect((await fac.ask("fac:advance")).ok).toBe(true);
    await ana.until((x) => x.game.turn === turn + 1);
    expect((await fac.ask("fac:bot", { seat: "borevia", bot: true, persona: "hawk" })).ok).toBe(true);
    const bv = await ben.until((x) => x.session.seats.find((s) => s.seat === "borevia")?.bot === true);
    expect(bv.session.seats.find((s) => s.seat === "borevia")?.persona).toBeNull();
    expect((await ben.ask("orders", { turn: bv.game.turn, orders: [] })).rejected?.code).toBe(
      "BOT_HOLDS_SEAT",
    );
    expect((await fac.ask("fac:bot", { seat: "borevia", bot: false })).ok).toBe(true);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    for (const p of [ana, ben, cy, obs]) {
      const end: ClientView = await p.until((x) => x.session.phase === "ended");
      expect(end.game.revealed).toBe(true);
      expect(Object.keys(end.game.private)).toHaveLength(4);
    }
  });
});
