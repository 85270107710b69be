/**
 * Hard bots decide in worker threads: games finish, the room stays responsive, stale answers are dropped,
 * restores resume.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import type { CrisisRoom } from "../../server/src/rooms/crisis-room.ts";
import { RESTORE_KEY, services } from "../../server/src/services.ts";
import { botTurnEntries, decideBotTurn } from "../../server/src/bots/moves.ts";
import { applyEntry, createSession } from "../../server/src/session/session.ts";
import { authorOf, type StoredEntry } from "../../server/src/session/journal.ts";
import { create, join, testServer, type Peer } from "./harness.ts";
import { playToEnd } from "./turns.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer({ botWorkers: 1 });
});
afterAll(async () => {
  await srv.close();
});

const room = (p: Peer): CrisisRoom => matchMaker.getLocalRoomById(p.room.roomId) as CrisisRoom;
const journal = (gameId: string): StoredEntry[] => services().store.entries(gameId);

/** The seat a journal entry acts for when a bot made it. */
function botOf(e: StoredEntry): string | null {
  const by = authorOf(e);
  return by?.startsWith("bot:") ? by.slice(4) : null;
}

/**
 * A six-state class game: one player (who never gets ready, so turns wait) and five hard bots, started: the
 * bots begin to think at once.
 */
async function fiveBots(seed: string): Promise<Peer> {
  const fac = await create(srv.url, {
    scenario: "halden-measures",
    name: "Trainer",
    seed,
    turnSeconds: 0,
    botLevel: "hard",
  });
  await join(srv.url, fac.room.roomId, {
    code: fac.view.session.code,
    name: "Ana",
    role: "player",
    seat: "westra",
  });
  expect((await fac.ask("fac:start")).ok).toBe(true);
  return fac;
}

describe("hard bots in worker threads", () => {
  it(
    "a solo game with hard bots finishes over WebSockets, and every bot's entries are exactly the " +
      "decision made on the room's thread",
    async () => {
      const me = await create(srv.url, {
        scenario: "baltic-fog",
        name: "Ana",
        solo: { seat: "aestria" },
        seed: "hard-solo-1",
        botLevel: "hard",
      });
      await me.until((v) => v.session.phase === "planning" && v.session.ready.length === 3);
      const end = await playToEnd(me, 30_000);
      expect(end.game.outcome).not.toBeNull();
      // Replay the journal: at each bot's first entry of a turn, decide on this thread and compare with what
      // the worker's answer committed.
      const entries = journal(room(me).gameId);
      const first = entries[0] as Extract<StoredEntry, { kind: "create" }>;
      const scenario = services().scenario(first.options.scenario);
      if (!scenario) throw new Error("scenario");
      const c = createSession(first, scenario);
      if (!c.ok) throw new Error(c.error.message);
      let s = c.value;
      let checked = 0;
      for (let i = 1; i < entries.length; ) {
        const e = entries[i] as StoredEntry;
        const seat = botOf(e);
        if (seat !== null && !s.ready.includes(seat)) {
          const t = decideBotTurn(s, seat);
          if (!t) throw new Error(`no bot holds ${seat}`);
          const mine = botTurnEntries(s, seat, t, e.at);
          // The store adds the hash of the state after each entry; the decision itself is the rest.
          const stored = entries.slice(i, i + mine.length).map((x) => {
            const { hash: _hash, ...rest } = x as StoredEntry & { hash?: string };
            return rest;
          });
          expect(stored).toEqual(mine.map((a) => a.entry));
          s = mine.at(-1)?.after ?? s;
          i += mine.length;
          checked++;
          continue;
        }
        const r = applyEntry(s, e);
        if (!r.ok) throw new Error(`${e.kind}: ${r.error.message}`);
        s = r.value;
        i++;
      }
      expect(checked).toBeGreaterThanOrEqual(3 * (end.game.outcome?.turn ?? 1));
      expect(s.game).toEqual(room(me).session.game);
      await me.room.leave();
    },
  );

  it("the room answers other requests while a hard bot is thinking", async () => {
    const fac = await fiveBots("hard-busy-1");
    const sent = performance.now();
    expect((await fac.ask("chat", { channel: "public", text: "Still with us?" })).ok).toBe(true);
    const answered = performance.now() - sent;
    // The chat was committed while bots were still deciding turn 1 (a room that decided on its own thread
    // could not answer before all five acted).
    const seen = await fac.until((v) => v.chat.some((c) => c.text === "Still with us?"));
    expect(seen.session.ready.length).toBeLessThan(5);
    expect(answered).toBeLessThan(1_000);
    await fac.until((v) => v.session.ready.length === 5, 30_000);
  });

  it("a facilitator's advance or end while a bot thinks drops the stale answer, without error", async () => {
    const fac = await fiveBots("hard-stale-1");
    const r = room(fac);
    expect((await fac.ask("fac:advance")).ok).toBe(true);
    let v = await fac.until((x) => x.game.turn === 2 && x.session.ready.length === 5, 30_000);
    const afterAdvance = (es: StoredEntry[]) =>
      es.slice(es.findIndex((e) => e.kind === "step" && e.step.type === "resolve" && e.step.turn === 1) + 1);
    const turn1 = (e: StoredEntry) => e.kind === "step" && e.by.startsWith("bot:") && e.step.turn === 1;
    const early = journal(r.gameId);
    expect(
      early.filter(
        (e) =>
          e.kind === "ready" &&
          e.at <= (early.find((x) => x.kind === "step" && x.step.type === "resolve")?.at ?? 0),
      ).length,
    ).toBeLessThan(5);
    expect(afterAdvance(early).filter(turn1)).toEqual([]);
    // Turn 3's bots start to think; the facilitator ends the game under them.
    expect((await fac.ask("fac:advance")).ok).toBe(true);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    v = await fac.until((x) => x.session.phase === "ended");
    expect(v.game.turn).toBe(3);
    await new Promise((res) => setTimeout(res, 1_500)); // let the dropped answers arrive
    const all = journal(r.gameId);
    const last = all.at(-1);
    expect(last?.kind === "step" && last.step.type).toBe("end");
    expect(afterAdvance(all).filter(turn1)).toEqual([]);
    expect(r.session.phase).toBe("ended");
  });

  it("a restored game dispatches the decisions of bots that had not acted; replaying the journal reruns none", async () => {
    const fac = await fiveBots("hard-restore-1");
    const gameId = room(fac).gameId;
    await room(fac).disconnect(); // the server goes away while bots think
    const acted = journal(gameId).filter((e) => e.kind === "ready").length;
    expect(acted).toBeLessThan(5);
    await matchMaker.createRoom("crisis", { restore: gameId, key: RESTORE_KEY });
    const restored = matchMaker.getLocalRoomById(gameId) as CrisisRoom;
    await expect.poll(() => restored.session.ready.length, { timeout: 30_000 }).toBe(5);
    const orders = journal(gameId).filter(
      (e) => e.kind === "step" && e.step.type === "orders" && e.step.turn === 1,
    );
    expect(orders.map((e) => (e.kind === "step" ? e.by : "")).sort()).toEqual(
      restored.session.seats
        .filter((c) => c.bot)
        .map((c) => `bot:${c.seat}`)
        .sort(),
    );
    await restored.disconnect();
  });
});
