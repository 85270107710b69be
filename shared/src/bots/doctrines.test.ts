/** Each persona's doctrine shows in what its bots do over many seeded games. */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import { isOperation, type Order } from "../model/orders.ts";
import type { SeatId } from "../model/basics.ts";
import type { Scenario } from "../scenario/schema.ts";
import { playBotGame, type SeatTurn } from "../sim/bot-game.ts";
import { botTurn } from "./bot.ts";
import { BOT_PERSONAS, DOCTRINES, parseBotSpec, type BotPersona, type BotSpec } from "./doctrines.ts";
import { freshGrievances } from "./perception.ts";
import { answerProposal, chooseOrders, proposeCbms } from "./personas.ts";
import type { Persona } from "./persona-names.ts";
import { rngFromSeed } from "../model/rng.ts";
import { freshViolations } from "./norm-builder.ts";
import { catchChance } from "./perception.ts";
import { FORGIVENESS_WINDOW } from "./forgiveness.ts";
import { isDestructive } from "../model/operations.ts";

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
function specsFor(
  lineup: readonly BotPersona[],
  g: number,
  level: BotSpec["level"] = "normal",
): Record<SeatId, BotSpec> {
  const out: Record<SeatId, BotSpec> = {};
  seats.forEach((s, i) => {
    out[s] = { persona: lineup[(i + g) % lineup.length] as BotPersona, level };
  });
  return out;
}

const covert = (orders: readonly Order[]): number => orders.filter((o) => isOperation(o) && !o.overt).length;

describe("doctrines", () => {
  it(
    "every persona has a documented doctrine; specs parse",
    () => {
      for (const p of BOT_PERSONAS) {
        expect(DOCTRINES[p].summary.length).toBeGreaterThan(10);
        expect(DOCTRINES[p].rules.length).toBeGreaterThan(0);
      }
      expect(parseBotSpec("hawk")).toEqual({ persona: "hawk", level: "normal" });
      expect(parseBotSpec("normBuilder:hard")).toEqual({ persona: "normBuilder", level: "hard" });
      expect(parseBotSpec("hawk:expert")).toBeNull();
      expect(parseBotSpec("pirate")).toBeNull();
    },
    SLOW,
  );

  it(
    "the normal level of the five baseline personas is exactly the baseline API",
    () => {
      for (let g = 0; g < 60; g++) {
        const specs = specsFor(["random", "hawk", "dove", "reciprocal", "forgiving"], g);
        playBotGame(baltic, `baseline-${g}`, specs, {}, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          const again = rngFromSeed(
            `baseline-${g}/bot/${view.viewer.role === "player" ? view.viewer.seat : ""}/${view.turn}`,
          );
          const persona = spec.persona as Persona;
          const answers = view.proposals
            .filter(
              (p) =>
                view.viewer.role === "player" &&
                !p.accepted.includes(view.viewer.seat) &&
                !p.declined.includes(view.viewer.seat),
            )
            .map((p) => ({ proposal: p.id, ...answerProposal(view, p, persona, again) }));
          const proposals = proposeCbms(view, persona, again);
          const orders = chooseOrders(view, persona, again);
          expect(t.answers).toEqual(answers);
          expect(t.proposals).toEqual(proposals);
          expect(t.orders).toEqual(orders);
          return t;
        });
      }
    },
    SLOW,
  );

  it(
    "a hawk starts more covert operations than a dove over 500 seeded games; the dove starts none",
    () => {
      const count: Record<string, number> = { hawk: 0, dove: 0 };
      for (let g = 0; g < 500; g++) {
        const specs = specsFor(["hawk", "dove", "reciprocal", "opportunist"], g);
        const game = playBotGame(baltic, `doctrine-${g}`, specs);
        for (const t of game.turns) {
          const persona = specs[t.seat]?.persona as string;
          if (persona in count) count[persona] = (count[persona] as number) + covert(t.orders);
        }
      }
      expect(count.dove).toBe(0);
      expect(count.hawk).toBeGreaterThan(1000);
    },
    SLOW,
  );

  it(
    "a reciprocal answers an attack attributed to a state within two turns (retaliation, expulsion or a hotline inquiry)",
    () => {
      let grievances = 0;
      let answered = 0;
      for (let g = 0; g < 150; g++) {
        const specs = specsFor(["reciprocal", "hawk", "opportunist", "random"], g);
        const pending: Array<{ seat: SeatId; suspect: SeatId; incident: string; turn: number }> = [];
        const turns: SeatTurn[] = [];
        playBotGame(baltic, `tit-${g}`, specs, { noCbms: g % 2 === 0 }, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          if (spec.persona === "reciprocal" && view.viewer.role === "player") {
            const me = view.viewer.seat;
            for (const gr of freshGrievances(view, me))
              pending.push({ seat: me, suspect: gr.suspect, incident: gr.incident.id, turn: view.turn });
            turns.push({ ...t, turn: view.turn, seat: me });
          }
          return t;
        });
        for (const p of pending) {
          grievances++;
          const answers = turns
            .filter((t) => t.seat === p.seat && t.turn >= p.turn && t.turn <= p.turn + 1)
            .flatMap((t) => t.orders)
            .some(
              (o) =>
                ("target" in o && o.target === p.suspect) ||
                (o.type === "attribute" && o.accused === p.suspect),
            );
          // The doctrine lets an inquiry that was answered (deny or explain) stand instead of retaliating.
          if (answers) answered++;
        }
      }
      expect(grievances).toBeGreaterThan(100);
      expect(answered / grievances).toBeGreaterThan(0.95);
    },
    SLOW,
  );

  it(
    "a forgiving bot lets a suspect's first grievance pass and answers a second within the window; strict answers both",
    () => {
      // Tit-for-two-tats with memory per suspect: a grievance is a "repeat" when another incident against the
      // bot, pinned on the same suspect, moved in the last FORGIVENESS_WINDOW turns (or it is destructive).
      type Tally = { first: number; firstAnswered: number; repeat: number; repeatAnswered: number };
      const zero = (): Tally => ({ first: 0, firstAnswered: 0, repeat: 0, repeatAnswered: 0 });
      const rate: Record<string, Tally> = { reciprocal: zero(), forgiving: zero() };
      for (let g = 0; g < 200; g++) {
        const specs = specsFor(["reciprocal", "forgiving", "hawk", "random"], g);
        playBotGame(baltic, `forgive-${g}`, specs, { noCbms: true }, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          const r = rate[spec.persona];
          if (!r || view.viewer.role !== "player") return t;
          const me = view.viewer.seat;
          const fresh = freshGrievances(view, me);
          for (const suspect of new Set(fresh.map((x) => x.suspect))) {
            const mine = fresh.filter((x) => x.suspect === suspect);
            const ids = new Set(mine.map((x) => x.incident.id));
            const recent = view.incidents.some((i) => {
              const k = i.knowledge[me];
              return (
                i.target === me &&
                !ids.has(i.id) &&
                k?.suspect === suspect &&
                k.confidence >= 1 &&
                k.changed >= view.turn - 1 - FORGIVENESS_WINDOW
              );
            });
            const repeat = mine.length > 1 || recent || mine.some((x) => isDestructive(x.incident.kind));
            const older = view.incidents.some(
              (i) => i.target === me && !ids.has(i.id) && i.knowledge[me]?.suspect === suspect,
            );
            if (!repeat && older) continue; // an old first grievance at high confidence: neither case
            const answered = t.orders.some(
              (x) => (x.type === "expel" || (isOperation(x) && x.overt)) && x.target === suspect,
            );
            if (repeat) {
              r.repeat++;
              if (answered) r.repeatAnswered++;
            } else {
              r.first++;
              if (answered) r.firstAnswered++;
            }
          }
          return t;
        });
      }
      const { reciprocal: strict, forgiving } = rate as { reciprocal: Tally; forgiving: Tally };
      expect(forgiving.first).toBeGreaterThan(50);
      expect(forgiving.repeat).toBeGreaterThan(50);
      expect(forgiving.firstAnswered).toBe(0);
      expect(forgiving.repeatAnswered / forgiving.repeat).toBeGreaterThan(0.9);
      expect(strict.firstAnswered / strict.first).toBeGreaterThan(0.9);
      expect(strict.repeatAnswered / strict.repeat).toBeGreaterThan(0.9);
    },
    SLOW,
  );

  it(
    "an opportunist strikes where it will not be caught: softer targets than a hawk, never overt, disruption only through a proxy",
    () => {
      const detection: Record<string, number[]> = { hawk: [], opportunist: [] };
      for (let g = 0; g < 200; g++) {
        const specs = specsFor(["opportunist", "hawk", "dove", "reciprocal"], g);
        playBotGame(baltic, `opp-${g}`, specs, {}, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          if ((spec.persona === "hawk" || spec.persona === "opportunist") && view.viewer.role === "player") {
            const me = view.viewer.seat;
            for (const order of t.orders) {
              if (
                !isOperation(order) ||
                order.overt ||
                (order.type !== "preposition" && order.type !== "influence" && order.type !== "espionage")
              )
                continue;
              detection[spec.persona]?.push(catchChance(view, me, order.target));
            }
            if (spec.persona === "opportunist") {
              for (const order of t.orders) {
                if (isOperation(order)) expect(order.overt ?? false).toBe(false);
                if (order.type === "disrupt" || order.type === "destroy") expect(order.proxy).toBe(true);
              }
            }
          }
          return t;
        });
      }
      const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(detection.opportunist?.length).toBeGreaterThan(200);
      expect(mean(detection.opportunist as number[])).toBeLessThan(mean(detection.hawk as number[]) - 0.05);
    },
    SLOW,
  );

  it(
    "a norm builder seeks CBMs, never breaks a norm, and punishes a fresh public violation the next turn",
    () => {
      let violations = 0;
      let punished = 0;
      const kinds = new Set<string>();
      for (let g = 0; g < 200; g++) {
        const specs = specsFor(["normBuilder", "hawk", "reciprocal", "hawk"], g);
        playBotGame(baltic, `norm-${g}`, specs, {}, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          if (spec.persona === "normBuilder" && view.viewer.role === "player") {
            const me = view.viewer.seat;
            for (const p of t.proposals) kinds.add(p.kind);
            for (const order of t.orders) expect(isOperation(order)).toBe(false);
            for (const v of freshViolations(view, me)) {
              violations++;
              if (
                t.orders.some((x) => (x.type === "sanction" || x.type === "expel") && x.target === v.violator)
              )
                punished++;
            }
          }
          return t;
        });
      }
      expect([...kinds]).toEqual(
        expect.arrayContaining([
          "hotline",
          "situationReports",
          "consultations",
          "codeOfConduct",
          "selfDefenceCatalogue",
          "noFirstUse",
          "publishDoctrine",
        ]),
      );
      expect(violations).toBeGreaterThan(20);
      expect(punished / violations).toBeGreaterThan(0.9);
    },
    SLOW,
  );
});
