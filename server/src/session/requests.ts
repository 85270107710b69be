/**
 * What each request becomes: the journal entry it asks for, made by its sender, and what its answer adds.
 * Pure: given the session, the member and the payload (fresh ids, secrets and codes come from a `Mint`). Who
 * may make it is asked first (permissions.ts); then only what is wrong with the request itself is refused
 * here, and the reducer checks the entry.
 */
import {
  effectStates,
  type ExtraOf,
  type InjectDef,
  type RequestPayload,
  type RequestType,
  type Scenario,
  type SeatId,
} from "@firebreak/shared";
import { parseChannel } from "./channels.ts";
import type { JournalEntry } from "./journal.ts";
import { alreadySeated, isSessionSeat, mustKnock } from "./membership.ts";
import { cleanName, cleanText } from "./names.ts";
import { mayRequest, seatsInTheLobby } from "./permissions.ts";
import { isBotPersona, unknownPersona } from "./personas.ts";
import { ok, refuse, type Result } from "./result.ts";
import type { Member, SessionState } from "./types.ts";

/** Where fresh ids, secrets and join codes come from (random in the server, fixed in tests). */
export interface Mint {
  id(prefix: string): string;
  token(): string;
  /** A join code no game of this process uses. */
  code(): string;
}

/**
 * What a request is made in: the session, its sender, the time, the game's scenario (for its injects) and a
 * mint.
 */
export interface RequestContext {
  session: SessionState;
  member: Member;
  at: number;
  scenario: Scenario | null;
  mint: Mint;
}

/** A request made into the entry to commit, and the fields its answer carries besides ok, turn and phase. */
export interface Made<T extends RequestType> {
  entry: JournalEntry;
  answer: ExtraOf<T>;
}

type Maker<T extends RequestType> = (
  c: RequestContext,
  p: RequestPayload<T>,
) => Result<Made<T>> | JournalEntry;

/** The seat of a member making a seat's request (permissions.ts checked it has one). */
function seatOf(m: Member): SeatId {
  return m.seat ?? "";
}

/**
 * The seat a seat's request acts for: the one it names (a fork's facilitator names the seat it plays), else
 * the sender's.
 */
function seatFor(m: Member, p: { seat?: string | undefined }): SeatId {
  return p.seat ?? seatOf(m);
}

const MAKERS: { [T in RequestType]: Maker<T> } = {
  orders: ({ member: m, at }, p) => ({
    kind: "step",
    at,
    by: m.id,
    step: { type: "orders", turn: p.turn, seat: seatFor(m, p), orders: p.orders.map(cleanStatement) },
  }),
  ready: ({ member: m, at }, p) => ({ kind: "ready", at, by: m.id, seat: seatFor(m, p), ready: p.ready }),
  propose: ({ session: s, member: m, at }, p) => ({
    kind: "step",
    at,
    by: m.id,
    step: { type: "propose", turn: s.game.turn, seat: seatFor(m, p), kind: p.kind, parties: p.parties },
  }),
  respond: ({ session: s, member: m, at }, p) => ({
    kind: "step",
    at,
    by: m.id,
    step: {
      type: "respond",
      turn: s.game.turn,
      seat: seatFor(m, p),
      proposal: p.proposal,
      accept: p.accept,
      ...(p.note ? { note: cleanText(p.note) } : {}),
    },
  }),
  chat: ({ session: s, member: m, at }, p) => {
    const channel = parseChannel(p.channel, m, s);
    return typeof channel === "string"
      ? refuse("NO_CHANNEL", channel)
      : { kind: "chat", at, by: m.id, channel, text: p.text };
  },
  "lobby:seat": ({ session: s, member: m, at }, p) =>
    s.phase === "lobby" ? { kind: "assign", at, by: m.id, member: m.id, seat: p.seat } : seatsInTheLobby(),
  knock: ({ session: s, member: m, at }, p) => {
    if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
    if (s.options.solo) return refuse("SEAT_TAKEN", "A solo game has one player.");
    if (m.seat !== null) return alreadySeated();
    if (p.seat === null)
      return m.knock
        ? { kind: "admit", at, by: m.id, member: m.id, admit: false }
        : refuse("NO_KNOCK", "You are not waiting for a seat.");
    if (!isSessionSeat(s, p.seat)) return refuse("UNKNOWN_SEAT", `No state "${p.seat}".`);
    if (s.phase === "lobby" || !mustKnock(s, p.seat))
      return { kind: "assign", at, by: m.id, member: m.id, seat: p.seat };
    return { kind: "knock", at, by: m.id, member: m.id, seat: p.seat };
  },
  "fac:start": ({ member: m, at }) => ({ kind: "start", at, by: m.id }),
  "fac:assign": ({ member: m, at }, p) => ({ kind: "assign", at, by: m.id, member: p.member, seat: p.seat }),
  "fac:bot": ({ member: m, at }, p) => {
    if (p.persona !== undefined && !isBotPersona(p.persona)) return unknownPersona(p.persona);
    return {
      kind: "bot",
      at,
      by: m.id,
      seat: p.seat,
      bot: p.bot,
      persona: p.persona ?? null,
      reason: p.bot ? "facilitator" : null,
    };
  },
  "fac:pause": ({ member: m, at }) => ({ kind: "pause", at, by: m.id }),
  "fac:resume": ({ member: m, at }) => ({ kind: "resume", at, by: m.id }),
  "fac:extend": ({ session: s, member: m, at }, p) =>
    s.options.turnSeconds === 0
      ? refuse("INVALID_REQUEST", "This game has no time limit to extend.")
      : { kind: "extend", at, by: m.id, seconds: p.seconds },
  "fac:advance": ({ session: s, member: m, at }) => ({
    kind: "step",
    at,
    by: m.id,
    step: { type: "resolve", turn: s.game.turn },
  }),
  "fac:inject": ({ session: s, member: m, at, scenario }, p) => {
    const inject = "id" in p ? scenarioInject(scenario, p.id) : customInject(s, p.inject as InjectDef);
    return inject.ok
      ? { kind: "step", at, by: m.id, step: { type: "inject", turn: s.game.turn, inject: inject.value } }
      : inject;
  },
  "fac:end": ({ session: s, member: m, at }) => ({
    kind: "step",
    at,
    by: m.id,
    step: { type: "end", turn: s.game.turn },
  }),
  "fac:admit": ({ member: m, at }, p) => ({ kind: "admit", at, by: m.id, member: p.member, admit: p.admit }),
  "fac:invite": ({ session: s, member: m, at, mint }, p) => {
    if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
    const invite = { id: mint.id("i"), secret: mint.token(), seat: p.seat, at, by: m.id };
    return ok({
      entry: { kind: "invite", at, by: m.id, invite },
      answer: { invite: { id: invite.id, seat: invite.seat, secret: invite.secret } },
    });
  },
  "fac:uninvite": ({ member: m, at }, p) => ({ kind: "uninvite", at, by: m.id, invite: p.invite }),
  "fac:remove": ({ member: m, at }, p) => ({ kind: "remove", at, by: m.id, member: p.member }),
  "fac:code": ({ session: s, member: m, at, mint }) => {
    let code = mint.code();
    while (code === s.code) code = mint.code();
    return ok({ entry: { kind: "code", at, by: m.id, code }, answer: { code } });
  },
  reclaim: ({ session: s, member: m, at }) => {
    if (s.phase === "ended") return refuse("GAME_OVER", "The game is over.");
    return { kind: "bot", at, by: m.id, seat: seatOf(m), bot: false, persona: null, reason: null };
  },
  "fac:settings": ({ member: m, at }, p) => ({
    kind: "settings",
    at,
    by: m.id,
    settings: {
      ...(p.strikes !== undefined ? { strikes: p.strikes } : {}),
      ...(p.takeover !== undefined ? { takeover: p.takeover } : {}),
      ...(p.takeoverSeconds !== undefined ? { takeoverSeconds: p.takeoverSeconds } : {}),
      ...(p.turnSeconds !== undefined ? { turnSeconds: p.turnSeconds } : {}),
    },
  }),
  "fac:strike": ({ member: m, at }, p) => ({
    kind: "strike",
    at,
    by: m.id,
    seat: p.seat,
    approve: p.approve,
  }),
  "fac:cofac": ({ member: m, at, mint }, p) => {
    const name = cleanName(p.name).slice(0, 40);
    if (name.length === 0) return refuse("INVALID_NAME", "A co-facilitator needs a name.");
    const member: Member = { id: mint.id("m"), name, role: "facilitator", seat: null, token: mint.token() };
    return ok({
      entry: { kind: "join", at, by: m.id, member },
      answer: { member: member.id, key: member.token },
    });
  },
};

/**
 * The entry a request asks for, with its answer's extra fields, or why it is refused: first who may make it,
 * then the request itself.
 */
export function entryFor<T extends RequestType>(
  type: T,
  payload: RequestPayload<T>,
  c: RequestContext,
): Result<Made<T>> {
  const may = mayRequest(c.member, type, c.session);
  if (!may.ok) return may;
  const made = (MAKERS[type] as Maker<T>)(c, payload);
  return "kind" in made ? ok({ entry: made, answer: {} as ExtraOf<T> }) : made;
}

/** An inject of the scenario's library or schedule, by id. */
function scenarioInject(scenario: Scenario | null, id: string): Result<InjectDef> {
  const inject =
    scenario?.injects?.library?.find((x) => x.id === id) ??
    scenario?.injects?.scheduled?.find((x) => x.inject.id === id)?.inject;
  return inject ? ok(inject) : refuse("UNKNOWN_INJECT", `No inject "${id}" in this scenario's library.`);
}

/**
 * A facilitator's own inject, if its effects name this game's states, two different ones where they name a
 * pair.
 */
function customInject(s: SessionState, inject: InjectDef): Result<InjectDef> {
  for (const e of inject.effects) {
    const bad = effectStates(e).find((x) => !isSessionSeat(s, x));
    if (bad !== undefined)
      return refuse("UNKNOWN_SEAT", `The inject names "${bad}", which is not a state in this game.`);
    if ((e.type === "tension" && e.a === e.b) || (e.type === "suspicion" && e.from === e.to))
      return refuse("INVALID_REQUEST", "An inject effect must name two different states.");
  }
  return ok(inject);
}

/**
 * A statement's text without hidden or reordering characters (other orders pass unchanged; the engine checks
 * their shape).
 */
function cleanStatement(o: unknown): unknown {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return o;
  const r = o as Record<string, unknown>;
  return r.type === "statement" && typeof r.text === "string" ? { ...r, text: cleanText(r.text) } : o;
}
