/**
 * A live hand-over: the process running a game mid-turn is stopped with SIGTERM; it closes the game's
 * connections with the hand-over close code and names the game to the other process, which restores it at
 * once. Both processes look for orphaned games only every ten minutes, so only the hand-over can explain the
 * game running on the other process within the test's time. Members rejoin with their tokens, nothing
 * accepted is lost, and the record replays to its final hash.
 */
import { describe, expect, it } from "vitest";
import { HANDED_OVER_CLOSE_CODE } from "../../server/src/cluster/handover.ts";
import { endAndReplay, rejoinWhenBack, startClusterProcess, throwawayServers } from "./cluster-checks.ts";
import { create, join, type Peer } from "./harness.ts";

/** Far beyond the test's own timeout: no look for orphans happens while it runs. */
const ADOPT_SECONDS = 600;

const servers = throwawayServers();

/** The close code a peer's connection ends with. */
function closed(p: Peer): Promise<number> {
  return new Promise((resolve) => p.room.onLeave((code: number) => resolve(code)));
}

describe("live hand-over on SIGTERM", () => {
  it("moves a game mid-turn to the other process at once; members rejoin with their tokens; nothing is lost", async () => {
    const database = await servers.pg().database("handover");
    const start = async () => {
      return startClusterProcess(database, servers.redis().url, {
        FIREBREAK_ADOPT_SECONDS: String(ADOPT_SECONDS),
      });
    };
    const a = await start();
    // The game is made while A is alone, so it runs in A.
    const fac = await create(a.url, {
      scenario: "baltic-fog",
      name: "Hand-over",
      seed: "handover-1",
      turnSeconds: 0,
    });
    const code = fac.view.session.code;
    const roomId = fac.room.roomId;
    const ana = await join(a.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    const ben = await join(a.url, roomId, { code, name: "Ben", role: "player", seat: "borevia" });
    const b = await start();
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    const turn = ana.view.game.turn;
    // Accepted before the stop: Ana's orders and ready, Ben's orders.
    expect((await ana.ask("orders", { turn, orders: [{ type: "develop" }] })).ok).toBe(true);
    expect((await ana.ask("ready", { ready: true })).ok).toBe(true);
    expect((await ben.ask("orders", { turn, orders: [{ type: "hunt" }] })).ok).toBe(true);

    const codes = Promise.all([fac, ana, ben].map(closed));
    const stopped = a.stop();
    expect(await codes).toEqual([HANDED_OVER_CLOSE_CODE, HANDED_OVER_CLOSE_CODE, HANDED_OVER_CLOSE_CODE]);
    const tokens = { fac: fac.token, ana: ana.token, ben: ben.token };
    const [fac2, ana2, ben2] = await Promise.all([
      rejoinWhenBack(b, roomId, tokens.fac),
      rejoinWhenBack(b, roomId, tokens.ana),
      rejoinWhenBack(b, roomId, tokens.ben),
    ]);
    expect(await stopped).toBe(0);
    expect(a.stderr()).toContain("handed 1 game(s) over");
    expect(((await (await fetch(`${b.http}/api/health`)).json()) as { rooms: number }).rooms).toBe(1);
    // Nothing accepted was lost: the same turn, both seats' orders.
    const v = ana2.view;
    expect(v.game.turn).toBe(turn);
    expect(v.game.private.aestria?.orders).toEqual([{ type: "develop" }]);
    expect(ben2.view.game.private.borevia?.orders).toEqual([{ type: "hunt" }]);
    expect(ana2.view.me.seat).toBe("aestria");

    // Play goes on in B: Ben's ready alone resolves the turn, since Ana's ready was kept.
    expect((await ben2.ask("ready", { ready: true })).ok).toBe(true);
    await ana2.until((w) => w.game.turn > turn);
    await endAndReplay(fac2, tokens.fac, b.http);
  }, 120_000);
});
