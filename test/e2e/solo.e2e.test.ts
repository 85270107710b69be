import { describe, expect, it } from "vitest";
import { boardReady, checkScreen, E2E_TEST, openPage, untilCount, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("solo game in the browser", () => {
  it(
    "a first-time player starts in three clicks and plays to the debrief; reloading rejoins the seat",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await page.getByRole("heading", { name: "Play solo" }).waitFor();
      await checkScreen(page, "01-home");
      // The chosen scenario says in a few lines what it is about; the tutorial says it is a first game.
      await page.locator('input[name=scenario][value="tutorial"]').check();
      await page.locator(".scenario-summary", { hasText: "A guided first game" }).waitFor();
      await page.locator('input[name=scenario][value="baltic-fog"]').check();
      await page.getByLabel("Your state").selectOption("borevia");
      await page.getByRole("button", { name: "Play solo as Borevia" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await checkScreen(page, "02-board-orders");
      // Turn 1: a covert espionage order with its odds shown, then ready.
      await page.getByLabel("Action").selectOption("espionage");
      await page.getByLabel("Target").selectOption("aestria");
      await page.locator(".odds", { hasText: "Detection" }).waitFor();
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      await page.getByRole("tab", { name: "Intelligence" }).click();
      await checkScreen(page, "03-intelligence");
      await page.getByRole("tab", { name: "Diplomacy" }).click();
      await checkScreen(page, "04-diplomacy");
      // The bots' opening proposals can be accepted at once; none is left waiting. The client sends the
      // answers one after another, each after the server has answered the last, so this takes as many round
      // trips as there are proposals.
      await page.getByRole("button", { name: /^Accept all \d+$/ }).click();
      await page.getByRole("button", { name: "Accept", exact: true }).first().waitFor({ state: "detached" });
      await page
        .locator("li", { hasText: "proposes" })
        .filter({ hasText: "waiting for Borevia" })
        .first()
        .waitFor({ state: "detached" });
      await page.reload();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await untilCount(page, ".planned li", 1);
      for (let turn = 1; turn <= 12; turn++) {
        if (await page.getByRole("heading", { name: /^Debrief/ }).isVisible()) break;
        if (turn === 2) {
          // A new turn starts with no orders: last turn's list is neither shown nor sent again with the next
          // order.
          await untilCount(page, ".planned li", 0);
          await page.getByLabel("Action").selectOption("hunt");
          await page.getByRole("button", { name: "Add order" }).click();
          await page.getByText("Orders saved (1).").waitFor();
          await untilCount(page, ".planned li", 1);
          // Turn 1's espionage is listed as the player's own, not as something it attributes to itself.
          await page.getByRole("tab", { name: "Intelligence" }).click();
          await page
            .locator("tr", { hasText: "Espionage (yours)" })
            .first()
            .filter({ hasText: "you ran it" })
            .waitFor();
          // Routine events (each pair's tension easing, lapsed proposals) wait behind a checkbox.
          await page.locator(".events").waitFor();
          expect(await page.locator(".events").textContent()).not.toContain("tension eased");
          await page.getByLabel(/Show routine events/).check();
          await page.locator(".events", { hasText: "tension eased" }).waitFor();
          await page.getByRole("tab", { name: "Orders" }).click();
        }
        await page.getByRole("button", { name: "Ready: end my turn" }).click();
        // The bots are ready too, so the turn resolves: the next turn's orders or the debrief show. A
        // function, not a string: the page's CSP refuses to evaluate strings.
        const turnOver = (t: number): boolean => {
          const text =
            // biome-ignore lint/performance/useDomNodeTextContent: the test reads the text as rendered, which only innerText gives.
            (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText;
          return text.includes(`Orders for turn ${t + 1}\n`) || text.includes("Debrief");
        };
        await page.waitForFunction(turnOver, turn);
        if (turn === 1)
          await page
            .locator("[aria-live=polite].sr-only", { hasText: /Turn 1 resolved|The game has ended/ })
            .waitFor({ state: "attached" });
      }
      await page.getByRole("heading", { name: /^Debrief/ }).waitFor();
      await untilCount(page, ".scores tbody tr", 4);
      // Cast as the scenario casts them (the default), each bot's doctrine named in the debrief.
      await page.locator(".scores", { hasText: /bot: Norm builder.*bot: Reciprocal.*bot: Dove/s }).waitFor();
      await checkScreen(page, "05-debrief");
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "the board shows the newest turn even when a turn resolves before the board has loaded",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await page.getByRole("heading", { name: "Play solo" }).waitFor();
      await page.getByRole("button", { name: /Play solo as/ }).click();
      // Ready at once: the bots are ready too, so turn 2 arrives while the board module may still be loading.
      await page.getByRole("button", { name: /Ready/ }).click();
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      await page.locator('.board[data-turn="2"]').waitFor();
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "works at 1024×768, 1280×720 and 1920×1080",
    async () => {
      for (const viewport of [
        { width: 1024, height: 768 },
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        const { page, errors } = await openPage(e2e.browser, e2e.srv.http, viewport);
        await page.getByRole("button", { name: /Play solo as/ }).click();
        await boardReady(page);
        await checkScreen(page, `06-board-${viewport.width}`);
        const box = await page.locator(".board canvas").boundingBox();
        expect(box && box.width <= viewport.width && box.width > 300).toBe(true);
        // The orders panel is there to use at every size (in one column it once collapsed to no height).
        const panel = await page.locator(".right").boundingBox();
        expect(panel?.height ?? 0).toBeGreaterThan(300);
        await page.getByRole("button", { name: /Ready/ }).click({ trial: true });
        expect(errors).toEqual([]);
      }
    },
    E2E_TEST,
  );
});
