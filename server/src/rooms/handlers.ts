/** Request handlers: shape by zod, role checks, then the session reducer through room.commit. */
import type { Client } from "@colyseus/core";
import type { MessageContext } from "@colyseus/core";
import { effectStates, rejection, requestSchemas, syncSchema, type InjectDef, type RequestPayload, type RequestType } from "@firebreak/shared";
import { parseChannel } from "../session/channels.ts";
import { refuse, type Result } from "../session/result.ts";
import { isSessionSeat, mustKnock } from "../session/membership.ts";
import { cleanName, cleanText } from "../session/names.ts";
import { isBotPersona, unknownPersona } from "../session/session.ts";
import { newId, newJoinCode, newToken } from "../session/tokens.ts";
import { codeInUse } from "../games/registry.ts";
import type { Member } from "../session/types.ts";
import type { JournalEntry } from "../session/journal.ts";
import { recordRequest } from "../metrics.ts";
import { services } from "../services.ts";
import type { CrisisRoom } from "./crisis-room.ts";

/** A journal entry to commit, and what the answer carries besides `ok`, `turn` and `phase` (a new invite, code or key). */
interface WithAnswer {
  entry: JournalEntry;
  answer: Record<string, unknown>;
}

type Handler<T extends RequestType> = (room: CrisisRoom, m: Member, p: RequestPayload<T>, at: number) => Result<unknown> | JournalEntry | WithAnswer;

const player = (m: Member): m is Member & { seat: string } => m.role === "player" && m.seat !== null;

const handlers: { [T in RequestType]: Handler<T> } = {
  orders: (room, m, p, at) => (player(m) ? { kind: "step", at, by: m.id, step: { type: "orders", turn: p.turn, seat: m.seat, orders: p.orders.map(cleanStatement) } } : notPlayer()),
  ready: (room, m, p, at) => {
    if (!player(m)) return notPlayer();
    if (room.session.seats.find((c) => c.seat === m.seat)?.bot) return refuse("NOT_A_PLAYER", "A bot holds your seat now; ask the facilitator to hand it back.");
    return { kind: "ready", at, by: m.id, seat: m.seat, ready: p.ready };
  },
  propose: (room, m, p, at) => (player(m) ? { kind: "step", at, by: m.id, step: { type: "propose", turn: room.session.game.turn, seat: m.seat, kind: p.kind, parties: p.parties } } : notPlayer()),
  respond: (room, m, p, at) =>
    player(m) ? { kind: "step", at, by: m.id, step: { type: "respond", turn: room.session.game.turn, seat: m.seat, proposal: p.proposal, accept: p.accept, ...(p.note ? { note: cleanText(p.note) } : {}) } } : notPlayer(),
  chat: (room, m, p, at) => {
    const channel = parseChannel(p.channel, m, room.session);
    if (typeof channel === "string") return refuse("NO_CHANNEL", channel);
    return { kind: "chat", at, by: m.id, channel, text: p.text };
  },
  "lobby:seat": (room, m, p, at) => {
    if (m.role === "facilitator") return refuse("NOT_A_PLAYER", "The facilitator has no seat.");
    if (room.session.phase !== "lobby") return refuse("NOT_IN_LOBBY", "Seats are chosen in the lobby; knock on a seat to ask the facilitator to let you in.");
    return { kind: "assign", at, by: m.id, member: m.id, seat: p.seat };
  },
  knock: (room, m, p, at) => {
    if (m.role === "facilitator") return refuse("NOT_A_PLAYER", "The facilitator has no seat.");
    if (room.session.phase === "ended") return refuse("GAME_OVER", "The game is over.");
    if (room.session.options.solo) return refuse("SEAT_TAKEN", "A solo game has one player.");
    if (m.seat !== null) return refuse("INVALID_REQUEST", "You already have a seat; the facilitator can move you.");
    if (p.seat === null) return m.knock ? { kind: "admit", at, by: m.id, member: m.id, admit: false } : refuse("NO_KNOCK", "You are not waiting for a seat.");
    if (!isSessionSeat(room.session, p.seat)) return refuse("UNKNOWN_SEAT", `No state "${p.seat}".`);
    if (room.session.phase === "lobby" || !mustKnock(room.session, p.seat)) return { kind: "assign", at, by: m.id, member: m.id, seat: p.seat };
    return { kind: "knock", at, by: m.id, member: m.id, seat: p.seat };
  },
  "fac:start": (room, m, _p, at) => (m.role === "facilitator" ? { kind: "start", at, by: m.id } : notFacilitator()),
  "fac:assign": (room, m, p, at) => (m.role === "facilitator" ? { kind: "assign", at, by: m.id, member: p.member, seat: p.seat } : notFacilitator()),
  "fac:bot": (room, m, p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    if (p.persona !== undefined && !isBotPersona(p.persona)) return unknownPersona(p.persona);
    return { kind: "bot", at, by: m.id, seat: p.seat, bot: p.bot, persona: p.persona ?? null, reason: p.bot ? "facilitator" : null };
  },
  "fac:pause": (room, m, _p, at) => (m.role === "facilitator" ? { kind: "pause", at, by: m.id } : notFacilitator()),
  "fac:resume": (room, m, _p, at) => (m.role === "facilitator" ? { kind: "resume", at, by: m.id } : notFacilitator()),
  "fac:extend": (room, m, p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    if (room.session.options.turnSeconds === 0) return refuse("INVALID_REQUEST", "This game has no time limit to extend.");
    return { kind: "extend", at, by: m.id, seconds: p.seconds };
  },
  "fac:advance": (room, m, _p, at) => (m.role === "facilitator" ? { kind: "step", at, by: m.id, step: { type: "resolve", turn: room.session.game.turn } } : notFacilitator()),
  "fac:inject": (room, m, p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    let inject: InjectDef | undefined;
    if ("id" in p) {
      const sc = services().scenario(room.session.options.scenario);
      inject = sc?.injects?.library?.find((x) => x.id === p.id) ?? sc?.injects?.scheduled?.find((x) => x.inject.id === p.id)?.inject;
      if (!inject) return refuse("UNKNOWN_INJECT", `No inject "${p.id}" in this scenario's library.`);
    } else {
      inject = p.inject as InjectDef;
      for (const e of inject.effects) {
        const bad = effectStates(e).find((x) => !isSessionSeat(room.session, x));
        if (bad !== undefined) return refuse("UNKNOWN_SEAT", `The inject names "${bad}", which is not a state in this game.`);
        if ((e.type === "tension" && e.a === e.b) || (e.type === "suspicion" && e.from === e.to)) return refuse("INVALID_REQUEST", "An inject effect must name two different states.");
      }
    }
    return { kind: "step", at, by: m.id, step: { type: "inject", turn: room.session.game.turn, inject } };
  },
  "fac:end": (room, m, _p, at) => (m.role === "facilitator" ? { kind: "step", at, by: m.id, step: { type: "end", turn: room.session.game.turn } } : notFacilitator()),
  "fac:admit": (room, m, p, at) => (m.role === "facilitator" ? { kind: "admit", at, by: m.id, member: p.member, admit: p.admit } : notFacilitator()),
  "fac:invite": (room, m, p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    if (room.session.phase === "ended") return refuse("GAME_OVER", "The game is over.");
    const invite = { id: newId("i"), secret: newToken(), seat: p.seat, at, by: m.id };
    return { entry: { kind: "invite", at, by: m.id, invite }, answer: { invite: { id: invite.id, seat: invite.seat, secret: invite.secret } } };
  },
  "fac:uninvite": (room, m, p, at) => (m.role === "facilitator" ? { kind: "uninvite", at, by: m.id, invite: p.invite } : notFacilitator()),
  "fac:remove": (room, m, p, at) => (m.role === "facilitator" ? { kind: "remove", at, by: m.id, member: p.member } : notFacilitator()),
  "fac:code": (room, m, _p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    let code = newJoinCode();
    while (codeInUse(code) || code === room.session.code) code = newJoinCode();
    return { entry: { kind: "code", at, by: m.id, code }, answer: { code } };
  },
  "fac:cofac": (room, m, p, at) => {
    if (m.role !== "facilitator") return notFacilitator();
    const name = cleanName(p.name).slice(0, 40);
    if (name.length === 0) return refuse("INVALID_NAME", "A co-facilitator needs a name.");
    const member: Member = { id: newId("m"), name, role: "facilitator", seat: null, token: newToken() };
    return { entry: { kind: "join", at, by: m.id, member }, answer: { member: member.id, key: member.token } };
  },
};

/** A statement's text without hidden or reordering characters (other orders pass unchanged; the engine checks their shape). */
function cleanStatement(o: unknown): unknown {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return o;
  const r = o as Record<string, unknown>;
  return r.type === "statement" && typeof r.text === "string" ? { ...r, text: cleanText(r.text) } : o;
}

function notPlayer(): Result<never> {
  return refuse("NOT_A_PLAYER", "Only a player with a seat can do that.");
}

function notFacilitator(): Result<never> {
  return refuse("NOT_FACILITATOR", "Only the facilitator can do that.");
}

/** The rejection for a payload that fails its request's schema: the first issue, with its path. */
function invalidPayload(type: string, issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): { code: "INVALID_REQUEST"; message: string } {
  const first = issues[0];
  const path = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
  return { code: "INVALID_REQUEST", message: `Malformed "${type}" request${path}: ${first?.message ?? "invalid payload"}.` };
}

/** Handles one request: its shape (zod), then role, session and engine checks; then bots, resolution and views. */
function handle(room: CrisisRoom, type: RequestType, client: Client, raw: unknown, ctx: MessageContext): unknown {
  const m = room.memberOf(client);
  if (!m) return ctx.reject({ code: "UNKNOWN_MEMBER", message: "Unknown member." });
  const parsed = requestSchemas[type].safeParse(raw);
  if (!parsed.success) return ctx.reject(invalidPayload(type, parsed.error.issues));
  const payload = parsed.data;
  const made = (handlers[type] as Handler<RequestType>)(room, m, payload as never, services().now());
  if ("ok" in made) return made.ok ? { ok: true } : ctx.reject(rejection(made.error));
  const { entry, answer } = "entry" in made ? made : { entry: made, answer: {} };
  const r = room.commit(entry);
  if (!r.ok) return ctx.reject(rejection(r.error));
  room.settle();
  return { ok: true, turn: room.session.game.turn, phase: room.session.phase, ...answer };
}

/** Registers every request type on the room. Answers `{ ok: true }` or rejects with `{ code, message }`; each is timed (server/src/metrics.ts). */
export function registerHandlers(room: CrisisRoom): void {
  for (const type of Object.keys(requestSchemas) as RequestType[]) {
    // No Colyseus validator: a payload failing its schema is answered REJECTED with INVALID_REQUEST (a validator answers a raw ERROR).
    room.onMessage(type, (client: Client, payload: unknown, ctx: MessageContext) => {
      // From the frame's arrival: Colyseus' decoding and validation are the server's time too.
      const t0 = room.arrivalOf(client) ?? performance.now();
      const turn = room.session.game.turn;
      const ended = room.session.phase === "ended";
      try {
        return handle(room, type, client, payload, ctx);
      } finally {
        const resolved = room.session.game.turn !== turn || (!ended && room.session.phase === "ended");
        recordRequest(Date.now(), performance.now() - t0, resolved);
      }
    });
  }
  room.onMessage("sync", (client: Client, payload: unknown, ctx: MessageContext) => {
    if (!room.memberOf(client)) return ctx.reject({ code: "UNKNOWN_MEMBER", message: "Unknown member." });
    const parsed = syncSchema.safeParse(payload);
    if (!parsed.success) return ctx.reject(invalidPayload("sync", parsed.error.issues));
    room.resync(client);
    return { ok: true };
  });
}
