/**
 * An exercise outlives a restart: its code finds its tables, its key opens its dashboard, its treatments are
 * kept.
 */
import { Client } from "@colyseus/sdk";
import type { CodeLookup, ExerciseDashboard } from "@firebreak/shared";
import { describe, expect, it } from "vitest";
import { join, testServer } from "./harness.ts";

/**
 * Connects to an exercise room and resolves with its first dashboard, the room and the key it was welcomed
 * with.
 */
async function dashboardOf(room: Awaited<ReturnType<Client["create"]>>) {
  let key = "";
  room.onMessage("welcome", (w: { key: string }) => {
    key = w.key;
  });
  const d = await new Promise<ExerciseDashboard>((resolve) => room.onMessage("exercise", resolve));
  return { d, key, room };
}

describe("an exercise after a restart", () => {
  it("comes back with its tables, code, treatments and students", async () => {
    const first = await testServer();
    const made = await dashboardOf(
      await new Client(first.url).create("exercise", {
        scenario: "tutorial",
        name: "Restart class",
        tables: 2,
        seed: "ex-restart",
        treatments: [{ label: "Arm A" }, { label: "Arm B", options: { noCbms: true } }],
      }),
    );
    const found = (await (await fetch(`${first.http}/api/games/${made.d.code}`)).json()) as CodeLookup;
    const ana = await join(first.url, found.roomId, { code: found.code, name: "Ana", seat: found.seat });
    expect(ana.view.me.seat).toBe(found.seat);
    await first.close();
    const second = await testServer({ dataDir: first.dataDir });
    try {
      const back = await dashboardOf(await new Client(second.url).joinById(made.d.id, { token: made.key }));
      expect(back.d.code).toBe(made.d.code);
      expect(back.d.tables.map((t) => [t.id, t.treatment])).toEqual(
        made.d.tables.map((t) => [t.id, t.treatment]),
      );
      expect(back.d.tables.flatMap((t) => t.seats.flatMap((s) => s.players.map((p) => p.name)))).toEqual([
        "Ana",
      ]);
      const res = await fetch(`${second.http}/api/games/${made.d.code}`);
      expect(res.status).toBe(200);
      const again = (await res.json()) as CodeLookup;
      expect(again.roomId).not.toBe(found.roomId);
      const rejoined = await join(second.url, found.roomId, { token: ana.token });
      expect(rejoined.view.me.name).toBe("Ana");
      await back.room.leave();
    } finally {
      await second.close();
    }
  });
});
