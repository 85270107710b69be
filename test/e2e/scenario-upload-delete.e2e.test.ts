/**
 * A teacher's uploaded scenarios in the browser: the upload card lists them with Delete; one that a class game
 * plays is kept with the reason shown, one that nothing plays goes from the list and from the server.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();
const tutorial = readFileSync(new URL("../../scenarios/tutorial.yaml", import.meta.url), "utf8");
const titled = (title: string): Buffer => Buffer.from(tutorial.replace(/^title: .*$/m, `title: "${title}"`));

describe("a teacher's uploaded scenarios in the browser", () => {
  it(
    "are listed with Delete: one a game plays stays, with the reason; one nothing plays goes",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      const file = page.getByLabel("Scenario file");
      await file.setInputFiles({
        name: "played.yaml",
        mimeType: "text/yaml",
        buffer: titled("Played Strait"),
      });
      await page.locator(".upload-preview").getByRole("heading", { name: "Played Strait" }).waitFor();
      await file.setInputFiles({ name: "spare.yaml", mimeType: "text/yaml", buffer: titled("Spare Strait") });
      await page.locator(".upload-preview").getByRole("heading", { name: "Spare Strait" }).waitFor();
      const list = page.getByRole("region", { name: "My uploaded scenarios" });
      expect(await list.getByRole("listitem").allTextContents()).toEqual([
        expect.stringContaining("Spare Strait"),
        expect.stringContaining("Played Strait"),
      ]);
      await checkScreen(page, "83-upload-list");
      // The kept keys, newest first: a class game in the played one, opened with its key (as the class card does).
      const [spare, played] = await page.evaluate(
        () =>
          JSON.parse(localStorage.getItem("firebreak.uploads") ?? "[]") as Array<{ id: string; key: string }>,
      );
      if (!spare || !played) throw new Error("the browser kept no upload keys");
      const game = await new Client(e2e.srv.url).create("crisis", {
        scenario: played.id,
        scenarioKey: played.key,
        name: "A class on my scenario",
      });

      await list.getByRole("button", { name: "Delete Played Strait" }).click();
      await list
        .getByRole("alert")
        .getByText(/plays that scenario: end it first/)
        .waitFor();
      expect(await list.getByRole("listitem").count()).toBe(2);

      await list.getByRole("button", { name: "Delete Spare Strait" }).click();
      await list.getByRole("listitem").filter({ hasText: "Spare Strait" }).waitFor({ state: "detached" });
      expect(await list.getByRole("listitem").allTextContents()).toEqual([
        expect.stringContaining("Played Strait"),
      ]);
      const gone = await fetch(`${e2e.srv.http}/api/scenario-uploads/${spare.id}`, {
        headers: { Authorization: `Bearer ${spare.key}` },
      });
      expect(gone.status).toBe(404);
      // The refused delete is the server's 409 answer, which chromium logs; nothing else went wrong.
      expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
      await game.leave();
    },
    E2E_TEST,
  );
});
