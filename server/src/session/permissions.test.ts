import { describe, expect, it } from "vitest";
import { ann, fac, olga, run, sam, scenario, untimed } from "../testing/fixtures.ts";
import type { JournalEntry, StoredEntry } from "./journal.ts";
import { mayRequest, permit, REQUEST_ACTS, roleMay, type Act } from "./permissions.ts";
import { createSession } from "./session.ts";
import type { Member, SessionState } from "./types.ts";

/**
 * A class game started with Ann on north, Sam without a seat, Olga watching; east, south and west are bots.
 */
function started(): SessionState {
  return run(
    [
      { kind: "join", at: 1_100, by: ann.id, member: ann },
      { kind: "join", at: 1_200, by: sam.id, member: sam },
      { kind: "join", at: 1_300, by: olga.id, member: olga },
      { kind: "start", at: 2_000, by: fac.id },
    ],
    untimed,
  ).s;
}

const code = (r: { ok: boolean; error?: { code: string } }): string => (r.ok ? "ok" : (r.error?.code ?? ""));

describe("who may do what", () => {
  it("each act by role: play a seat, take a seat, write, run the game", () => {
    const table = (Object.keys({ play: 1, "take a seat": 1, write: 1, facilitate: 1 }) as Act[]).map(
      (act) => [act, ...[fac, ann, sam, olga].map((m) => code(roleMay(m, act)))],
    );
    expect(table).toEqual([
      ["play", "NOT_A_PLAYER", "ok", "NOT_A_PLAYER", "NOT_A_PLAYER"],
      ["take a seat", "NOT_A_PLAYER", "ok", "ok", "ok"],
      ["write", "ok", "ok", "ok", "NO_CHANNEL"],
      ["facilitate", "ok", "NOT_FACILITATOR", "NOT_FACILITATOR", "NOT_FACILITATOR"],
    ]);
  });

  it("every request is one of those acts, asked of its sender's role", () => {
    for (const type of Object.keys(REQUEST_ACTS) as Array<keyof typeof REQUEST_ACTS>) {
      expect(code(mayRequest(ann, type))).toBe(code(roleMay(ann, REQUEST_ACTS[type])));
    }
    expect(code(mayRequest(ann, "fac:end"))).toBe("NOT_FACILITATOR");
    expect(code(mayRequest(fac, "orders"))).toBe("NOT_A_PLAYER");
    expect(code(mayRequest(fac, "knock"))).toBe("NOT_A_PLAYER");
  });

  it("entries: a player for its own seat while no bot holds it, a bot for the seat it holds, the system for anything", () => {
    const s = started();
    const orders = (by: string, seat: string): JournalEntry => ({
      kind: "step",
      at: 3_000,
      by,
      step: { type: "orders", turn: 1, seat, orders: [] },
    });
    expect(code(permit(s, orders(ann.id, "north")))).toBe("ok");
    expect(permit(s, orders(ann.id, "south"))).toEqual({
      ok: false,
      error: { code: "NOT_A_PLAYER", message: "You play north, not south." },
    });
    expect(code(permit(s, orders(sam.id, "north")))).toBe("NOT_A_PLAYER");
    expect(code(permit(s, orders("bot:east", "east")))).toBe("ok");
    expect(permit(s, orders("bot:east", "west"))).toEqual({
      ok: false,
      error: { code: "NOT_A_PLAYER", message: "A bot acts only for its own seat." },
    });
    expect(permit(s, orders("bot:north", "north"))).toEqual({
      ok: false,
      error: { code: "NOT_A_PLAYER", message: "No bot holds north." },
    });
    expect(code(permit(s, orders("system", "north")))).toBe("ok");
    expect(
      code(permit(s, { kind: "step", at: 3_000, by: "bot:east", step: { type: "resolve", turn: 1 } })),
    ).toBe("NOT_A_PLAYER");
    expect(code(permit(s, { kind: "step", at: 3_000, by: ann.id, step: { type: "resolve", turn: 1 } }))).toBe(
      "NOT_FACILITATOR",
    );
    expect(code(permit(s, { kind: "ready", at: 3_000, by: "bot:east", seat: "east", ready: true }))).toBe(
      "ok",
    );
    const held: SessionState = {
      ...s,
      seats: s.seats.map((c) =>
        c.seat === "north" ? { ...c, bot: true, reason: "facilitator" as const } : c,
      ),
    };
    expect(permit(held, orders(ann.id, "north"))).toEqual({
      ok: false,
      error: {
        code: "BOT_HOLDS_SEAT",
        message: "A bot plays North for you now: take your seat back (reclaim) to act yourself.",
      },
    });
    expect(permit(held, { kind: "ready", at: 3_000, by: ann.id, seat: "north", ready: true })).toEqual({
      ok: false,
      error: {
        code: "BOT_HOLDS_SEAT",
        message: "A bot plays North for you now: take your seat back (reclaim) to act yourself.",
      },
    });
  });

  it("a player takes its own seat back from the bot that holds it, and only that", () => {
    const s = started();
    const held: SessionState = {
      ...s,
      seats: s.seats.map((c) =>
        c.seat === "north" ? { ...c, bot: true, reason: "facilitator" as const } : c,
      ),
    };
    const bot = (by: string, seat: string, on: boolean): JournalEntry => ({
      kind: "bot",
      at: 3_000,
      by,
      seat,
      bot: on,
      persona: null,
      reason: on ? "facilitator" : null,
    });
    expect(code(permit(held, bot(ann.id, "north", false)))).toBe("ok");
    expect(permit(s, bot(ann.id, "north", false))).toEqual({
      ok: false,
      error: { code: "NO_BOT_HOLDS_SEAT", message: "No bot holds your seat: you play it already." },
    });
    expect(code(permit(held, bot(sam.id, "north", false)))).toBe("NOT_FACILITATOR");
    expect(code(permit(s, bot(ann.id, "north", true)))).toBe("NOT_FACILITATOR");
    expect(code(permit(held, bot(fac.id, "north", false)))).toBe("ok");
  });

  it(
    "seats: a member moves itself in the lobby, after the start only onto a seat nobody plays; " +
      "knocks are its own; the facilitator moves anyone",
    () => {
      const s = started();
      const assign = (by: string, member: string, seat: string | null): JournalEntry => ({
        kind: "assign",
        at: 3_000,
        by,
        member,
        seat,
      });
      expect(code(permit(s, assign(sam.id, sam.id, "east")))).toBe("ok");
      expect(code(permit(s, assign(sam.id, sam.id, "north")))).toBe("NOT_IN_LOBBY");
      expect(code(permit(s, assign(ann.id, ann.id, null)))).toBe("NOT_IN_LOBBY");
      expect(code(permit(s, assign(ann.id, sam.id, "east")))).toBe("NOT_FACILITATOR");
      expect(code(permit(s, assign(fac.id, sam.id, "north")))).toBe("ok");
      expect(code(permit(s, { kind: "knock", at: 3_000, by: sam.id, member: sam.id, seat: "north" }))).toBe(
        "ok",
      );
      expect(code(permit(s, { kind: "knock", at: 3_000, by: ann.id, member: sam.id, seat: "north" }))).toBe(
        "INVALID_REQUEST",
      );
      expect(code(permit(s, { kind: "admit", at: 3_000, by: sam.id, member: sam.id, admit: false }))).toBe(
        "ok",
      );
      expect(code(permit(s, { kind: "admit", at: 3_000, by: sam.id, member: sam.id, admit: true }))).toBe(
        "NOT_FACILITATOR",
      );
    },
  );

  it("joins: a person joins as itself, never as a facilitator; a facilitator adds co-facilitators", () => {
    const s = createSession(untimed, scenario);
    if (!s.ok) throw new Error(s.error.message);
    const cofac: Member = {
      id: "mC",
      name: "Cy",
      role: "facilitator",
      seat: null,
      token: "tok-cy-00000000000",
    };
    expect(code(permit(s.value, { kind: "join", at: 1_100, by: ann.id, member: ann }))).toBe("ok");
    expect(code(permit(s.value, { kind: "join", at: 1_100, by: cofac.id, member: cofac }))).toBe(
      "NOT_FACILITATOR",
    );
    expect(code(permit(s.value, { kind: "join", at: 1_100, by: fac.id, member: cofac }))).toBe("ok");
  });

  it("an entry of an older journal that does not name its maker was checked when accepted; its chat lines are their writer's", () => {
    const s = started();
    expect(code(permit(s, { kind: "pause", at: 3_000 } as StoredEntry))).toBe("ok");
    expect(
      code(permit(s, { kind: "chat", at: 3_000, member: olga.id, channel: { kind: "public" }, text: "hi" })),
    ).toBe("NO_CHANNEL");
  });
});
