import { describe, expect, it } from "vitest";
import { ann, olga, scenario, started } from "../testing/fixtures.ts";
import { CHAT_MAX_LENGTH } from "../session/channels.ts";
import type { JournalEntry } from "../session/journal.ts";
import { allReady, applyEntry, replayJournal } from "../session/session.ts";
import { clientView } from "../views/client-view.ts";
import { botMoves } from "./moves.ts";
import { gatherByChannel } from "./words.ts";

describe("bot seats' moves", () => {
  it("bots act only for their seats, from their views, and are then ready", () => {
    const { s } = started();
    const moves = botMoves(s, 3_000);
    expect(moves.length).toBeGreaterThan(0);
    for (const m of moves) {
      if (m.kind === "step") expect(["bot:east", "bot:west"]).toContain(m.by);
      if (m.kind === "ready") expect(["east", "west"]).toContain(m.seat);
    }
    let cur = s;
    for (const m of moves) {
      const r = applyEntry(cur, m);
      expect(r.ok).toBe(true);
      if (r.ok) cur = r.value;
    }
    expect(allReady(cur)).toBe(false);
    for (const [seat, by] of [
      ["north", "mA"],
      ["south", "mB"],
    ] as const) {
      const r = applyEntry(cur, { kind: "ready", at: 4_000, by, seat, ready: true });
      if (r.ok) cur = r.value;
    }
    expect(allReady(cur)).toBe(true);
  });

  it(
    "bots post their words in chat, from bot:<seat>, for the proposals and acceptances the session " +
      "accepted; only the parties read them",
    () => {
      const { s } = started();
      const dove = applyEntry(s, {
        kind: "bot",
        at: 2_500,
        by: "mF",
        seat: "west",
        bot: true,
        persona: "dove",
        reason: "facilitator",
      });
      if (!dove.ok) throw new Error(dove.error.message);
      let cur = dove.value;
      const moves = botMoves(cur, 3_000);
      const words = moves.filter((m): m is Extract<JournalEntry, { kind: "chat" }> => m.kind === "chat");
      const proposals = moves.filter(
        (m) => m.kind === "step" && m.by === "bot:west" && m.step.type === "propose",
      );
      expect(proposals.length).toBeGreaterThan(0);
      const westWords = words.filter((w) => w.by === "bot:west");
      expect(westWords.length).toBeGreaterThan(0);
      // One message per channel per turn: a bot's lines to the same reader arrive together.
      expect(new Set(westWords.map((w) => JSON.stringify(w.channel))).size).toBe(westWords.length);
      for (const m of moves) {
        const r = applyEntry(cur, m);
        if (!r.ok) throw new Error(r.error.message);
        cur = r.value;
      }
      const fromWest = cur.chat.filter((c) => c.from === "west");
      expect(fromWest.length).toBe(words.filter((w) => w.by === "bot:west").length);
      // Private lines for bilateral proposals, public for its unilateral ones (its doctrine, a pledge).
      expect(
        fromWest.every(
          (c) =>
            (c.channel.kind === "private" || c.channel.kind === "public") &&
            c.fromName.endsWith("(bot)") &&
            c.text.length <= CHAT_MAX_LENGTH,
        ),
      ).toBe(true);
      // A bot offers one measure a turn (its words on that party's private line).
      expect(fromWest.some((c) => c.channel.kind === "private")).toBe(true);
      // Ann (north) reads exactly the bot lines on her channels; Olga (observer) none of the private ones.
      const annReads = clientView(cur, ann, new Set()).chat.filter((c) => c.from === "west");
      expect(annReads.length).toBe(
        fromWest.filter(
          (c) =>
            c.channel.kind === "public" ||
            (c.channel.kind !== "team" && (c.channel.a === "north" || c.channel.b === "north")),
        ).length,
      );
      const toAnn = fromWest.some(
        (c) => c.channel.kind === "private" && (c.channel.a === "north" || c.channel.b === "north"),
      );
      expect(annReads.some((c) => c.channel === "private:west")).toBe(toAnn);
      expect(annReads.every((c) => c.channel === "private:west" || c.channel === "public")).toBe(true);
      expect(clientView(cur, olga, new Set()).chat.filter((c) => c.channel !== "public")).toEqual([]);
      // The words are journalled: a replay gives the same chat.
      const journal = [
        ...started().journal,
        {
          kind: "bot",
          at: 2_500,
          by: "mF",
          seat: "west",
          bot: true,
          persona: "dove",
          reason: "facilitator",
        } as JournalEntry,
        ...moves,
      ];
      const again = replayJournal(journal, scenario);
      expect(again.ok && again.value.chat).toEqual(cur.chat);
    },
  );
});

describe("bots' words", () => {
  it("gather into one message per channel per turn, split only at the chat limit", () => {
    const pub = { kind: "public" as const };
    const priv = { kind: "private" as const, a: "east", b: "north" };
    const out = gatherByChannel([
      { channel: pub, text: "We propose a hotline." },
      { channel: priv, text: "Agreed." },
      { channel: pub, text: "We publish our doctrine." },
    ]);
    expect(out).toEqual([
      { channel: pub, text: "We propose a hotline. We publish our doctrine." },
      { channel: priv, text: "Agreed." },
    ]);
    const long = "x".repeat(300);
    const split = gatherByChannel([long, long, long].map((text) => ({ channel: pub, text })));
    expect(split.map((m) => m.text.length)).toEqual([300, 300, 300]);
    expect(split.every((m) => m.text.length <= CHAT_MAX_LENGTH)).toBe(true);
  });
});
