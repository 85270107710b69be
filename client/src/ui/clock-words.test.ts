import { describe, expect, it } from "vitest";
import {
  deadlineWords,
  lengthIn,
  lengthSeconds,
  spanWords,
  timeLeftSaid,
  timeLeftWords,
  warningLevel,
  warningMark,
  warningSaid,
  warningTimes,
} from "./clock-words.ts";

const H = 3600;
const D = 24 * H;

describe("the clock's words", () => {
  it("a short turn counts minutes and seconds", () => {
    expect(timeLeftWords(245)).toBe("4:05 left");
    expect(timeLeftWords(9)).toBe("0:09 left");
    expect(timeLeftSaid(245)).toBe("4 minutes 5 seconds left");
    expect(timeLeftSaid(61)).toBe("1 minute 1 second left");
  });
  it("a long turn reads in days, hours and minutes", () => {
    expect(timeLeftWords(2 * D + 3 * H + 59)).toBe("2 days 3 h left");
    expect(timeLeftWords(D)).toBe("1 day left");
    expect(timeLeftWords(5 * H + 20 * 60 + 7)).toBe("5 h 20 min left");
    expect(timeLeftWords(H)).toBe("1 h left");
    expect(timeLeftWords(25 * 60)).toBe("25:00 left");
    expect(timeLeftSaid(25 * 60)).toBe("25 minutes left");
    expect(timeLeftSaid(2 * D + 3 * H)).toBe("2 days 3 hours left");
    expect(spanWords(7 * D, true)).toBe("7 days");
  });
  it("the deadline reads as a local date and time, with the year only when it is another year's", () => {
    const at = new Date(2026, 11, 3, 14, 5).getTime();
    const words = deadlineWords(at, new Date(2026, 11, 1).getTime(), "en-GB");
    expect(words).toContain("3 Dec");
    expect(words).toContain("14:05");
    expect(words).not.toContain("2026");
    expect(deadlineWords(at, new Date(2025, 11, 1).getTime(), "en-GB")).toContain("2026");
  });
});

describe("the clock's warnings follow the turn's length", () => {
  it("a turn of minutes warns at one minute and ten seconds", () => {
    expect(warningTimes(300)).toEqual({ first: 60, last: 10 });
    expect([warningLevel(61, 300), warningLevel(60, 300), warningLevel(10, 300)]).toEqual([0, 1, 2]);
    expect(warningSaid(1, 300)).toBe("One minute left in this turn.");
    expect(warningMark(2, 300)).toBe(" — last seconds!");
  });
  it("a daily turn warns at one hour and ten minutes, never with 'one minute left'", () => {
    expect(warningTimes(D)).toEqual({ first: H, last: 600 });
    expect(warningLevel(H + 1, D)).toBe(0);
    expect(warningLevel(H, D)).toBe(1);
    expect(warningLevel(600, D)).toBe(2);
    expect(warningSaid(1, D)).toBe("1 hour left in this turn.");
    expect(warningSaid(2, D)).toBe("10 minutes left in this turn.");
    expect(warningMark(1, D)).toBe(" — under 1 hour");
  });
  it("a weekly turn warns a day and an hour before; a few hours' turn ten minutes and one minute before", () => {
    expect(warningTimes(7 * D)).toEqual({ first: D, last: H });
    expect(warningLevel(2 * D, 7 * D)).toBe(0);
    expect(warningSaid(1, 7 * D)).toBe("1 day left in this turn.");
    expect(warningTimes(3 * H)).toEqual({ first: 600, last: 60 });
  });
});

describe("a turn's length in the console", () => {
  it("reads in the largest whole unit, and is kept between a minute and a week", () => {
    expect(lengthIn(D)).toEqual({ n: 1, unit: "days" });
    expect(lengthIn(3 * H)).toEqual({ n: 3, unit: "hours" });
    expect(lengthIn(300)).toEqual({ n: 5, unit: "minutes" });
    expect(lengthIn(0)).toEqual({ n: 1, unit: "minutes" });
    expect(lengthSeconds(2, "days")).toBe(2 * D);
    expect(lengthSeconds(30, "days")).toBe(7 * D);
    expect(lengthSeconds(0, "minutes")).toBe(60);
    expect(spanWords(300, true)).toBe("5 minutes");
  });
});
