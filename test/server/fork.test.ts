/**
 * Forks over real WebSockets: an ended game forked at turn 2 by its facilitator and by a player, played,
 * ended, replayed.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  replayRecord,
  replayTimeline,
  type GameRecord,
  type GameState,
  type Scenario,
} from "@firebreak/shared";
import { findScenario } from "@firebreak/shared/scenario-files";
import { services } from "../../server/src/services.ts";
import { create, joinSeat, testServer, type Peer } from "./harness.ts";
import { endTurn } from "./turns.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

const found = findScenario("baltic-fog");
if (!found.ok) throw new Error("baltic-fog");
const scenario: Scenario = found.scenario;

/** A game's record, read with a member's token. */
async function recordOf(gameId: string, token: string): Promise<GameRecord> {
  const res = await fetch(`${srv.http}/api/records/${gameId}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as GameRecord;
}

/** What `client.create` answers to these options when it refuses them: "CODE: message". */
async function refusal(options: Record<string, unknown>): Promise<string> {
  try {
    const room = await new Client(srv.url).create("crisis", options);
    await room.leave();
    return "created";
  } catch (e) {
    return (e as Error).message;
  }
}

/** A state without its random generator: what a fork keeps of its parent's. */
const withoutRng = (s: GameState | undefined) => ({ ...s, rng: null });

describe("forking an ended game", () => {
  let fac: Peer;
  let ana: Peer;
  let parent: GameRecord;
  let parentId: string;

  it("a class game played three turns with bots and one player, then ended by its facilitator in the fourth", async () => {
    fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Parent",
      seed: "fork-parent",
      turnSeconds: 0,
    });
    ana = await joinSeat(srv.url, fac, "Ana", "aestria");
    parentId = fac.room.roomId;
    expect((await fac.ask("fac:start")).ok).toBe(true);
    await ana.until((v) => v.session.phase === "planning");
    await endTurn(ana, [{ type: "espionage", target: "borevia" }]);
    await endTurn(ana, [{ type: "hunt" }]);
    await endTurn(ana, [{ type: "harden" }]);
    expect((await fac.ask("fac:end")).ok).toBe(true);
    await fac.until((v) => v.session.phase === "ended" && v.session.stateHash !== null);
    parent = await recordOf(parentId, fac.token);
  });

  it("refuses bad fork options by name and makes no game: unknown game and wrong token alike, turns, seats, solo", async () => {
    const before = services().store.unfinished().length;
    const fork = (f: Record<string, unknown>, more: Record<string, unknown> = {}) =>
      refusal({ name: "Fork", ...more, fork: { game: parentId, turn: 2, token: fac.token, ...f } });
    const noGame = await fork({ game: "gNoSuchGame1" });
    expect(noGame).toMatch(/^BAD_TOKEN: /);
    expect(await fork({ token: "not-a-member-token-000" })).toBe(noGame);
    expect(await fork({ game: "__proto__" })).toBe(noGame);
    expect(await fork({ game: "constructor", token: "__proto__________" })).toBe(noGame);
    expect(await fork({ turn: 0 })).toMatch(/^WRONG_TURN: /);
    expect(await fork({ turn: 1.5 })).toMatch(/^WRONG_TURN: /);
    // Three turns resolved and a fourth begun (it ended during turn 4): turns 1 to 4 can be forked.
    expect(await fork({ turn: 5 })).toBe(
      "WRONG_TURN: That game played turns 1 to 4: a fork starts at the beginning of one of them, not at 5.",
    );
    expect(await fork({ turn: "2" })).toMatch(/^INVALID_REQUEST: /);
    expect(await fork({ play: ["__proto__"] })).toBe('UNKNOWN_SEAT: No state "__proto__" in baltic-fog.');
    expect(await fork({}, { solo: { seat: "aestria" } })).toMatch(/^INVALID_REQUEST: A fork is a class game/);
    expect(await fork({}, { scenario: "tutorial" })).toMatch(
      /^INVALID_REQUEST: A fork plays its parent's scenario/,
    );
    expect(await fork({}, { seed: "x" })).toMatch(/^INVALID_REQUEST: A fork's fresh seed is fork.seed/);
    expect(await fork({ extra: 1 })).toMatch(/^INVALID_REQUEST: /);
    // A game still being played cannot be forked, even by its facilitator.
    const running = await create(srv.url, { scenario: "baltic-fog", name: "Running", turnSeconds: 0 });
    expect(
      await refusal({ name: "Fork", fork: { game: running.room.roomId, turn: 1, token: running.token } }),
    ).toMatch(/^NOT_PLAYING: /);
    await running.room.leave();
    expect(services().store.unfinished().length).toBe(before + 1);
  });

  it("a player's seat token forks it too: a class game whose creator facilitates, at turn 2 as the parent began it", async () => {
    const f = await create(srv.url, {
      name: "Ana's what-if",
      fork: { game: parentId, turn: 2, token: ana.token },
    });
    expect(f.view.me.role).toBe("facilitator");
    expect(f.view.session.phase).toBe("lobby");
    expect(f.view.game.turn).toBe(2);
    await f.room.leave();
  });

  it(
    "the facilitator's fork: the same state as the parent's at turn 2 but the seed; it plays a " +
      "seat, ends, and its record replays and names its parent",
    async () => {
      const f = await create(srv.url, {
        name: "What if",
        turnSeconds: 0,
        fork: { game: parentId, turn: 2, token: fac.token, seed: "what-if", play: ["aestria"] },
      });
      const forkId = f.room.roomId;
      expect(f.view.game.turn).toBe(2);
      expect(f.view.session.fork).toEqual({ game: parentId, turn: 2, play: ["aestria"] });
      expect(fac.view.session.fork).toBeUndefined();
      const timeline = replayTimeline(parent, scenario);
      if (!timeline.ok) throw new Error(timeline.error.message);
      // What a facilitator saw at the beginning of the parent's turn 2 is what it sees in the fork's lobby.
      expect(f.view.game.events).toEqual(fac.views.find((v) => v.game.turn === 2)?.game.events);
      expect((await f.ask("fac:start")).ok).toBe(true);
      const playing = await f.until((v) => v.session.phase === "planning");
      expect(playing.session.seats.filter((s) => !s.bot).map((s) => s.seat)).toEqual(["aestria"]);
      // The facilitator plays aestria by naming it; a seat a bot holds is not its own, nor is a move without a
      // seat.
      expect((await f.ask("orders", { turn: 2, orders: [] })).rejected?.code).toBe("INVALID_REQUEST");
      expect((await f.ask("orders", { turn: 2, orders: [], seat: "borevia" })).rejected?.code).toBe(
        "BOT_HOLDS_SEAT",
      );
      expect((await f.ask("orders", { turn: 2, orders: [], seat: "__proto__" })).rejected?.code).toBe(
        "UNKNOWN_SEAT",
      );
      expect((await f.ask("orders", { turn: 2, orders: [{ type: "develop" }], seat: "aestria" })).ok).toBe(
        true,
      );
      expect((await f.ask("ready", { ready: true, seat: "aestria" })).ok).toBe(true);
      await f.until((v) => v.game.turn === 3);
      expect((await f.ask("fac:end")).ok).toBe(true);
      const end = await f.until((v) => v.session.phase === "ended" && v.session.stateHash !== null);

      const record = await recordOf(forkId, f.token);
      expect(record.parent).toEqual({ game: parentId, turn: 2 });
      expect(record.seed).toBe(parent.seed);
      expect(record.reseeds).toEqual([{ step: timeline.value.stepAt[1], seed: "what-if" }]);
      expect(record.steps.slice(0, timeline.value.stepAt[1])).toEqual(
        parent.steps.slice(0, timeline.value.stepAt[1]),
      );
      const replay = replayRecord(record, record.scenarioData ?? scenario);
      expect(replay.ok ? "ok" : JSON.stringify(replay.divergence)).toBe("ok");
      expect(record.finalHash).toBe(end.session.stateHash);
      const forked = replayTimeline(record, scenario);
      if (!forked.ok) throw new Error(forked.error.message);
      expect(withoutRng(forked.value.starts[1])).toEqual(withoutRng(timeline.value.starts[1]));
      expect(forked.value.starts[1]?.rng).not.toEqual(timeline.value.starts[1]?.rng);
      const entries = services().store.entries(forkId);
      const first = entries[0];
      expect(first?.kind === "create" && first.options.fork?.parent).toEqual({ game: parentId, turn: 2 });
      // A fork of the fork, at its own turn 3, names the fork as its parent and keeps both seeds.
      const g = await create(srv.url, {
        name: "Again",
        fork: { game: forkId, turn: 3, token: f.token, seed: "again" },
      });
      expect(g.view.game.turn).toBe(3);
      expect((await g.ask("fac:end")).rejected?.code).toBe("NOT_PLAYING");
      await g.room.leave();
    },
  );
});
