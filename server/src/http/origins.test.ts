import { describe, expect, it } from "vitest";
import { corsHeaders, originAllowed, parseAllowedOrigins, requestHost } from "./origins.ts";

const own = { host: "game.example.org:2567" };
const policy = { allowed: ["https://class.example.net"], trustForwardedHost: false };

describe("allowed origins", () => {
  it("parses a comma-separated list of origins and refuses anything else", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(" ")).toEqual([]);
    expect(parseAllowedOrigins("https://a.example, http://localhost:5173/")).toEqual([
      "https://a.example",
      "http://localhost:5173",
    ]);
    expect(() => parseAllowedOrigins("a.example")).toThrow(/not an origin/);
    expect(() => parseAllowedOrigins("https://a.example/path")).toThrow(/not an origin/);
    expect(() => parseAllowedOrigins("*")).toThrow(/not an origin/);
  });

  it("allows the request's own host and the configured origins, nothing else", () => {
    expect(originAllowed("http://game.example.org:2567", own, policy)).toBe(true);
    expect(originAllowed("https://game.example.org:2567", own, policy)).toBe(true);
    expect(originAllowed("https://class.example.net", own, policy)).toBe(true);
    expect(originAllowed("https://evil.example", own, policy)).toBe(false);
    expect(originAllowed("http://game.example.org", own, policy)).toBe(false);
    expect(originAllowed("null", own, policy)).toBe(false);
    expect(originAllowed("not a url", own, policy)).toBe(false);
  });

  it("believes X-Forwarded-Host only when a trusted proxy sets it", () => {
    const proxied = { host: "127.0.0.1:2567", "x-forwarded-host": "game.example.org" };
    expect(requestHost(proxied, false)).toBe("127.0.0.1:2567");
    expect(requestHost(proxied, true)).toBe("game.example.org");
    expect(originAllowed("https://game.example.org", proxied, { ...policy, trustForwardedHost: true })).toBe(
      true,
    );
    expect(originAllowed("https://game.example.org", proxied, policy)).toBe(false);
    expect(requestHost({ host: "evil;script-src *" }, false)).toBe(null);
  });

  it("answers CORS headers for an allowed origin only", () => {
    expect(corsHeaders({ ...own, origin: "https://evil.example" }, policy)).toEqual({});
    expect(corsHeaders(own, policy)).toEqual({});
    const ok = corsHeaders(new Headers({ ...own, origin: "https://class.example.net" }), policy);
    expect(ok["Access-Control-Allow-Origin"]).toBe("https://class.example.net");
    expect(ok.Vary).toBe("Origin");
  });
});
