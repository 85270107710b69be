import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  boardReady,
  checkScreen,
  E2E_TEST,
  joinByCode,
  openPage,
  untilCount,
  withServerAndBrowser,
} from "./pages.ts";

const e2e = withServerAndBrowser();

/** Joins by code and waits for the lobby. */
async function joinAs(page: Page, name: string, code: string, state: string): Promise<void> {
  await joinByCode(page, name, code, state);
  await page.getByText("The facilitator will start the game", { exact: false }).waitFor();
}

describe("class game in the browser", () => {
  it(
    "a facilitator and two players: private message, hotline, covert operation, inject, debrief",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      const ana = await openPage(e2e.browser, e2e.srv.http);
      const ben = await openPage(e2e.browser, e2e.srv.http);
      fac.page.on("dialog", (d) => void d.accept());

      await fac.page.getByLabel("Exercise name").fill("Seminar 3");
      await fac.page.getByRole("button", { name: "Open the exercise" }).click();
      const code = ((await fac.page.locator(".join-code").textContent()) ?? "").trim();
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      await joinAs(ana.page, "Ana", code.toLowerCase(), "aestria");
      await joinAs(ben.page, "Ben", code, "borevia");
      await fac.page.locator(".seats", { hasText: "Ben" }).waitFor();
      await checkScreen(fac.page, "10-lobby-facilitator");
      await checkScreen(ana.page, "11-lobby-player");
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      await boardReady(ana.page);
      await boardReady(ben.page);
      await boardReady(fac.page);

      // A private message, shown to Ben as text (never HTML).
      await ana.page.getByRole("tab", { name: "Diplomacy" }).click();
      await ana.page.getByRole("tab", { name: /Private with Borevia/ }).click();
      await ana.page
        .getByLabel(/Message to Private with Borevia/)
        .fill("<b>Quietly</b>: shall we open a hotline?");
      await ana.page.getByRole("button", { name: "Send" }).click();
      await ben.page.getByRole("tab", { name: "Diplomacy" }).click();
      await ben.page.getByRole("tab", { name: /Private with Aestria/ }).click();
      await ben.page.getByText("<b>Quietly</b>: shall we open a hotline?").waitFor();
      expect(await ben.page.locator(".chat b").count()).toBe(0);

      // Before any hotline, an inquiry has nobody to go to, and the order card says why.
      await ana.page.getByRole("tab", { name: "Orders" }).click();
      await ana.page.getByLabel("Action").selectOption("inquire");
      await ana.page.getByText("No hotline in force").waitFor();
      expect(await ana.page.locator(".order-card label", { hasText: "Target" }).count()).toBe(0);
      expect(await ana.page.getByRole("button", { name: "Add order" }).isDisabled()).toBe(true);
      await ana.page.getByRole("tab", { name: "Diplomacy" }).click();

      // Hotline: proposed by Ana, accepted by Ben.
      await ana.page.getByLabel("Measure").selectOption("hotline");
      // Measures go by their names, each with a line on what it does.
      expect(await ana.page.getByLabel("Measure").locator("option").allTextContents()).toContain(
        "Situation reports (CERT link)",
      );
      expect(await ana.page.locator(".cbm-effect").textContent()).toContain("inquire");
      await ana.page.getByRole("checkbox", { name: "Borevia" }).check();
      await ana.page.getByRole("button", { name: "Propose" }).click();
      await ben.page.getByRole("button", { name: "Accept" }).first().waitFor();
      const proposal = ben.page.locator("li", { hasText: "Aestria proposes hotline" });
      // Whose answer it waits for, without naming the proposer as its own partner.
      expect(await proposal.textContent()).toContain(
        "Aestria proposes Hotline with Borevia — waiting for Borevia",
      );
      await proposal.getByRole("button", { name: "Accept" }).click();
      await ana.page
        .locator("li", { hasText: "Aestria proposes Hotline" })
        .filter({ hasText: "every party has accepted" })
        .waitFor();
      await checkScreen(ben.page, "12-diplomacy-player");

      // A covert operation, visible to the facilitator, hidden from Ben.
      await ana.page.getByRole("tab", { name: "Orders" }).click();
      await ana.page.getByLabel("Action").selectOption("espionage");
      await ana.page.getByLabel("Target").selectOption("borevia");
      await ana.page.getByRole("button", { name: "Add order" }).click();
      await ana.page.getByText("Orders saved (1).").waitFor();
      await fac.page.getByRole("tab", { name: "Console" }).click();
      await fac.page.locator(".seats", { hasText: "Espionage: gather intelligence → Borevia" }).waitFor();
      await checkScreen(fac.page, "13-facilitator-console");
      await ana.page.getByRole("button", { name: "Ready: end my turn" }).click();
      await ben.page.getByRole("tab", { name: "Orders" }).click();
      await ben.page.getByRole("button", { name: "Ready: end my turn" }).click();
      await ana.page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      await ana.page.getByRole("tab", { name: "Diplomacy" }).click();
      await ana.page.getByRole("tab", { name: /Hotline with Borevia/ }).waitFor();
      // With the hotline in force (from this turn), Borevia is the one state an inquiry can go to.
      await ana.page.getByRole("tab", { name: "Orders" }).click();
      await ana.page.getByLabel("Action").selectOption("inquire");
      const targets = ana.page.getByLabel("Target").locator("option");
      await targets.first().filter({ hasText: "Borevia" }).waitFor({ state: "attached" });
      expect(await targets.allTextContents()).toEqual(["Borevia"]);
      await ana.page.getByRole("tab", { name: "Diplomacy" }).click();

      // A facilitator inject reaches the players' feeds.
      await fac.page.getByLabel("From the scenario").selectOption({ index: 1 });
      await fac.page.getByRole("button", { name: "Fire" }).first().click();
      await ana.page.getByRole("tab", { name: "Intelligence" }).click();
      await ana.page.locator(".events", { hasText: /T2/ }).waitFor();
      await checkScreen(ana.page, "14-intelligence-after-inject");

      // The facilitator ends the game; everyone reaches the debrief, where the covert espionage is revealed.
      await fac.page.getByRole("button", { name: "End the game" }).click();
      await fac.page.getByRole("dialog").getByRole("button", { name: "End the game" }).click();
      for (const p of [fac, ana, ben])
        await p.page.getByRole("heading", { level: 1, name: /^Debrief/ }).waitFor();
      await ben.page.locator(".incidents", { hasText: "Espionage" }).waitFor();
      await checkScreen(ben.page, "15-debrief-class");
      for (const p of [fac, ana, ben]) expect(p.errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "teammates sharing a seat see each other's orders at once, and a new turn starts with none",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      const ana = await openPage(e2e.browser, e2e.srv.http);
      const cy = await openPage(e2e.browser, e2e.srv.http);
      await fac.page.getByLabel("Exercise name").fill("Team seat");
      await fac.page.getByRole("button", { name: "Open the exercise" }).click();
      const code = ((await fac.page.locator(".join-code").textContent()) ?? "").trim();
      await joinAs(ana.page, "Ana", code, "aestria");
      await joinAs(cy.page, "Cy", code, "aestria");
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      await boardReady(ana.page);
      await boardReady(cy.page);
      await ana.page.getByLabel("Action").selectOption("hunt");
      await ana.page.getByRole("button", { name: "Add order" }).click();
      await ana.page.getByText("Orders saved (1).").waitFor();
      // Cy's open orders panel shows Ana's order without being reopened, and Cy's next order keeps it.
      await untilCount(cy.page, ".planned li", 1);
      await cy.page.getByLabel("Action").selectOption("harden");
      await cy.page.getByRole("button", { name: "Add order" }).click();
      await cy.page.getByText("Orders saved (2).").waitFor();
      await untilCount(ana.page, ".planned li", 2);
      await ana.page.getByRole("button", { name: "Ready: end my turn" }).click();
      await ana.page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      await cy.page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      await untilCount(cy.page, ".planned li", 0);
      expect(await ana.page.locator(".planned li").count()).toBe(0);
      for (const p of [fac, ana, cy]) expect(p.errors).toEqual([]);
    },
    E2E_TEST,
  );

  it(
    "starting with nobody seated asks first: bots alone would play the whole game in seconds",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      await fac.page.getByLabel("Exercise name").fill("Empty room");
      await fac.page.getByRole("button", { name: "Open the exercise" }).click();
      await fac.page.locator(".join-code").waitFor();
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      const dialog = fac.page.getByRole("dialog", { name: "Start with nobody seated?" });
      await dialog.getByText(/bots will play every state/).waitFor();
      await checkScreen(fac.page, "class-start-nobody-seated");
      await dialog.getByRole("button", { name: "Cancel" }).click();
      // Dismissed: still in the lobby, the code still shown. A request the facilitator sends after the
      // dismissal is answered after any start request sent before it (one connection, in order): once its
      // effect shows, a start would have shown too.
      await fac.page
        .locator(".seats tr", { hasText: "Aestria" })
        .getByRole("button", { name: "Give to bot" })
        .click();
      await fac.page
        .locator(".seats tr", { hasText: "Aestria" })
        .getByRole("button", { name: "Hand back" })
        .waitFor();
      expect(await fac.page.locator(".join-code").isVisible()).toBe(true);
      expect(await fac.page.getByRole("button", { name: "Start the exercise" }).isVisible()).toBe(true);
      expect(fac.errors).toEqual([]);
    },
    E2E_TEST,
  );
});
