import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBots, SCENARIO_CASTS } from "@firebreak/shared";
import type { ClientView } from "@firebreak/shared";
import { create, testServer } from "./harness.ts";
import { endTurn, playToEnd } from "./turns.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("solo game", () => {
  it("plays to the end against bots, one request per intent", async () => {
    const me = await create(srv.url, {
      scenario: "baltic-fog",
      name: "Ana",
      solo: { seat: "aestria" },
      seed: "solo-1",
    });
    const first = await me.until((x) => x.session.phase === "planning");
    expect(first.me.seat).toBe("aestria");
    expect(first.session.seats.filter((s) => s.bot)).toHaveLength(3);
    expect(first.session.seats.every((s) => s.persona === null)).toBe(true);
    const v = await playToEnd(me);
    expect(v.game.revealed).toBe(true);
    expect(v.game.outcome).not.toBeNull();
    expect(v.session.seats.filter((s) => s.bot).every((s) => s.persona !== null)).toBe(true);
    // Cast as the scenario casts them (the default): the debrief names each bot's persona.
    expect(botPersonas(v)).toEqual({
      borevia: SCENARIO_CASTS["baltic-fog"]?.borevia,
      meridia: SCENARIO_CASTS["baltic-fog"]?.meridia,
      havland: SCENARIO_CASTS["baltic-fog"]?.havland,
    });
    await me.room.leave();
  });

  it("opponents cast at random: the personas follow the seed, hidden until the debrief", async () => {
    const seed = "solo-random-3";
    const me = await create(srv.url, {
      scenario: "tutorial",
      name: "Ana",
      solo: { seat: "aldmark" },
      seed,
      cast: "random",
    });
    await me.until((x) => x.session.phase === "planning");
    expect(me.view.session.seats.find((s) => s.seat === "serevan")?.persona).toBeNull();
    const v = await playToEnd(me);
    expect(botPersonas(v)).toEqual(castBots("tutorial", ["serevan"], "random", seed));
    await me.room.leave();
  });
});

describe("bots' words in the player's chat", () => {
  it("a bot's proposal and its answer to an inquiry reach the player's private line and hotline, from the bot's seat", async () => {
    const me = await create(srv.url, {
      scenario: "tutorial",
      name: "Ana",
      solo: { seat: "aldmark" },
      seed: "words-1",
    });
    let v = await me.until((x) => x.session.phase === "planning");
    // Turn 1: the bot (cast a forgiving reciprocal) proposes a hotline, with words on the private line.
    const offer = v.game.proposals.find((p) => p.proposer === "serevan" && p.kind === "hotline");
    expect(offer).toBeDefined();
    const proposed = v.chat.filter((c) => c.from === "serevan" && c.channel === "private:serevan");
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((c) => c.fromName === "Serevan (bot)")).toBe(true);
    expect(proposed.some((c) => /hotline/i.test(c.text))).toBe(true);
    expect((await me.ask("respond", { proposal: offer?.id, accept: true })).ok).toBe(true);
    v = await endTurn(me, []);
    expect(v.game.cbms.some((c) => c.kind === "hotline")).toBe(true);
    // Turn 2: a non-state ransomware attack hits Aldmark; Ana asks Serevan about it over the hotline.
    const incident = v.game.incidents.find((i) => i.target === "aldmark" && i.turn === 2);
    expect(incident).toBeDefined();
    v = await endTurn(me, [{ type: "inquire", target: "serevan", incident: incident?.id }]);
    // Turn 3: the bot answers the inquiry, and says so on the hotline.
    const inquiry = v.game.inquiries.find((q) => q.from === "aldmark" && q.to === "serevan");
    expect(inquiry).toBeDefined();
    const reply = await me.until((x) =>
      x.chat.some((c) => c.channel === "hotline:serevan" && c.from === "serevan"),
    );
    const line = reply.chat.find((c) => c.channel === "hotline:serevan" && c.from === "serevan");
    expect(line?.fromName).toBe("Serevan (bot)");
    expect(line?.turn).toBe(3);
    expect(line?.text.length).toBeGreaterThan(0);
    await me.room.leave();
  });
});

function botPersonas(v: ClientView): Record<string, string | null> {
  return Object.fromEntries(v.session.seats.filter((s) => s.bot).map((s) => [s.seat, s.persona]));
}
