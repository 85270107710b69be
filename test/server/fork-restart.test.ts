/**
 * A fork is a game like any other: SIGKILL the server mid-turn in a fork, restart it, rejoin, finish, and
 * match a replay.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findScenario } from "@firebreak/shared/scenario-files";
import { replayRecord, type GameRecord } from "../../shared/src/record/record.ts";
import { killServerProcesses, startServerProcess } from "./processes.ts";
import { create, freePort, join, joinSeat } from "./harness.ts";
import { endTurn } from "./turns.ts";

afterAll(killServerProcesses);

describe("a fork across a restart", () => {
  it("survives SIGKILL mid-turn: its facilitator rejoins with its key, finishes, and the record replays and names its parent", async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-fork-restart-"));
    const url = `ws://127.0.0.1:${port}`;
    const first = await startServerProcess(port, { FIREBREAK_DATA_DIR: dataDir });
    const fac = await create(url, {
      scenario: "baltic-fog",
      name: "Parent",
      seed: "fork-restart",
      turnSeconds: 0,
    });
    const ana = await joinSeat(url, fac, "Ana", "aestria");
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    await endTurn(ana, [{ type: "hunt" }]);
    await endTurn(ana, [{ type: "harden" }]);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    await fac.until((v) => v.session.phase === "ended");
    const parentId = fac.room.roomId;

    const f = await create(url, {
      name: "What if",
      turnSeconds: 0,
      fork: { game: parentId, turn: 2, token: fac.token, seed: "after-restart", play: ["aestria"] },
    });
    const forkId = f.room.roomId;
    expect((await f.ask("fac:start")).ok).toBe(true);
    await f.until((v) => v.session.phase === "planning");
    expect((await f.ask("orders", { turn: 2, orders: [{ type: "develop" }], seat: "aestria" })).ok).toBe(
      true,
    );
    const key = f.token;
    await first.kill();

    await startServerProcess(port, { FIREBREAK_DATA_DIR: dataDir });
    const f2 = await join(url, forkId, { token: key });
    expect(f2.view.me.role).toBe("facilitator");
    expect(f2.view.game.turn).toBe(2);
    expect(f2.view.game.private.aestria?.orders).toEqual([{ type: "develop" }]);
    expect((await f2.ask("ready", { ready: true, seat: "aestria" })).ok).toBe(true);
    await f2.until((v) => v.game.turn === 3);
    expect((await f2.ask("fac:end")).ok).toBe(true);
    const end = await f2.until((v) => v.session.phase === "ended" && v.session.stateHash !== null);
    const res = await fetch(`http://127.0.0.1:${port}/api/records/${forkId}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const record = (await res.json()) as GameRecord;
    expect(record.parent).toEqual({ game: parentId, turn: 2 });
    const scenario = findScenario("baltic-fog");
    if (!scenario.ok) throw new Error("scenario");
    const replay = replayRecord(record, record.scenarioData ?? scenario.scenario);
    expect(replay.ok ? "ok" : JSON.stringify(replay.divergence)).toBe("ok");
    expect(record.finalHash).toBe(end.session.stateHash);
  });
});
