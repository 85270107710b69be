import { describe, expect, it } from "vitest";
import { parseSecretLink, secretLink } from "./links.ts";

describe("secret links", () => {
  it("round-trips invites and facilitator keys and refuses anything else", () => {
    const invite = { kind: "invite" as const, roomId: "gAbC_12-x", secret: "s3cretS3cret_-AB" };
    expect(parseSecretLink(new URL(secretLink("http://localhost:2567", invite)).hash)).toEqual(invite);
    const key = { kind: "key" as const, roomId: "gX1", secret: "k".repeat(22) };
    expect(parseSecretLink(new URL(secretLink("https://example.org", key)).hash)).toEqual(key);
    for (const bad of [
      "",
      "#",
      "#invite=",
      "#invite=gA.short",
      "#key=g<script>.aaaaaaaaaaaa",
      "#other=gA.aaaaaaaaaaaa",
      "#invite=gA.aaaaaaaaaaaa&x=1",
    ])
      expect(parseSecretLink(bad)).toBeNull();
  });
});
