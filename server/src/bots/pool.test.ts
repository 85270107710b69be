import { afterAll, describe, expect, it } from "vitest";
import { BOT_PERSONAS, botTurn, rngFromSeed, viewFor, type BotSpec, type GameView } from "@firebreak/shared";
import { findScenario } from "@firebreak/shared/scenario-files";
import { botSeed, botMoves } from "./moves.ts";
import { BotPool } from "./pool.ts";
import { applyEntry, createSession } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";
import type { JournalEntry } from "../session/journal.ts";

const pool = new BotPool(2);
afterAll(async () => {
  await pool.close();
});

/**
 * A baltic-fog class game with every seat a bot, after `turns` resolved turns of normal bots (a game with
 * history to search).
 */
function game(turns: number): SessionState {
  const found = findScenario("baltic-fog");
  if (!found.ok) throw new Error("baltic-fog");
  const options = {
    scenario: "baltic-fog",
    seed: "pool-1",
    name: "Pool",
    turnSeconds: 0,
    botLevel: "normal" as const,
    solo: null,
    takeoverSeconds: 0,
    cbms: [],
    cast: "random" as const,
  };
  const c = createSession(
    {
      kind: "create",
      at: 1_000,
      by: "mF",
      code: "ACDEFG",
      facilitator: { id: "mF", name: "F", role: "facilitator", seat: null, token: "tok-facilitator-000" },
      options,
    },
    found.scenario,
  );
  if (!c.ok) throw new Error(c.error.message);
  let s = c.value;
  const apply = (e: JournalEntry): void => {
    const r = applyEntry(s, e);
    if (r.ok) s = r.value;
  };
  apply({ kind: "start", at: 2_000, by: "mF" });
  for (let t = 0; t < turns; t++) {
    for (const e of botMoves(s, 3_000 + t)) apply(e);
    apply({ kind: "step", at: 3_500 + t, by: "system", step: { type: "resolve", turn: s.game.turn } });
  }
  return s;
}

describe("bot worker pool", () => {
  it("a worker's decision is identical to the same decision made on this thread", async () => {
    const s = game(3);
    const cases: Array<{ view: GameView; spec: BotSpec; seed: string }> = s.game.seats.map((seat, i) => ({
      view: viewFor(s.game, { role: "player", seat }),
      spec: { persona: BOT_PERSONAS[(i + 1) % BOT_PERSONAS.length] ?? "hawk", level: "hard" },
      seed: botSeed(s, seat),
    }));
    const off = await Promise.all(cases.map((c) => pool.decide(c.view, c.spec, c.seed)));
    cases.forEach((c, i) => {
      const here = botTurn(c.view, c.spec, rngFromSeed(c.seed));
      expect(off[i]).toEqual(here);
    });
    expect(off.some((t) => t.plan !== null)).toBe(true);
    expect(pool.pending()).toBe(0);
  });

  it("a decision that fails in the worker rejects; the pool carries on", async () => {
    await expect(pool.decide({} as GameView, { persona: "hawk", level: "hard" }, "x")).rejects.toThrow();
    const s = game(1);
    const view = viewFor(s.game, { role: "player", seat: "aestria" });
    const t = await pool.decide(view, { persona: "dove", level: "normal" }, "seed-2");
    expect(t).toEqual(botTurn(view, { persona: "dove", level: "normal" }, rngFromSeed("seed-2")));
  });

  it("a closed pool, or one of size 0, refuses decisions", async () => {
    const none = new BotPool(0);
    await expect(none.decide({} as GameView, { persona: "hawk", level: "hard" }, "x")).rejects.toThrow(
      /closed/,
    );
    const small = new BotPool(1);
    await small.close();
    await expect(small.decide({} as GameView, { persona: "hawk", level: "hard" }, "x")).rejects.toThrow(
      /closed/,
    );
  });
});
