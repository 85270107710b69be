/**
 * A room's game in the journal store: opened (made from a client's create options, or restored from its
 * journal), each entry appended before the room adopts it (a create or step entry with the hash of the state
 * after it, and at each turn boundary the state itself), and marked finished, with its record, when it ends.
 */
import { stateHash } from "@firebreak/shared";
import { usableScenario } from "../scenarios/uploads.ts";
import { tableGame } from "../exercises/tables.ts";
import { entryHash } from "../games/entry-hash.ts";
import { forkParent } from "../games/fork-parent.ts";
import { services } from "../services.ts";
import { newGame } from "../session/creating.ts";
import type { JournalEntry } from "../session/journal.ts";
import { recordOf } from "../session/record.ts";
import type { Mint } from "../session/requests.ts";
import { ok, refuse, type Result } from "../session/result.ts";
import { newId } from "../session/tokens.ts";
import type { Member, SessionState } from "../session/types.ts";
import { restoredSession } from "./restore.ts";

/**
 * The game a room opens with: its id and session, and whether it was restored; a new game's creator joins
 * first.
 */
export interface OpenedGame {
  gameId: string;
  session: SessionState;
  creator: Member | null;
  restored: boolean;
}

/**
 * Keeps the session's game state in the store (after every entry appended so far), with who holds each seat.
 */
function keepState(gameId: string, s: SessionState, hash: string): void {
  const seats = s.seats.map((c) => ({ seat: c.seat, controller: c.bot ? `bot:${c.persona}` : "human" }));
  services().store.checkpoint(gameId, { hash, state: s.game, seats });
}

/**
 * Opens a room's game: the one a server's restore names (restore.ts), else a new game stored with its create
 * entry. Throws why not.
 */
export function openGame(raw: unknown, mint: Mint): OpenedGame {
  const svc = services();
  const restore = (raw as { restore?: unknown; key?: unknown } | undefined) ?? {};
  if (restore.restore !== undefined) {
    const gameId = String(restore.restore);
    return { gameId, session: restoredSession(gameId, restore.key), creator: null, restored: true };
  }
  // An exercise's table (exercises/tables.ts) is made by the server; its facilitator joins with the
  // exercise's key.
  const table = tableGame(raw);
  const made = table
    ? table.made
    : newGame(raw, {
        at: svc.now(),
        scenario: (id) => svc.scenario(id),
        usable: usableScenario,
        takeoverSeconds: svc.takeoverSeconds,
        mint,
        parent: forkParent,
      });
  if (!made.ok) throw new Error(`${made.error.code}: ${made.error.message}`);
  const gameId = table ? table.gameId : newId("g");
  const hash = stateHash(made.value.session.game);
  svc.store.create(gameId, made.value.entry.code, { ...made.value.entry, hash });
  keepState(gameId, made.value.session, hash);
  return { gameId, session: made.value.session, creator: table ? null : made.value.creator, restored: false };
}

/**
 * Appends an entry to the game's journal (durable), or says the game could not be saved. Given the session
 * `after` it, a step entry is stored with the hash of the game's state after it, and a resolution or end
 * keeps that state too.
 */
export function appendEntry(gameId: string, entry: JournalEntry, after?: SessionState): Result<true> {
  try {
    const store = services().store;
    if (entry.kind === "step" && after !== undefined) {
      const hash = entryHash(entry, after.game);
      store.append(gameId, { ...entry, hash });
      if (entry.step.type === "resolve" || entry.step.type === "end") keepState(gameId, after, hash);
    } else store.append(gameId, entry);
  } catch (e) {
    return refuse("STORE_FAILED", `The game could not be saved: ${(e as Error).message}`);
  }
  return ok(true);
}

/**
 * A game that has just ended is no longer restored; it lives on in the store with its record, which carries
 * the final state (so its debrief can be shown even by a server whose engine could no longer re-run it).
 */
export function finishIfEnded(gameId: string, before: SessionState, after: SessionState): void {
  if (before.phase === "ended" || after.phase !== "ended") return;
  const svc = services();
  const scenario = svc.scenario(after.options.scenario);
  const built = scenario ? recordOf(svc.store.entries(gameId), scenario) : null;
  const record = built?.ok && built.value.finalHash === stateHash(after.game) ? built.value : null;
  svc.store.finish(gameId, record ? { ...record, finalState: after.game } : null);
}
