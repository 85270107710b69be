/**
 * A turn a day, from a student's side: the link a notice carries (`/?summary=<gameId>`) opens the month's
 * summary, the deadline in days and hours with its date, and what the student still has to do, read with the
 * seat token this browser keeps, without joining the game or loading the board; "Open the game" then opens
 * it.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { create, joinSeat } from "../server/harness.ts";
import {
  ARTIFACTS,
  boardReady,
  checkScreen,
  E2E_TEST,
  joinByCode,
  openPage,
  withServerAndBrowser,
} from "./pages.ts";

const e2e = withServerAndBrowser();

describe("the turn-summary link", () => {
  it(
    "shows the summary, the deadline and what is left to do, without the board; Open the game opens it",
    async () => {
      const fac = await create(e2e.srv.url, {
        scenario: "tutorial",
        name: "A turn a day",
        turnSeconds: 2 * 86_400,
        takeover: false,
      });
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await joinByCode(page, "Ana", fac.view.session.code, "aldmark");
      await fac.until((v) => v.session.seats.some((s) => s.seat === "aldmark" && s.members.length > 0));
      expect((await fac.ask("fac:start")).ok).toBe(true);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      // The student's clock reads the long turn in days and hours, with the deadline's date.
      await page.locator(".timer", { hasText: /^(1 day 23 h|2 days) left \(until / }).waitFor();
      // Month 1 resolves at the facilitator's word; the student has saved nothing for month 2.
      expect((await fac.ask("fac:advance")).ok).toBe(true);
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();

      // Days later, from the notice's link, in the same browser.
      await page.goto(`${e2e.srv.http}/?summary=${fac.room.roomId}`);
      await page.getByRole("heading", { name: /A turn a day/ }).waitFor();
      await page.getByText("Month 2 of").waitFor();
      await page
        .locator(".summary-deadline", { hasText: /Month 2 ends .+ \((1 day 23 h|2 days) left\)/ })
        .waitFor();
      const todo = page.getByRole("region", { name: "What you still have to do" });
      await todo.getByText("No orders saved for month 2 yet.").waitFor();
      await page.getByRole("heading", { name: "What changed for you in month 1" }).waitFor();
      // Read over HTTP: no board, no canvas.
      expect(
        await page.evaluate(() => (globalThis as { __boardReady?: boolean }).__boardReady === true),
      ).toBe(false);
      expect(await page.locator("canvas").count()).toBe(0);
      await checkScreen(page, "summary-link");

      // Open the game: the board, turn 2.
      await page.getByRole("button", { name: "Open the game" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      expect(errors).toEqual([]);

      // Another browser, without the seat's token, is told so and shown nothing of the game.
      const other = await openPage(e2e.browser, `${e2e.srv.http}/?summary=${fac.room.roomId}`);
      await other.page
        .getByRole("alert")
        .filter({ hasText: "This browser holds no seat in that game" })
        .waitFor();
      await fac.room.leave(true);
    },
    E2E_TEST,
  );
});

describe("a long game's console", () => {
  it(
    "extends by hours and days instead of a minute, and the clock shows the new deadline in days",
    async () => {
      const fac = await create(e2e.srv.url, { scenario: "tutorial", name: "Weekly", turnSeconds: 86_400 });
      // A student holds a seat, so the bots do not play the game to its end at once.
      const ana = await joinSeat(e2e.srv.url, fac, "Ana", "aldmark");
      expect((await fac.ask("fac:start")).ok).toBe(true);
      const first = (await fac.until((v) => v.session.deadline !== null)).session.deadline ?? 0;
      const { page, errors } = await openPage(
        e2e.browser,
        `${e2e.srv.http}/#key=${fac.room.roomId}.${fac.token}`,
      );
      await page.getByRole("heading", { name: "Facilitator console" }).waitFor();
      expect(await page.getByRole("button", { name: "+1 minute" }).count()).toBe(0);
      await page.getByRole("button", { name: "+1 day" }).click();
      await fac.until((v) => v.session.deadline === first + 86_400_000);
      await page.getByLabel("Extend by").fill("3");
      await page.getByLabel("Extend unit").selectOption("hours");
      await page.getByRole("button", { name: "Extend", exact: true }).click();
      await fac.until((v) => v.session.deadline === first + 86_400_000 + 3 * 3_600_000);
      await page
        .locator(".timer", { hasText: /^(1 day 23 h|2 days 2 h) left \(until / })
        .first()
        .waitFor();
      // The next turns last two days; this one keeps its deadline.
      await page.getByText("Turn length: 1 day.").waitFor();
      await page.getByLabel("New length").fill("2");
      await page.getByLabel("Length unit").selectOption("days");
      await page.getByRole("button", { name: "Set for the next turns" }).click();
      await fac.until((v) => v.session.turnSeconds === 2 * 86_400);
      expect(fac.view.session.deadline).toBe(first + 86_400_000 + 3 * 3_600_000);
      await page.getByText("Turn length: 2 days.").waitFor();
      await page.screenshot({ path: join(ARTIFACTS, "long-game-console.png") });
      expect(errors).toEqual([]);
      await ana.room.leave(true);
      await fac.room.leave(true);
    },
    E2E_TEST,
  );
});
