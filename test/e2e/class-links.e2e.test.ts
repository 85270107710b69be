/**
 * A class from the trainer's side and a student's: the session's rules set on the create form, the shareable
 * join link with its copy button, a student mid-solo joining the class through it and going back and forth
 * between both games ("Leave for now", "Your games", a reload), focus kept after "Accept all", the console's
 * clock in the first screen at 1024 × 768 and at a projector's zoom, and "End the game" asked in the app's
 * dialog.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { join } from "../server/harness.ts";
import { boardReady, checkScreen, E2E_TEST, focusInside, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

/** True when the element is wholly inside the window as the page stands. */
async function inFirstScreen(page: Page, selector: string, height: number): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe("a class with links, rules and several games", () => {
  it(
    "rules at creation, a join link, a student between a solo game and the class, Accept all, the clock, End",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http, { width: 1024, height: 768 });
      const page = fac.page;
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.srv.http });

      // The create form takes the session's rules: strikes not before turn 3, no automatic bot takeover.
      await page.locator('input[name=scenario][value="tutorial"]').check();
      const card = page.getByRole("region", { name: "Run a class" });
      await card.getByLabel("Exercise name").fill("Links");
      await card.getByLabel("Military strikes").selectOption("notBefore");
      await card.getByLabel("Not before turn").fill("3");
      await card.getByLabel("A bot takes over a state whose players are away").uncheck();
      await card.getByRole("button", { name: "Open the exercise" }).click();
      const code = ((await page.locator(".join-code").textContent()) ?? "").trim();
      await page
        .locator(".current-rules", { hasText: "Military strikes are allowed from turn 3." })
        .waitFor();
      expect(await page.locator(".current-rules").textContent()).toContain("Bots never take over");

      // The join link carries the code; Copy puts it on the clipboard.
      const link = `${e2e.srv.http}/?join=${code}`;
      expect(await page.getByLabel("Join link").inputValue()).toBe(link);
      await page.getByRole("button", { name: "Copy the join link" }).click();
      await page.getByText("Link copied.").waitFor();
      expect(
        await page.evaluate(() =>
          (
            globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
          ).navigator.clipboard.readText(),
        ),
      ).toBe(link);
      await checkScreen(page, "70-lobby-join-link");

      // A student is mid-solo (Baltic Fog), leaves it for now, and the home page lists it.
      const stu = await openPage(e2e.browser, e2e.srv.http, { width: 390, height: 844 });
      const s = stu.page;
      await s.locator('input[name=scenario][value="baltic-fog"]').check();
      await s.getByRole("button", { name: /Play solo as/ }).click();
      await s.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await s.getByRole("button", { name: "Leave for now" }).click();
      await s.getByRole("heading", { name: "Your games" }).waitFor();
      expect(await focusInside(s, "#games-h")).toBe(true);
      expect(await s.locator(".your-games li").count()).toBe(1);

      // The join link opens the join form with the code filled in and the name to type.
      await s.goto(link);
      await s.getByRole("heading", { name: "Join with a code" }).waitFor();
      expect(await s.getByLabel("Code", { exact: true }).inputValue()).toBe(code);
      expect(
        await s
          .getByLabel("Your name")
          .evaluate(
            (el) =>
              el ===
              (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
          ),
      ).toBe(true);
      expect(new URL(s.url()).search).toBe("");
      await checkScreen(s, "71-join-link-390");
      await s.getByLabel("Your name").fill("Ann");
      await s.getByRole("button", { name: "Find the game" }).click();
      await s.getByRole("button", { name: "Join", exact: true }).click();
      await s.getByText("The facilitator will start").waitFor();
      expect(
        await s.evaluate(() => {
          const d = (
            globalThis as unknown as {
              document: { documentElement: { scrollWidth: number; clientWidth: number } };
            }
          ).document.documentElement;
          return d.scrollWidth > d.clientWidth;
        }),
      ).toBe(false);
      await checkScreen(s, "76-lobby-student-390");

      // A second student, over the protocol, takes Serevan and proposes two measures once the class has
      // started.
      const lookup = (await (await fetch(`${e2e.srv.http}/api/games/${code}`)).json()) as { roomId: string };
      const ben = await join(e2e.srv.url, lookup.roomId, {
        code,
        name: "Ben",
        role: "player",
        seat: "serevan",
      });
      await page.locator(".seats", { hasText: "Ben" }).waitFor();
      await page.getByRole("button", { name: "Start the exercise" }).click();
      await page.getByRole("heading", { name: "Facilitator console" }).waitFor();
      await boardReady(page);
      // The Start button went with the lobby: focus is on the tab the game opened on, not lost.
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { document: { activeElement: { id?: string } | null } }).document
            .activeElement?.id === "panels-tab-console",
      );

      // The facilitator's clock and its controls are in the first screen at 1024 × 768, and at 150 % zoom.
      expect(await inFirstScreen(page, ".timer", 768)).toBe(true);
      expect(await inFirstScreen(page, "text=Pause", 768)).toBe(true);
      await checkScreen(page, "72-console-1024");
      await page.setViewportSize({ width: 683, height: 512 });
      expect(await inFirstScreen(page, ".timer", 512)).toBe(true);
      expect(await inFirstScreen(page, "text=Pause", 512)).toBe(true);
      await checkScreen(page, "73-console-projector");
      await page.setViewportSize({ width: 1024, height: 768 });

      // The student moves between the two games: Leave for now, Your games, and a reload back into the open
      // one.
      await s.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await s.getByRole("button", { name: "Leave for now" }).click();
      expect(await s.locator(".your-games li").count()).toBe(2);
      await checkScreen(s, "74-your-games-390");
      await s.getByRole("button", { name: /^Go back to Solo/ }).click();
      await s.getByRole("heading", { level: 1, name: /Baltic Fog/ }).waitFor();
      await s.reload();
      await s.getByRole("heading", { level: 1, name: /Baltic Fog/ }).waitFor();
      await s.getByRole("button", { name: "Leave for now" }).click();
      await s.getByRole("button", { name: "Go back to Links" }).click();
      await s.getByRole("heading", { level: 1, name: /Tutorial/ }).waitFor();

      // Two proposals wait; after "Accept all" focus is on the measures' heading, not lost with the button.
      for (const kind of ["hotline", "situationReports"])
        expect((await ben.ask("propose", { kind, parties: ["aldmark"] })).rejected).toBeUndefined();
      await s.getByRole("tab", { name: "Diplomacy" }).click();
      const all = s.getByRole("button", { name: /^Accept all \d+$/ });
      await all.click();
      await s.getByText(/^Accepted \d+ proposals\.$/).waitFor();
      expect(await focusInside(s, "#cbm-h")).toBe(true);
      await all.waitFor({ state: "detached" });
      expect(await focusInside(s, "#cbm-h")).toBe(true);

      // "End the game" asks in the app's dialog: Cancel keeps the game, confirming ends it.
      await page.getByRole("button", { name: "End the game" }).click();
      const ask = page.getByRole("dialog", { name: "End the game for everyone?" });
      await ask.waitFor();
      await checkScreen(page, "75-end-game-dialog");
      await ask.getByRole("button", { name: "Cancel" }).click();
      await ask.waitFor({ state: "detached" });
      expect(await page.getByRole("heading", { name: "Facilitator console" }).isVisible()).toBe(true);
      await page.getByRole("button", { name: "End the game" }).click();
      await ask.getByRole("button", { name: "End the game" }).click();
      await page.getByRole("heading", { level: 1, name: /^Debrief/ }).waitFor();
      await s.getByRole("heading", { level: 1, name: /^Debrief/ }).waitFor();
      expect(fac.errors).toEqual([]);
      expect(stu.errors).toEqual([]);
    },
    E2E_TEST,
  );
});
