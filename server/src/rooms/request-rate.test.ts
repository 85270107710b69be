import { describe, expect, it } from "vitest";
import { REQUEST_RATE, RequestRate } from "./request-rate.ts";

function clocked(limits = REQUEST_RATE) {
  const clock = { t: 1_000_000 };
  return { clock, rate: new RequestRate(limits, () => clock.t) };
}

const takeN = (rate: RequestRate, key: string, n: number): number =>
  Array.from({ length: n }, () => rate.take(key)).filter(Boolean).length;

describe("request rate", () => {
  it("lets a full burst through at once, then refuses until tokens come back", () => {
    const { rate } = clocked();
    expect(takeN(rate, "m1", REQUEST_RATE.burst)).toBe(REQUEST_RATE.burst);
    expect(rate.take("m1")).toBe(false);
    expect(rate.take("m1")).toBe(false);
  });

  it("refills at its rate, never beyond the burst", () => {
    const { clock, rate } = clocked({ burst: 5, perSecond: 10 });
    expect(takeN(rate, "m", 5)).toBe(5);
    clock.t += 100;
    expect(takeN(rate, "m", 3)).toBe(1);
    clock.t += 250;
    expect(takeN(rate, "m", 5)).toBe(2);
    clock.t += 60_000;
    expect(takeN(rate, "m", 10)).toBe(5);
  });

  it("does not count refused requests against the member, and a clock running backwards adds nothing", () => {
    const { clock, rate } = clocked({ burst: 2, perSecond: 1 });
    expect(takeN(rate, "m", 2)).toBe(2);
    clock.t += 500;
    expect(takeN(rate, "m", 50)).toBe(0);
    clock.t += 500;
    expect(rate.take("m")).toBe(true);
    clock.t -= 10_000;
    expect(rate.take("m")).toBe(false);
  });

  it(
    "a person's busiest minute is never limited: accept all on 10 proposals, orders, ready and " +
      "chat, then a turn's requests every few seconds",
    () => {
      const { clock, rate } = clocked();
      for (let turn = 0; turn < 20; turn++) {
        const burst = turn === 0 ? 14 : 4;
        for (let i = 0; i < burst; i++) {
          expect(rate.take("player")).toBe(true);
          clock.t += 15;
        }
        clock.t += 3_000;
      }
    },
  );

  it("a scripted client at 10 requests a second is never limited; at 20 a second it is after about three seconds", () => {
    const { clock, rate } = clocked();
    for (let i = 0; i < 600; i++) {
      expect(rate.take("bot-at-10")).toBe(true);
      clock.t += 100;
    }
    let first = -1;
    for (let i = 0; i < 200 && first < 0; i++) {
      if (!rate.take("bot-at-20")) first = i;
      clock.t += 50;
    }
    expect(first).toBeGreaterThan(55);
    expect(first).toBeLessThan(65);
  });

  it("keeps a bucket per key and frees it on forget", () => {
    const { rate } = clocked({ burst: 1, perSecond: 1 });
    expect(rate.take("a")).toBe(true);
    expect(rate.take("a")).toBe(false);
    expect(rate.take("b")).toBe(true);
    expect(rate.size).toBe(2);
    rate.forget("a");
    expect(rate.size).toBe(1);
    expect(rate.take("a")).toBe(true);
  });
});
