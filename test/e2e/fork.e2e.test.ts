/**
 * A fork in the browser: its facilitator opens it with the facilitator link, the lobby says which seat it
 * will play, and once started it plays that seat from the game screen ("Play as"): a proposal for it, an order
 * and Ready resolve the turn.
 */
import { describe, expect, it } from "vitest";
import { create, joinSeat } from "../server/harness.ts";
import { endTurn } from "../server/turns.ts";
import { checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("a fork's facilitator", () => {
  it(
    "plays the seat it kept: Play as, a proposal, an order, Ready, and the fork's next turn",
    async () => {
      // An ended game to fork: a player and bots, two turns, ended by its facilitator in the third.
      const fac = await create(e2e.srv.url, {
        scenario: "baltic-fog",
        name: "Parent",
        seed: "e2e-fork",
        turnSeconds: 0,
      });
      const ana = await joinSeat(e2e.srv.url, fac, "Ana", "aestria");
      expect((await fac.ask("fac:start")).ok).toBe(true);
      await ana.until((v) => v.session.phase === "planning");
      await endTurn(ana, [{ type: "hunt" }]);
      await endTurn(ana, [{ type: "harden" }]);
      expect((await fac.ask("fac:end")).ok).toBe(true);
      await fac.until((v) => v.session.phase === "ended");

      const fork = await create(e2e.srv.url, {
        name: "What if",
        turnSeconds: 0,
        fork: { game: fac.room.roomId, turn: 2, token: fac.token, play: ["aestria"] },
      });
      const forkId = fork.room.roomId;
      const key = fork.token;
      await fork.room.leave();

      const { page, errors } = await openPage(e2e.browser, `${e2e.srv.http}/#key=${forkId}.${key}`);
      await page
        .locator(".seats tr", { hasText: "Aestria" })
        .getByText("the facilitator will play")
        .waitFor();
      await page.getByRole("button", { name: "Start the exercise" }).click();
      await page.getByRole("heading", { name: "Facilitator console" }).waitFor();
      await page.getByText("Turn 2 of").waitFor();

      await page.getByLabel("Play as").selectOption("aestria");
      // Its measures are the played seat's too: it proposes a hotline as Aestria.
      await page.getByRole("tab", { name: "Diplomacy" }).click();
      await page.getByLabel("Measure").selectOption("hotline");
      await page.getByRole("checkbox", { name: "Borevia" }).check();
      await page.getByRole("button", { name: "Propose" }).click();
      await page.locator("li", { hasText: "Aestria proposes Hotline" }).waitFor();
      await page.getByRole("tab", { name: "Orders" }).click();
      await page.getByRole("heading", { name: "Orders for turn 2" }).waitFor();
      await checkScreen(page, "fork-play-as");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText(/Orders saved \(1\)/).waitFor();
      await page.getByRole("button", { name: /^Ready/ }).click();
      await page.getByText("Turn 3 of").waitFor();
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );
});
