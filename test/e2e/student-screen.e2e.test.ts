/**
 * The student's screen at the sizes a class uses: at 1024 × 768 the order card is in the first screen; every
 * state's numbers are in a text table (the board's alt text points to it) with "(you)" on the student's own
 * row; the ladder's rungs differ in line pattern, not only colour; the panels' tabs follow the WAI-ARIA tabs
 * pattern and hold focus from the start; the tutorial's hints are on the orders tab; at 390 px joining comes
 * first and nothing scrolls sideways.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { boardReady, checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

type Doc = {
  document: {
    activeElement: { id?: string } | null;
    documentElement: { scrollWidth: number; clientWidth: number };
  };
  scrollY: number;
};

/** The id of the focused element. */
const focusedId = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as Doc).document.activeElement?.id ?? "");

/** True when the page is wider than its window (it would scroll sideways). */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => {
    const d = (globalThis as unknown as Doc).document.documentElement;
    return d.scrollWidth > d.clientWidth;
  });

/** True when the element is wholly inside the window as the page stands. */
async function inFirstScreen(page: Page, selector: string, height: number): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe("the student's screen", () => {
  it(
    "at 1024 × 768: orders in the first screen, the states table, rungs without colour, tabs by keyboard",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http, { width: 1024, height: 768 });
      await page.locator('input[name=scenario][value="baltic-fog"]').check();
      await page.getByLabel("Your state").selectOption("borevia");
      await page.getByRole("button", { name: "Play solo as Borevia" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();

      // The page opens at its top with the order card's action in view, and focus on the tab shown.
      expect(await page.evaluate(() => (globalThis as unknown as Doc).scrollY)).toBe(0);
      expect(await inFirstScreen(page, "#order-action", 768)).toBe(true);
      expect(await focusedId(page)).toBe("panels-tab-orders");

      // Every state's numbers in a table the board's description names; the student's own row says so in
      // words.
      const board = page.locator(".board");
      expect(await board.getAttribute("aria-label")).toContain('table "States"');
      const table = page.getByRole("table", { name: /^States/ });
      expect(await table.locator("tbody tr").count()).toBe(4);
      const mine = table.locator("tbody tr", { hasText: "(you)" });
      expect(await mine.count()).toBe(1);
      expect(await mine.locator("th").textContent()).toContain("Borevia");
      const topbar = (await page.locator(".topbar-more").textContent()) ?? "";
      const economy = /economy ([\d.]+)/.exec(topbar)?.[1];
      expect(economy).toBeDefined();
      expect(await mine.locator("td").first().textContent()).toBe(economy);
      expect(await table.getByRole("columnheader", { name: "Reputation" }).count()).toBe(1);

      // The ladder's rungs differ by pattern and width, not only by hue.
      const looks = await page
        .locator(".ladder svg.swatch line")
        .evaluateAll((lines) =>
          lines.map(
            (l) => `${l.getAttribute("stroke-dasharray") ?? "solid"}/${l.getAttribute("stroke-width")}`,
          ),
        );
      expect(looks.length).toBe(7);
      expect(new Set(looks).size).toBe(7);
      await checkScreen(page, "60-student-1024");

      // The panels' tabs: one tab in the Tab order, arrows move and show, Home and End jump, the panel
      // follows.
      const tabs = page.getByRole("tablist", { name: "Panels" }).getByRole("tab");
      expect(await tabs.evaluateAll((ts) => ts.map((t) => t.getAttribute("tabindex")))).toEqual([
        "0",
        "-1",
        "-1",
      ]);
      await page.keyboard.press("ArrowRight");
      await page.getByRole("heading", { name: "Briefing and intelligence" }).waitFor();
      await page.waitForFunction(
        () => (globalThis as unknown as Doc).document.activeElement?.id === "panels-tab-feed",
      );
      expect(await page.getByRole("tab", { name: "Intelligence" }).getAttribute("aria-selected")).toBe(
        "true",
      );
      expect(await page.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("panels-tab-feed");
      await page.keyboard.press("End");
      await page.getByRole("heading", { name: "Diplomacy" }).waitFor();
      await page.keyboard.press("Home");
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await page.keyboard.press("ArrowLeft");
      await page.getByRole("heading", { name: "Diplomacy" }).waitFor();
      expect(await tabs.evaluateAll((ts) => ts.map((t) => t.getAttribute("tabindex")))).toEqual([
        "-1",
        "-1",
        "0",
      ]);
      // The chat channels are tabs of the same pattern.
      const channels = page.getByRole("tablist", { name: "Channels" }).getByRole("tab");
      expect(
        await channels.evaluateAll((ts) => ts.filter((t) => t.getAttribute("tabindex") === "0").length),
      ).toBe(1);
      await checkScreen(page, "61-diplomacy-tabs-1024");
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "the tutorial's hints are on the orders tab, where the game opens",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http, { width: 1024, height: 768 });
      await page.locator('input[name=scenario][value="tutorial"]').check();
      await page.getByRole("button", { name: /Play solo as/ }).click();
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      const orders = page.getByRole("tabpanel");
      expect(await orders.locator(".hint").count()).toBeGreaterThan(0);
      expect(await orders.locator(".hint").first().textContent()).toMatch(/^Hint: /);
      expect(await inFirstScreen(page, ".hint", 768)).toBe(true);
      await checkScreen(page, "62-tutorial-hints");
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "at 390 px: joining first, no sideways scroll on any screen, the table instead of the board",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http, { width: 390, height: 844 });
      await page.getByRole("heading", { name: "Play solo" }).waitFor();
      const join = await page.getByRole("heading", { name: "Join with a code" }).boundingBox();
      const solo = await page.getByRole("heading", { name: "Play solo" }).boundingBox();
      expect(join && solo && join.y < solo.y).toBe(true);
      expect(await inFirstScreen(page, "#join-h", 844)).toBe(true);
      expect(await scrollsSideways(page)).toBe(false);
      await checkScreen(page, "63-home-390");

      await page.getByRole("button", { name: /Play solo as/ }).click();
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await page.getByRole("button", { name: "Ready: end my turn" }).click();
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      expect(await page.locator(".board").isVisible()).toBe(false);
      expect(await page.getByRole("table", { name: /^States/ }).isVisible()).toBe(true);
      for (const [tab, heading] of [
        ["Orders", /Orders for turn 2/],
        ["Intelligence", "Briefing and intelligence"],
        ["Diplomacy", "Diplomacy"],
      ] as const) {
        await page.getByRole("tab", { name: tab }).click();
        await page.getByRole("heading", { name: heading }).waitFor();
        expect(await scrollsSideways(page), tab).toBe(false);
      }
      await checkScreen(page, "64-diplomacy-390");
      await page.getByRole("tab", { name: "Intelligence" }).click();
      await checkScreen(page, "65-intelligence-390");
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );
});
