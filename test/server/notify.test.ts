/** The notifier over a real server: told when a turn resolves, when a deadline nears and when a game ends. */
import { describe, expect, it } from "vitest";
import type { Notice } from "../../server/src/notify/notices.ts";
import { create, joinSeat, testServer } from "./harness.ts";

/** Waits until `pred` holds of the notices received. */
async function until(got: Notice[], pred: (n: Notice[]) => boolean): Promise<void> {
  const start = Date.now();
  while (!pred(got)) {
    if (Date.now() - start > 10_000) throw new Error(`timed out: ${JSON.stringify(got)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("notices of a running game", () => {
  it("a deadline nearing, a resolved turn and the end reach the notifier, with the game's id and name", async () => {
    const got: Notice[] = [];
    const srv = await testServer({
      notifier: { notify: (n) => got.push(n), close: async () => {} },
      notifyBeforeSeconds: 59,
    });
    try {
      const fac = await create(srv.url, { scenario: "tutorial", name: "Weekly class", turnSeconds: 60 });
      await joinSeat(srv.url, fac, "Ana", "aldmark");
      expect((await fac.ask("fac:start")).ok).toBe(true);
      // The turn has 60 s and the warning comes 59 s before its end.
      await until(got, (n) => n.some((x) => x.kind === "deadlineNear"));
      expect(got.find((x) => x.kind === "deadlineNear")).toMatchObject({ gameId: fac.room.roomId, turn: 1 });
      expect((await fac.ask("fac:advance")).ok).toBe(true);
      await until(got, (n) => n.some((x) => x.kind === "turnResolved"));
      expect(got.find((x) => x.kind === "turnResolved")).toMatchObject({
        gameId: fac.room.roomId,
        name: "Weekly class",
        turn: 1,
        nextTurn: 2,
      });
      expect((await fac.ask("fac:end")).ok).toBe(true);
      await until(got, (n) => n.some((x) => x.kind === "gameEnded"));
      expect(got.find((x) => x.kind === "gameEnded")).toMatchObject({ outcome: "facilitatorEnded" });
    } finally {
      await srv.close();
    }
  });
});
