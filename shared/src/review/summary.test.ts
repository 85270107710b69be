import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import type { GameState } from "../model/types.ts";
import { playGame } from "../sim/play.ts";
import { viewFor } from "../view/view.ts";
import { replayTimeline } from "./timeline.ts";
import { summariseTurn, turnStartOf } from "./summary.ts";
import { MEASURES } from "./why.ts";
import { whyTimeline } from "./why-game.ts";
import { whySentence } from "./why-words.ts";

/** The value, or a thrown error when a test's data is missing. */
function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error("missing test data");
  return x;
}

const sc = findScenario("baltic-fog");
if (!sc.ok) throw new Error("no scenario");
const scenario = sc.scenario;
const personas = ["hawk", "reciprocal", "dove", "random"] as const;
const cast = Object.fromEntries(scenario.states.map((s, i) => [s.id, must(personas[i % personas.length])]));
const played = playGame(scenario, "summary-1", cast, {}, true);
const timeline = replayTimeline(must(played.record), scenario);
if (!timeline.ok) throw new Error(timeline.error.message);
const t = timeline.value;
const seen = (s: GameState, seat: string) => viewFor(s, { role: "player", seat });

describe("a student's turn summary", () => {
  it("explains each measure and tension exactly as far as the seat can see, and agrees with the debrief's view from that seat", () => {
    let unseen = 0;
    for (const seat of t.final.seats) {
      const debrief = whyTimeline(t, seat);
      for (let k = 1; k < t.starts.length; k++) {
        const before = seen(must(t.starts[k - 1]), seat);
        const after = seen(must(t.starts[k]), seat);
        const s = summariseTurn(after, seat, turnStartOf(before, seat));
        if (!s) throw new Error("no summary");
        expect(s.turn).toBe(k);
        expect(s.exact).toBe(true);
        const w = must(debrief[k - 1]);
        for (const m of [...s.measures, ...s.tension]) {
          const explained = m.contributions.reduce((x, c) => x + c.delta, 0);
          expect(explained + (m.unseen ?? 0)).toBeCloseTo(m.change, 6);
          for (const c of m.contributions)
            for (const i of c.events) {
              const e = must(after.events[i]);
              expect(e.visibleTo === "public" || e.visibleTo.includes(seat)).toBe(true);
            }
          const d = [...w.measures, ...w.tension].find(
            (x) => x.quantity === m.quantity && x.subject === m.subject,
          );
          expect(m.change).toBeCloseTo(d?.change ?? 0, 6);
          expect(m.unseen ?? 0).toBeCloseTo(d?.unseen ?? 0, 6);
          if (m.unseen) unseen++;
        }
        expect(s.measures.map((m) => m.quantity)).toEqual(MEASURES);
      }
    }
    expect(unseen).toBeGreaterThan(0);
  });

  it("without the month's start, lists the causes it can see and claims no values before", () => {
    const seat = must(t.final.seats[0]);
    const s = summariseTurn(seen(must(t.starts[2]), seat), seat, null);
    expect(s?.exact).toBe(false);
    for (const m of s?.measures ?? []) {
      expect(m.before).toBeNull();
      expect(m.unseen).toBeNull();
    }
    const text = s?.measures.map((m) => whySentence(m, (x) => x, seat)).join(" ") ?? "";
    expect(text).not.toContain("cannot see");
  });

  it("says when a change crossed an objective's threshold", () => {
    const seat = must(t.final.seats[0]);
    const view = seen(must(t.starts[1]), seat);
    const start = must(turnStartOf(seen(must(t.starts[0]), seat), seat));
    const now = must(view.nations[seat]).stability;
    start.measures.stability = now + 2;
    must(view.private[seat]).objectives = [
      {
        kind: "statAtLeast",
        text: "Stability at least",
        points: 1,
        stat: "stability",
        min: now + 1,
        met: false,
      },
      { kind: "statAtLeast", text: "Economy far below", points: 1, stat: "economy", min: -5, met: true },
      { kind: "neverAttributed", text: "Never caught", points: 1, met: true },
    ];
    const s = summariseTurn(view, seat, start);
    expect(s?.objectives).toEqual([
      expect.objectContaining({ text: "Stability at least", status: "crossedBelow", threshold: now + 1 }),
    ]);
    const m = s?.measures.find((x) => x.quantity === "stability");
    expect(m?.before).toBe(now + 2);
  });

  it("lists as new only the incidents against the seat it did not know of when the month began", () => {
    let listed = 0;
    for (const seat of t.final.seats)
      for (let k = 1; k < t.starts.length; k++) {
        const start = must(turnStartOf(seen(must(t.starts[k - 1]), seat), seat));
        const view = seen(must(t.starts[k]), seat);
        const s = must(summariseTurn(view, seat, start));
        const expected = view.incidents.filter((i) => i.target === seat && !start.incidents?.includes(i.id));
        expect(s.incidents.map((i) => i.id)).toEqual(expected.map((i) => i.id));
        listed += s.incidents.length;
      }
    expect(listed).toBeGreaterThan(0);
  });

  it("gives nothing for a seat the game does not have, or before any month has ended", () => {
    const seat = must(t.final.seats[0]);
    const view = seen(must(t.starts[1]), seat);
    for (const bad of ["__proto__", "constructor", "nowhere"]) {
      expect(summariseTurn(view, bad, null)).toBeNull();
      expect(turnStartOf(view, bad)).toBeNull();
    }
    expect(summariseTurn(seen(must(t.starts[0]), seat), seat, null)).toBeNull();
  });
});
