/** Playing turns as a scripted player: orders, ready, wait for the next turn, at a person's pace. */
import { expect } from "vitest";
import type { ClientView } from "@firebreak/shared";
import type { Peer } from "./harness.ts";

/** Sends the orders, marks the seat ready and waits for the next turn (or the end). */
export async function endTurn(me: Peer, orders: unknown[], ms = 10_000): Promise<ClientView> {
  const turn = me.view.game.turn;
  expect((await me.ask("orders", { turn, orders })).rejected).toBeUndefined();
  expect((await me.ask("ready", { ready: true })).rejected).toBeUndefined();
  const v = await me.until((x) => x.game.turn > turn || x.session.phase === "ended", ms);
  await new Promise((r) => setTimeout(r, 120)); // a person's pace: the flood guard allows 20 requests a second
  return v;
}

/** Plays hunt and harden every turn until the game ends; returns the debrief view. */
export async function playToEnd(me: Peer, ms = 10_000): Promise<ClientView> {
  let v = me.view;
  for (let guard = 0; guard < 20 && v.session.phase === "planning"; guard++)
    v = await endTurn(me, [{ type: "hunt" }, { type: "harden" }], ms);
  expect(v.session.phase).toBe("ended");
  return v;
}
