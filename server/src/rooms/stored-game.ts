/**
 * A room's game in the journal store: opened (made from a client's create options, or restored from its journal),
 * each entry appended before the room adopts it, and marked finished when it ends.
 */
import { services } from "../services.ts";
import { newGame } from "../session/creating.ts";
import type { JournalEntry } from "../session/journal.ts";
import type { Mint } from "../session/requests.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { newId } from "../session/tokens.ts";
import type { Member, SessionState } from "../session/types.ts";
import { restoredSession } from "./restore.ts";

/** The game a room opens with: its id and session, and whether it was restored; a new game's creator joins first. */
export interface OpenedGame {
  gameId: string;
  session: SessionState;
  creator: Member | null;
  restored: boolean;
}

/** Opens a room's game: the one a server's restore names (restore.ts), else a new game stored with its create entry. Throws why not. */
export function openGame(raw: unknown, mint: Mint): OpenedGame {
  const svc = services();
  const restore = (raw as { restore?: unknown; key?: unknown } | undefined) ?? {};
  if (restore.restore !== undefined) {
    const gameId = String(restore.restore);
    return { gameId, session: restoredSession(gameId, restore.key), creator: null, restored: true };
  }
  const made = newGame(raw, {
    at: svc.now(),
    scenario: (id) => svc.scenario(id),
    takeoverSeconds: svc.takeoverSeconds,
    mint,
  });
  if (!made.ok) throw new Error(`${made.error.code}: ${made.error.message}`);
  const gameId = newId("g");
  svc.store.create(gameId, made.value.entry.code, made.value.entry);
  return { gameId, session: made.value.session, creator: made.value.creator, restored: false };
}

/** Appends an entry to the game's journal (durable), or says the game could not be saved. */
export function appendEntry(gameId: string, entry: JournalEntry): Result<true> {
  try {
    services().store.append(gameId, entry);
  } catch (e) {
    return refuse("STORE_FAILED", `The game could not be saved: ${(e as Error).message}`);
  }
  return ok(true);
}

/** A game that has just ended is no longer restored; it lives on in the store (its record and debrief). */
export function finishIfEnded(gameId: string, before: SessionState, after: SessionState): void {
  if (before.phase !== "ended" && after.phase === "ended") services().store.finish(gameId);
}
