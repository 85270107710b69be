import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotSpec, BotTurn, GameView } from "@firebreak/shared";
import type { BotJob } from "../bots/moves.ts";
import { BotPool } from "../bots/pool.ts";
import { setServices } from "../services.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import { BotJobs } from "./bot-jobs.ts";

/** A pool whose decisions are answered by the test, in any order. */
class HeldPool extends BotPool {
  readonly asked: Array<{ seed: string; answer: (t: BotTurn) => void; fail: () => void }> = [];

  override decide(_view: GameView, _spec: BotSpec, seed: string): Promise<BotTurn> {
    return new Promise((resolve, reject) => {
      this.asked.push({ seed, answer: resolve, fail: () => reject(new Error("worker failed")) });
    });
  }
}

const pool = new HeldPool(1);
const store = openSqliteStore(":memory:");

beforeAll(() => {
  setServices({
    store,
    scenario: () => null,
    reconnectSeconds: 0,
    takeoverSeconds: 0,
    now: () => 0,
    bots: pool,
    idleSeconds: 0,
  });
});
afterAll(() => store.close());

const hard: BotSpec = { persona: "hawk", level: "hard" };
const turn: BotTurn = { answers: [], proposals: [], orders: [], messages: [], plan: null };

/** A job for `seat` with its own key and seed. */
function job(seat: string, key: string): BotJob {
  return { seat, key, view: {} as GameView, spec: hard, seed: `seed-${key}` };
}

/** Lets settled promises deliver their answers. */
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("the room's bot jobs", () => {
  it("searching bots go to a worker when the pool has one; random bots and easy levels stay on the room's thread", () => {
    const jobs = new BotJobs(() => undefined);
    expect(jobs.offThread(hard)).toBe(true);
    expect(jobs.offThread({ persona: "random", level: "hard" })).toBe(false);
    expect(jobs.offThread({ persona: "hawk", level: "normal" })).toBe(false);
  });

  it("one decision in flight: the same job is sent once, and its answer (or null when the worker fails) comes back once", async () => {
    const got: Array<[string, BotTurn | null]> = [];
    const jobs = new BotJobs((j, t) => got.push([j.key, t]));
    const before = pool.asked.length;
    jobs.dispatch(job("east", "1/east"));
    jobs.dispatch(job("east", "1/east"));
    expect(pool.asked.length).toBe(before + 1);
    pool.asked[before]?.answer(turn);
    await flush();
    expect(got).toEqual([["1/east", turn]]);
    jobs.dispatch(job("west", "1/west"));
    pool.asked[before + 1]?.fail();
    await flush();
    expect(got).toEqual([
      ["1/east", turn],
      ["1/west", null],
    ]);
  });

  it("a later job supersedes the one in flight, whose answer is dropped; after stop nothing comes back", async () => {
    const got: string[] = [];
    const jobs = new BotJobs((j) => got.push(j.key));
    const before = pool.asked.length;
    jobs.dispatch(job("east", "2/east"));
    jobs.dispatch(job("west", "2/west"));
    pool.asked[before]?.answer(turn);
    pool.asked[before + 1]?.answer(turn);
    await flush();
    expect(got).toEqual(["2/west"]);
    jobs.dispatch(job("east", "3/east"));
    jobs.stop();
    pool.asked[before + 2]?.answer(turn);
    jobs.dispatch(job("west", "3/west"));
    await flush();
    expect(got).toEqual(["2/west"]);
    expect(pool.asked.length).toBe(before + 3);
  });
});
