/**
 * What the batch CLIs (simulate, objectives, tournament) share: failing with their usage, the common options,
 * the scenario, progress.
 */
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import type { Scenario } from "../scenario/schema.ts";
import { formatProblems } from "../scenario/validate.ts";
import { findScenario } from "../io/scenario-files.ts";
import { BOT_PERSONAS, PERSONAS, type BotPersona } from "../bots/persona-names.ts";
import { BOT_LEVELS, type BotLevel } from "../bots/doctrines.ts";
import { CBM_KINDS, type CbmKind } from "../model/cbms.ts";

/** A CLI's way to stop on bad arguments: the message, then its usage line, exit code 2. */
export type Fail = (message: string) => never;

/** A failer that prints `usage` after the message. */
export function failWith(usage: string): Fail {
  return (message: string): never => {
    process.stderr.write(`${message}\n${usage}\n`);
    process.exit(2);
  };
}

/** The options every batch CLI takes, beside its own. */
export const BATCH_OPTIONS = {
  scenario: { type: "string" },
  games: { type: "string" },
  seed: { type: "string" },
  "no-cbms": { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const satisfies ParseArgsOptionsConfig;

/** What `parseArgs` gives for `options`, strictly parsed. */
type Parsed<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ options: T; strict: true }>
>["values"];

/**
 * The command line parsed strictly with `options` (and `--scenario` required); a malformed or unknown flag
 * fails with the usage.
 */
export function parseOrFail<const T extends ParseArgsOptionsConfig>(
  fail: Fail,
  options: T,
): Parsed<T> & { scenario: string } {
  let values: Parsed<T>;
  try {
    values = parseArgs({ options, strict: true }).values as Parsed<T>;
  } catch (e) {
    fail((e as Error).message);
  }
  const scenario = (values as Record<string, unknown>).scenario;
  if (typeof scenario !== "string" || scenario === "") fail("--scenario is required");
  return values as Parsed<T> & { scenario: string };
}

/**
 * `--name` as a whole number from `min` to `max` (the default when absent), or a failure naming the range.
 */
export function wholeNumber(
  fail: Fail,
  name: string,
  value: string | undefined,
  dflt: number,
  min: number,
  max: number,
): number {
  const n = Number(value ?? dflt);
  if (!Number.isInteger(n) || n < min || n > max)
    fail(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

/** A comma-separated flag's trimmed, non-empty items ([] when the flag is absent). */
export function commaList(text: string | undefined): string[] {
  return text
    ? text
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

/** `--bot-level` when it names a level (undefined when absent), or a failure naming the levels. */
export function botLevelOrFail(fail: Fail, level: string | undefined): BotLevel | undefined {
  if (level !== undefined && !(BOT_LEVELS as readonly string[]).includes(level))
    fail(`unknown bot level "${level}"; known: ${BOT_LEVELS.join(", ")}`);
  return level as BotLevel | undefined;
}

/**
 * `--bots` personas, or a failure: every bot persona when bots play at a level, else the baseline ones only.
 */
export function personasOrFail(fail: Fail, names: readonly string[], levelled: boolean): BotPersona[] {
  const known: readonly string[] = levelled ? BOT_PERSONAS : PERSONAS;
  for (const b of names)
    if (!known.includes(b))
      fail(
        `unknown bot persona "${b}"; known: ${known.join(", ")}${levelled ? "" : " (opportunist and normBuilder need --bot-level)"}`,
      );
  return names as BotPersona[];
}

/** `--cbms` kinds, or a failure naming the known ones. */
export function cbmsOrFail(fail: Fail, names: readonly string[]): CbmKind[] {
  for (const c of names)
    if (!(CBM_KINDS as readonly string[]).includes(c))
      fail(`unknown CBM "${c}"; known: ${CBM_KINDS.join(", ")}`);
  return names as CbmKind[];
}

/** The scenario named by id or path; on problems, prints every one and exits 1. */
export function scenarioOrExit(idOrPath: string): Scenario {
  const loaded = findScenario(idOrPath);
  if (!loaded.ok) {
    process.stderr.write(`${formatProblems(loaded.problems)}\n`);
    process.exit(1);
  }
  return loaded.scenario;
}

/**
 * Progress on stderr for runs longer than a second: `tick(done)` at most twice a second, `end(text)` once.
 */
export function progress(total: number | null): {
  tick: (done: number) => void;
  end: (done: number) => void;
} {
  const started = Date.now();
  let last = started;
  const show = (done: number): string => (total === null ? `${done} games` : `${done}/${total} games`);
  return {
    tick: (done) => {
      const now = Date.now();
      if (now - started > 1000 && now - last > 500) {
        last = now;
        process.stderr.write(`\r${show(done)}`);
      }
    },
    end: (done) => {
      if (Date.now() - started > 1000)
        process.stderr.write(`\r${show(done)} in ${Math.round((Date.now() - started) / 1000)} s\n`);
    },
  };
}
