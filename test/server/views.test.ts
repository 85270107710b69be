/**
 * Snapshots and patches over real WebSockets: every client's patched view equals a fresh snapshot, and
 * patches go only where something changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, join, OPERATOR_TOKEN, testServer, type Peer } from "./harness.ts";

/** GET /api/metrics needs the operator token. */
const operator = { headers: { Authorization: `Bearer ${OPERATOR_TOKEN}` } };

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

async function settle(ms = 150): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Asks for a snapshot and checks it equals the view the peer built from patches. */
async function expectInStep(p: Peer): Promise<void> {
  const before = p.view;
  const snapshots = p.counts.snapshots;
  expect((await p.ask("sync")).ok).toBe(true);
  await p.until(() => p.counts.snapshots > snapshots);
  expect(p.view).toEqual(before);
}

describe("view snapshots and patches", () => {
  let fac: Peer;
  let ana: Peer;
  let ben: Peer;
  let obs: Peer;

  it("a joining client gets one snapshot, then patches", async () => {
    fac = await create(srv.url, { scenario: "baltic-fog", name: "Views", seed: "views-1", turnSeconds: 0 });
    const code = fac.view.session.code;
    const roomId = (await (await fetch(`${srv.http}/api/games/${code}`)).json()) as { roomId: string };
    ana = await join(srv.url, roomId.roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    ben = await join(srv.url, roomId.roomId, { code, name: "Ben", role: "player", seat: "borevia" });
    obs = await join(srv.url, roomId.roomId, { code, name: "Obs", role: "observer" });
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    await settle();
    for (const p of [fac, ana, ben, obs]) {
      expect(p.counts.snapshots).toBe(1);
      expect(p.counts.patches).toBeGreaterThan(0);
      expect(p.counts.stale).toBe(0);
    }
  });

  it("a seat's orders reach only its own team and the facilitator", async () => {
    const seen = [ben, obs, fac, ana].map((p) => p.raw.length);
    expect((await ana.ask("orders", { turn: 1, orders: [{ type: "harden" }] })).ok).toBe(true);
    await fac.until((v) => v.game.private.aestria?.orders.length === 1);
    await settle();
    expect(ben.raw.length).toBe(seen[0]);
    expect(obs.raw.length).toBe(seen[1]);
    expect(fac.raw.length).toBeGreaterThan(seen[2] as number);
    expect(ana.view.game.private.aestria?.orders).toEqual([{ type: "harden" }]);
  });

  it("after turns with covert operations, every patched view equals a fresh snapshot; patches are small", async () => {
    for (let turn = 1; turn <= 3; turn++) {
      expect(
        (
          await ana.ask("orders", {
            turn,
            orders: [{ type: "espionage", target: "borevia" }, { type: "hunt" }],
          })
        ).ok,
      ).toBe(true);
      expect(
        (await ben.ask("orders", { turn, orders: [{ type: "preposition", target: "aestria" }] })).ok,
      ).toBe(true);
      expect((await ana.ask("ready", { ready: true })).ok).toBe(true);
      expect((await ben.ask("ready", { ready: true })).ok).toBe(true);
      await obs.until((v) => v.game.turn === turn + 1);
    }
    expect((await ana.ask("chat", { channel: "private:borevia", text: "we see you" })).ok).toBe(true);
    await ben.until((v) => v.chat.some((c) => c.text === "we see you"));
    await settle();
    for (const p of [fac, ana, ben, obs]) await expectInStep(p);
    const sizes = (kind: string) => ana.raw.filter((r) => r.startsWith(`${kind} `)).map((r) => r.length);
    const patches = sizes("patch");
    const views = sizes("view");
    // A resolution's patch carries the month's events (under rules v3 more of them: blame moving, the brink,
    // each state's economy), so it can outgrow the small lobby snapshot; it stays below a snapshot of the
    // game in play.
    expect(Math.max(...patches)).toBeLessThan(Math.max(...views));
    expect(patches.reduce((a, b) => a + b, 0) / patches.length).toBeLessThan(Math.max(...views) / 5);
  });

  it("an observer cannot ask for another member's view: sync answers with its own", async () => {
    expect((await obs.ask("sync", { seat: "aestria" })).rejected?.code).toBeDefined();
    await expectInStep(obs);
    expect(obs.view.me.role).toBe("observer");
    expect(Object.keys(obs.view.game.private)).toEqual([]);
  });

  it("the server reports its own time per request and per resolved turn at /api/metrics", async () => {
    const all = (await (await fetch(`${srv.http}/api/metrics`, operator)).json()) as {
      requests: { count: number; p50: number };
      turns: { count: number; p50: number };
    };
    // fac:start, one orders, three turns of orders + ready from two players, one chat ("sync" is not timed).
    expect(all.requests.count).toBe(15);
    expect(all.turns.count).toBe(3);
    expect(all.turns.p50).toBeGreaterThan(0);
    const later = (await (
      await fetch(`${srv.http}/api/metrics?since=${Date.now() + 60_000}`, operator)
    ).json()) as { requests: { count: number } };
    expect(later.requests.count).toBe(0);
    const bad = await fetch(`${srv.http}/api/metrics?since=yesterday`, operator);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("INVALID_REQUEST");
    // A request is timed from its own frame's arrival: after a pause, its server time fits inside the
    // client's round trip (a stamp left from an earlier frame would count the pause).
    await new Promise((r) => setTimeout(r, 300));
    const from = Date.now();
    const t0 = performance.now();
    expect((await ana.ask("chat", { channel: "public", text: "timed" })).ok).toBe(true);
    const roundTrip = performance.now() - t0;
    const one = (await (await fetch(`${srv.http}/api/metrics?since=${from}`, operator)).json()) as {
      requests: { count: number; max: number };
    };
    expect(one.requests.count).toBe(1);
    expect(one.requests.max).toBeGreaterThan(0);
    expect(one.requests.max).toBeLessThanOrEqual(roundTrip);
  });

  it("the facilitator sees who has no seat, with ids, and can seat them; nobody else sees that list", async () => {
    expect(fac.view.session.unseated).toEqual([
      { id: obs.memberId, name: "Obs", role: "observer", connected: true },
    ]);
    expect(ana.view.session.unseated).toEqual([]);
    expect(obs.view.session.unseated).toEqual([]);
    expect((await fac.ask("fac:assign", { member: obs.memberId, seat: "havland" })).ok).toBe(true);
    const seated = await obs.until((v) => v.me.seat === "havland");
    expect(seated.me.role).toBe("player");
    expect(Object.keys(seated.game.private)).toEqual(["havland"]);
    await fac.until(
      (v) =>
        v.session.unseated.length === 0 && v.session.seats.find((x) => x.seat === "havland")?.bot === false,
    );
  });
});
