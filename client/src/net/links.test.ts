import { describe, expect, it } from "vitest";
import { joinLink, parseJoinCode, parseSecretLink, secretLink } from "./links.ts";

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

describe("join links", () => {
  it("carry a code in the query, read back whatever its case and dashes, and refuse anything else", () => {
    expect(parseJoinCode(new URL(joinLink("http://localhost:2567", "ABC123")).search)).toBe("ABC123");
    expect(parseJoinCode("?join=abc-123")).toBe("ABC123");
    for (const bad of ["", "?join=", "?join=AB", "?join=ABC123456", "?join=AB%3Cs%3E1", "?code=ABC123"])
      expect(parseJoinCode(bad)).toBeNull();
  });
});
