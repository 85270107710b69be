/**
 * A server that crashes and starts again under a page that has been up for a while: the page does not wait
 * out the SDK's own reconnection (15 attempts, about a minute, with a reconnection token the new process does
 * not know); after a few quick attempts it rejoins with its seat token and is back in its game, its saved
 * orders with it.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { freePort } from "../server/harness.ts";
import { killServerProcesses, startServerProcess } from "../server/processes.ts";
import { launch } from "./browser.ts";
import { boardReady, buildClient, E2E_TEST, openPage, untilCount, untilPageTimePasses } from "./pages.ts";

const dirs: string[] = [];
let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
  killServerProcesses();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The web client built into a directory of its own, removed after the test. */
function builtClient(): string {
  const dist = buildClient();
  dirs.push(dist);
  return dist;
}

describe("a server crash and restart under an open page", () => {
  it(
    "the page, connected for longer than the SDK's minimum uptime, is back in its game with its orders",
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "fb-server-"));
      dirs.push(dataDir);
      const env = { FIREBREAK_DATA_DIR: dataDir, FIREBREAK_CLIENT_DIR: builtClient() };
      const port = await freePort();
      const first = await startServerProcess(port, env);
      browser = await launch();
      const { page, errors } = await openPage(browser, first.http);
      await page.getByLabel("Your state").selectOption("meridia");
      await page.getByRole("button", { name: "Play solo as Meridia" }).click();
      await boardReady(page);
      await page.getByLabel("Action").selectOption("hunt");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      // Connected for longer than the SDK's minimum uptime (5 s), past which the SDK tries its own
      // reconnection first.
      await untilPageTimePasses(page, 6_000);
      // A crash: no goodbye to the page (its socket drops, 1006), so the SDK's reconnection starts.
      await first.kill();
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor();
      await startServerProcess(port, env);
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor({ state: "detached" });
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
