/**
 * The clock's words and warning times, for turns from a minute to a week: "4:05 left" in a short turn, "3 h
 * 12 min left" or "2 days 3 h left" in a long one, and warnings scaled to the turn (a minute and ten seconds
 * before the end of a short turn, an hour and ten minutes before the end of a daily one, a day and an hour
 * before a weekly one's).
 */

const HOUR = 3600;
const DAY = 24 * HOUR;

/** The two warning times (seconds left) of a turn `turnSeconds` long: the first warning, then the last. */
export function warningTimes(turnSeconds: number): { first: number; last: number } {
  if (turnSeconds <= HOUR) return { first: 60, last: 10 };
  if (turnSeconds <= 6 * HOUR) return { first: 10 * 60, last: 60 };
  if (turnSeconds <= 2 * DAY) return { first: HOUR, last: 10 * 60 };
  return { first: DAY, last: HOUR };
}

/**
 * The warning level for `s` seconds left in a turn `turnSeconds` long: 2 at the last warning or less, 1 at
 * the first, else 0.
 */
export function warningLevel(s: number, turnSeconds: number): 0 | 1 | 2 {
  const w = warningTimes(turnSeconds);
  return s <= w.last ? 2 : s <= w.first ? 1 : 0;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A span of `s` seconds in words: "2 days 3 h", "5 h 20 min", "12:05" under an hour (long: "2 days 3 hours",
 * "12 minutes").
 */
export function spanWords(s: number, long = false): string {
  const d = Math.floor(s / DAY);
  const h = Math.floor((s % DAY) / HOUR);
  const m = Math.floor((s % HOUR) / 60);
  const hours = (n: number) => (long ? plural(n, "hour", "hours") : `${n} h`);
  const mins = (n: number) => (long ? plural(n, "minute", "minutes") : `${n} min`);
  if (d > 0) return h > 0 ? `${plural(d, "day", "days")} ${hours(h)}` : plural(d, "day", "days");
  if (h > 0) return m > 0 ? `${hours(h)} ${mins(m)}` : hours(h);
  if (long && m > 0 && (m >= 10 || s % 60 === 0)) return mins(m);
  return long
    ? `${mins(m)} ${plural(s % 60, "second", "seconds")}`
    : `${m}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The time left as the clock shows it: "4:05 left" under an hour, else "2 days 3 h left", "1 h 5 min left".
 */
export function timeLeftWords(s: number): string {
  return `${spanWords(s)} left`;
}

/** The time left for screen readers: "4 minutes 5 seconds left", "2 days 3 hours left". */
export function timeLeftSaid(s: number): string {
  return `${spanWords(s, true)} left`;
}

/**
 * What the clock says once when a warning begins: "One minute left in this turn.", "1 hour left in this
 * turn.".
 */
export function warningSaid(level: 0 | 1 | 2, turnSeconds: number): string {
  if (level === 0) return "";
  const w = warningTimes(turnSeconds);
  const at = level === 1 ? w.first : w.last;
  if (at === 60) return "One minute left in this turn.";
  if (at === 10) return "Ten seconds left in this turn.";
  return `${spanWords(at, true)} left in this turn.`;
}

/** The short mark beside the clock during a warning: " — under a minute", " — under 1 hour". */
export function warningMark(level: 0 | 1 | 2, turnSeconds: number): string {
  if (level === 0) return "";
  const w = warningTimes(turnSeconds);
  const at = level === 1 ? w.first : w.last;
  if (at === 10) return " — last seconds!";
  if (at === 60) return " — under a minute";
  return ` — under ${spanWords(at, true)}`;
}

/** Whether a turn is long enough for its deadline's date and time to be worth showing (over an hour). */
export function isLongTurn(turnSeconds: number): boolean {
  return turnSeconds > HOUR;
}

/**
 * A deadline's local date and time in words: "Thu 3 Dec, 14:00" (with the year when it is not this year's).
 */
export function deadlineWords(deadline: number, now: number, locale?: string): string {
  const d = new Date(deadline);
  const sameYear = d.getFullYear() === new Date(now).getFullYear();
  const date = d.toLocaleDateString(locale, {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
  });
  const time = d.toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  return `${date}, ${time}`;
}

const UNIT_SECONDS = { minutes: 60, hours: HOUR, days: DAY } as const;
/** A unit a turn's length is given in. */
export type LengthUnit = keyof typeof UNIT_SECONDS;

/** The unit a turn of `seconds` reads best in, and how many of it: 2 days, 3 hours, 90 minutes. */
export function lengthIn(seconds: number): { n: number; unit: LengthUnit } {
  if (seconds > 0 && seconds % DAY === 0) return { n: seconds / DAY, unit: "days" };
  if (seconds > 0 && seconds % HOUR === 0) return { n: seconds / HOUR, unit: "hours" };
  return { n: Math.max(1, Math.round(seconds / 60)), unit: "minutes" };
}

/** `n` units in seconds, within a turn's limits (a minute to a week). */
export function lengthSeconds(n: number, unit: LengthUnit): number {
  return Math.min(7 * DAY, Math.max(60, Math.round((Number.isFinite(n) ? n : 1) * UNIT_SECONDS[unit])));
}
