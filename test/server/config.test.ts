/** The environment variables of the HTTP surface: defaults, and refusal of values that make no sense. */
import { describe, expect, it } from "vitest";
import { configFromEnv, parseOperatorToken } from "../../server/src/main.ts";

describe("configFromEnv: limits, origins and the operator token", () => {
  it("has defaults for every limit, no operator token and no extra origin", () => {
    const c = configFromEnv({});
    expect(c).toMatchObject({
      createsPerWindow: 30,
      createWindowSeconds: 600,
      maxGames: 500,
      maxBodyBytes: 16384,
      operatorToken: null,
      allowedOrigins: [],
    });
  });

  it("reads each variable", () => {
    const c = configFromEnv({
      FIREBREAK_CREATES_PER_WINDOW: "5",
      FIREBREAK_CREATE_WINDOW_SECONDS: "60",
      FIREBREAK_MAX_GAMES: "20",
      FIREBREAK_MAX_BODY_BYTES: "4096",
      FIREBREAK_OPERATOR_TOKEN: "a-long-enough-secret",
      FIREBREAK_ALLOWED_ORIGINS: "https://class.example.net, http://localhost:5173",
    });
    expect(c).toMatchObject({
      createsPerWindow: 5,
      createWindowSeconds: 60,
      maxGames: 20,
      maxBodyBytes: 4096,
      operatorToken: "a-long-enough-secret",
      allowedOrigins: ["https://class.example.net", "http://localhost:5173"],
    });
  });

  it("refuses to start on a value that makes no sense", () => {
    expect(() => configFromEnv({ FIREBREAK_MAX_GAMES: "-1" })).toThrow(/FIREBREAK_MAX_GAMES/);
    expect(() => configFromEnv({ FIREBREAK_CREATES_PER_WINDOW: "many" })).toThrow(
      /FIREBREAK_CREATES_PER_WINDOW/,
    );
    expect(() => configFromEnv({ FIREBREAK_CREATE_WINDOW_SECONDS: "0" })).toThrow(
      /FIREBREAK_CREATE_WINDOW_SECONDS must be above 0/,
    );
    expect(() => configFromEnv({ FIREBREAK_MAX_BODY_BYTES: "0" })).toThrow(
      /FIREBREAK_MAX_BODY_BYTES must be above 0/,
    );
    expect(() => configFromEnv({ FIREBREAK_ALLOWED_ORIGINS: "class.example.net" })).toThrow(
      /FIREBREAK_ALLOWED_ORIGINS/,
    );
    expect(() => parseOperatorToken("short")).toThrow(/at least 16 characters/);
    expect(() => parseOperatorToken("has a space in it somewhere")).toThrow(/no spaces/);
    expect(parseOperatorToken("")).toBe(null);
  });
});
