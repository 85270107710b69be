import { describe, expect, it } from "vitest";
import { run, started } from "../testing/fixtures.ts";
import { DeadlineWatch, noticesBetween, type Notice, type Timers } from "./notices.ts";

/** Timers run by hand: `due` lists what is armed, `fire` runs them. */
function handTimers(): Timers & { due: Array<{ fn: () => void; ms: number }> } {
  const due: Array<{ fn: () => void; ms: number }> = [];
  return {
    due,
    set: (fn, ms) => {
      const t = { fn, ms };
      due.push(t);
      return t;
    },
    clear: (h) => {
      const i = due.indexOf(h as { fn: () => void; ms: number });
      if (i >= 0) due.splice(i, 1);
    },
  };
}

describe("notices", () => {
  it("a start is no notice; a resolved turn and the end are", () => {
    const lobby = run([]).s;
    const playing = started().s;
    expect(noticesBetween("g1", lobby, playing, 5)).toEqual([]);
    const next = { ...playing, game: { ...playing.game, turn: 2 } };
    expect(noticesBetween("g1", playing, next, 6)).toEqual([
      { kind: "turnResolved", gameId: "g1", name: "Test", turn: 1, nextTurn: 2, at: 6 },
    ]);
    const ended = { ...next, phase: "ended" as const };
    expect(noticesBetween("g1", next, ended, 7).map((n) => n.kind)).toEqual(["gameEnded"]);
  });

  it("the watch warns once before a running deadline, re-arms when it moves, and stops for a pause or the end", () => {
    const sent: Notice[] = [];
    const t = handTimers();
    const w = new DeadlineWatch((n) => sent.push(n), 10_000, t);
    const s = { ...started().s, deadline: 100_000, pausedRemaining: null };
    w.update("g1", s, 0);
    expect(t.due.map((d) => d.ms)).toEqual([90_000]);
    w.update("g1", s, 50);
    expect(t.due).toHaveLength(1);
    w.update("g1", { ...s, deadline: 160_000 }, 1000);
    expect(t.due.map((d) => d.ms)).toEqual([149_000]);
    w.update("g1", { ...s, deadline: 160_000, pausedRemaining: 5000 }, 2000);
    expect(t.due).toHaveLength(0);
    w.update("g1", s, 3000);
    t.due[0]?.fn();
    expect(sent.map((n) => [n.kind, n.gameId])).toEqual([["deadlineNear", "g1"]]);
    w.update("g1", { ...s, phase: "ended" }, 4000);
    expect(w.size).toBe(0);
  });

  it("a deadline closer than the warning is not announced; a game that leaves is forgotten", () => {
    const t = handTimers();
    const w = new DeadlineWatch(() => {}, 10_000, t);
    w.update("g1", { ...started().s, deadline: 5000 }, 0);
    expect(t.due).toHaveLength(0);
    w.update("g2", { ...started().s, deadline: 50_000 }, 0);
    w.forget("g2");
    expect(t.due).toHaveLength(0);
  });
});
