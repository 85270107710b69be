import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { castBots, SCENARIO_CASTS } from "@firebreak/shared";
import type { ClientView } from "../../server/src/session/client-view.ts";
import { create, testServer, type Peer } from "./harness.ts";

let srv: Awaited<ReturnType<typeof testServer>>;
beforeAll(async () => {
  srv = await testServer();
});
afterAll(async () => {
  await srv.close();
});

describe("solo game", () => {
  it("plays to the end against bots, one request per intent", async () => {
    const me = await create(srv.url, { scenario: "baltic-fog", name: "Ana", solo: { seat: "aestria" }, seed: "solo-1" });
    const first = await me.until((x) => x.session.phase === "planning");
    expect(first.me.seat).toBe("aestria");
    expect(first.session.seats.filter((s) => s.bot)).toHaveLength(3);
    expect(first.session.seats.every((s) => s.persona === null)).toBe(true);
    const v = await playToEnd(me);
    expect(v.game.revealed).toBe(true);
    expect(v.game.outcome).not.toBeNull();
    expect(v.session.seats.filter((s) => s.bot).every((s) => s.persona !== null)).toBe(true);
    // Cast as the scenario casts them (the default): the debrief names each bot's persona.
    expect(botPersonas(v)).toEqual({ borevia: SCENARIO_CASTS["baltic-fog"]?.borevia, meridia: SCENARIO_CASTS["baltic-fog"]?.meridia, havland: SCENARIO_CASTS["baltic-fog"]?.havland });
    await me.room.leave();
  });

  it("opponents cast at random: the personas follow the seed, hidden until the debrief", async () => {
    const seed = "solo-random-3";
    const me = await create(srv.url, { scenario: "tutorial", name: "Ana", solo: { seat: "aldmark" }, seed, cast: "random" });
    await me.until((x) => x.session.phase === "planning");
    expect(me.view.session.seats.find((s) => s.seat === "serevan")?.persona).toBeNull();
    const v = await playToEnd(me);
    expect(botPersonas(v)).toEqual(castBots("tutorial", ["serevan"], "random", seed));
    await me.room.leave();
  });
});

function botPersonas(v: ClientView): Record<string, string | null> {
  return Object.fromEntries(v.session.seats.filter((s) => s.bot).map((s) => [s.seat, s.persona]));
}

/** Plays hunt and harden every turn until the game ends; returns the debrief view. */
async function playToEnd(me: Peer): Promise<ClientView> {
  let v = me.view;
  for (let guard = 0; guard < 20 && v.session.phase === "planning"; guard++) {
    const turn = v.game.turn;
    expect((await me.ask("orders", { turn, orders: [{ type: "hunt" }, { type: "harden" }] })).rejected).toBeUndefined();
    expect((await me.ask("ready", { ready: true })).rejected).toBeUndefined();
    v = await me.until((x) => x.game.turn > turn || x.session.phase === "ended");
    await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
  }
  expect(v.session.phase).toBe("ended");
  return v;
}
