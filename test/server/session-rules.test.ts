/**
 * The facilitator's session rules over real WebSockets: strike settings at creation and in play (held for
 * approval, approved or refused; not before a turn), taking a seat back from a bot, and the teacher's
 * material, which reaches the facilitators' views and nobody else's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { findScenario } from "@firebreak/shared/scenario-files";
import { create, join, joinSeat, type Peer, testServer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

/** A started class game (Ana on Aestria, Ben on Borevia, an observer) created with `options`. */
async function started(seed: string, options: Record<string, unknown> = {}) {
  const fac = await create(srv.url, {
    scenario: "baltic-fog",
    name: "Rules",
    seed,
    turnSeconds: 0,
    ...options,
  });
  const ana = await joinSeat(srv.url, fac, "Ana", "aestria");
  const ben = await joinSeat(srv.url, fac, "Ben", "borevia");
  const obs = await join(srv.url, fac.room.roomId, {
    code: fac.view.session.code,
    name: "Obi",
    role: "observer",
  });
  expect((await fac.ask("fac:start")).ok).toBe(true);
  await ana.until((v) => v.session.phase === "planning" && v.game.private.aestria !== undefined);
  return { fac, ana, ben, obs };
}

const strike = { type: "strike", target: "borevia" };
const ordersOf = (p: Peer) => p.view.game.private.aestria?.orders ?? [];

describe("strikes need the facilitator's approval", () => {
  it("a strike waits, its seat and the facilitators see it waiting, and an approval puts it in the orders", async () => {
    const { fac, ana, ben, obs } = await started("strike-approval", { strikes: "approval" });
    for (const p of [fac, ana, ben, obs]) expect(p.view.session.settings.strikes).toBe("approval");
    expect((await ana.ask("orders", { turn: 1, orders: [{ type: "hunt" }, strike] })).ok).toBe(true);
    const waiting = await ana.until((v) => v.session.heldStrikes.length === 1);
    expect(waiting.session.heldStrikes[0]).toMatchObject({
      seat: "aestria",
      targets: ["borevia"],
      by: "Ana",
      status: "waiting",
    });
    expect(waiting.game.private.aestria?.orders).toEqual([{ type: "hunt" }]);
    await fac.until((v) => v.session.heldStrikes.some((h) => h.seat === "aestria"));
    expect(ben.view.session.heldStrikes).toEqual([]);
    expect(obs.view.session.heldStrikes).toEqual([]);
    expect((await ana.ask("fac:strike", { seat: "aestria", approve: true })).rejected?.code).toBe(
      "NOT_FACILITATOR",
    );
    expect((await fac.ask("fac:strike", { seat: "borevia", approve: true })).rejected?.code).toBe(
      "NO_STRIKE_WAITING",
    );
    expect((await fac.ask("fac:strike", { seat: "aestria", approve: true })).ok).toBe(true);
    const approved = await ana.until((v) => v.session.heldStrikes.length === 0);
    expect(approved.game.private.aestria?.orders).toEqual([{ type: "hunt" }, strike]);
  });

  it("a refused strike stays out and its seat is told; strikes before a turn the facilitator sets are refused", async () => {
    const { fac, ana } = await started("strike-refused", { strikes: "approval" });
    expect((await ana.ask("orders", { turn: 1, orders: [strike] })).ok).toBe(true);
    await fac.until((v) => v.session.heldStrikes.length === 1);
    expect((await fac.ask("fac:strike", { seat: "aestria", approve: false })).ok).toBe(true);
    await ana.until((v) => v.session.heldStrikes[0]?.status === "refused");
    expect(ordersOf(ana)).toEqual([]);
    expect((await ana.ask("fac:settings", { strikes: { notBefore: 3 } })).rejected?.code).toBe(
      "NOT_FACILITATOR",
    );
    expect((await fac.ask("fac:settings", {})).rejected?.code).toBe("INVALID_REQUEST");
    expect((await fac.ask("fac:settings", { strikes: { notBefore: 3 } })).ok).toBe(true);
    await ana.until((v) => typeof v.session.settings.strikes === "object");
    const early = await ana.ask("orders", { turn: 1, orders: [strike] });
    expect(early.rejected).toEqual({
      code: "STRIKE_TOO_EARLY",
      message: "The facilitator allows strikes from turn 3; this is turn 1. Remove the strike order.",
    });
  });

  it("create options are checked: a strike rule's turn, and takeover without a delay", async () => {
    const refused = (options: Record<string, unknown>) =>
      new Client(srv.url).create("crisis", { scenario: "baltic-fog", name: "x", ...options }).then(
        () => "created",
        (e: Error) => e.message,
      );
    expect(await refused({ strikes: { notBefore: 0 } })).toMatch(/^INVALID_REQUEST: /);
    expect(await refused({ strikes: "sometimes" })).toMatch(/^INVALID_REQUEST: /);
    expect(await refused({ takeover: true, takeoverSeconds: 0 })).toBe(
      "INVALID_REQUEST: Automatic takeover needs a delay: give takeoverSeconds (10 to 604800).",
    );
    const fac = await create(srv.url, {
      scenario: "baltic-fog",
      name: "x",
      strikes: { notBefore: 4 },
      takeover: false,
      takeoverSeconds: 90,
    });
    expect(fac.view.session.settings).toEqual({
      strikes: { notBefore: 4 },
      takeover: false,
      takeoverSeconds: 90,
    });
  });
});

describe("a player takes its seat back from a bot", () => {
  it("its view says a bot holds the seat, acting says how to take it back, and reclaim does", async () => {
    const { fac, ana, ben } = await started("reclaim");
    expect(ana.view.session.botHoldsYourSeat).toBeNull();
    expect((await ana.ask("reclaim")).rejected?.code).toBe("NO_BOT_HOLDS_SEAT");
    expect((await fac.ask("fac:bot", { seat: "aestria", bot: true })).ok).toBe(true);
    const held = await ana.until((v) => v.session.botHoldsYourSeat === "facilitator");
    expect(ben.view.session.botHoldsYourSeat).toBeNull();
    const refused = await ana.ask("orders", { turn: held.game.turn, orders: [] });
    expect(refused.rejected?.code).toBe("BOT_HOLDS_SEAT");
    expect(refused.rejected?.message).toContain("reclaim");
    expect((await ben.ask("reclaim")).rejected?.code).toBe("NO_BOT_HOLDS_SEAT");
    expect((await fac.ask("reclaim")).rejected?.code).toBe("NOT_A_PLAYER");
    expect((await ana.ask("reclaim")).ok).toBe(true);
    const back = await ana.until((v) => v.session.botHoldsYourSeat === null);
    expect(back.session.seats.find((s) => s.seat === "aestria")?.bot).toBe(false);
    expect(back.session.ready).not.toContain("aestria");
    expect((await ana.ask("orders", { turn: back.game.turn, orders: [{ type: "hunt" }] })).ok).toBe(true);
  });
});

describe("the teacher's material reaches the facilitators only", () => {
  it(
    "the facilitator's view has the teacher block, sources, rationale and every inject's effects; " +
      "no player's or observer's view ever does",
    async () => {
      const { fac, ana, ben, obs } = await started("teacher");
      const found = findScenario("baltic-fog");
      if (!found.ok) throw new Error("baltic-fog is a valid scenario");
      const scenario = found.scenario;
      const teacher = scenario.teacher;
      if (!teacher) throw new Error("baltic-fog has a teacher block");
      const brief = fac.view.facilitator;
      expect(brief?.teacher?.case).toBe(teacher.case);
      expect(brief?.teacher?.learningObjectives).toEqual(teacher.learningObjectives);
      expect(brief?.sources.length).toBeGreaterThan(0);
      expect(brief?.rationale.length).toBeGreaterThan(0);
      const bronze = brief?.injects.find((i) => i.id === "bronze-night");
      expect(bronze).toMatchObject({ turn: 1, fired: true });
      expect(bronze?.effects).toEqual(
        scenario.injects?.scheduled?.find((x) => x.inject.id === "bronze-night")?.inject.effects,
      );
      expect(brief?.injects.some((i) => i.turn === null && i.effects.length > 0)).toBe(true);
      // Every seat's objectives, each with whether it is met now.
      expect(Object.keys(fac.view.game.private)).toHaveLength(4);
      for (const p of Object.values(fac.view.game.private))
        for (const o of p.objectives) expect(typeof o.met).toBe("boolean");
      // Play a turn so that views change, then look at everything the others ever received.
      expect((await fac.ask("fac:advance")).ok).toBe(true);
      await ana.until((v) => v.game.turn === 2);
      await obs.until((v) => v.game.turn === 2);
      const secrets = [
        teacher.case,
        ...teacher.learningObjectives,
        ...teacher.debriefQuestions,
        ...(teacher.notes ? [teacher.notes] : []),
        ...(scenario.sources ?? []),
        ...scenario.states.flatMap((st) => Object.values(st.rationale ?? {})),
        ...(scenario.injects?.scheduled ?? []).filter((x) => x.turn > 2).map((x) => x.inject.text),
      ].map((t) => JSON.stringify(t).slice(1, -1));
      for (const p of [ana, ben, obs]) {
        expect(p.view.facilitator).toBeNull();
        const raw = p.rawWhilePlaying();
        expect(raw).not.toContain('"effects"');
        for (const t of secrets) expect(raw).not.toContain(t);
      }
      // Ana reads her own seat's objectives, never another's.
      const own = new Set(scenario.states.find((st) => st.id === "aestria")?.objectives.map((o) => o.text));
      const others = scenario.states
        .flatMap((st) => st.objectives.map((o) => o.text))
        .filter((t) => !own.has(t));
      expect(others.length).toBeGreaterThan(0);
      for (const t of others) expect(ana.rawWhilePlaying()).not.toContain(JSON.stringify(t).slice(1, -1));
    },
  );
});
