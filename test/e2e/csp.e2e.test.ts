/**
 * The built client runs under the server's Content-Security-Policy: a solo game reaches its board and plays a
 * turn with no violation.
 */
import { describe, expect, it } from "vitest";
import { boardReady, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("Content-Security-Policy in the browser", () => {
  it(
    "the home page, Phaser's board and the HUD load and play with no CSP violation",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      // Record violations from the first byte on (an init script is injected by the browser, outside the
      // page's CSP).
      await page.addInitScript(() => {
        const w = globalThis as unknown as {
          __csp: string[];
          document: {
            addEventListener(
              t: string,
              f: (e: { violatedDirective: string; blockedURI: string }) => void,
            ): void;
          };
        };
        w.__csp = [];
        w.document.addEventListener("securitypolicyviolation", (e) =>
          w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
        );
      });
      const res = await page.reload();
      const csp = res?.headers()["content-security-policy"] ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain(`ws://127.0.0.1:${e2e.srv.port}`);
      await page.getByRole("heading", { name: "Play solo" }).waitFor();
      await page.locator('input[name=scenario][value="baltic-fog"]').check();
      await page.getByLabel("Your state").selectOption("borevia");
      await page.getByRole("button", { name: "Play solo as Borevia" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      await page.getByRole("button", { name: "Ready: end my turn" }).click();
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as { __csp: string[] }).__csp)).toEqual([]);
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );
});
