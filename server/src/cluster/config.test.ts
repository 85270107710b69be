/** A cluster is opt-in and fully configured, or the server refuses to start saying what is missing. */
import { describe, expect, it } from "vitest";
import { clusterFromEnv } from "./config.ts";

const full = {
  FIREBREAK_REDIS_URL: "redis://redis:6379",
  FIREBREAK_DATABASE_URL: "postgres://fb@db/firebreak",
  FIREBREAK_PUBLIC_ADDRESS: "play.example.org/p1",
};

describe("cluster configuration", () => {
  it("is off without FIREBREAK_REDIS_URL, whatever else is set", () => {
    expect(clusterFromEnv({})).toBeNull();
    expect(clusterFromEnv({ ...full, FIREBREAK_REDIS_URL: "" })).toBeNull();
  });

  it("reads the Redis URL, the public address and the adoption period (default 5 s)", () => {
    expect(clusterFromEnv(full)).toEqual({
      redisUrl: "redis://redis:6379",
      publicAddress: "play.example.org/p1",
      adoptSeconds: 5,
    });
    expect(
      clusterFromEnv({ ...full, FIREBREAK_PUBLIC_ADDRESS: "10.0.0.11:2567", FIREBREAK_ADOPT_SECONDS: "0" }),
    ).toMatchObject({ publicAddress: "10.0.0.11:2567", adoptSeconds: 0 });
  });

  it("refuses a cluster without PostgreSQL, without a public address, or with malformed values", () => {
    expect(() => clusterFromEnv({ ...full, FIREBREAK_DATABASE_URL: "" })).toThrow(/FIREBREAK_DATABASE_URL/);
    for (const address of [undefined, "", "https://play.example.org", "play example"])
      expect(() => clusterFromEnv({ ...full, FIREBREAK_PUBLIC_ADDRESS: address }), String(address)).toThrow(
        /FIREBREAK_PUBLIC_ADDRESS/,
      );
    expect(() => clusterFromEnv({ ...full, FIREBREAK_REDIS_URL: "redis:6379" })).toThrow(
      /FIREBREAK_REDIS_URL/,
    );
    expect(() => clusterFromEnv({ ...full, FIREBREAK_ADOPT_SECONDS: "-1" })).toThrow(
      /FIREBREAK_ADOPT_SECONDS/,
    );
  });
});
