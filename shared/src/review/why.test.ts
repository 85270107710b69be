import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { allPairs } from "../model/pairs.ts";
import type { GameRecord } from "../record/record.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playGame } from "../sim/play.ts";
import { replayTimeline, type Timeline } from "./timeline.ts";
import { type Movement, MEASURES, measureOf, movement, turnRange } from "./why.ts";
import { whyPair, whySeat, whyTimeline } from "./why-game.ts";
import { whySentence } from "./why-words.ts";

/** The value, or a thrown error when a test's data is missing. */
function must<T>(x: T | null | undefined): T {
  if (x === null || x === undefined) throw new Error("missing test data");
  return x;
}

const golden = new URL("../../../test/golden/", import.meta.url);

function scenario(id: string): Scenario {
  const sc = findScenario(id);
  if (!sc.ok) throw new Error(sc.problems.map((p) => p.message).join("; "));
  return sc.scenario;
}

function timelineOf(record: GameRecord, sc: Scenario): Timeline {
  const t = replayTimeline(record, sc);
  if (!t.ok) throw new Error(t.error.message);
  return t.value;
}

/** The golden records and a few seeded bot games, each with its timeline. */
function games(): Array<{ name: string; t: Timeline }> {
  const out: Array<{ name: string; t: Timeline }> = [];
  for (const f of readdirSync(golden).filter((x) => x.endsWith(".json"))) {
    const record = JSON.parse(readFileSync(new URL(f, golden), "utf8")) as GameRecord;
    out.push({ name: f, t: timelineOf(record, scenario(record.scenario.id)) });
  }
  const personas = ["hawk", "reciprocal", "dove", "random", "forgiving"] as const;
  for (const [id, seed] of [
    ["baltic-fog", "why-1"],
    ["collateral", "why-2"],
    ["dark-winter", "why-3"],
  ] as const) {
    const sc = scenario(id);
    const cast = Object.fromEntries(sc.states.map((s, i) => [s.id, must(personas[i % personas.length])]));
    const played = playGame(sc, seed, cast, {}, true);
    if (!played.record) throw new Error("no record");
    out.push({ name: `${id}/${seed}`, t: timelineOf(played.record, sc) });
  }
  return out;
}

const all = games();
const sum = (m: Movement) => m.contributions.reduce((s, c) => s + c.delta, 0);

describe("why tension moved", () => {
  it("sums, for every pair and turn, to the change between turn starts", () => {
    for (const { t } of all) {
      const turns = whyTimeline(t);
      expect(turns.length).toBeGreaterThan(0);
      const states = [...t.starts, t.final];
      turns.forEach((w, k) => {
        const a = must(states[k]);
        const b = must(states[k + 1]);
        for (const pair of allPairs(t.final.seats)) {
          const m = w.tension.find((x) => x.subject === pair);
          const actual = (b.tension[pair] ?? 0) - (a.tension[pair] ?? 0);
          expect(m ? sum(m) : 0).toBeCloseTo(actual, 6);
          if (m) expect(m.unseen).toBe(0);
        }
      });
    }
  });

  it("sums, for every pair and turn after the opening, to the change in tensionHistory (events by their turn)", () => {
    for (const { t } of all) {
      const events = t.final.events;
      const opening = must(t.starts[0]).events.length;
      for (const pair of allPairs(t.final.seats)) {
        const history = must(t.final.tensionHistory[pair]);
        for (let turn = 1; turn < history.length; turn++) {
          const r = turnRange(events, turn);
          const range = { from: Math.max(r.from, turn === 1 ? opening : 0), to: r.to };
          const m = movement(
            events,
            range,
            "tension",
            pair,
            turn,
            must(history[turn - 1]),
            must(history[turn]),
          );
          expect(m.unseen, `${pair} turn ${turn}`).toBeCloseTo(0, 6);
        }
      }
    }
  });

  it("names the rules in its sentences, from the viewer's side", () => {
    const { t } = must(all[0]);
    const viewer = must(t.final.seats[0]);
    const names = (s: string) => t.final.nations[s]?.name ?? s;
    let checked = 0;
    for (const w of whyTimeline(t, viewer))
      for (const m of w.tension) {
        const text = whySentence(m, names, viewer);
        for (const c of m.contributions) expect(text).toContain(c.ruleName);
        if (m.subject.split("|").includes(viewer)) expect(text).toMatch(/^Tension with /);
        if (m.unseen) expect(text).toContain("other causes you cannot see");
        checked++;
      }
    expect(checked).toBeGreaterThan(0);
  });

  it("from a seat's side, counts only what that seat could see and leaves the rest as unseen", () => {
    let hidden = 0;
    for (const { t } of all)
      for (const viewer of t.final.seats)
        for (const w of whyTimeline(t, viewer))
          for (const m of [...w.tension, ...w.measures]) {
            for (const c of m.contributions)
              for (const i of c.events) {
                const e = must(t.final.events[i]);
                expect(e.visibleTo === "public" || e.visibleTo.includes(viewer)).toBe(true);
              }
            if (m.before !== null && m.after !== null)
              expect(sum(m) + (m.unseen ?? 0)).toBeCloseTo(m.change, 6);
            if (m.unseen) hidden++;
          }
    expect(hidden).toBeGreaterThan(0);
  });

  it("gives nothing, without throwing, for hostile or unknown ids", () => {
    const { t } = must(all[0]);
    for (const bad of ["__proto__", "constructor", "toString", "nowhere", "__proto__|x", "a|__proto__"]) {
      expect(whyTimeline(t, bad)).toEqual([]);
      expect(whyPair(t, bad, 1)).toBeNull();
      expect(whySeat(t, bad, "economy", 1)).toBeNull();
    }
    const pair = must(allPairs(t.final.seats)[0]);
    expect(whyPair(t, pair, 1, "__proto__")).toBeNull();
    expect(whyPair(t, pair, 0)).toBeNull();
    expect(whyPair(t, pair, 999)).toBeNull();
    expect(whySeat(t, must(t.final.seats[0]), "__proto__" as "economy", 1)).toBeNull();
    expect(whyPair(t, pair, 1)?.subject).toBe(pair);
  });
});

describe("why the states' measures moved", () => {
  it("sums, for every state, measure and turn, to the change between turn starts", () => {
    for (const { t } of all) {
      const states = [...t.starts, t.final];
      whyTimeline(t).forEach((w, k) => {
        for (const seat of t.final.seats)
          for (const q of MEASURES) {
            const m = w.measures.find((x) => x.subject === seat && x.quantity === q);
            const actual =
              (measureOf(must(states[k + 1]).nations, seat, q) ?? 0) -
              (measureOf(must(states[k]).nations, seat, q) ?? 0);
            expect(m ? sum(m) : 0, `${seat} ${q} turn ${w.turn}`).toBeCloseTo(actual, 6);
          }
      });
    }
  });
});
