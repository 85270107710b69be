/**
 * A teacher's uploaded scenarios, read back and deleted by their owner (docs/protocol.md §3.11): one that a
 * game or an exercise not ended plays cannot be deleted (409 SCENARIO_IN_USE, nothing changes); a wrong key
 * deletes nothing; once its game has ended it goes, and can no longer be read or played. A game asleep counts.
 */
import { readFileSync } from "node:fs";
import { matchMaker } from "@colyseus/core";
import { Client } from "@colyseus/sdk";
import { afterEach, describe, expect, it } from "vitest";
import { Teacher } from "./exercise-teacher.ts";
import { create, testServer } from "./harness.ts";

const tutorial = readFileSync(new URL("../../scenarios/tutorial.yaml", import.meta.url), "utf8");
/** The server of the test running (each test starts its own, with its own settings). */
let srv: Awaited<ReturnType<typeof testServer>> | null = null;
/** The running test's server's HTTP address. */
function http(): string {
  if (!srv) throw new Error("no server started");
  return srv.http;
}
afterEach(async () => {
  await srv?.close();
  srv = null;
});

async function upload(title: string): Promise<{ id: string; key: string }> {
  const res = await fetch(`${http()}/api/scenario-uploads`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      fileName: "mine.yaml",
      text: tutorial.replace(/^title: .*$/m, `title: "${title}"`),
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; key: string };
}

async function call(method: "GET" | "DELETE", id: string, key: string) {
  const res = await fetch(`${http()}/api/scenario-uploads/${id}`, {
    method,
    headers: { Authorization: `Bearer ${key}` },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
}

describe("an owner's uploaded scenarios", () => {
  it("are read back with when and whether in use, and deleted only when nothing plays them", async () => {
    srv = await testServer();
    const played = await upload("Played by a game");
    const drilled = await upload("Played by an exercise");
    const before = await call("GET", played.id, played.key);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      id: played.id,
      inUse: false,
      preview: { title: "Played by a game" },
    });
    expect(typeof before.body?.at).toBe("number");

    const fac = await create(srv.url, {
      scenario: played.id,
      scenarioKey: played.key,
      name: "C",
      turnSeconds: 0,
    });
    const teacher = new Teacher(
      await new Client(srv.url).create("exercise", {
        scenario: drilled.id,
        scenarioKey: drilled.key,
        name: "Drill",
        tables: 2,
      }),
    );
    await teacher.until((d) => d.tables.length === 2);
    expect((await call("GET", played.id, played.key)).body?.inUse).toBe(true);

    const busy = await call("DELETE", played.id, played.key);
    expect(busy.status).toBe(409);
    expect(busy.body).toMatchObject({ code: "SCENARIO_IN_USE", games: 1, exercises: 0 });
    const drill = await call("DELETE", drilled.id, drilled.key);
    expect(drill.status).toBe(409);
    expect(drill.body).toMatchObject({ code: "SCENARIO_IN_USE", exercises: 1 });
    // A wrong key deletes nothing and says nothing about the upload.
    const wrong = await call("DELETE", played.id, "not-the-owner-key-at-all");
    expect(wrong.status).toBe(404);
    expect(wrong.body?.code).toBe("NO_SUCH_SCENARIO");
    expect((await call("GET", played.id, played.key)).status).toBe(200);

    // Once its game has ended, it can go: then it can no longer be read, deleted or played.
    // Every seat a bot, no clock: the game plays through to its end.
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await fac.until((v) => v.session.phase === "ended", 30_000);
    expect((await call("DELETE", played.id, played.key)).status).toBe(204);
    expect((await call("GET", played.id, played.key)).status).toBe(404);
    expect((await call("DELETE", played.id, played.key)).status).toBe(404);
    await expect(
      new Client(srv.url).create("crisis", { scenario: played.id, scenarioKey: played.key, name: "Again" }),
    ).rejects.toThrow(/UNKNOWN_SCENARIO/);
    // The exercise's upload is still there.
    expect((await call("GET", drilled.id, drilled.key)).status).toBe(200);
  });

  it("one a game asleep plays (out of memory, its journal kept) is kept too", async () => {
    srv = await testServer({ idleSeconds: 1 });
    const up = await upload("Asleep");
    const fac = await create(srv.url, { scenario: up.id, scenarioKey: up.key, name: "Z", turnSeconds: 0 });
    const roomId = fac.room.roomId;
    await fac.room.leave(true);
    for (let i = 0; i < 1000 && matchMaker.getLocalRoomById(roomId); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(matchMaker.getLocalRoomById(roomId)).toBeUndefined();
    const del = await call("DELETE", up.id, up.key);
    expect(del.status).toBe(409);
    expect(del.body).toMatchObject({ code: "SCENARIO_IN_USE", games: 1 });
  });
});
