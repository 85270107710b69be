/**
 * Never lose a game: SIGKILL the server mid-game, restart it, rejoin with tokens, finish, and match a replay.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findScenario } from "@firebreak/shared/scenario-files";
import { replayRecord, type GameRecord } from "@firebreak/shared";
import { killServerProcesses, startServerProcess } from "./processes.ts";
import { create, freePort, join, type Peer } from "./harness.ts";

afterAll(killServerProcesses);

async function turn(peers: Peer[], ordersFor: (p: Peer) => unknown[]): Promise<void> {
  const t = peers[0]?.view.game.turn ?? 0;
  for (const p of peers) {
    const r = await p.ask("orders", { turn: t, orders: ordersFor(p) });
    if (r.rejected) await p.ask("orders", { turn: t, orders: [] });
    await p.ask("ready", { ready: true });
  }
  await peers[0]?.until((v) => v.game.turn > t || v.session.phase === "ended");
  await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
}

describe("restart", () => {
  it("survives SIGKILL mid-game: players rejoin with their tokens, finish, and the final hash equals a replay of the record", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-restart-"));
    const url = `ws://127.0.0.1:${port}`;
    const first = await startServerProcess(port, { FIREBREAK_DATA_DIR: dataDir });
    const fac = await create(url, {
      scenario: "baltic-fog",
      name: "Trainer",
      seed: "restart-1",
      turnSeconds: 0,
    });
    const roomId = fac.room.roomId;
    const code = fac.view.session.code;
    const a = await join(url, roomId, { code, name: "Ana", role: "player", seat: "aestria" });
    const b = await join(url, roomId, { code, name: "Ben", role: "player", seat: "borevia" });
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await a.until((v) => v.session.phase === "planning");
    const orders = (p: Peer) =>
      p === a
        ? [{ type: "espionage", target: "borevia" }, { type: "hunt" }]
        : [{ type: "preposition", target: "aestria" }, { type: "harden" }];
    await turn([a, b], orders);
    await turn([a, b], orders);
    // A half-finished turn: Ana's orders are accepted (so journalled) but the turn has not resolved.
    const midTurn = a.view.game.turn;
    expect((await a.ask("orders", { turn: midTurn, orders: [{ type: "develop" }] })).ok).toBe(true);
    const tokens = { fac: fac.token, a: a.token, b: b.token };
    await first.kill();

    await startServerProcess(port, { FIREBREAK_DATA_DIR: dataDir });
    const fac2 = await join(url, roomId, { token: tokens.fac });
    const a2 = await join(url, roomId, { token: tokens.a });
    const b2 = await join(url, roomId, { token: tokens.b });
    expect(fac2.view.me.role).toBe("facilitator");
    expect(a2.view.me.seat).toBe("aestria");
    expect(b2.view.me.seat).toBe("borevia");
    expect(a2.view.game.turn).toBe(midTurn);
    expect(a2.view.game.private.aestria?.orders).toEqual([{ type: "develop" }]);
    for (let i = 0; i < 15 && a2.view.session.phase === "planning"; i++)
      await turn([a2, b2], () => [{ type: "hunt" }]);
    if (a2.view.session.phase !== "ended") expect((await fac2.ask("fac:end")).ok).toBe(true);
    const end = await fac2.until((v) => v.session.phase === "ended" && v.session.stateHash !== null);
    const res = await fetch(`http://127.0.0.1:${port}/api/records/${roomId}`, {
      headers: { Authorization: `Bearer ${tokens.fac}` },
    });
    expect(res.status).toBe(200);
    const record = (await res.json()) as GameRecord;
    expect(JSON.stringify(record)).not.toContain(tokens.a);
    const scenario = findScenario("baltic-fog");
    if (!scenario.ok) throw new Error("scenario");
    // The record carries its scenario whole, so a browser given the file alone can replay it.
    expect(record.scenarioData).toEqual(scenario.scenario);
    const replay = replayRecord(record, record.scenarioData ?? scenario.scenario);
    expect(replay.ok ? "ok" : JSON.stringify(replay.divergence)).toBe("ok");
    expect(record.finalHash).toBe(end.session.stateHash);
  });
});
