import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, boardReady, checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("the student's turn summary", () => {
  it(
    "after a month resolves, says what changed for the student's state and why; it can be dismissed and reopened",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await page.getByRole("heading", { name: "Play solo" }).waitFor();
      await page.locator('input[name=scenario][value="baltic-fog"]').check();
      await page.getByLabel("Your state").selectOption("havland");
      await page.getByRole("button", { name: "Play solo as Havland" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      // No summary before a month has ended.
      expect(await page.getByRole("heading", { name: /What changed for you/ }).count()).toBe(0);
      // A month with an order that moves the student's numbers: sanctions on Borevia, which also strain
      // relations with Borevia, against Havland's objective to keep that tension at 3 or lower (it starts at
      // 2).
      await page.getByLabel("Action").selectOption("sanction");
      await page.getByLabel("Target").selectOption("borevia");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      // Ready sits below the first screen: pressing it leaves the page scrolled down.
      await page.setViewportSize({ width: 1024, height: 600 });
      await page.getByRole("button", { name: "Ready: end my turn" }).scrollIntoViewIfNeeded();
      expect(
        await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY),
      ).toBeGreaterThan(0);
      await page.getByRole("button", { name: "Ready: end my turn" }).click();
      const summary = page.locator("section.turn-summary");
      await page.getByRole("heading", { name: "What changed for you in month 1" }).waitFor();
      // The student who pressed Ready at the foot of the orders lands on the summary: the page at its top,
      // focus on it.
      await expect
        .poll(() => page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY))
        .toBe(0);
      await expect
        .poll(() =>
          page.evaluate(
            () =>
              (globalThis as unknown as { document: { activeElement: { id: string } } }).document
                .activeElement.id,
          ),
        )
        .toBe("turn-summary-h");
      // The state's three measures, each with its value before and after.
      for (const m of ["Economy", "Stability", "Reputation"])
        await summary.locator(".summary-measures > li", { hasText: m }).first().waitFor();
      expect(await summary.locator(".summary-measures > li").first().textContent()).toMatch(
        /Economy \d+\.\d/,
      );
      // At least one cause, named by its rule, with the events behind it.
      const causes = summary.locator(".causes > li");
      expect(await causes.count()).toBeGreaterThan(0);
      expect(await causes.first().textContent()).toMatch(/^[+−]\d+\.\d+ from \S/);
      // The sanctions are among the causes.
      await summary.locator(".causes > li", { hasText: "from Sanctions" }).first().waitFor();
      // The objective that tension puts at risk (within a point of its limit, or past it) is named with the
      // figure.
      await summary.getByRole("list", { name: "Your objectives" }).waitFor();
      await summary
        .locator("li", { hasText: "Stay out of the quarrel" })
        .filter({ hasText: /tension is now \d/ })
        .waitFor();
      // Tensions and the events behind the figures are folded (the orders stay in the first screen at
      // 1024x768), the folded line naming the pair that moved; they open in place.
      await page.setViewportSize({ width: 1024, height: 768 });
      await page.evaluate(() =>
        (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
      );
      const action = await page.locator("#order-action").boundingBox();
      expect((action?.y ?? 9999) + (action?.height ?? 0)).toBeLessThanOrEqual(768);
      await page.screenshot({ path: join(ARTIFACTS, "turn-summary-1024.png") });
      const folded = summary.locator("details.summary-tensions > summary");
      expect(await folded.textContent()).toMatch(/^Tensions: .*Borevia [+−]\d/);
      await folded.click();
      await summary.locator(".causes > li", { hasText: "from Sanctions" }).nth(1).waitFor();
      expect(await summary.locator(".summary-events li").count()).toBeGreaterThan(0);
      await checkScreen(page, "turn-summary");
      // Dismissed, it leaves a button that reopens it; focus follows.
      await summary.getByRole("button", { name: "Dismiss" }).click();
      const reopen = page.getByRole("button", { name: "What changed for you in month 1" });
      await reopen.waitFor();
      expect(await reopen.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await reopen.click();
      await page.getByRole("heading", { name: "What changed for you in month 1" }).waitFor();
      // After a reload the tab still knows where month 1 began: the values before are shown, not guessed.
      await page.reload();
      await boardReady(page);
      await page.getByRole("heading", { name: "What changed for you in month 1" }).waitFor();
      expect(await summary.textContent()).toContain("→");
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );
});
