import { afterEach, describe, expect, it, vi } from "vitest";
import { started } from "../testing/fixtures.ts";
import { noticeLink, publicUrlFromEnv, withLinks } from "./links.ts";
import { DeadlineWatch, type Notice } from "./notices.ts";
import { notifierFromEnv } from "./notifier.ts";

const resolved: Notice = { kind: "turnResolved", gameId: "gAb1", name: "Class", turn: 1, nextTurn: 2, at: 5 };

describe("links in notices", () => {
  it("FIREBREAK_PUBLIC_URL is an http(s) address without a query; its trailing slash goes", () => {
    expect(publicUrlFromEnv({})).toBeNull();
    expect(publicUrlFromEnv({ FIREBREAK_PUBLIC_URL: "https://fb.example.org/" })).toBe(
      "https://fb.example.org",
    );
    expect(publicUrlFromEnv({ FIREBREAK_PUBLIC_URL: "https://fb.example.org/class/" })).toBe(
      "https://fb.example.org/class",
    );
    expect(() => publicUrlFromEnv({ FIREBREAK_PUBLIC_URL: "fb.example.org" })).toThrow(/http\(s\) URL/);
    expect(() => publicUrlFromEnv({ FIREBREAK_PUBLIC_URL: "ftp://fb.example.org" })).toThrow(/http\(s\) URL/);
    expect(() => publicUrlFromEnv({ FIREBREAK_PUBLIC_URL: "https://fb.example.org/?a=1" })).toThrow(/query/);
  });

  it("a running game's notice links to its turn summary, an ended game's to its replay; never a token", () => {
    expect(noticeLink("https://fb.example.org", resolved)).toBe("https://fb.example.org/?summary=gAb1");
    const ended: Notice = { kind: "gameEnded", gameId: "gAb1", name: "Class", turn: 4, outcome: null, at: 9 };
    expect(noticeLink("https://fb.example.org", ended)).toBe("https://fb.example.org/?replay=gAb1");
    const got: Notice[] = [];
    withLinks({ notify: (n) => got.push(n), close: async () => {} }, "https://fb.example.org").notify(
      resolved,
    );
    expect(got).toEqual([{ ...resolved, link: "https://fb.example.org/?summary=gAb1" }]);
  });

  it("the configured notifier adds the link; without FIREBREAK_PUBLIC_URL there is none", () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((l) => lines.push(String(l)) > 0);
    try {
      notifierFromEnv({ FIREBREAK_NOTIFY: "log", FIREBREAK_PUBLIC_URL: "https://fb.example.org" }).notify(
        resolved,
      );
      notifierFromEnv({ FIREBREAK_NOTIFY: "log" }).notify(resolved);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(lines[0]?.replace("firebreak-notice ", "") ?? "{}").link).toBe(
      "https://fb.example.org/?summary=gAb1",
    );
    expect(JSON.parse(lines[1]?.replace("firebreak-notice ", "") ?? "{}").link).toBeUndefined();
  });
});

describe("a deadline weeks away", () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  it("is announced an hour before it, not at once (past setTimeout's 24.8-day limit)", () => {
    vi.useFakeTimers({ now: 0 });
    const got: Notice[] = [];
    const day = 24 * 3600 * 1000;
    const s = { ...started().s, deadline: 30 * day, pausedRemaining: null };
    const watch = new DeadlineWatch((n) => got.push(n), 3600 * 1000);
    watch.update("g1", s, 0);
    vi.advanceTimersByTime(25 * day);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(5 * day - 3600 * 1000 - 1);
    expect(got).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(got.map((n) => n.kind)).toEqual(["deadlineNear"]);
  });
});
