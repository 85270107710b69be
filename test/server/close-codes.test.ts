/** The web client and the server agree on the close codes they define on each side. */
import { expect, it } from "vitest";
import { HANDED_OVER_CLOSE_CODE as clientCode } from "../../client/src/net/close-codes.ts";
import { HANDED_OVER_CLOSE_CODE as serverCode } from "../../server/src/cluster/handover.ts";

it("the hand-over close code is the same in the web client and the server", () => {
  expect(clientCode).toBe(serverCode);
});
