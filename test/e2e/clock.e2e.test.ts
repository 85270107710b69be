/**
 * The turn clock: always in view while the page scrolls, a warning at one minute and at ten seconds (shown,
 * and said once through a live region rather than every second), and stopped behind a banner while the server
 * is unreachable.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { launch } from "./browser.ts";
import {
  boardReady,
  checkScreen,
  E2E_TEST,
  joinByCode,
  openExercise,
  openPage,
  serverWithClient,
  untilPageTimePasses,
} from "./pages.ts";

let browser: Browser | null = null;
let server: Awaited<ReturnType<typeof serverWithClient>> | null = null;
afterAll(async () => {
  await browser?.close();
  await server?.close().catch(() => undefined);
});

/** The text of the clock's live region (what a screen reader was last told). */
async function said(page: Page): Promise<string> {
  return ((await page.locator(".clock [aria-live]").textContent()) ?? "").trim();
}

/** Where the clock is on screen after scrolling the page to its end. */
async function clockAfterScrolling(page: Page): Promise<{ y: number; height: number } | null> {
  type Win = { scrollTo(x: number, y: number): void; document: { body: { scrollHeight: number } } };
  await page.evaluate(() => {
    const w = globalThis as unknown as Win;
    w.scrollTo(0, w.document.body.scrollHeight);
  });
  return page.locator(".timer").boundingBox();
}

describe("the turn clock", () => {
  it(
    "stays in view, warns at a minute and at ten seconds, and stops while the server is unreachable",
    async () => {
      server = await serverWithClient();
      browser = await launch();
      const fac = await openPage(browser, server.http);
      // A quarter of a minute per turn: the warnings come in seconds, and each new turn brings them again.
      const code = await openExercise(fac.page, "Clock", 0.25);
      const ana = await openPage(browser, server.http);
      await joinByCode(ana.page, "Ana", code, "aestria");
      await fac.page.locator(".seats", { hasText: "Ana" }).waitFor();
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      await boardReady(ana.page);
      const timer = ana.page.locator(".timer");

      // Under a minute: a visible warning, and one sentence for screen readers.
      await ana.page.locator(".timer.warn").waitFor();
      await ana.page.locator(".clock [aria-live]", { hasText: "One minute left in this turn." }).waitFor({
        state: "attached",
      });
      // Ten seconds: the urgent warning; the live region keeps its sentence while the seconds tick.
      await ana.page.locator(".timer.urgent").waitFor();
      expect(await said(ana.page)).toBe("Ten seconds left in this turn.");
      const first = await timer.textContent();
      await ana.page.waitForFunction(
        (t) =>
          (
            globalThis as unknown as {
              document: { querySelector(s: string): { textContent: string } | null };
            }
          ).document.querySelector(".timer")?.textContent !== t,
        first,
      );
      expect(await said(ana.page)).toBe("Ten seconds left in this turn.");
      await checkScreen(ana.page, "50-clock-last-seconds");

      // The clock is sticky: scrolled to the bottom, at 1280×800 and at 390×844, it is still at the top of
      // the screen.
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        await ana.page.setViewportSize(viewport);
        const box = await clockAfterScrolling(ana.page);
        expect(box, `${viewport.width}`).not.toBeNull();
        expect(box?.y ?? -1, `${viewport.width}`).toBeGreaterThanOrEqual(0);
        expect((box?.y ?? 999) + (box?.height ?? 0), `${viewport.width}`).toBeLessThan(120);
      }
      await checkScreen(ana.page, "51-clock-sticky-390");
      await ana.page.setViewportSize({ width: 1280, height: 800 });

      // The facilitator adds a minute: no warning; when the minute mark passes again, it is said again.
      await fac.page.getByRole("tab", { name: "Console" }).click();
      await fac.page.getByRole("button", { name: "+1 minute" }).click();
      await ana.page.locator(".timer:not(.warn):not(.urgent)", { hasText: /^1:\d\d left$/ }).waitFor();
      expect(await said(ana.page)).toBe("");
      await ana.page.locator(".timer.warn").waitFor();
      expect(await said(ana.page)).toBe("One minute left in this turn.");

      // The server goes away: a banner says so and the clock stops where it was.
      await server.close();
      await ana.page.getByRole("alert").filter({ hasText: "server is unreachable" }).waitFor();
      await ana.page.locator(".timer.stopped", { hasText: "stopped: server unreachable" }).waitFor();
      const stopped = await timer.textContent();
      await untilPageTimePasses(ana.page, 2500);
      expect(await timer.textContent()).toBe(stopped);
      expect(await said(ana.page)).toBe("");
      await checkScreen(ana.page, "52-clock-stopped");
      // The only console errors allowed are the browser's own reports of the refused reconnection attempts.
      for (const p of [fac, ana])
        expect(
          p.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|net::/.test(e)),
        ).toEqual([]);
    },
    E2E_TEST,
  );
});
