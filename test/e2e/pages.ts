/** E2E helpers: a server with the built client, pages that fail on console errors, screenshots and axe checks. */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launch } from "./browser.ts";
import { testServer } from "../server/harness.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(root, "test-artifacts");

/** Builds the client and starts a server that serves it. */
export async function serverWithClient() {
  execFileSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "error"], { cwd: join(root, "client"), stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  mkdirSync(ARTIFACTS, { recursive: true });
  return testServer({ clientDir: join(root, "client", "dist") });
}

/** A file's shared set-up: a server with the built client and a browser, started before its tests and closed after. */
export function withServerAndBrowser(): { srv: Awaited<ReturnType<typeof serverWithClient>>; browser: Browser } {
  const e2e = {} as { srv: Awaited<ReturnType<typeof serverWithClient>>; browser: Browser };
  beforeAll(async () => {
    e2e.srv = await serverWithClient();
    e2e.browser = await launch();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.srv?.close();
  });
  return e2e;
}

/** A page that records console errors and page errors. */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/** Saves a screenshot as a test artifact and checks the screen with axe: no serious or critical violations. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`), `axe on ${name}`).toEqual([]);
}

/** Waits until the Phaser board has mounted. A function, not a string: the page's CSP (script-src 'self', no 'unsafe-eval') refuses to evaluate strings. */
export async function boardReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as { __boardReady?: boolean }).__boardReady === true, null, { timeout: 30_000 });
}
