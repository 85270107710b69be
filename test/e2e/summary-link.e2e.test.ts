/**
 * A turn a day, from a student's side: the link a notice carries (`/?summary=<gameId>`) opens the month's summary, the
 * deadline in days and hours with its date, and what the student still has to do, read with the seat token this
 * browser keeps, without joining the game or loading the board; "Open the game" then opens it.
 */
import { describe, expect, it } from "vitest";
import { create } from "../server/harness.ts";
import { boardReady, checkScreen, E2E_TEST, joinByCode, openPage, withServerAndBrowser } from "./pages.ts";

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
