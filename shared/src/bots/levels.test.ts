/** The levels: an easy bot plays its doctrine carelessly, a hard bot keeps its doctrine and its red lines. */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { createGame } from "../game/create.ts";
import { applyStep } from "../game/steps.ts";
import type { SeatId } from "../model/basics.ts";
import { isOperation, type Order } from "../model/orders.ts";
import { rngFromSeed } from "../model/rng.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame } from "../sim/bot-game.ts";
import { viewFor } from "../view/view.ts";
import { decideAnswer, decideProposals } from "./bot.ts";
import type { BotPersona, BotSpec } from "./doctrines.ts";

/** Per-test timeout (ms): these tests play many seeded games. */
const SLOW = 180_000;

function load(id: string): Scenario {
  const r = findScenario(id);
  if (!r.ok) throw new Error(id);
  return r.scenario;
}
const baltic = load("baltic-fog");
const seats = baltic.states.map((s) => s.id);

/** Seats get the line-up rotated by the game index, so every persona plays every seat. */
function specsFor(lineup: readonly BotPersona[], g: number): Record<SeatId, BotSpec> {
  const out: Record<SeatId, BotSpec> = {};
  seats.forEach((s, i) => {
    out[s] = { persona: lineup[(i + g) % lineup.length] as BotPersona, level: "normal" };
  });
  return out;
}

const covert = (orders: readonly Order[]): number => orders.filter((o) => isOperation(o) && !o.overt).length;

describe("levels", () => {
  it(
    "an easy bot plays its doctrine carelessly: unanswered inquiries and rash low-confidence accusations a normal dove never makes",
    () => {
      const rash: Record<string, number> = { easy: 0, normal: 0 };
      const asked: Record<string, number> = { easy: 0, normal: 0 };
      const unanswered: Record<string, number> = { easy: 0, normal: 0 };
      for (let g = 0; g < 200; g++) {
        const specs: Record<SeatId, BotSpec> = {};
        seats.forEach((s, i) => {
          specs[s] = [
            { persona: "dove", level: "easy" },
            { persona: "dove", level: "normal" },
            { persona: "hawk", level: "normal" },
            { persona: "opportunist", level: "normal" },
          ][(i + g) % 4] as BotSpec;
        });
        const game = playBotGame(baltic, `easy-${g}`, specs);
        for (const i of game.state.incidents) {
          for (const a of i.publicAttributions) {
            const spec = specs[a.by] as BotSpec;
            if (spec.persona === "dove" && a.confidence < 2) rash[spec.level] = (rash[spec.level] ?? 0) + 1;
          }
        }
        for (const q of game.state.inquiries) {
          const level = specs[q.to]?.level ?? "hard";
          if (q.status === "open" || !(level in asked)) continue;
          asked[level] = (asked[level] ?? 0) + 1;
          if (q.status === "unanswered") unanswered[level] = (unanswered[level] ?? 0) + 1;
        }
      }
      expect(rash.normal).toBe(0);
      expect(rash.easy).toBeGreaterThan(20);
      // An easy bot leaves about half of the inquiries to it unanswered; a normal bot none.
      expect(unanswered.normal).toBe(0);
      expect(unanswered.easy).toBeGreaterThanOrEqual(3);
      expect((unanswered.easy ?? 0) / Math.max(1, asked.easy ?? 0)).toBeGreaterThan(0.25);
    },
    SLOW,
  );

  it(
    "the doctrine still shows at the hard level: a hard hawk starts more covert operations than a hard dove",
    () => {
      const count: Record<string, number> = { hawk: 0, dove: 0 };
      for (let g = 0; g < 12; g++) {
        const specs: Record<SeatId, BotSpec> = {
          ...specsFor(["reciprocal", "opportunist", "forgiving", "dove"], g),
          [seats[g % 4] as SeatId]: { persona: "hawk", level: "hard" },
          [seats[(g + 1) % 4] as SeatId]: { persona: "dove", level: "hard" },
        };
        const game = playBotGame(
          baltic,
          `hard-doctrine-${g}`,
          specs,
          {},
          { budget: { iterations: 24, depth: 1, horizon: 2 } },
        );
        for (const t of game.turns) {
          const spec = specs[t.seat] as BotSpec;
          if (spec.level === "hard") count[spec.persona] = (count[spec.persona] ?? 0) + covert(t.orders);
        }
      }
      expect(count.hawk).toBeGreaterThan(count.dove as number);
    },
    SLOW,
  );
});

describe("hard red lines", () => {
  it("yield to the seat's own secret objective, and only to it", () => {
    // Aestria given the objective of a CERT link with Meridia (a copy of Baltic Fog); the opportunist's red
    // lines include CERT links.
    const scenario = structuredClone(baltic);
    const aestria = scenario.states.find((x) => x.id === "aestria");
    if (!aestria) throw new Error("no aestria");
    aestria.objectives[0] = {
      kind: "cbmInForce",
      text: "End the game with a situation-report (CERT) link with Meridia in force.",
      points: 4,
      cbm: "situationReports",
      with: "meridia",
    };
    const created = createGame(scenario, "red-lines");
    if (!created.ok) throw new Error(created.error.message);
    let s = created.value;
    for (const [by, other] of [
      ["meridia", "aestria"],
      ["borevia", "aestria"],
    ] as const) {
      const r = applyStep(s, {
        type: "propose",
        turn: 1,
        seat: by,
        kind: "situationReports",
        parties: [by, other],
      });
      if (!r.ok) throw new Error(r.error.message);
      s = r.value.state;
    }
    const view = viewFor(s, { role: "player", seat: "aestria" });
    const hard: BotSpec = { persona: "opportunist", level: "hard" };
    const find = (by: string) =>
      view.proposals.find((p) => p.proposer === by && p.kind === "situationReports");
    expect(
      decideAnswer(view, find("meridia") as (typeof view.proposals)[number], hard, rngFromSeed("a")).accept,
    ).toBe(true);
    expect(
      decideAnswer(view, find("borevia") as (typeof view.proposals)[number], hard, rngFromSeed("a")).accept,
    ).toBe(false);
    expect(
      decideAnswer(
        view,
        find("meridia") as (typeof view.proposals)[number],
        { persona: "opportunist", level: "normal" },
        rngFromSeed("a"),
      ).accept,
    ).toBe(false);
    // From the second quarter of the game, the objective's measure is what the hard bot proposes first.
    const fresh = viewFor(created.value, { role: "player", seat: "aestria" });
    fresh.turn = 4;
    const proposed = decideProposals(fresh, hard, rngFromSeed("b"));
    expect(proposed.some((p) => p.kind === "situationReports" && p.parties.includes("meridia"))).toBe(true);
    expect(proposed.some((p) => p.kind === "situationReports" && p.parties.includes("borevia"))).toBe(false);
  });
});
