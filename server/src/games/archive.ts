/**
 * Games that live on only in the store: the record a finished or closed game keeps, a game closed because
 * this server runs other rules than it was made under (with the notice its members get), and who may read
 * them. A closed game's record is built from its journal and its last kept state alone, never by an engine
 * that would play it differently.
 */
import {
  forkReseeds,
  RULES_VERSION,
  withScenario,
  type GameRecord,
  type GameState,
  type Scenario,
} from "@firebreak/shared";
import { recordReader } from "../http/record-access.ts";
import { services } from "../services.ts";
import { journalMembers, type StoredEntry } from "../session/journal.ts";
import { recordOf } from "../session/record.ts";
import { sameSecret } from "../session/tokens.ts";
import type { Member } from "../session/types.ts";
import type { Checkpoint, Closure, StoredGame } from "../store/journal-store.ts";
import { codeInUse, sleepingByCode } from "./registry.ts";
import { isStateHash } from "./entry-hash.ts";
import { journalSteps } from "./journal-steps.ts";

/** What a closed game's members are told (and anyone who looks its code up). */
export function closureNotice(rules: number, engine: number): string {
  const closed =
    rules === engine
      ? `This game no longer replays to the same game on this server (rules v${engine}), so it was closed.`
      : `This game was made under rules v${rules} and this server runs v${engine}, so it was closed.`;
  return `${closed} Its record and debrief stay readable by its members.`;
}

/**
 * The parts of a kept state a record names, read defensively: it was made by the engine of another version.
 */
function stateFacts(state: unknown): { scenarioHash?: string; options?: GameRecord["options"] } {
  const s = state as { scenario?: { hash?: unknown }; options?: unknown } | null;
  if (typeof s !== "object" || s === null) return {};
  return {
    ...(typeof s.scenario?.hash === "string" ? { scenarioHash: s.scenario.hash } : {}),
    ...(typeof s.options === "object" && s.options !== null
      ? { options: s.options as GameRecord["options"] }
      : {}),
  };
}

/**
 * Seats as a record names them when no state was kept, from the journal alone: a seat the facilitator or a
 * takeover handed to a bot is `bot:<persona>` (`bot` when the entry named none); seats bots took at the start
 * read `human`.
 */
function journalSeats(entries: readonly StoredEntry[], scenario: Scenario | null): GameRecord["seats"] {
  const bots = new Map<string, string>();
  for (const e of entries)
    if (e.kind === "bot" && e.bot)
      bots.set(e.seat, e.persona ? `bot:${e.persona}` : (bots.get(e.seat) ?? "bot"));
  return (scenario?.states ?? []).map((st) => ({ seat: st.id, controller: bots.get(st.id) ?? "human" }));
}

/**
 * A game's record from its journal and its last kept state, without an engine: the steps up to that state
 * (resolution steps with the hash the journal kept), its hash as `finalHash` and the state itself as
 * `finalState`. Without a kept state (games stored before states were kept) every step is listed and the
 * hashes are those the journal kept, or "".
 */
export function journalRecord(
  entries: readonly StoredEntry[],
  rules: number,
  checkpoint: Checkpoint | null,
  scenario: Scenario | null,
): GameRecord {
  const first = entries[0];
  if (first?.kind !== "create") throw new Error("NO_SUCH_GAME: a journal starts with its create entry");
  const upTo = checkpoint ? entries.slice(0, checkpoint.entries) : entries;
  // The steps the engine was given, under the strike rules (not the strikes held and never approved).
  const steps: GameRecord["steps"] = journalSteps(upTo);
  let lastHash: string | undefined = first.hash;
  // An orders step keeps a digest of the orders, not a state's hash (entry-hash.ts).
  for (const e of upTo)
    if (e.kind === "step" && e.hash !== undefined && isStateHash(e.hash)) lastHash = e.hash;
  const facts = stateFacts(checkpoint?.state);
  // A fork's record begins with its parent's steps up to the fork's turn (its create entry keeps them), then
  // its own.
  const fork = first.options.fork;
  return {
    format: "firebreak-record",
    version: 1,
    rulesVersion: rules,
    scenario: { id: first.options.scenario, hash: facts.scenarioHash ?? "" },
    seed: fork ? fork.seed : first.options.seed,
    options: facts.options ?? { cbms: first.options.cbms, noCbms: false },
    seats: checkpoint?.seats ?? journalSeats(entries, scenario),
    steps: fork ? [...fork.steps, ...steps] : steps,
    initialHash: fork ? fork.initialHash : (first.hash ?? ""),
    finalHash: checkpoint?.hash ?? lastHash ?? "",
    ...(checkpoint ? { finalState: checkpoint.state as GameState } : {}),
    ...(fork ? { parent: fork.parent, reseeds: forkReseeds(fork, first.options.seed) } : {}),
  };
}

/**
 * Ends a game this server will not replay into a different one: marked ended with a `rulesChanged` closure,
 * its record (journalRecord, with `closed`) kept, and it is no longer asleep. Returns the closure.
 */
export function closeForRules(game: StoredGame, entries: readonly StoredEntry[], why: string): Closure {
  const svc = services();
  const first = entries[0];
  const scenario = first?.kind === "create" ? svc.scenario(first.options.scenario) : null;
  const closure: Closure = {
    reason: "rulesChanged",
    rules: game.rules,
    engine: RULES_VERSION,
    at: svc.now(),
    code: entries.reduce((code, e) => (e.kind === "code" ? e.code : code), game.code),
    message: closureNotice(game.rules, RULES_VERSION),
    why,
  };
  const record = journalRecord(entries, game.rules, svc.store.lastCheckpoint(game.id), scenario);
  record.closed = {
    reason: "rulesChanged",
    engineRulesVersion: RULES_VERSION,
    at: closure.at,
    message: closure.message,
  };
  svc.store.closeGame(game.id, closure, record);
  for (const [code, id] of sleepingByCode) if (id === game.id) sleepingByCode.delete(code);
  return closure;
}

/**
 * The member of a game whose token this is, read off the journal alone (journalMembers; compared in constant
 * time).
 */
function journalReader(entries: readonly StoredEntry[], token: string): Member | null {
  let found: Member | null = null;
  for (const m of journalMembers(entries)) if (sameSecret(m.token, token)) found = m;
  return found;
}

/** Whether this engine may replay the game to read it: made under its rules and not closed. */
function replayable(game: StoredGame): boolean {
  return game.rules === RULES_VERSION && game.closed === null;
}

/** Game ids as the server mints them: anything else names no game. */
const GAME_ID = /^g[A-Za-z0-9_-]{1,20}$/;

/**
 * The stored game `gameId` and the member `token` is of it, or null (the same null for every failure: no id
 * oracle).
 */
export function storedMember(
  gameId: string,
  token: string | null,
): { game: StoredGame; entries: StoredEntry[]; member: Member } | null {
  const svc = services();
  const game = token !== null && GAME_ID.test(gameId) ? svc.store.game(gameId) : null;
  if (token === null || game === null) return null;
  const entries = svc.store.entries(gameId);
  const first = entries[0];
  if (first?.kind !== "create") return null;
  let member: Member | null;
  if (replayable(game)) {
    const scenario = svc.scenario(first.options.scenario);
    member = scenario ? recordReader(entries, scenario, token) : null;
  } else member = journalReader(entries, token);
  return member ? { game, entries, member } : null;
}

/** The answer to a request for a game's record (docs/protocol.md §3.4). */
export type RecordAnswer =
  | { status: 200; record: GameRecord }
  | { status: 401 }
  | { status: 409 }
  | { status: 500 };

/**
 * A game's record for the holder of `token`: the one kept when it ended or was closed; else, for a game of
 * this engine's rules, rebuilt by replaying its journal; else built from the journal alone (journalRecord).
 */
export function recordAnswer(gameId: string, token: string | null): RecordAnswer {
  const svc = services();
  const found = storedMember(gameId, token);
  if (!found) return { status: 401 };
  const { game, entries } = found;
  const ended =
    game.ended ||
    entries.some((e) => e.kind === "step" && e.step.type === "end") ||
    !svc.store.unfinished().some((g) => g.id === gameId);
  if (!ended) return { status: 409 };
  const first = entries[0] as Extract<StoredEntry, { kind: "create" }>;
  const scenario = svc.scenario(first.options.scenario);
  const kept = svc.store.record(gameId);
  if (kept) return { status: 200, record: withScenario(kept, scenario) };
  if (replayable(game)) {
    const rebuilt = scenario ? recordOf(entries, scenario) : null;
    return rebuilt?.ok ? { status: 200, record: withScenario(rebuilt.value, scenario) } : { status: 500 };
  }
  return {
    status: 200,
    record: withScenario(
      journalRecord(entries, game.rules, svc.store.lastCheckpoint(gameId), scenario),
      scenario,
    ),
  };
}

/**
 * The notice for a member (by `token`) of a game the server closed, or null (not closed, or not a member's
 * token).
 */
export function closedNotice(gameId: string, token: string | null): string | null {
  return storedMember(gameId, token)?.game.closed?.message ?? null;
}

/**
 * The notice for a join code whose game the server closed, if no game running or asleep has that code now.
 */
export function closedCodeNotice(code: string): string | null {
  if (codeInUse(code)) return null;
  return services().store.closedWithCode(code)?.closed?.message ?? null;
}
