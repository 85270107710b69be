/**
 * A teacher's own scenario in the browser: a broken file shows its problem with its line; a good one, its
 * preview, then a class game in it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();
const tutorial = readFileSync(new URL("../../scenarios/tutorial.yaml", import.meta.url), "utf8");
const good = tutorial
  .replace(/^id: tutorial$/m, "id: my-strait")
  .replace(/^title: .*$/m, 'title: "The Teacher\'s Strait"')
  .replace(/^ {2}- id: serevan$/m, "  - id: serevan\n    bot: hawk");
const brokenLine = good.split("\n").findIndex((l) => l.startsWith("turns: ")) + 1;
const broken = good.replace(/^turns: 6$/m, "turns: [6");

describe("a teacher's own scenario in the browser", () => {
  it(
    "shows a broken file's problem with its line, previews a good one, and opens a class game in it",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      const file = page.getByLabel("Scenario file");
      await file.setInputFiles({
        name: "my-strait.yaml",
        mimeType: "text/yaml",
        buffer: Buffer.from(broken),
      });
      const alert = page.locator(".upload-problems");
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/not valid YAML: line \d+, column \d+/);
      const line = Number(/line (\d+)/.exec((await alert.textContent()) ?? "")?.[1]);
      expect(line).toBeGreaterThanOrEqual(brokenLine);
      await checkScreen(page, "80-upload-broken");

      const invalid = good.replace("bot: hawk", "bot: wizard");
      await file.setInputFiles({
        name: "my-strait.yaml",
        mimeType: "text/yaml",
        buffer: Buffer.from(invalid),
      });
      await page.getByText(/states\[1\]\.bot: must be a bot persona: .* \(line \d+, column \d+\)/).waitFor();

      await file.setInputFiles({ name: "my-strait.yaml", mimeType: "text/yaml", buffer: Buffer.from(good) });
      const preview = page.locator(".upload-preview");
      await preview.getByRole("heading", { name: "The Teacher's Strait" }).waitFor();
      expect(await preview.textContent()).toMatch(/2 states, 6 turns/);
      expect(await preview.textContent()).toMatch(/bot: hawk/);
      expect(await page.locator(".upload-problems").count()).toBe(0);
      expect(await page.getByLabel("The Teacher's Strait (mine)").isChecked()).toBe(true);
      await checkScreen(page, "81-upload-preview");

      await page.getByLabel("Exercise name").fill("Seminar on my scenario");
      await page.getByRole("button", { name: "Open the exercise" }).click();
      await page.locator(".join-code").waitFor();
      await page.locator(".lobby-scenario", { hasText: "The Teacher's Strait" }).waitFor();
      await checkScreen(page, "82-upload-lobby");
      // The two refused uploads are the server's 422 answers, which chromium logs; nothing else went wrong.
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
      expect(errors).toHaveLength(2);
    },
    E2E_TEST,
  );
});
