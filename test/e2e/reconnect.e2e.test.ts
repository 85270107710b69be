import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { testServer } from "../server/harness.ts";
import { launch } from "./browser.ts";
import { boardReady, checkScreen, E2E_TEST, openPage, serverWithClient, untilCount } from "./pages.ts";

let browser: Browser | null = null;
const servers: Array<{ close: () => Promise<void> }> = [];
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => undefined);
});

describe("a dropped connection", () => {
  it(
    "shows a banner, reconnects by itself when the server is back, and keeps the seat",
    async () => {
      const first = await serverWithClient();
      browser = await launch();
      const { page, errors } = await openPage(browser, first.http);
      await page.getByLabel("Your state").selectOption("meridia");
      await page.getByRole("button", { name: "Play solo as Meridia" }).click();
      await boardReady(page).catch(async (e) => {
        await page.screenshot({ path: "/tmp/rc-fail.png" });
        throw new Error(`${(e as Error).message}; page errors: ${errors.join(" | ")}`);
      });
      await page.getByLabel("Action").selectOption("hunt");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      await first.close();
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor();
      await checkScreen(page, "20-reconnecting-banner");
      const second = await testServer({
        port: first.port,
        dataDir: first.dataDir,
        clientDir: join(first.dataDir, "..", "none"),
      });
      servers.push(second);
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor({ state: "detached" });
      await page.locator(".topbar", { hasText: "Meridia" }).waitFor();
      await untilCount(page, ".planned li", 1);
      // The only console errors allowed are the browser's own reports of the refused reconnection attempts.
      expect(
        errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|net::/.test(e)),
      ).toEqual([]);
    },
    E2E_TEST,
  );
});
