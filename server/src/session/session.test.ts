import { describe, expect, it } from "vitest";
import { BOT_PERSONAS, castBots, replayRecord, SCENARIO_CASTS } from "@firebreak/shared";
import { findScenario } from "@firebreak/shared/scenario-files";
import { botMoves } from "../bots/moves.ts";
import { ann, bob, fac, olga, run, scenario, started } from "../testing/fixtures.ts";
import { canRead, channelName, parseChannel } from "./channels.ts";
import type { JournalEntry } from "./journal.ts";
import { recordOf } from "./record.ts";
import { applyEntry, replayJournal } from "./session.ts";
import type { Channel, SessionState } from "./types.ts";

describe("session reducer", () => {
  it("start gives empty seats to bots and sets an absolute deadline", () => {
    const { s } = started();
    expect(s.phase).toBe("planning");
    expect(s.seats.filter((c) => c.bot).map((c) => c.seat)).toEqual(["east", "west"]);
    expect(s.deadline).toBe(2_000 + 60_000);
  });

  it("pause freezes the remaining time; extend adds to it; resume sets a new absolute deadline", () => {
    let { s } = started();
    const step = (e: JournalEntry) => {
      const r = applyEntry(s, e);
      if (!r.ok) throw new Error(r.error.message);
      s = r.value;
    };
    step({ kind: "pause", at: 12_000, by: "mF" });
    expect(s.deadline).toBeNull();
    expect(s.pausedRemaining).toBe(50_000);
    expect(applyEntry(s, { kind: "pause", at: 13_000, by: "mF" }).ok).toBe(false);
    step({ kind: "extend", at: 20_000, by: "mF", seconds: 30 });
    expect(s.pausedRemaining).toBe(80_000);
    step({ kind: "resume", at: 100_000, by: "mF" });
    expect(s.deadline).toBe(180_000);
    step({ kind: "extend", at: 110_000, by: "mF", seconds: 10 });
    expect(s.deadline).toBe(190_000);
  });

  it("a turn resolves for whoever is allowed; nobody acts for another seat", () => {
    const { s } = started();
    const turn = s.game.turn;
    const asBob = applyEntry(s, {
      kind: "step",
      at: 3_000,
      by: "mB",
      step: { type: "orders", turn, seat: "north", orders: [] },
    });
    expect(!asBob.ok && asBob.error.code).toBe("NOT_A_PLAYER");
    const asOlga = applyEntry(s, {
      kind: "step",
      at: 3_000,
      by: "mO",
      step: { type: "orders", turn, seat: "north", orders: [] },
    });
    expect(!asOlga.ok && asOlga.error.code).toBe("NOT_A_PLAYER");
    const botForHuman = applyEntry(s, {
      kind: "step",
      at: 3_000,
      by: "bot:north",
      step: { type: "orders", turn, seat: "north", orders: [] },
    });
    expect(!botForHuman.ok && botForHuman.error.code).toBe("NOT_A_PLAYER");
    const annResolves = applyEntry(s, { kind: "step", at: 3_000, by: "mA", step: { type: "resolve", turn } });
    expect(!annResolves.ok && annResolves.error.code).toBe("NOT_FACILITATOR");
    const facResolves = applyEntry(s, { kind: "step", at: 3_000, by: "mF", step: { type: "resolve", turn } });
    expect(facResolves.ok && facResolves.value.game.turn).toBe(turn + 1);
  });

  it("a seat can be handed to a bot of any of the six doctrines or random; an unknown persona is refused and changes nothing", () => {
    let { s } = started();
    for (const persona of BOT_PERSONAS) {
      const r = applyEntry(s, {
        kind: "bot",
        at: 2_500,
        by: "mF",
        seat: "east",
        bot: true,
        persona,
        reason: "facilitator",
      });
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.seats.find((c) => c.seat === "east")?.persona).toBe(persona);
    }
    const bad = applyEntry(s, {
      kind: "bot",
      at: 2_500,
      by: "mF",
      seat: "east",
      bot: true,
      persona: "pacifist" as never,
      reason: "facilitator",
    });
    expect(!bad.ok && bad.error.code).toBe("UNKNOWN_PERSONA");
    expect(!bad.ok && bad.error.message).toContain("normBuilder");
    for (const [seat, persona] of [
      ["east", "opportunist"],
      ["west", "normBuilder"],
    ] as const) {
      const r = applyEntry(s, {
        kind: "bot",
        at: 2_500,
        by: "mF",
        seat,
        bot: true,
        persona,
        reason: "facilitator",
      });
      if (r.ok) s = r.value;
    }
    const moves = botMoves(s, 3_000);
    for (const seat of ["east", "west"]) {
      expect(moves.some((m) => m.kind === "step" && m.by === `bot:${seat}` && m.step.type === "orders")).toBe(
        true,
      );
      expect(moves.some((m) => m.kind === "ready" && m.seat === seat)).toBe(true);
    }
  });

  it(
    "bots are cast from the create options: the scenario's cast list, or at random from the seed; a " +
      "replay casts the same; fac:bot still wins",
    () => {
      const found = findScenario("baltic-fog");
      if (!found.ok) throw new Error("baltic-fog");
      const baltic = found.scenario;
      const solo = (cast: "scenario" | "random" | undefined, seed: string) => {
        const options = {
          scenario: "baltic-fog",
          seed,
          name: "Solo",
          turnSeconds: 0,
          botLevel: "normal" as const,
          solo: { seat: "aestria" },
          takeoverSeconds: 0,
          cbms: [],
          ...(cast ? { cast } : {}),
        };
        const entry = {
          kind: "create" as const,
          at: 1_000,
          by: "mA",
          code: "ACDEFG",
          facilitator: null,
          options,
        };
        const journal: JournalEntry[] = [
          entry,
          { kind: "join", at: 1_100, by: "mA", member: { ...ann, seat: "aestria" } },
          { kind: "start", at: 1_200, by: "system" },
        ];
        const s = replayJournal(journal, baltic);
        if (!s.ok) throw new Error(s.error.message);
        return { s: s.value, journal };
      };
      const personas = (s: SessionState) =>
        Object.fromEntries(s.seats.filter((c) => c.bot).map((c) => [c.seat, c.persona]));
      const bots = ["borevia", "meridia", "havland"];
      const byScenario = solo("scenario", "cast-1").s;
      expect(personas(byScenario)).toEqual(
        Object.fromEntries(bots.map((b) => [b, SCENARIO_CASTS["baltic-fog"]?.[b]])),
      );
      for (const seed of ["cast-1", "cast-2", "cast-3"]) {
        const { s, journal } = solo("random", seed);
        expect(personas(s)).toEqual(castBots("baltic-fog", bots, "random", seed));
        expect(personas(solo("random", seed).s)).toEqual(personas(s));
        // Restoring is replaying the journal: the same personas, the same session.
        const again = replayJournal(journal, baltic);
        expect(again.ok && again.value).toEqual(s);
      }
      expect(
        new Set(
          ["r-1", "r-2", "r-3", "r-4", "r-5", "r-6"].map((seed) =>
            JSON.stringify(personas(solo("random", seed).s)),
          ),
        ).size,
      ).toBeGreaterThan(1);
      // A journal written before casting existed keeps its old personas.
      expect(personas(solo(undefined, "cast-1").s)).toEqual({
        borevia: "hawk",
        meridia: "forgiving",
        havland: "dove",
      });
      // The facilitator's explicit persona wins over the cast, before and after the start.
      const { s: lobby } = run([
        {
          kind: "bot",
          at: 1_050,
          by: "mF",
          seat: "east",
          bot: true,
          persona: "normBuilder",
          reason: "facilitator",
        },
        { kind: "join", at: 1_100, by: "mA", member: ann },
        { kind: "start", at: 2_000, by: "mF" },
      ]);
      expect(lobby.seats.find((c) => c.seat === "east")?.persona).toBe("normBuilder");
    },
  );

  it(
    "a bot's words: only for a seat a bot holds, on its public, private and hotline channels, " +
      "length-limited; a refusal changes nothing",
    () => {
      const { s } = started();
      const chat = (by: string, channel: Channel, text = "We propose a hotline.") =>
        applyEntry(s, { kind: "chat", at: 3_000, by, channel, text });
      const ok = chat("bot:east", { kind: "private", a: "east", b: "north" });
      if (!ok.ok) throw new Error(ok.error.message);
      expect(ok.value.chat.at(-1)).toMatchObject({
        id: 1,
        from: "east",
        fromName: `${s.game.nations.east?.name} (bot)`,
        text: "We propose a hotline.",
        channel: { kind: "private", a: "east", b: "north" },
      });
      expect(chat("bot:east", { kind: "public" }).ok).toBe(true);
      const refused: Array<[string, Channel, string, string?]> = [
        ["bot:north", { kind: "public" }, "NOT_A_PLAYER"], // a human seat
        ["bot:atlantis", { kind: "public" }, "NOT_A_PLAYER"],
        ["bot:east", { kind: "team", seat: "east" }, "NO_CHANNEL"],
        ["bot:east", { kind: "private", a: "north", b: "south" }, "NO_CHANNEL"], // not its line
        ["bot:east", { kind: "private", a: "north", b: "east" }, "NO_CHANNEL"], // not in string order
        ["bot:east", { kind: "private", a: "east", b: "east" }, "NO_CHANNEL"],
        ["bot:east", { kind: "hotline", a: "east", b: "north" }, "NO_CHANNEL"], // no hotline in force
        ["bot:east", { kind: "public" }, "TEXT_TOO_LONG", "x".repeat(501)],
        ["bot:east", { kind: "public" }, "INVALID_REQUEST", "   "],
      ];
      for (const [member, channel, code, text] of refused) {
        const r = chat(member, channel, text);
        expect(!r.ok && r.error.code, `${member} ${JSON.stringify(channel)}`).toBe(code);
      }
      // With a hotline in force, the bot may answer on it.
      const withHotline: SessionState = {
        ...s,
        game: {
          ...s.game,
          cbms: [...s.game.cbms, { id: "c1", kind: "hotline", members: ["east", "north"], since: 1 }],
        },
      };
      expect(
        applyEntry(withHotline, {
          kind: "chat",
          at: 3_000,
          by: "bot:east",
          channel: { kind: "hotline", a: "east", b: "north" },
          text: "We deny it.",
        }).ok,
      ).toBe(true);
    },
  );

  it("chat channels: who can write, who can read, and how each reader names them", () => {
    const { s } = started();
    expect(parseChannel("hotline:south", ann, s)).toMatch(/no hotline/);
    const observerWrites = applyEntry(s, {
      kind: "chat",
      at: 3_000,
      by: olga.id,
      channel: { kind: "public" },
      text: "hi",
    });
    expect(!observerWrites.ok && observerWrites.error).toEqual({
      code: "NO_CHANNEL",
      message: "observers read the public channel but do not write",
    });
    const priv = parseChannel("private:south", ann, s);
    expect(priv).toEqual({ kind: "private", a: "north", b: "south" });
    const msg = {
      id: 1,
      at: 0,
      turn: 1,
      channel: priv as never,
      role: "player" as const,
      from: "north",
      fromName: "Ann",
      text: "hi",
    };
    expect(canRead(bob, msg)).toBe(true);
    expect(canRead(olga, msg)).toBe(false);
    expect(canRead(fac, msg)).toBe(true);
    expect(channelName(msg.channel, bob)).toBe("private:north");
    expect(channelName(msg.channel, fac)).toBe("private:north:south");
  });

  it("a journal replays to the same session, and its record replays to the same game", () => {
    let { s, journal } = started();
    for (let i = 0; i < 3; i++) {
      const moves = botMoves(s, 5_000 + i);
      for (const e of [
        ...moves,
        {
          kind: "step",
          at: 6_000 + i,
          by: "mF",
          step: { type: "resolve", turn: s.game.turn },
        } as JournalEntry,
      ]) {
        const r = applyEntry(s, e);
        if (r.ok) {
          s = r.value;
          journal.push(e);
        }
      }
    }
    const again = replayJournal(journal, scenario);
    expect(again.ok && again.value).toEqual(s);
    const record = recordOf(journal, scenario);
    if (!record.ok) throw new Error(record.error.message);
    const replay = replayRecord(record.value, scenario);
    expect(replay.ok && replay.state).toEqual(s.game);
  });
});
