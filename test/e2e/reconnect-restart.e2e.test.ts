/**
 * A server restart under a page that has been up for a while: the page does not wait out the SDK's own reconnection
 * (15 attempts, about a minute); after a few quick attempts it rejoins with its seat token and is back in its game.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { testServer } from "../server/harness.ts";
import { launch } from "./browser.ts";
import {
  boardReady,
  E2E_TEST,
  openPage,
  serverWithClient,
  untilCount,
  untilPageTimePasses,
} from "./pages.ts";

let browser: Browser | null = null;
const servers: Array<{ close: () => Promise<void> }> = [];
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => undefined);
});

/** Half the SDK's own reconnection: a page that waited it out would not be back by then. */
const BACK_WITHIN = 30_000;

describe("a server restart under an open page", () => {
  it(
    "the page, connected for longer than the SDK's minimum uptime, is back in its game with its orders within seconds",
    async () => {
      const first = await serverWithClient();
      servers.push(first);
      browser = await launch();
      const { page, errors } = await openPage(browser, first.http);
      await page.getByLabel("Your state").selectOption("meridia");
      await page.getByRole("button", { name: "Play solo as Meridia" }).click();
      await boardReady(page);
      await page.getByLabel("Action").selectOption("hunt");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      // Connected for longer than the SDK's minimum uptime (5 s), past which it tries its own reconnection first.
      await untilPageTimePasses(page, 6_000);
      await first.close();
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor();
      const second = await testServer({
        port: first.port,
        dataDir: first.dataDir,
        clientDir: join(first.dataDir, "..", "none"),
      });
      servers.push(second);
      await page
        .getByRole("alert")
        .filter({ hasText: "reconnecting" })
        .waitFor({ state: "detached", timeout: BACK_WITHIN });
      await page.locator(".topbar", { hasText: "Meridia" }).waitFor();
      await untilCount(page, ".planned li", 1);
      // Back in the game: a request is answered by the new process.
      await page.getByRole("button", { name: "Ready: end my turn" }).click();
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      expect(
        errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|net::/.test(e)),
      ).toEqual([]);
    },
    E2E_TEST,
  );
});
