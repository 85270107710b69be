import { afterEach, describe, expect, it } from "vitest";
import { shareLimits, type SharedCounts, WindowLimiter } from "./rate-limit.ts";

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

describe("WindowLimiter across processes", () => {
  afterEach(() => shareLimits(null));

  /** Counts as another process would see them: its own adds, plus `others` already counted elsewhere. */
  function shared(others: number): SharedCounts & { added: string[] } {
    const totals = new Map<string, number>();
    const added: string[] = [];
    return {
      added,
      add(name, key) {
        added.push(`${name}|${key}`);
        totals.set(`${name}|${key}`, (totals.get(`${name}|${key}`) ?? others) + 1);
      },
      total(name, key) {
        return totals.get(`${name}|${key}`) ?? 0;
      },
      clear() {
        totals.clear();
      },
    };
  }

  it("a named limiter meets the cluster's total: events counted elsewhere use up the address's window", () => {
    const counts = shared(9);
    shareLimits(counts);
    const l = new WindowLimiter({ name: "wrong", limit: 10, windowMs: 60_000 }, () => 0);
    expect(l.exhausted("1.2.3.4")).toBe(false);
    // The first event here learns the total (nine elsewhere and this one): the tenth is still allowed.
    expect(l.hit("1.2.3.4")).toBe(true);
    expect(l.exhausted("1.2.3.4")).toBe(true);
    expect(l.hit("1.2.3.4")).toBe(false);
    expect(l.hit("5.6.7.8")).toBe(true);
    expect(counts.added).toEqual(["wrong|1.2.3.4", "wrong|1.2.3.4", "wrong|5.6.7.8"]);
  });

  it("an unnamed limiter, or one process, counts its own events only", () => {
    const counts = shared(100);
    shareLimits(counts);
    const unnamed = new WindowLimiter({ limit: 2, windowMs: 60_000 }, () => 0);
    expect([unnamed.hit("1.2.3.4"), unnamed.hit("1.2.3.4"), unnamed.hit("1.2.3.4")]).toEqual([
      true,
      true,
      false,
    ]);
    expect(counts.added).toEqual([]);
    shareLimits(null);
    const named = new WindowLimiter({ name: "wrong", limit: 2, windowMs: 60_000 }, () => 0);
    expect([named.hit("1.2.3.4"), named.hit("1.2.3.4"), named.hit("1.2.3.4")]).toEqual([true, true, false]);
  });
});
