/**
 * A journal that does not replay never takes the server down or touches other games: it is set aside with a
 * log line.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openSqliteStore } from "../../server/src/store/sqlite-store.ts";
import type { Member } from "../../server/src/session/types.ts";
import type { StoredEntry } from "../../server/src/session/journal.ts";
import { join, testServer } from "./harness.ts";

const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
let close: (() => Promise<void>) | null = null;
afterAll(async () => {
  await close?.();
});

/**
 * A class game's journal up to its first turn, with the facilitator and one player, as a server wrote it
 * before entries named who made them.
 */
function journal(code: string, seed: string): StoredEntry[] {
  const fac: Member = {
    id: `mF${seed}`,
    name: "Fac",
    role: "facilitator",
    seat: null,
    token: `tok-fac-${seed}-0000000`,
  };
  const ana: Member = {
    id: `mA${seed}`,
    name: "Ana",
    role: "player",
    seat: "aestria",
    token: `tok-ana-${seed}-0000000`,
  };
  return [
    {
      kind: "create",
      at: 1_000,
      code,
      facilitator: fac,
      options: {
        scenario: "baltic-fog",
        seed,
        name: `Game ${seed}`,
        turnSeconds: 0,
        botLevel: "normal",
        solo: null,
        takeoverSeconds: 0,
        cbms: [],
        cast: "scenario",
      },
    },
    { kind: "join", at: 1_100, member: ana },
    { kind: "start", at: 1_200 },
  ];
}

describe("restoring games whose journal does not replay", () => {
  it("quarantines a poisoned journal and a throwing one, restores the healthy game, and leaves Object.prototype alone", async () => {
    const dataDir = mkdtempSync(joinPath(tmpdir(), "fb-quarantine-"));
    const store = openSqliteStore(joinPath(dataDir, "firebreak.sqlite"));
    const write = (id: string, entries: StoredEntry[]): void => {
      store.create(
        id,
        (entries[0] as Extract<StoredEntry, { kind: "create" }>).code,
        entries[0] as StoredEntry,
      );
      for (const e of entries.slice(1)) store.append(id, e);
    };
    write("gHealthy1", journal("ACDEFG", "healthy"));
    // What an older server accepted: an order aimed at a prototype key, and the turn resolved on it.
    write("gPoison01", [
      ...journal("CDEFGH", "poison"),
      {
        kind: "step",
        at: 1_300,
        by: "mApoison",
        step: { type: "orders", turn: 1, seat: "aestria", orders: [{ type: "ddos", target: "__proto__" }] },
      },
      { kind: "step", at: 1_400, by: "system", step: { type: "resolve", turn: 1 } },
    ]);
    // A damaged entry the reducer would trip over.
    write("gBroken01", [
      ...journal("DEFGHJ", "broken"),
      { kind: "step", at: 1_300, by: "mFbroken", step: null } as unknown as StoredEntry,
    ]);
    store.close();

    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      errors.push(String(chunk));
      return true;
    });
    let srv: Awaited<ReturnType<typeof testServer>>;
    try {
      srv = await testServer({ dataDir });
    } finally {
      spy.mockRestore();
    }
    close = srv.close;
    expect(srv.restored).toBe(1);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>).economy).toBeUndefined();
    expect(errors.filter((l) => /quarantined/.test(l)).length).toBe(2);
    expect(errors.join("")).toMatch(
      /game gPoison01 \(created with code CDEFGH\) quarantined, not restored: REPLAY_FAILED/,
    );
    expect(errors.join("")).toMatch(
      /game gBroken01 \(created with code DEFGHJ\) quarantined, not restored: REPLAY_FAILED/,
    );

    // The healthy game is playable; the quarantined ones are not offered.
    expect((await fetch(`${srv.http}/api/games/ACDEFG`)).status).toBe(200);
    expect((await fetch(`${srv.http}/api/games/CDEFGH`)).status).toBe(404);
    const ana = await join(srv.url, "gHealthy1", { token: "tok-ana-healthy-0000000" });
    expect(ana.view.me.seat).toBe("aestria");
    expect((await ana.ask("orders", { turn: 1, orders: [{ type: "hunt" }] })).ok).toBe(true);

    // A second start does not try them again.
    const again = openSqliteStore(joinPath(dataDir, "firebreak.sqlite"));
    expect(again.unfinished().map((g) => g.id)).toEqual(["gHealthy1"]);
    again.close();
  });
});
