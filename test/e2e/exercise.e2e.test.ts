import { describe, expect, it } from "vitest";
import { checkScreen, E2E_TEST, openPage, untilCount, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("an exercise in the browser", () => {
  it(
    "a facilitator opens three tables with two treatments, six students join by one code, the dashboard shows every table",
    async () => {
      const fac = await openPage(e2e.browser, e2e.srv.http, { width: 1400, height: 900 });
      // The tutorial (two states): six students fill three tables, one a seat.
      await fac.page.getByRole("radio", { name: /Tutorial/ }).check();
      const card = fac.page.locator("section", {
        has: fac.page.getByRole("heading", { name: "Run an exercise" }),
      });
      await card.getByLabel("Name for the class").fill("Seminar 7");
      await card.getByLabel("Number of tables").fill("3");
      await card.getByLabel("Compare treatments").check();
      await card.getByLabel("Label (students never see it)").first().fill("Hotline from the start");
      await card.getByLabel("CBM in force from the start").first().selectOption("hotline");
      await card.getByLabel("Label (students never see it)").nth(1).fill("No measures");
      await card.getByLabel("No CBM may be proposed").nth(1).check();
      await card.getByLabel("Your hypothesis").fill("A hotline keeps the brink away.");
      await checkScreen(fac.page, "69-home-exercise-card");
      await card.getByRole("button", { name: "Open the tables" }).click();
      await untilCount(fac.page, ".table-card", 3);
      const code = ((await fac.page.locator(".join-code").textContent()) ?? "").trim();
      expect(code).toMatch(/^[A-Z0-9]{6}$/);

      // Six students, one code: each lands on a table and a seat the lookup chose.
      const students = [];
      for (const name of ["Ana", "Ben", "Cy", "Dee", "Eli", "Flo"]) {
        const s = await openPage(e2e.browser, e2e.srv.http);
        await s.page.getByLabel("Your name").fill(name);
        await s.page.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
        await s.page.getByRole("button", { name: "Find the game" }).click();
        await s.page.getByText(/Seminar 7, table \d/).waitFor();
        await s.page.getByRole("button", { name: "Join", exact: true }).click();
        await s.page.getByText("The facilitator will start the game", { exact: false }).waitFor();
        students.push(s);
      }
      // Two students at every table, one a seat (the tutorial has two states).
      for (const n of [1, 2, 3]) {
        const table = fac.page.locator(".table-card", {
          has: fac.page.getByRole("heading", { name: `Table ${n}` }),
        });
        await table.locator(".seats li", { hasText: "nobody yet" }).waitFor({ state: "detached" });
      }
      // The treatments are the facilitator's: no student page names them.
      for (const s of students) {
        const text = (await s.page.textContent("body")) ?? "";
        expect(text).not.toContain("Hotline from the start");
        expect(text).not.toContain("No measures");
      }
      await checkScreen(fac.page, "70-exercise-dashboard-lobby");

      // Start every table at once; each table answers.
      await fac.page.getByRole("button", { name: "Start all tables" }).click();
      await fac.page.getByText("Start: table 1 done", { exact: false }).waitFor();
      await untilCount(fac.page, ".broadcast-results .done", 3);
      await fac.page.getByText("turn 1 of", { exact: false }).first().waitFor();

      // A custom inject reaches every table.
      await fac.page.getByLabel("Title").fill("Cable cut");
      await fac.page.getByLabel("Text", { exact: true }).fill("A storm cuts the strait's cable.");
      await fac.page.getByRole("button", { name: "Fire at every table" }).click();
      await fac.page.getByText("Inject: table 1 done", { exact: false }).waitFor();
      await untilCount(fac.page, ".broadcast-results .done", 3);
      for (const s of students) {
        await s.page.getByRole("tab", { name: "Intelligence" }).click();
        await s.page.locator(".events", { hasText: "A storm cuts the strait's cable." }).waitFor();
      }

      // Flo moves from table 3 to table 1: her screen follows, and she plays her state there with Dee.
      await fac.page
        .getByRole("combobox", { name: "Student" })
        .selectOption({ label: "Flo (table 3, Serevan)" });
      await fac.page.getByLabel("To table").selectOption("1");
      await fac.page.getByRole("button", { name: "Move", exact: true }).click();
      await fac.page.locator(".table-card", { hasText: "Table 1" }).getByText("Dee, Flo").waitFor();
      const flo = students[5] as (typeof students)[number];
      await flo.page.getByText("The facilitator moved you to another table.").waitFor({ state: "attached" });
      await flo.page.getByRole("tab", { name: "Intelligence" }).click();
      await flo.page.locator(".events", { hasText: "A storm cuts the strait's cable." }).waitFor();

      // A table's console opens from its card with the exercise's key; a reload brings the dashboard back.
      const [console1] = await Promise.all([
        fac.page.context().waitForEvent("page"),
        fac.page.getByRole("link", { name: "Open table 2's console" }).click(),
      ]);
      await console1.getByText("Rules for this session").waitFor();
      await console1.close();
      await fac.page.reload();
      await untilCount(fac.page, ".table-card", 3);

      await fac.page.getByRole("heading", { name: "How the tables compare" }).waitFor();
      await checkScreen(fac.page, "71-exercise-dashboard-playing");

      // End every table: the debrief compares them, by treatment and side by side.
      await fac.page.getByRole("button", { name: "End all tables" }).click();
      await fac.page
        .getByRole("dialog", { name: "End the game at every table?" })
        .getByRole("button", { name: "End all tables" })
        .click();
      for (const n of [1, 2, 3])
        await fac.page
          .locator(".table-card", { has: fac.page.getByRole("heading", { name: `Table ${n}` }) })
          .getByText("Ended by the facilitator")
          .waitFor();
      const all = fac.page.locator(".compare tr", {
        has: fac.page.getByRole("rowheader", { name: "All tables" }),
      });
      await all.getByText("3 of 3").waitFor();
      for (const label of ["Hotline from the start", "No measures"])
        await fac.page.locator(".compare tr", { hasText: label }).first().waitFor();
      await checkScreen(fac.page, "72-exercise-debrief");
      expect(fac.errors).toEqual([]);
    },
    E2E_TEST,
  );
});
