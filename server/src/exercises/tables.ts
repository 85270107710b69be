/**
 * An exercise's tables: each is a class game of the exercise's scenario, made by the server (not from a
 * client's create options) with the exercise's facilitator key as its facilitator's key and its treatment's
 * options, so the game console works for it as for any class game, and it is journalled and restored like any
 * game.
 */
import { matchMaker } from "@colyseus/core";
import { RESTORE_KEY, services } from "../services.ts";
import type { NewGame } from "../session/creating.ts";
import { cleanName } from "../session/names.ts";
import type { Mint } from "../session/requests.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { createSession } from "../session/session.ts";
import type { CreateOptions } from "../session/types.ts";
import type { Exercise } from "./model.ts";

/** What the exercise asks the crisis room to open: the table's game id and its create entry. */
interface TableRequest {
  gameId: string;
  entry: NewGame["entry"];
}

/**
 * The create entry of table `i` (0-based) of an exercise: its options (with its treatment's) and the
 * exercise's facilitator.
 */
export function tableEntry(ex: Exercise, i: number, mint: Mint, at: number): NewGame["entry"] {
  const t = ex.tables[i];
  const treatment = t && t.treatment !== null ? ex.treatments[t.treatment] : undefined;
  const o = treatment?.options ?? {};
  const options: CreateOptions = {
    scenario: ex.scenario,
    seed: `${ex.seed}/table-${i + 1}`,
    name: cleanName(`${ex.name}, table ${i + 1}`).slice(0, 60),
    turnSeconds: ex.turnSeconds,
    botLevel: o.botLevel ?? ex.botLevel,
    solo: null,
    takeoverSeconds: services().takeoverSeconds,
    cbms: (o.cbms ?? []) as CreateOptions["cbms"],
    cast: "scenario",
    // A turn longer than an hour is played over days: a student offline for a while is not replaced by a bot.
    ...(ex.turnSeconds > 3600 ? { takeover: false } : {}),
    ...(o.noCbms ? { noCbms: true } : {}),
    ...(o.params !== undefined ? { params: o.params } : {}),
  };
  const facilitator = {
    id: mint.id("m"),
    name: ex.creatorName,
    role: "facilitator" as const,
    seat: null,
    token: ex.key,
  };
  return { kind: "create", at, by: facilitator.id, options, code: mint.code(), facilitator };
}

/**
 * Opens the room of every table not made yet (their game ids are in `ex.tables`). Throws `CODE: message` when
 * one cannot be.
 */
export async function openTables(ex: Exercise, mint: Mint): Promise<void> {
  const at = services().now();
  for (let i = 0; i < ex.tables.length; i++) {
    const gameId = (ex.tables[i] as { game: string }).game;
    if (services().store.game(gameId) !== null) continue;
    const table: TableRequest = { gameId, entry: tableEntry(ex, i, mint, at) };
    await matchMaker.createRoom("crisis", { table, key: RESTORE_KEY });
  }
}

/**
 * For the crisis room: the table an exercise asks it to open (with the server's secret), as a new game (its
 * room stores it); null when the options are not an exercise's table (a client's create); a refusal when they
 * claim to be one without the secret or do not make a game.
 */
export function tableGame(raw: unknown): { gameId: string; made: Result<NewGame> } | null {
  const o = (raw ?? {}) as { table?: unknown; key?: unknown };
  if (typeof o !== "object" || o.table === undefined) return null;
  const bad = {
    gameId: "",
    made: refuse<NewGame>("INVALID_REQUEST", "an exercise's tables are made by the server"),
  };
  if (o.key !== RESTORE_KEY) return bad;
  const { gameId, entry } = o.table as TableRequest;
  const scenario = services().scenario(entry.options.scenario);
  if (!scenario)
    return { gameId, made: refuse<NewGame>("UNKNOWN_SCENARIO", `no scenario "${entry.options.scenario}"`) };
  const session = createSession(entry, scenario);
  if (!session.ok) return { gameId, made: session };
  const creator = entry.facilitator;
  if (!creator) return bad;
  return { gameId, made: ok({ entry, creator, session: session.value }) };
}
