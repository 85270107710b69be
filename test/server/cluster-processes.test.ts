/**
 * Two server processes on one Redis and one PostgreSQL: a game made through A is found and joined through B
 * by its code, members rejoin through either with their tokens, and when the process running the game is
 * killed the other adopts it from PostgreSQL; play goes on and the record replays to the final hash.
 */
import { Client } from "@colyseus/sdk";
import { describe, expect, it } from "vitest";
import type { CodeLookup } from "@firebreak/shared";
import { endAndReplay, startClusterProcess, throwawayServers } from "./cluster-checks.ts";
import { create, join, Peer } from "./harness.ts";
import type { ServerProcess } from "./processes.ts";

const servers = throwawayServers();

async function turn(peers: Peer[]): Promise<void> {
  const t = peers[0]?.view.game.turn ?? 0;
  for (const p of peers) {
    await p.ask("orders", { turn: t, orders: [{ type: "hunt" }] });
    await p.ask("ready", { ready: true });
  }
  await peers[0]?.until((v) => v.game.turn > t || v.session.phase === "ended");
  await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
}

/** The process whose health counts the game's room (the one running it). */
async function holder(processes: ServerProcess[]): Promise<ServerProcess> {
  for (const p of processes) {
    const health = (await (await fetch(`${p.http}/api/health`)).json()) as { rooms: number };
    if (health.rooms > 0) return p;
  }
  throw new Error("no process runs the game");
}

describe("two processes, one Redis, one PostgreSQL", () => {
  it(
    "create through A, join through B by code, rejoin with tokens anywhere; kill the process " +
      "running it and the other adopts it",
    async () => {
      const database = await servers.pg().database("cluster");
      const start = async () => {
        return startClusterProcess(database, servers.redis().url, { FIREBREAK_ADOPT_SECONDS: "1" });
      };
      const a = await start();
      const b = await start();
      for (const p of [a, b])
        expect(await (await fetch(`${p.http}/api/ready`)).json()).toEqual({ ready: true });
      const fac = await create(a.url, {
        scenario: "baltic-fog",
        name: "Cluster",
        seed: "cluster-1",
        turnSeconds: 0,
      });
      const code = fac.view.session.code;
      const roomId = fac.room.roomId;

      // B knows the code, though the game may run in A.
      const lookup = (await (await fetch(`${b.http}/api/games/${code.toLowerCase()}`)).json()) as CodeLookup;
      expect(lookup).toMatchObject({ roomId, code, name: "Cluster" });
      const ana = await join(b.url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
      // Matchmaking by code alone through B (join, not joinById) finds it too.
      const ben = new Peer(
        await new Client(b.url).join("crisis", { code, name: "Ben", role: "player", seat: "borevia" }),
      );
      await ben.until((v) => v.me.seat === "borevia");
      expect(ben.room.roomId).toBe(roomId);
      // A wrong code through B is still wrong.
      expect((await fetch(`${b.http}/api/games/ZZZZZZ`)).status).toBe(404);
      expect((await fac.ask("fac:start")).ok).toBe(true);
      await ana.until((v) => v.session.phase === "planning");
      await turn([ana, ben]);

      // Seat tokens and the facilitator key work through either process.
      const tokens = { fac: fac.token, ana: ana.token, ben: ben.token };
      await ana.room.leave(true);
      const ana2 = await join(a.url, roomId, { token: tokens.ana });
      expect(ana2.view.me.seat).toBe("aestria");
      const fac2 = await join(b.url, roomId, { token: tokens.fac });
      expect(fac2.view.me.role).toBe("facilitator");
      // A token alone (matchmaking join, no room id) finds its game through the process that does not run it.
      const running = await holder([a, b]);
      const other = running === a ? b : a;
      const byToken = new Peer(await new Client(other.url).join("crisis", { token: tokens.ben }));
      await byToken.until((v) => v.me.seat === "borevia");
      expect(byToken.room.roomId).toBe(roomId);
      await expect(new Client(other.url).join("crisis", { token: "not-a-token-of-anyone" })).rejects.toThrow(
        /BAD_TOKEN/,
      );

      // A half-finished turn, then the process running the game dies.
      const midTurn = ana2.view.game.turn;
      expect((await ana2.ask("orders", { turn: midTurn, orders: [{ type: "develop" }] })).ok).toBe(true);
      await running.kill();

      // The survivor adopts the game (its lease died with the process) and members rejoin through it.
      let back: Peer | null = null;
      for (let i = 0; i < 100 && back === null; i++) {
        back = await join(other.url, roomId, { token: tokens.ana }).catch(() => null);
        if (back === null) await new Promise((r) => setTimeout(r, 100));
      }
      if (back === null) throw new Error(`the game was not adopted: ${other.stderr()}`);
      expect(back.view.game.turn).toBe(midTurn);
      expect(back.view.game.private.aestria?.orders).toEqual([{ type: "develop" }]);
      const ben2 = await join(other.url, roomId, { token: tokens.ben });
      const fac3 = await join(other.url, roomId, { token: tokens.fac });
      await turn([back, ben2]);
      await endAndReplay(fac3, tokens.fac, other.http);
    },
  );
});
