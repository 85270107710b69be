/**
 * The web client after a hand-over: when its game's room closes with the hand-over close code (its process is
 * stopping, cluster/handover.ts), the page says it is reconnecting and, once the game runs again (here restored
 * in the same server, as another process would), rejoins with its seat token by itself, its orders with it.
 */
import { matchMaker } from "@colyseus/core";
import { describe, expect, it } from "vitest";
import { restoreGame } from "../../server/src/cluster/adopt.ts";
import { HANDED_OVER_CLOSE_CODE } from "../../server/src/cluster/handover.ts";
import { roomsByCode } from "../../server/src/games/registry.ts";
import { services } from "../../server/src/services.ts";
import { boardReady, E2E_TEST, openPage, untilCount, withServerAndBrowser } from "../e2e/pages.ts";

const e2e = withServerAndBrowser();

describe("a game handed over under an open page", () => {
  it(
    "rejoins by itself with its seat token once the game runs again",
    async () => {
      const { page, errors } = await openPage(e2e.browser, e2e.srv.http);
      await page.getByLabel("Your state").selectOption("meridia");
      await page.getByRole("button", { name: "Play solo as Meridia" }).click();
      await boardReady(page);
      await page.getByLabel("Action").selectOption("hunt");
      await page.getByRole("button", { name: "Add order" }).click();
      await page.getByText("Orders saved (1).").waitFor();
      const [roomId] = [...roomsByCode.values()];
      const room = roomId === undefined ? undefined : matchMaker.getLocalRoomById(roomId);
      if (!room || roomId === undefined) throw new Error("no game room");

      // The game leaves this server as in a hand-over; until it runs again the page keeps trying.
      await room.disconnect(HANDED_OVER_CLOSE_CODE);
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor();
      expect(matchMaker.getLocalRoomById(roomId)).toBeUndefined();
      const stored = services().store.game(roomId);
      if (!stored) throw new Error("the game is not in the store");
      expect(await restoreGame(services().store, stored)).toBe(true);
      await page.getByRole("alert").filter({ hasText: "reconnecting" }).waitFor({ state: "detached" });
      await page.locator(".topbar", { hasText: "Meridia" }).waitFor();
      await untilCount(page, ".planned li", 1);
      await page.getByRole("button", { name: "Ready: end my turn" }).click();
      await page.getByRole("heading", { name: /Orders for turn 2/ }).waitFor();
      expect(
        errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource|net::/.test(e)),
      ).toEqual([]);
    },
    E2E_TEST,
  );
});
