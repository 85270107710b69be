/**
 * A new game from a client's create options (docs/protocol.md §5): its first journal entry, its creator and
 * its session, or why not.
 */
import { createOptionsSchema, type Scenario } from "@firebreak/shared";
import { checkFork, type CheckedFork, type ParentAnswer } from "./forking.ts";
import type { JournalEntry } from "./journal.ts";
import { cleanName, personName } from "./names.ts";
import type { Mint } from "./requests.ts";
import { ok, refuse, type Result } from "./result.ts";
import { createSession } from "./session.ts";
import { initialSettings, takeoverWithoutDelay } from "./settings.ts";
import { treatedScenario } from "./treated.ts";
import type { CreateOptions, Member, SessionState } from "./types.ts";

/**
 * A game made: its create entry (journalled first), the member who made it (it joins next) and the session.
 */
export interface NewGame {
  entry: Extract<JournalEntry, { kind: "create" }>;
  creator: Member;
  session: SessionState;
}

/**
 * What creating a game needs from the server: the time, its scenarios, its default takeover time, a mint, and
 * (for a fork) what it knows of the game to fork for a token.
 */
export interface CreateContext {
  at: number;
  scenario(id: string): Scenario | null;
  /**
   * The scenario a new game (not a fork) may play: given, an uploaded one needs its owner key; absent,
   * `scenario`.
   */
  usable?(id: string, key: string | undefined): Scenario | null;
  takeoverSeconds: number;
  mint: Mint;
  parent?(game: string, token: string): ParentAnswer;
}

/** A fork's options checked against its parent (forking.ts), or null for a game that is not a fork. */
function forkOf(
  o: ReturnType<typeof createOptionsSchema.parse>,
  c: CreateContext,
): Result<CheckedFork | null> {
  if (!o.fork) return ok(null);
  if (o.solo)
    return refuse("INVALID_REQUEST", "A fork is a class game that its creator facilitates: leave solo out.");
  if (o.seed !== undefined) return refuse("INVALID_REQUEST", "A fork's fresh seed is fork.seed, not seed.");
  const checked = checkFork(o.fork, c.parent ?? (() => ({ status: 401 })), c.scenario, treatedScenario);
  if (checked.ok && o.scenario !== undefined && o.scenario !== checked.value.scenarioId)
    return refuse(
      "INVALID_REQUEST",
      `A fork plays its parent's scenario, "${checked.value.scenarioId}": leave scenario out or give that one.`,
    );
  return checked;
}

/**
 * Turns longer than this (an hour) make a long game: no automatic bot takeover unless the create options ask
 * for it.
 */
export const LONG_TURN_SECONDS = 3600;

/**
 * A class game (its creator facilitates) or a solo game (its creator plays `solo.seat`), from the raw create
 * options.
 */
export function newGame(raw: unknown, c: CreateContext): Result<NewGame> {
  const parsed = createOptionsSchema.safeParse(raw);
  if (!parsed.success) return refuse("INVALID_REQUEST", parsed.error.issues[0]?.message ?? "bad options");
  const o = parsed.data;
  const fork = forkOf(o, c);
  if (!fork.ok) return fork;
  const scenarioId = fork.value?.scenarioId ?? o.scenario;
  if (scenarioId === undefined)
    return refuse("INVALID_REQUEST", "scenario is required: an id from /api/scenarios.");
  const scenario = fork.value || !c.usable ? c.scenario(scenarioId) : c.usable(scenarioId, o.scenarioKey);
  if (!scenario) return refuse("UNKNOWN_SCENARIO", `no scenario "${scenarioId}"`);
  if (o.solo && !scenario.states.some((st) => st.id === o.solo?.seat))
    return refuse("UNKNOWN_SEAT", `no state "${o.solo.seat}" in ${scenarioId}`);
  const options: CreateOptions = {
    scenario: scenarioId,
    seed: o.fork?.seed ?? o.seed ?? c.mint.token(),
    name: cleanName(o.name).slice(0, 60) || "Firebreak game",
    turnSeconds: o.turnSeconds ?? (o.solo ? 0 : 300),
    botLevel: o.botLevel ?? "normal",
    solo: o.solo ?? null,
    takeoverSeconds: o.takeoverSeconds ?? c.takeoverSeconds,
    cbms: [],
    cast: o.cast ?? "scenario",
    // A turn longer than an hour is played over days: a student offline for a while keeps their seat unless
    // asked otherwise.
    ...(o.takeover !== undefined
      ? { takeover: o.takeover }
      : (o.turnSeconds ?? 0) > LONG_TURN_SECONDS
        ? { takeover: false }
        : {}),
    ...(o.strikes !== undefined ? { strikes: o.strikes } : {}),
    ...(fork.value ? { ...fork.value.copied, fork: fork.value.origin } : {}),
  };
  const noDelay = takeoverWithoutDelay(initialSettings(options));
  if (noDelay !== null) return refuse("INVALID_REQUEST", noDelay);
  const code = c.mint.code();
  // A solo player's name follows the players' rules; a facilitator's lines are marked by role whatever it is
  // called.
  const name = cleanName(o.creatorName ?? "").slice(0, 40) || (o.solo ? "Player" : "Facilitator");
  if (o.solo) {
    const checked = personName(name);
    if (!checked.ok) return refuse("INVALID_NAME", checked.reason);
  }
  const creator: Member = o.solo
    ? { id: c.mint.id("m"), name, role: "player", seat: o.solo.seat, token: c.mint.token() }
    : { id: c.mint.id("m"), name, role: "facilitator", seat: null, token: c.mint.token() };
  const entry: NewGame["entry"] = {
    kind: "create",
    at: c.at,
    by: creator.id,
    options,
    code,
    facilitator: o.solo ? null : creator,
  };
  const session = createSession(entry, scenario);
  return session.ok ? ok({ entry, creator, session: session.value }) : session;
}
