/**
 * A class game with three students: "waiting for you" notices (a proposal, unread messages, a hotline inquiry
 * naming its incident and what not answering costs), incident pickers with unique labels and the seat's
 * evidence (its own operations left out of "attribute", a warning before an accusation without evidence), the
 * orders list naming the incident, and the facilitator's "Resolve the turn now" asking first.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  boardReady,
  checkScreen,
  E2E_TEST,
  joinByCode,
  openExercise,
  openPage,
  rawCodesShown,
  withServerAndBrowser,
} from "./pages.ts";

const e2e = withServerAndBrowser();

/** Adds a covert operation of `kind` against `target` and waits for the server to hold it. */
async function operation(page: Page, kind: string, target: string, saved: number): Promise<void> {
  await page.getByLabel("Action").selectOption(kind);
  await page.getByLabel("Target").selectOption(target);
  await page.getByRole("button", { name: "Add order" }).click();
  await page.getByText(`Orders saved (${saved}).`).waitFor();
}

/** The facilitator resolves the turn, confirming in the dialog, and everyone reaches turn `next`. */
async function resolve(fac: Page, players: Page[], next: number): Promise<void> {
  await fac.getByRole("button", { name: "Resolve the turn now" }).click();
  await fac.getByRole("dialog").getByRole("button", { name: "Resolve now" }).click();
  for (const p of players) await p.getByRole("heading", { name: `Orders for turn ${next}` }).waitFor();
}

describe("a class game: what waits for a student, and incidents told apart", () => {
  it(
    "notices for a proposal, unread messages and a hotline inquiry; unique incident labels; resolve asks first",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      const code = await openExercise(fac.page, "Notices");
      const [ana, ben, cy] = [
        await openPage(e2e.browser, e2e.srv.http),
        await openPage(e2e.browser, e2e.srv.http),
        await openPage(e2e.browser, e2e.srv.http),
      ];
      await joinByCode(ana.page, "Ana", code, "aestria");
      await joinByCode(ben.page, "Ben", code, "borevia");
      await joinByCode(cy.page, "Cy", code, "meridia");
      await fac.page.locator(".seats", { hasText: "Cy" }).waitFor();
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      for (const p of [fac, ana, ben, cy]) await boardReady(p.page);

      // Ana proposes a hotline to Ben and writes to him: Ben's page says both wait for him.
      await ana.page.getByRole("tab", { name: "Diplomacy" }).click();
      await ana.page.getByLabel("Measure").selectOption("hotline");
      await ana.page.getByRole("checkbox", { name: "Borevia" }).check();
      await ana.page.getByRole("button", { name: "Propose" }).click();
      await ana.page.getByRole("tab", { name: /Private with Borevia/ }).click();
      await ana.page.getByLabel(/Message to Private with Borevia/).fill("Can we talk?");
      await ana.page.getByRole("button", { name: "Send" }).click();
      const waiting = ben.page.locator(".waiting");
      await waiting.locator("li", { hasText: "Hotline from Aestria" }).waitFor();
      await waiting.locator("li", { hasText: /unread message.* in .*Private with Aestria \(1\)/ }).waitFor();
      await checkScreen(ben.page, "40-waiting-for-you");
      await waiting.getByRole("button", { name: "Read them" }).click();
      // Diplomacy opens (on the channel of the newest unread message); opening Ana's channel reads her
      // message.
      await ben.page.getByRole("tab", { name: /Private with Aestria/ }).click();
      await ben.page.locator(".chat", { hasText: "Can we talk?" }).waitFor();
      await waiting.locator("li", { hasText: "Private with Aestria" }).waitFor({ state: "detached" });
      await ben.page
        .locator("li", { hasText: "Aestria proposes Hotline" })
        .getByRole("button", { name: "Accept" })
        .click();
      await waiting.locator("li", { hasText: "Hotline from Aestria" }).waitFor({ state: "detached" });

      // Turn 1: Ben and Cy each run a covert DDoS against Aestria; Ana runs an overt one against Meridia.
      await ben.page.getByRole("tab", { name: "Orders" }).click();
      await operation(ben.page, "ddos", "aestria", 1);
      await operation(cy.page, "ddos", "aestria", 1);
      await ana.page.getByRole("tab", { name: "Orders" }).click();
      await ana.page.getByLabel("Action").selectOption("ddos");
      await ana.page.getByLabel("Target").selectOption("meridia");
      await ana.page.getByLabel(/Overt/).check();
      await ana.page.getByRole("button", { name: "Add order" }).click();
      await ana.page.getByText("Orders saved (1).").waitFor();

      // Resolving asks first: Escape keeps the turn, confirming resolves it.
      await fac.page.getByRole("tab", { name: "Console" }).click();
      await fac.page.getByRole("button", { name: "Resolve the turn now" }).click();
      const ask = fac.page.getByRole("dialog", { name: "Resolve turn 1 now?" });
      expect(await ask.textContent()).toContain("Not ready yet: Aestria, Borevia, Meridia");
      await checkScreen(fac.page, "41-resolve-now-confirmation");
      await fac.page.keyboard.press("Escape");
      await ask.waitFor({ state: "detached" });
      expect(await fac.page.locator(".topbar", { hasText: "Turn 1 of" }).count()).toBe(1);
      await resolve(fac.page, [ana.page, ben.page, cy.page], 2);

      // Turn 2: the DDoS attacks against Aestria have different labels; Ana's own operation is not offered to
      // attribute.
      await ana.page.getByLabel("Action").selectOption("attribute");
      const options = ana.page.getByLabel("Incident").locator("option");
      await options.filter({ hasText: "DDoS against Aestria" }).nth(1).waitFor({ state: "attached" });
      const labels = (await options.allTextContents()).filter((l) => l !== "choose…");
      // Ben's and Cy's (and any a bot ran) would read alike without their refs.
      const ddos = labels.filter((l) => l.includes("turn 1: DDoS against Aestria"));
      expect(ddos.length).toBeGreaterThanOrEqual(2);
      expect(new Set(labels).size).toBe(labels.length);
      for (const l of ddos) expect(l).toMatch(/\(ref [A-Z0-9]{4}\) — (no evidence yet|\w+ confidence)/);
      // Ana's own overt DDoS against Meridia is not offered (it would read "high confidence: Aestria"); a
      // criminals' DDoS against Meridia that month may be, with no evidence of Ana's.
      expect(labels.some((l) => l.includes("against Meridia") && l.includes("Aestria"))).toBe(false);

      // An accusation the evidence does not support warns, and asks before it is added.
      const first = ddos[0] ?? "";
      await ana.page.getByLabel("Incident").selectOption({ label: first });
      const suspect = /confidence: (\w+)/.exec(first)?.[1];
      const accused = suspect === "Havland" ? "meridia" : "havland";
      await ana.page.getByLabel("Accused state").selectOption(accused);
      await ana.page.locator(".warning", { hasText: "Your evidence does not point to" }).waitFor();
      await checkScreen(ana.page, "42-accusation-warning");
      await ana.page.getByRole("button", { name: "Add order" }).click();
      const accuse = ana.page.getByRole("dialog", { name: /without evidence\?$/ });
      expect(await accuse.textContent()).toContain("If the accusation is wrong, you lose");
      await accuse.getByRole("button", { name: "Cancel" }).click();
      await accuse.waitFor({ state: "detached" });

      // Ana asks Ben over the hotline about the first DDoS; her orders list names the incident.
      await ana.page.getByLabel("Action").selectOption("inquire");
      await ana.page.getByLabel("Incident").selectOption({ label: first });
      await ana.page.getByRole("button", { name: "Add order" }).click();
      await ana.page.getByText("Orders saved (1).").waitFor();
      const ref = /\(ref ([A-Z0-9]{4})\)/.exec(first)?.[1] ?? "";
      await ana.page
        .locator(".planned li", {
          hasText: `Inquire (hotline, or a request for assistance) → Borevia — turn 1: DDoS against Aestria (ref ${ref})`,
        })
        .waitFor();
      await resolve(fac.page, [ana.page, ben.page, cy.page], 3);

      // Turn 3: Ben is told the inquiry waits for him, which incident, and what silence costs; the button
      // takes him there.
      const inquiry = ben.page.locator(".waiting li", { hasText: "Aestria asks you over the hotline" });
      await inquiry.waitFor();
      expect(await inquiry.textContent()).toContain(`turn 1: DDoS against Aestria (ref ${ref})`);
      expect(await inquiry.textContent()).toMatch(/if you don't, tension with Aestria rises by [\d.]+/);
      await checkScreen(ben.page, "43-inquiry-waiting");
      await inquiry.getByRole("button", { name: "Answer now" }).click();
      await ben.page.locator(`.inquiry:focus-within`).waitFor();
      await ben.page.locator(".inquiry").getByRole("button", { name: "explain" }).click();
      await ben.page.getByText("Orders saved (1).").waitFor();
      await inquiry.waitFor({ state: "detached" });

      // The end is announced in words, not as the outcome's code.
      await fac.page.getByRole("button", { name: "End the game" }).click();
      await fac.page.getByRole("dialog").getByRole("button", { name: "End the game" }).click();
      await ana.page
        .locator("[aria-live=polite].sr-only", { hasText: "The game has ended: the facilitator ended it." })
        .waitFor({ state: "attached" });
      for (const p of [fac, ana, ben, cy]) {
        expect(await rawCodesShown(p.page)).toEqual([]);
        expect(p.errors).toEqual([]);
      }
    },
    E2E_TEST,
  );

  it(
    "at the brink a student is told to choose, and chooses to stand down or, after a warning, stand firm",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http);
      const code = await openExercise(fac.page, "Brink");
      const ana = await openPage(e2e.browser, e2e.srv.http);
      const ben = await openPage(e2e.browser, e2e.srv.http);
      await joinByCode(ana.page, "Ana", code, "aestria");
      await joinByCode(ben.page, "Ben", code, "borevia");
      await fac.page.locator(".seats", { hasText: "Ben" }).waitFor();
      await fac.page.getByRole("button", { name: "Start the exercise" }).click();
      for (const p of [fac, ana, ben]) await boardReady(p.page);
      await fac.page.getByRole("tab", { name: "Console" }).click();

      // Aestria and Borevia escalate against each other (mobilise, sanction, expel) until they reach the
      // brink.
      for (let turn = 1; turn <= 4; turn++) {
        for (const [p, other] of [
          [ana.page, "borevia"],
          [ben.page, "aestria"],
        ] as const) {
          await p.getByLabel("Action").selectOption("mobilize");
          await p.getByLabel("Target").selectOption(other);
          await p.getByRole("button", { name: "Add order" }).click();
          await p
            .getByRole("dialog")
            .getByRole("button", { name: /^Yes, mobilise/ })
            .click();
          await p.getByText("Orders saved (1).").waitFor();
          await operation(p, "sanction", other, 2);
          await operation(p, "expel", other, 3);
        }
        await resolve(fac.page, [ana.page, ben.page], turn + 1);
        if ((await ana.page.locator(".waiting-brink").count()) > 0) break;
      }
      const notice = ana.page.locator(".waiting-brink");
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /You are at the brink with Borevia\..*No choice counts as standing firm/,
      );
      await checkScreen(ana.page, "44-brink-waiting");
      await notice.getByRole("button", { name: "Choose now" }).click();
      // "Choose now" opens the order card on the brink choice, focused.
      await ana.page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document
            .activeElement?.id === "order-action",
      );
      expect(await ana.page.getByLabel("Action").inputValue()).toBe("brink");

      // The choice is offered toward Borevia only; standing firm asks first, with the risk of war spelled
      // out.
      await ana.page.getByLabel("Action").selectOption("brink");
      expect(await ana.page.getByLabel("Target").locator("option").allTextContents()).toEqual(["Borevia"]);
      expect(await ana.page.getByLabel("Your choice").inputValue()).toBe("standDown");
      await ana.page.getByLabel("Your choice").selectOption("firm");
      await ana.page.getByRole("button", { name: "Add order" }).click();
      const firm = ana.page.getByRole("dialog", { name: "Stand firm against Borevia?" });
      expect(await firm.textContent()).toMatch(/turns into armed conflict this turn with chance \d+%/);
      await checkScreen(ana.page, "45-brink-stand-firm");
      await firm.getByRole("button", { name: "Cancel" }).click();
      await firm.waitFor({ state: "detached" });

      // Standing down needs no confirmation; the order is listed and the notice goes.
      await ana.page.getByLabel("Your choice").selectOption("standDown");
      await ana.page.getByRole("button", { name: "Add order" }).click();
      await ana.page.getByText("Orders saved (1).").waitFor();
      await ana.page.locator(".planned li", { hasText: "→ Borevia (stand down)" }).waitFor();
      await notice.waitFor({ state: "detached" });
      for (const p of [fac, ana, ben]) expect(p.errors).toEqual([]);
    },
    E2E_TEST,
  );
});
