/**
 * A tournament's checkpoint file (`npm run tournament -- --checkpoint <file>`): the scores of the games
 * played so far, one JSON line each, after a first line that says which tournament they belong to. A run that
 * stops (a closed laptop, a killed job) continues from the file; the games are deterministic, so the table is
 * the one an unbroken run prints.
 */
import { closeSync, existsSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";
import { botLabel, type BotSpec } from "../bots/doctrines.ts";
import type { BotOptions } from "../bots/bot.ts";
import { canonicalJson, hashString } from "../model/hash.ts";
import type { TournamentSpec } from "../sim/tournament-games.ts";
import type { GameScore } from "../sim/tournament-table.ts";

/** The version of the file's layout. */
const LAYOUT = 1;

/**
 * What identifies a tournament: everything that decides its games (the bots' code aside, which must not
 * change between parts).
 */
export function tournamentKey(spec: TournamentSpec, botOptions: BotOptions): string {
  const labels = (list: readonly BotSpec[] | undefined): string[] => (list ?? []).map(botLabel);
  return canonicalJson({
    scenario: spec.scenario.id,
    scenarioHash: hashString(canonicalJson(spec.scenario)),
    games: spec.games,
    seed: spec.seed,
    format: spec.format ?? "roundrobin",
    bots: labels(spec.bots),
    field: labels(spec.field),
    options: spec.options ?? {},
    budget: botOptions.budget ?? null,
  });
}

/** An open checkpoint: the scores it holds by game index, and a way to add one. */
export interface Checkpoint {
  done: Map<number, GameScore>;
  record(index: number, score: GameScore): void;
  close(): void;
}

function isScore(x: unknown): x is GameScore {
  if (typeof x !== "object" || x === null) return false;
  const s = x as Record<string, unknown>;
  const outcomeOk = s.outcome === "armedConflict" || s.outcome === "stablePeace" || s.outcome === "turnLimit";
  const scores = s.scores;
  return (
    outcomeOk &&
    typeof scores === "object" &&
    scores !== null &&
    Object.values(scores).every((v) => typeof v === "number" && Number.isFinite(v))
  );
}

/**
 * Opens (or starts) the checkpoint at `path` for the tournament `key` of `games` games. Throws a plain error
 * when the file belongs to another tournament or is damaged; a last line cut short by a stop mid-write is
 * dropped.
 */
export function openCheckpoint(path: string, key: string, games: number): Checkpoint {
  const done = new Map<number, GameScore>();
  const header = `${JSON.stringify({ checkpoint: LAYOUT, tournament: JSON.parse(key) as unknown })}\n`;
  const text = existsSync(path) ? readFileSync(path, "utf8") : "";
  // A stop mid-write leaves at most one partial line, at the end, without its newline: it is dropped.
  let kept = text.slice(0, text.lastIndexOf("\n") + 1);
  if (kept === "" && header.startsWith(text)) kept = header;
  else if (!kept.startsWith(header))
    throw new Error(
      `${path} is the checkpoint of another tournament (or was written by another version): its ` +
        `first line is ${text.split("\n")[0]?.slice(0, 300)}; this run's is ${header.trim()}`,
    );
  kept
    .slice(header.length)
    .split("\n")
    .slice(0, -1)
    .forEach((line, n) => {
      let entry: { i?: unknown; s?: unknown };
      try {
        entry = JSON.parse(line) as { i?: unknown; s?: unknown };
      } catch {
        throw new Error(`${path}, line ${n + 2}: not JSON: ${line.slice(0, 200)}`);
      }
      if (
        typeof entry.i !== "number" ||
        !Number.isInteger(entry.i) ||
        entry.i < 0 ||
        entry.i >= games ||
        !isScore(entry.s)
      )
        throw new Error(
          `${path}, line ${n + 2}: not a game's score of this tournament: ${line.slice(0, 200)}`,
        );
      done.set(entry.i, entry.s);
    });
  let fd: number;
  let position: number;
  if (kept === header && !text.startsWith(header)) {
    // New, or only part of the first line was written: start the file.
    fd = openSync(path, "w");
    position = writeSync(fd, header, 0);
  } else {
    // Keep every complete line as it is on disk (nothing is rewritten), cut a partial last one, append after.
    fd = openSync(path, "r+");
    position = Buffer.byteLength(kept);
    ftruncateSync(fd, position);
  }
  return {
    done,
    record(index, score) {
      position += writeSync(fd, `${JSON.stringify({ i: index, s: score })}\n`, position);
      done.set(index, score);
    },
    close() {
      closeSync(fd);
    },
  };
}
