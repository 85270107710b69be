/**
 * E2E helpers: a server with the built client, pages that fail on console errors, screenshots and axe checks,
 * and waits.
 *
 * Browser tests wait on states (a locator's state, a condition in the page), never on time, and those waits
 * are generous: what the page shows next often needs the server, the bots or a turn's resolution, which take
 * longer on a busy machine. A wait's timeout only bounds how long a broken test hangs; no browser test
 * asserts speed (`npm run bench` measures it).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AxeBuilder } from "@axe-core/playwright";
import { ERROR_CODES, SERVER_ERROR_CODES } from "@firebreak/shared";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launch } from "./browser.ts";
import { testServer } from "../server/harness.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const ARTIFACTS = join(root, "test-artifacts");

/**
 * Timeout (ms) of every wait and action on a page: a state the server, the bots or a turn's resolution bring
 * about.
 */
export const STATE_WAIT = 60_000;

/**
 * Per-test timeout (ms) of a browser test: a sequence of waits, several of which may be slow on a busy
 * machine.
 */
export const E2E_TEST = 300_000;

/**
 * Timeout (ms) of a file's set-up: building the client (Vite) and launching chromium, both slow on a busy
 * machine.
 */
const SETUP = 240_000;

/**
 * Builds the web client into a fresh directory of its own, and returns it. Not into client/dist: with files in
 * parallel, one file's build would empty the directory another file's server is serving.
 */
export function buildClient(): string {
  const dist = mkdtempSync(join(tmpdir(), "fb-client-"));
  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/vite/bin/vite.js"),
      "build",
      "--logLevel",
      "error",
      "--outDir",
      dist,
      "--emptyOutDir",
    ],
    { cwd: join(root, "client"), stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } },
  );
  return dist;
}

/** Builds the client (buildClient) and starts a server that serves it. */
export async function serverWithClient() {
  const dist = buildClient();
  mkdirSync(ARTIFACTS, { recursive: true });
  const srv = await testServer({ clientDir: dist });
  return {
    ...srv,
    close: async (): Promise<void> => {
      await srv.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/**
 * A file's shared set-up: a server with the built client and a browser, started before its tests and closed
 * after.
 */
export function withServerAndBrowser(): {
  srv: Awaited<ReturnType<typeof serverWithClient>>;
  browser: Browser;
} {
  const e2e = {} as { srv: Awaited<ReturnType<typeof serverWithClient>>; browser: Browser };
  beforeAll(async () => {
    e2e.srv = await serverWithClient();
    e2e.browser = await launch();
  }, SETUP);
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.srv?.close();
  }, SETUP);
  return e2e;
}

/** A page that records console errors and page errors; its waits and actions time out after STATE_WAIT. */
export async function openPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; errors: string[] }> {
  const ctx = await browser.newContext({ viewport });
  ctx.setDefaultTimeout(STATE_WAIT);
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/**
 * Saves a screenshot as a test artifact and checks the screen with axe: no serious or critical violations.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    ),
    `axe on ${name}`,
  ).toEqual([]);
}

/**
 * Waits until the Phaser board has mounted. A function, not a string: the page's CSP (script-src 'self', no
 * 'unsafe-eval') refuses to evaluate strings.
 */
export async function boardReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as { __boardReady?: boolean }).__boardReady === true, null, {
    timeout: STATE_WAIT,
  });
}

/** Waits until exactly `n` elements match the CSS `selector` (a function, not a string: the CSP). */
export async function untilCount(page: Page, selector: string, n: number): Promise<void> {
  type Doc = { document: { querySelectorAll(s: string): { length: number } } };
  await page
    .waitForFunction(
      ({ selector: sel, n: want }) =>
        (globalThis as unknown as Doc).document.querySelectorAll(sel).length === want,
      { selector, n },
      { timeout: STATE_WAIT },
    )
    .catch((e: unknown) => {
      throw new Error(`waiting for exactly ${n} of "${selector}": ${(e as Error).message}`);
    });
}

/**
 * A student on the home page joins a game by its code as a player of `state` (the lobby, or a knock,
 * follows).
 */
export async function joinByCode(page: Page, name: string, code: string, state: string): Promise<void> {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Find the game" }).click();
  await page.getByLabel("State", { exact: true }).selectOption(state);
  await page.getByRole("button", { name: "Join", exact: true }).click();
}

/**
 * A facilitator on the home page opens a class exercise (with `minutes` per turn, when given) and reads its
 * join code.
 */
export async function openExercise(page: Page, name: string, minutes?: number): Promise<string> {
  // The class card's own fields: the home page has other cards with forms (an exercise of several tables).
  const card = page.getByRole("region", { name: "Run a class" });
  await card.getByLabel("Exercise name").fill(name);
  if (minutes !== undefined) await card.getByLabel("Minutes per turn").fill(String(minutes));
  await card.getByRole("button", { name: "Open the exercise" }).click();
  const code = ((await page.locator(".join-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return code;
}

/**
 * True when the page's focused element is inside the element `selector` matches (a function, not a string:
 * the CSP).
 */
export async function focusInside(page: Page, selector: string): Promise<boolean> {
  type Doc = {
    document: { activeElement: unknown; querySelector(s: string): { contains(n: unknown): boolean } | null };
  };
  return page.evaluate((sel) => {
    const d = (globalThis as unknown as Doc).document;
    return d.querySelector(sel)?.contains(d.activeElement) ?? false;
  }, selector);
}

/**
 * Waits until the page's own clock has passed `ms` milliseconds from now: for a check that something does not
 * change while time passes.
 */
export async function untilPageTimePasses(page: Page, ms: number): Promise<void> {
  const until = (await page.evaluate(() => Date.now())) + ms;
  await page.waitForFunction((t) => Date.now() > t, until, { timeout: STATE_WAIT });
}

/**
 * Every error code (the engine's and the server's) the page shows as it is, e.g. "(NOT_ENOUGH_AP)": a person
 * should read a sentence instead.
 */
export async function rawCodesShown(page: Page): Promise<string[]> {
  const text = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { body: { textContent: string } } }).document.body.textContent,
  );
  return [...ERROR_CODES, ...SERVER_ERROR_CODES].filter((c) => text.includes(c));
}
