/**
 * The exercise dashboard reopens by itself when its room closes under it (the server restarted or, in a
 * cluster, the process running it stopped and another opens it): it says it is reconnecting, then shows the
 * tables again and its broadcasts work.
 */
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { restoreExercises } from "../../server/src/exercises/restore.ts";
import { E2E_TEST, openPage, untilCount, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("the exercise dashboard", () => {
  it(
    "reopens by itself when its room closes and comes back",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http, { width: 1400, height: 900 });
      await fac.page.getByRole("radio", { name: /Tutorial/ }).check();
      const card = fac.page.locator("section", {
        has: fac.page.getByRole("heading", { name: "Run an exercise" }),
      });
      await card.getByLabel("Name for the class").fill("Seminar 8");
      await card.getByLabel("Number of tables").fill("2");
      await card.getByRole("button", { name: "Open the tables" }).click();
      await untilCount(fac.page, ".table-card", 2);
      const kept = await fac.page.evaluate(() => localStorage.getItem("firebreak:exercise"));
      const { id } = JSON.parse(kept ?? "{}") as { id: string };
      const room = matchMaker.getLocalRoomById(id);
      if (!room) throw new Error(`no exercise room ${id}`);

      // The room closes (as when its process stops); the page says so and keeps trying.
      await room.disconnect();
      await fac.page.getByRole("status").getByText("reconnecting", { exact: false }).waitFor();
      // The room is back (as another process adopts it); the page reopens it with the kept key.
      expect(await restoreExercises()).toBe(1);
      await fac.page.getByRole("status").waitFor({ state: "detached" });
      await untilCount(fac.page, ".table-card", 2);
      await fac.page.getByRole("button", { name: "Start all tables" }).click();
      await untilCount(fac.page, ".broadcast-results .done", 2);
    },
    E2E_TEST,
  );
});
