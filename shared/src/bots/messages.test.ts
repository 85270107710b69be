/** Bots' messages: short, plain, in character, from templates, and consistent with what the bot did. */
import { describe, expect, it } from "vitest";
import { findScenario } from "../io/scenario-files.ts";
import type { SeatId } from "../model/basics.ts";
import { playBotGame } from "../sim/bot-game.ts";
import { botTurn } from "./bot.ts";
import { castBots, SCENARIO_CASTS } from "./casting.ts";
import { BOT_PERSONAS, type BotSpec } from "./doctrines.ts";
import { allTemplateSamples } from "../testing/message-samples.ts";
import { BOT_MESSAGE_MAX } from "./message-templates.ts";
import { inquiryReplyText, refusalText, statementText } from "./messages.ts";
import { authoredBy } from "./perception.ts";

/** Per-test timeout (ms): these tests play many seeded games. */
const SLOW = 180_000;

const loaded = findScenario("baltic-fog");
if (!loaded.ok) throw new Error("baltic-fog");
const baltic = loaded.scenario;

function plain(text: string): void {
  expect(text.length).toBeGreaterThan(0);
  expect(text.length).toBeLessThanOrEqual(BOT_MESSAGE_MAX);
  expect(text).not.toMatch(/[<>{}]/);
  expect(text).toBe(text.trim());
}

describe("bot messages", () => {
  it(
    "every template fills to a short plain sentence, even with long names",
    () => {
      const samples = allTemplateSamples([
        "The Federal Republic of Northern Westmark-on-the-Sea",
        "Aestria",
        "Meridia",
      ]);
      expect(samples.length).toBeGreaterThan(100);
      for (const s of samples) plain(s);
    },
    SLOW,
  );

  it(
    "personas speak in character",
    () => {
      expect(statementText("hawk", "warn", "Borevia", null)).not.toBe(
        statementText("dove", "warn", "Borevia", null),
      );
      expect(statementText("normBuilder", "warn", "Borevia", null)).toMatch(/norm/i);
      expect(refusalText("tiesHands", [])).toBe("We will not tie our hands.");
      expect(refusalText("violator", ["Borevia"])).toContain("Borevia");
    },
    SLOW,
  );

  it(
    "hotline replies never admit what a bot did not do, nor acknowledge what it denies",
    () => {
      for (const p of BOT_PERSONAS) {
        for (const reply of ["deny", "explain", "acknowledge"] as const) {
          const innocent = inquiryReplyText(p, reply, false);
          expect(innocent).not.toMatch(/\b(ours|it was us|yes)\b/i);
          if (reply === "deny")
            expect(inquiryReplyText(p, reply, true)).not.toMatch(/\b(ours|it was us|yes)\b/i);
        }
        if (p !== "hawk") expect(inquiryReplyText(p, "acknowledge", true)).toMatch(/ours|us/i);
      }
    },
    SLOW,
  );

  it(
    "in play, every message is plain and every hotline reply matches the bot's answer and its own record",
    () => {
      let replies = 0;
      let proposals = 0;
      for (let g = 0; g < 100; g++) {
        const lineup: BotSpec[] = [
          { persona: "dove", level: "normal" },
          { persona: "opportunist", level: "normal" },
          { persona: "normBuilder", level: "easy" },
          { persona: "hawk", level: "normal" },
        ];
        const specs: Record<SeatId, BotSpec> = Object.fromEntries(
          baltic.states.map((s, i) => [s.id, lineup[(i + g) % 4] as BotSpec]),
        );
        playBotGame(baltic, `words-${g}`, specs, {}, {}, (view, spec, rng, o) => {
          const t = botTurn(view, spec, rng, o);
          if (view.viewer.role !== "player") return t;
          const me = view.viewer.seat;
          for (const m of t.messages) plain(m.text);
          for (const order of t.orders) {
            if (order.type === "statement" && order.text !== undefined) plain(order.text);
            if (order.type !== "answer") continue;
            const q = view.inquiries.find((x) => x.id === order.inquiry);
            const msg = t.messages.find(
              (m) => m.channel.kind === "hotline" && q && m.channel.with === q.from,
            );
            expect(msg?.text).toBe(
              inquiryReplyText(spec.persona, order.reply, q ? authoredBy(view, q.incident, me) : false),
            );
            if (order.reply === "acknowledge" && spec.persona !== "random")
              expect(q && authoredBy(view, q.incident, me)).toBe(true);
            replies++;
          }
          for (const a of t.answers) if (!a.accept) expect(a.note.length).toBeGreaterThan(0);
          proposals += t.proposals.length;
          return t;
        });
      }
      expect(replies).toBeGreaterThan(10);
      expect(proposals).toBeGreaterThan(50);
    },
    SLOW,
  );
});

describe("casting for solo games", () => {
  it(
    "casts by the scenario's list or at random, deterministically",
    () => {
      const seats = baltic.states.map((s) => s.id);
      const byScenario = castBots("baltic-fog", seats, "scenario", "seed-1");
      expect(byScenario).toEqual(SCENARIO_CASTS["baltic-fog"]);
      const random1 = castBots("baltic-fog", seats, "random", "seed-1");
      expect(castBots("baltic-fog", seats, "random", "seed-1")).toEqual(random1);
      const seen = new Set<string>();
      for (let i = 0; i < 40; i++)
        for (const p of Object.values(castBots("baltic-fog", seats, "random", `s${i}`))) seen.add(p);
      expect(seen.size).toBeGreaterThanOrEqual(5);
      expect(Object.keys(castBots("unknown", ["a", "b"], "scenario", "x"))).toEqual(["a", "b"]);
    },
    SLOW,
  );

  it(
    "every shipped scenario has a cast for every one of its states",
    () => {
      for (const [id, cast] of Object.entries(SCENARIO_CASTS)) {
        const r = findScenario(id);
        expect(r.ok).toBe(true);
        if (r.ok) expect(Object.keys(cast).sort()).toEqual(r.scenario.states.map((s) => s.id).sort());
      }
    },
    SLOW,
  );
});
