/** The session reducer: applies one journal entry to a session, or rejects it and changes nothing. */
import { castBots, createGame, namedPersonas, type Scenario, type SeatId } from "@firebreak/shared";
import { botChannelError, canRead, CHAT_MAX_LENGTH } from "./channels.ts";
import { ok, refuse, type Result } from "./result.ts";
import {
  admit,
  assign,
  invite,
  isSessionSeat,
  join,
  knock,
  memberById,
  remove,
  rotateCode,
  uninvite,
} from "./membership.ts";
import { cleanText } from "./names.ts";
import { forkedGame } from "./forking.ts";
import { authorOf, type Applied, type JournalEntry, type StoredEntry } from "./journal.ts";
import { permit } from "./permissions.ts";
import { defaultPersona, isBotPersona, unknownPersona } from "./personas.ts";
import { changeSettings, initialSettings } from "./settings.ts";
import { startPlanning, stepEntry } from "./steps.ts";
import { engineOptions, treatedScenario } from "./treated.ts";
import { answerStrike } from "./strikes.ts";
import type { Channel, SeatControl, SessionState } from "./types.ts";

/** Builds a session from its first journal entry. */
export function createSession(
  entry: Extract<StoredEntry, { kind: "create" }>,
  scenario: Scenario,
): Result<SessionState> {
  const played = treatedScenario(scenario, entry.options);
  const game =
    forkedGame(entry.options, played) ?? createGame(played, entry.options.seed, engineOptions(entry.options));
  if (!game.ok) return game;
  // Every seat's bot persona is cast now, a pure function of the journalled options (scenario, seed, cast),
  // so a replay casts the same bots; seats that become bots later (at start, by takeover, or fac:bot without
  // a persona) play it.
  const o = entry.options;
  const cast =
    o.cast === undefined
      ? null
      : castBots(o.scenario, game.value.seats, o.cast, o.seed, namedPersonas(played.states));
  const seats: SeatControl[] = game.value.seats.map((seat, i) => ({
    seat,
    bot: false,
    persona: cast?.[seat] ?? defaultPersona(i),
    reason: null,
  }));
  const s: SessionState = {
    options: entry.options,
    code: entry.code,
    phase: "lobby",
    members: entry.facilitator ? [entry.facilitator] : [],
    seats,
    game: game.value,
    deadline: null,
    pausedRemaining: null,
    ready: [],
    invites: [],
    chat: [],
    orderLog: [],
    createdAt: entry.at,
    settings: initialSettings(entry.options),
    held: [],
    humanOrdered: [],
  };
  return ok(s);
}

function sameChannel(a: Channel, b: Channel): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The next message id on a channel (each channel numbers its own messages from 1). */
function nextChatId(s: SessionState, channel: Channel): number {
  return s.chat.filter((c) => sameChannel(c.channel, channel)).length + 1;
}

/** A chat text, trimmed, or why it cannot be sent: empty, or longer than CHAT_MAX_LENGTH. */
function chatText(raw: string): Result<string> {
  const text = cleanText(raw).trim();
  if (text.length === 0) return refuse("INVALID_REQUEST", "An empty message.");
  if (text.length > CHAT_MAX_LENGTH)
    return refuse("TEXT_TOO_LONG", `A message is at most ${CHAT_MAX_LENGTH} characters.`);
  return ok(text);
}

/**
 * The words of the bot of `seat` (which holds it: permissions.ts checked), on a channel that seat may write
 * to.
 */
function botChat(
  s: SessionState,
  seat: string,
  e: Extract<StoredEntry, { kind: "chat" }>,
): Result<SessionState> {
  const why = botChannelError(s, seat, e.channel);
  if (why !== null) return refuse("NO_CHANNEL", `The bot of ${seat} cannot write there: ${why}.`);
  const text = chatText(e.text);
  if (!text.ok) return text;
  const msg = {
    id: nextChatId(s, e.channel),
    at: e.at,
    turn: s.game.turn,
    channel: e.channel,
    role: "bot" as const,
    from: seat,
    fromName: `${s.game.nations[seat]?.name ?? seat} (bot)`,
    text: text.value,
  };
  return ok({ ...s, chat: [...s.chat, msg] });
}

/** Seats played by humans. */
function humanSeats(s: SessionState): SeatId[] {
  return s.seats.filter((c) => !c.bot).map((c) => c.seat);
}

/** True when every human seat is ready (bots are always ready once they have ordered). */
export function allReady(s: SessionState): boolean {
  return humanSeats(s).every((seat) => s.ready.includes(seat));
}

/**
 * Applies one journal entry, or refuses it and changes nothing. Pure: time comes from the entry. Who may make
 * it is asked first (permissions.ts); a step's phase is asked before its maker, as it always has been.
 */
export function applyEntry(s: SessionState, e: StoredEntry): Result<SessionState> {
  if (e.kind === "create") return refuse("INVALID_REQUEST", "The session already exists.");
  if (e.kind !== "step") {
    // A step's phase is asked before its maker (stepEntry).
    const may = permit(s, e);
    if (!may.ok) return may;
  }
  switch (e.kind) {
    case "join":
      return join(s, e);
    case "assign":
      return assign(s, e);
    case "knock":
      return knock(s, e);
    case "admit":
      return admit(s, e);
    case "invite":
      return invite(s, e);
    case "uninvite":
      return uninvite(s, e);
    case "remove":
      return remove(s, e);
    case "code":
      return rotateCode(s, e);
    case "bot": {
      if (!isSessionSeat(s, e.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.seat}".`);
      if (e.persona !== null && !isBotPersona(e.persona)) return unknownPersona(e.persona);
      const seats = s.seats.map((c) =>
        c.seat === e.seat
          ? { ...c, bot: e.bot, persona: e.persona ?? c.persona, reason: e.bot ? e.reason : null }
          : c,
      );
      // A bot taking the seat acts anew; a player taking it back (reclaim) decides the turn afresh too.
      const unready = e.bot || memberById(s, authorOf(e) ?? "")?.role === "player";
      return ok({ ...s, seats, ready: s.ready.filter((r) => r !== e.seat || !unready) });
    }
    case "start": {
      if (s.phase !== "lobby") return refuse("NOT_IN_LOBBY", "The game has already started.");
      const seats = s.seats.map((c) =>
        !c.bot &&
        !s.members.some((m) => m.role === "player" && m.seat === c.seat) &&
        !s.options.fork?.play.includes(c.seat)
          ? { ...c, bot: true, reason: "empty" as const }
          : c,
      );
      return ok(startPlanning({ ...s, seats }, e.at));
    }
    case "step":
      return stepEntry(s, e);
    case "settings":
      return changeSettings(s, e);
    case "strike":
      return answerStrike(s, e);
    case "ready": {
      if (s.phase !== "planning") return refuse("NOT_PLAYING", "Nothing to be ready for now.");
      if (!isSessionSeat(s, e.seat)) return refuse("UNKNOWN_SEAT", `No state "${e.seat}".`);
      const ready = e.ready ? [...new Set([...s.ready, e.seat])] : s.ready.filter((x) => x !== e.seat);
      return ok({ ...s, ready });
    }
    case "chat": {
      const writer = authorOf(e) ?? "";
      if (writer === "system") {
        const notice = {
          id: nextChatId(s, { kind: "public" }),
          at: e.at,
          turn: s.game.turn,
          channel: { kind: "public" as const },
          role: "system" as const,
          from: "system",
          fromName: "Firebreak",
          text: e.text,
        };
        return ok({ ...s, chat: [...s.chat, notice] });
      }
      if (writer.startsWith("bot:")) return botChat(s, writer.slice(4), e);
      const m = memberById(s, writer);
      if (!m) return refuse("UNKNOWN_MEMBER", "Unknown member.");
      const text = chatText(e.text);
      if (!text.ok) return text;
      const msg = {
        id: nextChatId(s, e.channel),
        at: e.at,
        turn: s.game.turn,
        channel: e.channel,
        role: m.role === "facilitator" ? ("facilitator" as const) : ("player" as const),
        from: m.role === "facilitator" ? ("facilitator" as const) : (m.seat ?? ""),
        fromName: m.name,
        text: text.value,
      };
      if (!canRead(m, msg)) return refuse("NO_CHANNEL", "You cannot write to that channel.");
      return ok({ ...s, chat: [...s.chat, msg] });
    }
    case "pause": {
      if (s.phase !== "planning") return refuse("NOT_PLAYING", "Only a running game can be paused.");
      if (s.pausedRemaining !== null) return refuse("PAUSED", "The game is already paused.");
      return ok({
        ...s,
        pausedRemaining: s.deadline === null ? 0 : Math.max(0, s.deadline - e.at),
        deadline: null,
      });
    }
    case "resume": {
      if (s.pausedRemaining === null) return refuse("NOT_PAUSED", "The game is not paused.");
      const deadline = s.options.turnSeconds > 0 ? e.at + s.pausedRemaining : null;
      return ok({ ...s, deadline, pausedRemaining: null });
    }
    case "extend": {
      if (s.phase !== "planning") return refuse("NOT_PLAYING", "Only a running game can be extended.");
      if (s.pausedRemaining !== null)
        return ok({ ...s, pausedRemaining: s.pausedRemaining + e.seconds * 1000 });
      const base = s.deadline ?? e.at;
      return ok({ ...s, deadline: base + e.seconds * 1000 });
    }
  }
}

/**
 * Entries applied one after another, from a session: each one the reducer accepts is kept with the session
 * after it.
 */
export class Fold {
  readonly applied: Applied[] = [];
  private current: SessionState;

  constructor(start: SessionState) {
    this.current = start;
  }

  /** The session after every entry kept so far. */
  get session(): SessionState {
    return this.current;
  }

  /**
   * Applies an entry: true when the reducer accepts it (it is kept), false when it refuses it (nothing
   * changes).
   */
  apply(e: JournalEntry): boolean {
    return this.must(e).ok;
  }

  /** Applies an entry, or gives the reducer's refusal (nothing changes). */
  must(e: JournalEntry): Result<SessionState> {
    const r = applyEntry(this.current, e);
    if (r.ok) this.keep({ entry: e, after: r.value });
    return r;
  }

  /** Keeps entries applied elsewhere from this fold's session (each after the one before). */
  keep(...applied: Applied[]): void {
    for (const a of applied) {
      this.applied.push(a);
      this.current = a.after;
    }
  }
}

/** Folds a journal into a session (restoring after a restart). */
export function replayJournal(entries: readonly StoredEntry[], scenario: Scenario): Result<SessionState> {
  const first = entries[0];
  if (first?.kind !== "create") return refuse("INVALID_REQUEST", "A journal starts with its create entry.");
  let s = createSession(first, scenario);
  for (let i = 1; i < entries.length && s.ok; i++) s = applyEntry(s.value, entries[i] as StoredEntry);
  return s;
}
