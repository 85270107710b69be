/**
 * A rolling restart of a two-process cluster with two games in progress: each process in turn is stopped
 * mid-turn (the first with SIGTERM, the second with SIGKILL) and started again; no accepted request is lost,
 * members rejoin with their tokens through whichever process is up, and every record replays to its final
 * hash.
 */
import { describe, expect, it } from "vitest";
import { endAndReplay, startClusterProcess, throwawayServers } from "./cluster-checks.ts";
import { create, freePort, join, type Peer } from "./harness.ts";
import type { ServerProcess } from "./processes.ts";

const servers = throwawayServers();

/** A game's members as tokens, and their connections of the moment. */
interface Table {
  roomId: string;
  tokens: { fac: string; a: string; b: string };
  fac: Peer;
  a: Peer;
  b: Peer;
}

async function turn(t: Table): Promise<void> {
  const now = t.a.view.game.turn;
  for (const p of [t.a, t.b]) {
    await p.ask("orders", { turn: now, orders: [{ type: "hunt" }] });
    await p.ask("ready", { ready: true });
  }
  await t.a.until((v) => v.game.turn > now || v.session.phase === "ended");
  await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
}

/** Rejoins with a token through `via`, trying again while the game is being adopted (bounded). */
async function rejoin(via: ServerProcess, roomId: string, token: string): Promise<Peer> {
  for (let i = 0; i < 150; i++) {
    const p = await join(via.url, roomId, { token }).catch(() => null);
    if (p) return p;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`game ${roomId} did not come back: ${via.stderr()}`);
}

describe("rolling restart of a cluster", () => {
  it("restarts every process in turn with two games mid-turn: nothing accepted is lost, every record replays", async () => {
    const database = await servers.pg().database("rolling");
    const ports = [await freePort(), await freePort()];
    const start = (port: number) =>
      startClusterProcess(database, servers.redis().url, { FIREBREAK_ADOPT_SECONDS: "1" }, port);
    const processes = [await start(ports[0] ?? 0), await start(ports[1] ?? 0)];
    const tables: Table[] = [];
    for (const [i, seed] of ["rolling-1", "rolling-2"].entries()) {
      const via = processes[i] as ServerProcess;
      const fac = await create(via.url, { scenario: "baltic-fog", name: `Roll ${i}`, seed, turnSeconds: 0 });
      const code = fac.view.session.code;
      const a = await join(via.url, fac.room.roomId, { code, name: "Ana", role: "player", seat: "aestria" });
      const b = await join(via.url, fac.room.roomId, { code, name: "Ben", role: "player", seat: "borevia" });
      expect((await fac.ask("fac:start")).ok).toBe(true);
      await a.until((v) => v.session.phase === "planning");
      tables.push({ roomId: fac.room.roomId, tokens: { fac: fac.token, a: a.token, b: b.token }, fac, a, b });
    }
    for (const t of tables) await turn(t);

    for (const index of [0, 1]) {
      // Mid-turn in every game: Ana's orders are accepted, then the process goes down and comes back.
      const pending = new Map<string, number>();
      for (const t of tables) {
        const now = t.a.view.game.turn;
        expect((await t.a.ask("orders", { turn: now, orders: [{ type: "develop" }] })).ok).toBe(true);
        pending.set(t.roomId, now);
      }
      // The first goes down gracefully (SIGTERM: it closes its rooms and gives its leases up), the second is
      // killed.
      const down = processes[index] as ServerProcess;
      if (index === 0) {
        expect(await down.stop()).toBe(0);
        expect(down.stderr()).toContain("SIGTERM, closing");
      } else await down.kill();
      const up = processes[1 - index] as ServerProcess;
      processes[index] = await start(ports[index] ?? 0);
      for (const t of tables) {
        // The old connections are dead (their process was killed) or live on (the game ran in the other one):
        // new ones either way.
        t.a = await rejoin(up, t.roomId, t.tokens.a);
        t.b = await rejoin(up, t.roomId, t.tokens.b);
        t.fac = await rejoin(processes[index] as ServerProcess, t.roomId, t.tokens.fac);
        expect(t.a.view.game.turn).toBe(pending.get(t.roomId));
        expect(t.a.view.game.private.aestria?.orders).toEqual([{ type: "develop" }]);
        await turn(t);
      }
    }

    for (const t of tables) {
      await endAndReplay(t.fac, t.tokens.fac, (processes[0] as ServerProcess).http);
    }
  });
});
