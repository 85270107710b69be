/**
 * A game a cluster process cannot restore is given back, and tried again only after a while, without a line
 * every tick.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { JournalStore, StoredGame } from "../store/journal-store.ts";
import { restoreGames } from "./adopt.ts";

const game: StoredGame = { id: "gStuck", code: "ACDEFG", ended: false, rules: 3, closed: null };

/** A store whose only orphan is `game`, recording what is released and quarantined. */
function fakeStore() {
  const released: string[] = [];
  const quarantined: string[] = [];
  const store = {
    quarantine: (id: string) => quarantined.push(id),
    leases: {
      claim: () => true,
      release: (id: string) => released.push(id),
      claimOrphans: () => [game],
    },
  } as unknown as JournalStore;
  return { store, released, quarantined };
}

afterEach(() => vi.restoreAllMocks());

describe("adopting orphans", () => {
  it("gives a game it cannot restore back, says so once, and leaves it to the others until it is time to try again", async () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((s: string | Uint8Array) => {
      lines.push(String(s));
      return true;
    });
    const { store, released, quarantined } = fakeStore();
    // No crisis room is defined in this process: the restore fails, as for a scenario gone missing.
    expect(await restoreGames(store)).toBe(0);
    expect(released).toEqual(["gStuck"]);
    expect(lines.filter((l) => l.includes("gStuck"))).toHaveLength(1);
    expect(lines[0]).toMatch(/not restored this time/);
    expect(await restoreGames(store)).toBe(0);
    expect(released).toEqual(["gStuck", "gStuck"]);
    expect(lines.filter((l) => l.includes("gStuck"))).toHaveLength(1);
    expect(quarantined).toEqual([]);
  });
});
