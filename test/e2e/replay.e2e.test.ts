import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, boardReady, checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

/** Plays the tutorial as Borevia to its end (the bots are ready each turn, so each Ready resolves a turn). */
async function playToTheEnd(page: Page): Promise<void> {
  await page.getByRole("heading", { name: "Play solo" }).waitFor();
  await page.locator('input[name=scenario][value="tutorial"]').check();
  await page.getByRole("button", { name: /^Play solo as/ }).click();
  await boardReady(page);
  for (let turn = 1; turn <= 20; turn++) {
    const ready = page.getByRole("button", { name: "Ready: end my turn" });
    const debrief = page.getByRole("heading", { name: /^Debrief/ });
    await ready.or(debrief).first().waitFor();
    if (await debrief.isVisible()) return;
    await ready.click();
    await page.waitForFunction((t: number) => {
      type Doc = { document: { body: { innerText: string } } };
      // biome-ignore lint/performance/useDomNodeTextContent: the test reads the text as rendered, which only innerText gives.
      const text = (globalThis as unknown as Doc).document.body.innerText;
      return text.includes(`Orders for turn ${t + 1}\n`) || text.includes("Debrief");
    }, turn);
  }
  await page.getByRole("heading", { name: /^Debrief/ }).waitFor();
}

/**
 * Scrubs to turn 2 with the keyboard on the labelled range input, and checks the board and the feed are turn
 * 2's.
 */
async function seeTurnTwo(page: Page): Promise<void> {
  const scrub = page.getByRole("slider", { name: "Turn" });
  await scrub.focus();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await page.locator(".replay-at", { hasText: /^Turn 2$/ }).waitFor();
  await page.locator('#pane-a-h + .board[data-turn="2"]').waitFor();
  await page
    .getByRole("checkbox", { name: /Show routine events/ })
    .first()
    .check();
  // Turn 2's feed holds what happened in turn 1 and what opened turn 2 (injects), nothing later; the end's
  // holds later turns.
  const turns = await page
    .locator("#pane-a-h ~ .replay-events li")
    .evaluateAll((els) =>
      els.map((e) => Number((e as unknown as { dataset: { turn: string } }).dataset.turn)),
    );
  expect(turns.length).toBeGreaterThan(0);
  expect(Math.max(...turns)).toBeLessThanOrEqual(2);
}

describe("the replay of an ended game", () => {
  it(
    "opens from the debrief, scrubs back to turn 2, shows a seat beside the omniscient view, " +
      "downloads the exports, forks from turn 2, and replays the same record from a file",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await playToTheEnd(page);
      // The debrief opens at its top, whatever the scroll of the orders the last Ready was pressed under.
      expect(await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)).toBe(0);
      // The debrief's charts have axes and a text alternative each; the whole page is axe-clean.
      await page.locator(".review-chart svg[role=img]").first().waitFor();
      await checkScreen(page, "replay-01-debrief");

      await page.getByRole("button", { name: "Open the replay" }).click();
      await page.getByRole("heading", { name: /^Replay: / }).waitFor();
      expect(page.url()).toMatch(/\?replay=g[A-Za-z0-9_-]+$/);
      // It opens at the end, seen as the player's own state (Aldmark).
      await page.locator(".replay-at", { hasText: /^End \(turn \d+\)$/ }).waitFor();
      await page.getByRole("heading", { name: "What Aldmark saw" }).waitFor();
      await page.getByRole("checkbox", { name: /Show routine events/ }).check();
      const endTurns = await page
        .locator("#pane-a-h ~ .replay-events li")
        .evaluateAll((els) =>
          els.map((e) => Number((e as unknown as { dataset: { turn: string } }).dataset.turn)),
        );
      expect(Math.max(...endTurns)).toBeGreaterThan(2);
      await page.getByRole("checkbox", { name: /Show routine events/ }).uncheck();

      await seeTurnTwo(page);
      // Why it moved: a pair's tension by default, a state's measure on demand, each turn split by cause, in
      // words.
      await page.getByRole("heading", { name: /^Why it moved/ }).waitFor();
      await page.getByLabel("Follow").selectOption("economy:aldmark");
      await page.locator(".why-moved figcaption", { hasText: "Economy of Aldmark" }).waitFor();
      expect(await page.locator(".why-moved svg[role=img]").getAttribute("aria-label")).toMatch(
        /^Economy of Aldmark, change by cause\. Turn 1: [+-]\d/,
      );
      // The arrow keys step turns when the focus is not in a control.
      await page.locator(".replay-hint").click();
      await page.keyboard.press("ArrowRight");
      await page.locator(".replay-at", { hasText: /^Turn 3$/ }).waitFor();
      await page.keyboard.press("ArrowLeft");
      await page.locator(".replay-at", { hasText: /^Turn 2$/ }).waitFor();

      // Side by side: what Borevia saw on turn 2 beside what was true.
      await page.getByLabel("Side by side with").selectOption("all");
      await page.getByRole("heading", { name: "What was true (every secret shown)" }).waitFor();
      await page.locator('#pane-b-h + .board[data-turn="2"]').waitFor();
      await expect.poll(() => page.locator(".replay-pane").count()).toBe(2);
      await checkScreen(page, "replay-02-side-by-side");

      // The same record from a file: downloaded from the debrief, opened in the replay.
      await page.getByRole("button", { name: "Close the replay" }).click();
      await page.getByRole("heading", { name: /^Debrief/ }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: /Download: Game record/ }).click(),
      ]);
      const file = join(ARTIFACTS, "replay-record.json");
      await download.saveAs(file);
      // The exports download with the player's token; participation is the facilitator's alone, so it is not
      // offered.
      for (const [label, name] of [
        ["Events (CSV)", "events.csv"],
        ["Turns (CSV)", "turns.csv"],
        ["Chat transcript (CSV)", "chat.csv"],
        ["Printable report (HTML)", "report.html"],
      ] as const) {
        const [got] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: `Download: ${label}` }).click(),
        ]);
        expect(got.suggestedFilename()).toMatch(
          new RegExp(`^firebreak-g[A-Za-z0-9_-]+-${name.replace(".", "\\.")}$`),
        );
        await page
          .getByRole("status")
          .filter({ hasText: `${label}: downloaded.` })
          .waitFor();
      }
      expect(await page.getByRole("button", { name: /Participation/ }).count()).toBe(0);

      // Fork: from the replay at turn 2, a new class game this student facilitates, playing Aldmark themself.
      await page.getByRole("button", { name: "Open the replay" }).click();
      await page.getByRole("heading", { name: /^Replay: / }).waitFor();
      await seeTurnTwo(page);
      await page.getByText("Start a new game from the beginning of turn 2").click();
      await page.getByRole("checkbox", { name: "Aldmark" }).check();
      await page.getByRole("button", { name: "Start the game from turn 2" }).click();
      await page
        .locator(".seats tr", { hasText: "Aldmark" })
        .getByText("the facilitator will play")
        .waitFor();
      await page.getByRole("button", { name: "Start the exercise" }).click();
      await page.getByRole("heading", { name: "Facilitator console" }).waitFor();
      await page.getByText("Turn 2 of").waitFor();
      // In a fresh browser with no token for the game (`/?replay` alone opens the file picker): it runs from
      // the file.
      const fresh = await openPage(e2e.browser, `${e2e.srv.http}/?replay`);
      await fresh.page.getByRole("heading", { name: "Replay" }).waitFor();
      await fresh.page.getByLabel("Open a record file").setInputFiles(file);
      await fresh.page.locator(".replay-at", { hasText: /^End \(turn \d+\)$/ }).waitFor();
      await seeTurnTwo(fresh.page);
      await checkScreen(fresh.page, "replay-03-from-file");

      // A file that is not a record says so in plain words.
      await fresh.page.getByLabel("Open a record file").setInputFiles({
        name: "notes.json",
        mimeType: "application/json",
        buffer: Buffer.from('{"hello":1}'),
      });
      await fresh.page.getByRole("alert").filter({ hasText: "not a Firebreak game record" }).waitFor();
      expect(fresh.errors).toEqual([]);
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );
});
