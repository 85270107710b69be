import { describe, expect, it } from "vitest";
import type { AuthContext } from "@colyseus/core";
import { matchmakeCall } from "./matchmake-admission.ts";

const ctx = (req: unknown): AuthContext => ({ ip: "127.0.0.1", headers: new Headers(), req });

describe("matchmakeCall", () => {
  it("reads the method and room from the matchmaking request's URL", () => {
    expect(matchmakeCall(ctx(new Request("http://h/matchmake/create/crisis", { method: "POST" })))).toEqual({
      method: "create",
      target: "crisis",
    });
    expect(matchmakeCall(ctx({ url: "http://h/matchmake/joinById/gAbc_-12?x=1" }))).toEqual({
      method: "joinById",
      target: "gAbc_-12",
    });
  });

  it("is null without a request or for another path", () => {
    expect(matchmakeCall(ctx(undefined))).toBe(null);
    expect(matchmakeCall(ctx({ headers: {} }))).toBe(null);
    expect(matchmakeCall(ctx({ url: "http://h/api/health" }))).toBe(null);
  });
});
