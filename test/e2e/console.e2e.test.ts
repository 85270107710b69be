/**
 * The facilitator's console in the browser: the session rules set in the lobby (strikes need approval), a
 * student's strike waiting for the facilitator and refused, and the teacher's material, every state's secret
 * objectives and an inject's effects shown before it fires.
 */
import { describe, expect, it } from "vitest";
import { findScenario } from "@firebreak/shared/scenario-files";
import { join } from "../server/harness.ts";
import { checkScreen, E2E_TEST, openPage, withServerAndBrowser } from "./pages.ts";

const e2e = withServerAndBrowser();

describe("the facilitator's console", () => {
  it(
    "shows the teacher's material and the strike setting, and a strike waits for the facilitator's answer",
    async () => {
      const found = findScenario("baltic-fog");
      if (!found.ok) throw new Error("baltic-fog is a valid scenario");
      const teacher = found.scenario.teacher;
      if (!teacher) throw new Error("baltic-fog has a teacher block");
      const fac = await openPage(e2e.browser, e2e.srv.http);
      const page = fac.page;

      await page.getByLabel("Exercise name").fill("Rules rehearsal");
      await page.getByRole("button", { name: "Open the exercise" }).click();
      const code = ((await page.locator(".join-code").textContent()) ?? "").trim();

      // In the lobby the facilitator makes strikes wait for approval.
      await page.getByLabel("Military strikes").selectOption("approval");
      await page.getByRole("button", { name: "Save the rules" }).click();
      await page.locator(".current-rules", { hasText: "waits for the facilitator's approval" }).waitFor();

      const lookup = (await (await fetch(`${e2e.srv.http}/api/games/${code}`)).json()) as { roomId: string };
      const ana = await join(e2e.srv.url, lookup.roomId, {
        code,
        name: "Ana",
        role: "player",
        seat: "aestria",
      });
      expect(ana.view.session.settings.strikes).toBe("approval");
      await page.locator(".seats", { hasText: "Ana" }).waitFor();
      await page.getByRole("button", { name: "Start the exercise" }).click();

      // The console: the rule in force, the teacher's notes, every state's objectives, an inject before it
      // fires.
      await page.getByRole("heading", { name: "Facilitator console" }).waitFor();
      await page.locator(".current-rules", { hasText: "waits for the facilitator's approval" }).waitFor();
      const notes = page.locator(".teacher");
      await notes.getByText("Teacher's notes (only you see these)").waitFor();
      expect(await notes.textContent()).toContain(teacher.case);
      expect(await notes.textContent()).toContain(teacher.learningObjectives[0] ?? "");
      await page.getByText("Secret objectives of every state").click();
      expect(await page.locator(".objectives-all li li").count()).toBeGreaterThanOrEqual(4);
      const library = found.scenario.injects?.library ?? [];
      const inject = library.find((i) => i.effects.length > 0);
      if (!inject) throw new Error("baltic-fog has a library inject with effects");
      await page.getByLabel("From the scenario").selectOption(inject.id);
      const preview = page.locator(".inject-preview", { hasText: inject.title }).first();
      await preview.waitFor();
      expect(await preview.textContent()).toContain("What it does:");
      await notes.scrollIntoViewIfNeeded();
      await checkScreen(page, "31-console-teacher-notes");

      // Ana orders a strike: it waits for the facilitator, who refuses it.
      await ana.until((v) => v.session.phase === "planning");
      expect((await ana.ask("orders", { turn: 1, orders: [{ type: "strike", target: "borevia" }] })).ok).toBe(
        true,
      );
      const waiting = page.locator(".strikes-waiting li", {
        hasText: "Aestria (Ana) orders a military strike on Borevia",
      });
      await waiting.waitFor();
      await waiting.scrollIntoViewIfNeeded();
      await checkScreen(page, "30-console-strike-waiting");
      await waiting.getByRole("button", { name: "Refuse" }).click();
      await page.locator(".strikes-waiting").waitFor({ state: "detached" });
      const refused = await ana.until((v) => v.session.heldStrikes[0]?.status === "refused");
      expect(refused.game.private.aestria?.orders).toEqual([]);
      expect(fac.errors).toEqual([]);
      await ana.room.leave();
    },
    E2E_TEST,
  );
});
