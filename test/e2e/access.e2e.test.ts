/**
 * Who gets in, in the browser: a late student knocks and is let in, a seat invite link, removal, the
 * facilitator link on another device.
 */
import { describe, expect, it } from "vitest";
import { boardReady, checkScreen, E2E_TEST, joinByCode, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("who gets in", () => {
  it(
    "a late student knocks and the facilitator lets her in; an invite link seats another; a removed " +
      "student is told; the facilitator link works on another device",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      fac.page.on("dialog", (d) => void d.accept());
      await fac.page.getByLabel("Exercise name").fill("Doors");
      await fac.page.getByRole("button", { name: "Open the exercise" }).click();
      const code = ((await fac.page.locator(".join-code").textContent()) ?? "").trim();
      const ana = await openPage(e2e.browser, e2e.srv.http);
      await joinByCode(ana.page, "Ana", code, "aestria");
      await ana.page
        .getByText("your state's secret briefing and objectives arrive then", { exact: false })
        .waitFor();
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      await boardReady(fac.page);
      await boardReady(ana.page);

      // Eve joins Aestria, which has a player: she waits, seeing no orders, until the facilitator lets her
      // in.
      const eve = await openPage(e2e.browser, e2e.srv.http);
      await joinByCode(eve.page, "Eve", code, "aestria");
      await eve.page.getByText("Waiting for the facilitator to let you into Aestria").waitFor();
      expect(await eve.page.getByRole("tab", { name: "Orders" }).count()).toBe(0);
      await fac.page.getByRole("tab", { name: "Console" }).click();
      const knock = fac.page.locator("li", { hasText: "Eve asks to join Aestria" });
      await knock.waitFor();
      await checkScreen(fac.page, "20-console-knock");
      await knock.getByRole("button", { name: "Let in" }).click();
      await eve.page.getByRole("tab", { name: "Orders" }).waitFor();

      // A seat invite link puts Dan straight into Borevia.
      await fac.page.getByLabel("Seat to invite to").selectOption("borevia");
      await fac.page.getByRole("button", { name: "Make an invite link" }).click();
      const link = await fac.page.getByLabel("Invite to Borevia").inputValue();
      expect(link).toMatch(/#invite=g[\w-]+\.[\w-]+$/);
      const dan = await openPage(e2e.browser, link);
      await dan.page.getByRole("heading", { name: "You have a seat invite" }).waitFor();
      expect(dan.page.url()).not.toContain("#invite");
      await dan.page.getByLabel("Your name in the game").fill("Dan");
      await dan.page.getByRole("button", { name: "Take the seat" }).click();
      await boardReady(dan.page);
      await dan.page.locator(".topbar", { hasText: "Borevia" }).waitFor();

      // Removing Eve closes her connection and tells her why.
      await fac.page
        .locator("li", { hasText: "Eve (Aestria)" })
        .getByRole("button", { name: "Remove" })
        .click();
      await fac.page
        .getByRole("dialog", { name: "Remove Eve (Aestria) from the game?" })
        .getByRole("button", { name: "Remove" })
        .click();
      await eve.page.getByText("The facilitator removed you from the game").waitFor();

      // The facilitator link opens the console on another device.
      await fac.page.getByRole("button", { name: "Show my facilitator link" }).click();
      const keyLink = await fac.page.getByLabel("Your facilitator link").inputValue();
      expect(keyLink).toMatch(/#key=g[\w-]+\.[\w-]+$/);
      const laptop = await openPage(e2e.browser, keyLink);
      await boardReady(laptop.page);
      await laptop.page.getByRole("tab", { name: "Console" }).waitFor();
      expect(laptop.page.url()).not.toContain("#key");
      for (const p of [fac, ana, eve, dan, laptop])
        expect(p.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
    },
    E2E_TEST,
  );
});
