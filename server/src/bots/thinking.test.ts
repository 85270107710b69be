import { describe, expect, it } from "vitest";
import { viewFor } from "@firebreak/shared";
import { applyEntry } from "../session/session.ts";
import type { SessionState } from "../session/types.ts";
import { started } from "../testing/fixtures.ts";
import { botJob, botSeed, botTurnEntries, decideBotTurn } from "./moves.ts";
import { answerOf } from "./thinking.ts";

/** `s` after `entry`, which must be accepted. */
function after(s: SessionState, entry: Parameters<typeof applyEntry>[1]): SessionState {
  const r = applyEntry(s, entry);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("a bot's decision made in a worker", () => {
  it("a job carries only the seat's view, the bot and its seed; a seat no bot holds has none", () => {
    const { s } = started();
    const job = botJob(s, "east");
    expect(job).not.toBeNull();
    expect(job?.seat).toBe("east");
    expect(job?.view).toEqual(viewFor(s.game, { role: "player", seat: "east" }));
    expect(job?.seed).toBe(botSeed(s, "east"));
    expect(job?.spec.level).toBe(s.options.botLevel);
    expect(botJob(s, "north")).toBeNull();
  });

  it("a wanted answer counts as the worker gave it; a failed worker's decision is made here instead", () => {
    const { s } = started();
    const job = botJob(s, "east");
    if (!job) throw new Error("east is a bot");
    const t = decideBotTurn(s, "east");
    expect(answerOf(s, job, t)).toBe(t);
    expect(answerOf(s, job, null)).toEqual(decideBotTurn(s, "east"));
  });

  it("an answer no longer wanted is dropped: the bot has acted, another bot holds the seat, or a player took it back", () => {
    const { s } = started();
    const job = botJob(s, "east");
    const t = decideBotTurn(s, "east");
    if (!job || !t) throw new Error("east is a bot");
    const acted = botTurnEntries(s, "east", t, 3_000).at(-1)?.after;
    expect(acted?.ready).toContain("east");
    expect(answerOf(acted as SessionState, job, t)).toBeNull();
    const other = after(s, {
      kind: "bot",
      at: 2_500,
      by: "mF",
      seat: "east",
      bot: true,
      persona: job.spec.persona === "dove" ? "hawk" : "dove",
      reason: "facilitator",
    });
    expect(answerOf(other, job, t)).toBeNull();
    const human = after(s, {
      kind: "bot",
      at: 2_500,
      by: "mF",
      seat: "east",
      bot: false,
      persona: null,
      reason: null,
    });
    expect(answerOf(human, job, null)).toBeNull();
  });
});
