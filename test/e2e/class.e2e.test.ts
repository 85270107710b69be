import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { boardReady, checkScreen, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

async function joinAs(page: Page, name: string, code: string, state: string): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Find the game" }).click();
  await page.getByLabel("State", { exact: true }).selectOption(state);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await page.getByText("The facilitator will start the game", { exact: false }).waitFor();
}

describe("class game in the browser", () => {
  it("a facilitator and two players: private message, hotline, covert operation, inject, debrief", async () => {
    const fac = await openPage(e2e.browser, e2e.srv.http);
    const ana = await openPage(e2e.browser, e2e.srv.http);
    const ben = await openPage(e2e.browser, e2e.srv.http);
    fac.page.on("dialog", (d) => void d.accept());

    await fac.page.getByLabel("Exercise name").fill("Seminar 3");
    await fac.page.getByRole("button", { name: "Open the exercise" }).click();
    const code = ((await fac.page.locator(".join-code").textContent({ timeout: 15_000 })) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await joinAs(ana.page, "Ana", code.toLowerCase(), "aestria");
    await joinAs(ben.page, "Ben", code, "borevia");
    await expect.poll(() => fac.page.locator(".seats").textContent()).toContain("Ben");
    await checkScreen(fac.page, "10-lobby-facilitator");
    await checkScreen(ana.page, "11-lobby-player");
    await fac.page.getByRole("button", { name: "Start the exercise" }).click();
    await boardReady(ana.page);
    await boardReady(ben.page);
    await boardReady(fac.page);

    // A private message, shown to Ben as text (never HTML).
    await ana.page.getByRole("tab", { name: "Diplomacy" }).click();
    await ana.page.getByRole("tab", { name: /Private with Borevia/ }).click();
    await ana.page.getByLabel(/Message to Private with Borevia/).fill("<b>Quietly</b>: shall we open a hotline?");
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
    expect(await ana.page.getByLabel("Measure").locator("option").allTextContents()).toContain("Situation reports (CERT link)");
    expect(await ana.page.locator(".cbm-effect").textContent()).toContain("inquire");
    await ana.page.getByRole("checkbox", { name: "Borevia" }).check();
    await ana.page.getByRole("button", { name: "Propose" }).click();
    await ben.page.getByRole("button", { name: "Accept" }).first().waitFor();
    const proposal = ben.page.locator("li", { hasText: "Aestria proposes hotline" });
    // Whose answer it waits for, without naming the proposer as its own partner.
    expect(await proposal.textContent()).toContain("Aestria proposes Hotline with Borevia — waiting for Borevia");
    await proposal.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => ana.page.locator("li", { hasText: "Aestria proposes Hotline" }).textContent()).toContain("every party has accepted");
    await checkScreen(ben.page, "12-diplomacy-player");

    // A covert operation, visible to the facilitator, hidden from Ben.
    await ana.page.getByRole("tab", { name: "Orders" }).click();
    await ana.page.getByLabel("Action").selectOption("espionage");
    await ana.page.getByLabel("Target").selectOption("borevia");
    await ana.page.getByRole("button", { name: "Add order" }).click();
    await ana.page.getByText("Orders saved (1).").waitFor();
    await fac.page.getByRole("tab", { name: "Console" }).click();
    await expect.poll(() => fac.page.locator(".seats").textContent()).toContain("Espionage: gather intelligence → Borevia");
    await checkScreen(fac.page, "13-facilitator-console");
    await ana.page.getByRole("button", { name: "Ready: end my turn" }).click();
    await ben.page.getByRole("tab", { name: "Orders" }).click();
    await ben.page.getByRole("button", { name: "Ready: end my turn" }).click();
    await ana.page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor({ timeout: 15_000 });
    await ana.page.getByRole("tab", { name: "Diplomacy" }).click();
    await ana.page.getByRole("tab", { name: /Hotline with Borevia/ }).waitFor();
    // With the hotline in force (from this turn), Borevia is the one state an inquiry can go to.
    await ana.page.getByRole("tab", { name: "Orders" }).click();
    await ana.page.getByLabel("Action").selectOption("inquire");
    await expect.poll(() => ana.page.locator(".order-card label", { hasText: "Target" }).locator("option").allTextContents()).toEqual(["Borevia"]);
    await ana.page.getByRole("tab", { name: "Diplomacy" }).click();

    // A facilitator inject reaches the players' feeds.
    await fac.page.getByLabel("From the scenario").selectOption({ index: 1 });
    await fac.page.getByRole("button", { name: "Fire" }).first().click();
    await ana.page.getByRole("tab", { name: "Intelligence" }).click();
    await expect.poll(async () => (await ana.page.locator(".events").textContent()) ?? "").toMatch(/T2/);
    await checkScreen(ana.page, "14-intelligence-after-inject");

    // The facilitator ends the game; everyone reaches the debrief, where the covert espionage is revealed.
    await fac.page.getByRole("button", { name: "End the game" }).click();
    for (const p of [fac, ana, ben]) await p.page.getByRole("heading", { name: /^Debrief/ }).waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await ben.page.locator(".incidents").textContent()) ?? "").toContain("Espionage");
    await checkScreen(ben.page, "15-debrief-class");
    for (const p of [fac, ana, ben]) expect(p.errors).toEqual([]);
  });

  it("teammates sharing a seat see each other's orders at once, and a new turn starts with none", async () => {
    const fac = await openPage(e2e.browser, e2e.srv.http);
    const ana = await openPage(e2e.browser, e2e.srv.http);
    const cy = await openPage(e2e.browser, e2e.srv.http);
    await fac.page.getByLabel("Exercise name").fill("Team seat");
    await fac.page.getByRole("button", { name: "Open the exercise" }).click();
    const code = ((await fac.page.locator(".join-code").textContent({ timeout: 15_000 })) ?? "").trim();
    await joinAs(ana.page, "Ana", code, "aestria");
    await joinAs(cy.page, "Cy", code, "aestria");
    await fac.page.getByRole("button", { name: "Start the exercise" }).click();
    await boardReady(ana.page);
    await boardReady(cy.page);
    await ana.page.getByLabel("Action").selectOption("hunt");
    await ana.page.getByRole("button", { name: "Add order" }).click();
    await ana.page.getByText("Orders saved (1).").waitFor();
    // Cy's open orders panel shows Ana's order without being reopened, and Cy's next order keeps it.
    await expect.poll(() => cy.page.locator(".planned li").count()).toBe(1);
    await cy.page.getByLabel("Action").selectOption("harden");
    await cy.page.getByRole("button", { name: "Add order" }).click();
    await cy.page.getByText("Orders saved (2).").waitFor();
    await expect.poll(() => ana.page.locator(".planned li").count()).toBe(2);
    await ana.page.getByRole("button", { name: "Ready: end my turn" }).click();
    await ana.page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor({ timeout: 15_000 });
    await expect.poll(() => cy.page.locator(".planned li").count()).toBe(0);
    expect(await ana.page.locator(".planned li").count()).toBe(0);
    for (const p of [fac, ana, cy]) expect(p.errors).toEqual([]);
  });

  it("starting with nobody seated asks first: bots alone would play the whole game in seconds", async () => {
    const fac = await openPage(e2e.browser, e2e.srv.http);
    const asked: string[] = [];
    fac.page.once("dialog", (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await fac.page.getByLabel("Exercise name").fill("Empty room");
    await fac.page.getByRole("button", { name: "Open the exercise" }).click();
    await fac.page.locator(".join-code").waitFor();
    await fac.page.getByRole("button", { name: "Start the exercise" }).click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain("Nobody has taken a seat");
    // Dismissed: still in the lobby, the code still shown.
    await fac.page.waitForTimeout(500);
    await expect.poll(() => fac.page.locator(".join-code").isVisible()).toBe(true);
    expect(fac.errors).toEqual([]);
  });
});
