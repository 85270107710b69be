import { describe, expect, it } from "vitest";
import { WindowLimiter } from "./rate-limit.ts";

function limiter(limit: number, windowMs: number, maxKeys?: number) {
  const clock = { t: 1_000_000 };
  const l = new WindowLimiter(
    { limit, windowMs, ...(maxKeys === undefined ? {} : { maxKeys }) },
    () => clock.t,
  );
  return { l, clock };
}

describe("WindowLimiter", () => {
  it("allows `limit` events per window, then refuses until the window has passed", () => {
    const { l, clock } = limiter(3, 60_000);
    expect([l.hit("1.2.3.4"), l.hit("1.2.3.4"), l.hit("1.2.3.4")]).toEqual([true, true, true]);
    expect(l.exhausted("1.2.3.4")).toBe(true);
    expect(l.hit("1.2.3.4")).toBe(false);
    expect(l.hit("5.6.7.8")).toBe(true);
    clock.t += 59_999;
    expect(l.exhausted("1.2.3.4")).toBe(true);
    clock.t += 1;
    expect(l.exhausted("1.2.3.4")).toBe(false);
    expect(l.hit("1.2.3.4")).toBe(true);
  });

  it("counts a whole IPv6 /64 as one client, and an IPv4-mapped address as its IPv4 address", () => {
    const { l } = limiter(2, 60_000);
    expect(l.hit("2001:db8:1:2::1")).toBe(true);
    expect(l.hit("2001:db8:1:2:dead:beef:0:1")).toBe(true);
    expect(l.hit("2001:db8:1:2::99")).toBe(false);
    expect(l.hit("2001:db8:1:3::1")).toBe(true);
    expect(l.hit("::ffff:9.9.9.9")).toBe(true);
    expect(l.hit("9.9.9.9")).toBe(true);
    expect(l.exhausted("::ffff:9.9.9.9")).toBe(true);
  });

  it("forgets expired windows, so many one-off clients do not pile up", () => {
    const { l, clock } = limiter(5, 1000);
    for (let i = 0; i < 500; i++) l.hit(`10.0.${i >> 8}.${i & 255}`);
    expect(l.size).toBe(500);
    clock.t += 1000;
    l.hit("192.0.2.1");
    expect(l.size).toBe(1);
  });

  it("holds at most maxKeys windows, dropping the oldest first", () => {
    const { l, clock } = limiter(1, 60_000, 3);
    for (const a of ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"]) {
      l.hit(a);
      clock.t += 1;
    }
    expect(l.size).toBe(3);
    expect(l.exhausted("10.0.0.1")).toBe(false);
    expect(l.exhausted("10.0.0.4")).toBe(true);
  });

  it("clear forgets everything", () => {
    const { l } = limiter(1, 60_000);
    l.hit("10.0.0.1");
    l.clear();
    expect(l.size).toBe(0);
    expect(l.hit("10.0.0.1")).toBe(true);
  });
});
