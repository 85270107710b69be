/**
 * The order card explains itself: each action says what it does and costs, a disabled Add says why, a strike
 * or a mobilisation asks first in an accessible dialog, refusals read as sentences (never codes), and the
 * card resets after an order is added. And the client itself arrives compressed.
 */
import { request } from "node:http";
import { brotliDecompressSync } from "node:zlib";
import { ACCESS_AGE, ORDER_COSTS } from "@firebreak/shared";
import { describe, expect, it } from "vitest";
import {
  boardReady,
  checkScreen,
  E2E_TEST,
  focusInside,
  openPage,
  rawCodesShown,
  untilCount,
  withServerAndBrowser,
} from "./pages.ts";

const e2e = withServerAndBrowser();

describe("the order card explains itself", () => {
  it(
    "what each action does and costs, why Add is disabled, confirmation of strike and mobilisation, plain refusals, a reset card",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await page.locator('input[name=scenario][value="baltic-fog"]').check();
      await page.getByLabel("Your state").selectOption("borevia");
      await page.getByRole("button", { name: "Play solo as Borevia" }).click();
      await boardReady(page);
      await page.getByRole("heading", { name: /Orders for turn 1/ }).waitFor();
      // The game page has one h1, the scenario's title, for screen-reader navigation.
      expect(await page.getByRole("heading", { level: 1 }).count()).toBe(1);
      const action = page.getByLabel("Action");
      const help = page.locator("#action-help");
      const add = page.getByRole("button", { name: "Add order" });

      // Each action's line says what it does (more than its name) and its cost, read from shared's table.
      expect(await action.getAttribute("aria-describedby")).toBe("action-help");
      for (const t of ["hunt", "harden", "develop", "sanction", "expel", "mobilize"] as const) {
        await action.selectOption(t);
        const line = (await help.textContent()) ?? "";
        const label =
          ((await action.locator(`option[value="${t}"]`).textContent()) ?? "").split(" — ")[0] ?? "";
        expect(line, t).toContain(`Costs ${ORDER_COSTS[t]} AP`);
        expect(line.length, t).toBeGreaterThan(label.length + 40);
      }

      // Disrupt needs an access first: its line says so, and Add is disabled with the reason tied to it.
      await action.selectOption("disrupt");
      expect(await help.textContent()).toContain(`Needs an access in the target first`);
      expect(await help.textContent()).toContain(`at least ${ACCESS_AGE.disrupt} turn`);
      expect(await add.isDisabled()).toBe(true);
      expect(await add.getAttribute("aria-describedby")).toBe("add-order-why");
      expect(await page.locator("#add-order-why").textContent()).toMatch(
        /You hold no access in \w+: pre-position/,
      );
      await checkScreen(page, "30-order-card-disabled-why");

      // A strike asks first; focus stays in the dialog; Escape cancels and adds nothing.
      await action.selectOption("strike");
      await page.getByLabel("Target").selectOption("aestria");
      await add.click();
      const dialog = page.getByRole("dialog", { name: "Order a military strike on Aestria?" });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain("Armed conflict begins at the end of this turn");
      expect(await focusInside(page, "dialog.confirm")).toBe(true);
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        expect(await focusInside(page, "dialog.confirm"), `after Tab ${i + 1}`).toBe(true);
      }
      await page.keyboard.press("Shift+Tab");
      expect(await focusInside(page, "dialog.confirm")).toBe(true);
      await checkScreen(page, "31-strike-confirmation");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "detached" });
      await untilCount(page, ".planned li", 0);

      // Mobilisation asks too; confirmed, it is added, and the card is back to its first action.
      await action.selectOption("mobilize");
      await page.getByLabel("Target").selectOption("aestria");
      await add.click();
      const mobilise = page.getByRole("dialog", { name: "Mobilise forces against Aestria?" });
      expect(await mobilise.textContent()).toContain("Tension between you and Aestria rises");
      await mobilise.getByRole("button", { name: "Yes, mobilise against Aestria" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      await page.locator(".planned li", { hasText: "Mobilise forces → Aestria" }).waitFor();
      expect(await action.inputValue()).toBe("espionage");

      // A refusal reads as a sentence: a second hunt is a duplicate, and no code shows anywhere.
      await action.selectOption("hunt");
      await add.click();
      await page.getByText("Orders saved (2).").waitFor();
      await action.selectOption("hunt");
      await add.click();
      await page.getByText("You already gave that order this turn.", { exact: false }).waitFor();
      expect(await rawCodesShown(page)).toEqual([]);
      await untilCount(page, ".planned li", 2);

      // An operation's options reset after it is added: the overt box is clear again.
      await action.selectOption("espionage");
      await page.getByLabel("Target").selectOption("meridia");
      await page.getByLabel(/Overt/).check();
      await add.click();
      await page.getByText("Orders saved (3).").waitFor();
      expect(await action.inputValue()).toBe("espionage");
      expect(await page.getByLabel(/Overt/).isChecked()).toBe(false);

      // Every action point is spent: Add says so instead of sending an order the server would refuse.
      expect(await add.isDisabled()).toBe(true);
      expect(await page.locator("#add-order-why").textContent()).toContain(
        "Not enough action points: this order costs 1 AP and you have 0 left this turn.",
      );
      expect(errors).toEqual([]);
    },
    E2E_TEST,
  );

  it("the real build is served brotli compressed, its hashed assets immutable", async () => {
    const raw = (path: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
        (resolve, reject) => {
          const req = request(
            `${e2e.srv.http}${path}`,
            { headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } },
            (res) => {
              const chunks: Buffer[] = [];
              res.on("data", (c: Buffer) => chunks.push(c));
              res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
            },
          );
          req.on("error", reject);
          req.end();
        },
      );
    const page = await raw("/");
    expect(page.headers["content-encoding"]).toBe("br");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const html = brotliDecompressSync(page.body).toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map(
      (m) => m[1] as string,
    );
    expect(assets.length).toBeGreaterThanOrEqual(2);
    for (const a of assets) {
      const r = await raw(a);
      expect(r.headers["content-encoding"], a).toBe("br");
      expect(r.headers["cache-control"], a).toBe("public, max-age=31536000, immutable");
      expect(brotliDecompressSync(r.body).length, a).toBeGreaterThan(r.body.length);
    }
  });
});
