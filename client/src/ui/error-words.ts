/**
 * Errors in plain words: one sentence a student understands for every code the server can answer (a request's
 * refusal, a create or join error, an HTTP error body), and for the ways a request fails without one. Raw
 * codes are never shown.
 */
import { ACCESS_AGE, MAX_ORDERS, type Outcome, type RejectionCode } from "@firebreak/shared/browser";

/** Codes only HTTP answers carry (docs/protocol.md §17.3). */
export type HttpOnlyCode =
  | "PAYLOAD_TOO_LARGE"
  | "FOREIGN_ORIGIN"
  | "METRICS_DISABLED"
  | "SERVER_ERROR"
  | "RULES_CHANGED"
  | "SCENARIO_TOO_LARGE"
  | "NO_SUCH_SCENARIO"
  | "SCENARIO_IN_USE";

/** Every code a client can receive. */
export type AnyErrorCode = RejectionCode | HttpOnlyCode;

const turns = (n: number | undefined) => (n === 1 ? "a turn" : `${n ?? "some"} turns`);

/** The sentence for each code. */
export const ERROR_SENTENCES: Readonly<Record<AnyErrorCode, string>> = {
  // The engine's codes.
  GAME_OVER: "The game has ended, so nothing more can be done in it. The debrief shows what happened.",
  WRONG_TURN: "Those orders were for a turn that has already ended. Plan again for the turn now on screen.",
  UNKNOWN_SEAT: "That state is not in this game.",
  INVALID_ORDER:
    "That order is incomplete or not allowed. (An overt operation cannot also use a proxy or a false flag.)",
  TOO_MANY_ORDERS: `You can give at most ${MAX_ORDERS} orders a turn.`,
  NOT_ENOUGH_AP:
    "You don't have enough action points left this turn. Remove an order or choose a cheaper one.",
  UNKNOWN_TARGET: "That state is not in this game.",
  SELF_TARGET: "You cannot aim an order at your own state.",
  DUPLICATE_ORDER:
    "You already gave that order this turn. Some orders can be given once a turn, others once per state or per incident.",
  NO_ACCESS:
    "You need an access in that state first: pre-position there, then use the access on a later turn.",
  ACCESS_TOO_YOUNG:
    `Your access in that state is too new: a disruption needs one gained ` +
    `${turns(ACCESS_AGE.disrupt)} before, a wiper attack one gained ${turns(ACCESS_AGE.destroy)} before.`,
  INVALID_FALSE_FLAG: "A false flag must point at a third state, not at you or at the target.",
  UNKNOWN_INCIDENT: "You don't know of that incident.",
  NO_HOTLINE:
    "You can only ask a state over a hotline you share with it, or, about an incident against you, a " +
    "state that adopted the norm on assistance with you. Propose a hotline under Diplomacy first.",
  UNKNOWN_INQUIRY: "That inquiry does not exist.",
  NOT_YOUR_INQUIRY: "That inquiry was sent to another state, not to you.",
  ALREADY_ANSWERED: "That inquiry has already been answered, or it lapsed unanswered.",
  TEXT_TOO_LONG: "That text is too long. Shorten it and try again.",
  UNKNOWN_PROPOSAL: "That proposal is no longer open.",
  NOT_PROPOSED_TO_YOU: "That proposal does not include your state, so you cannot answer it.",
  ALREADY_RESPONDED: "Your state has already answered that proposal.",
  INVALID_PARTIES: "That measure needs other partners. Choose the states it should bind.",
  CBM_ALREADY_IN_FORCE:
    "That measure is already in force among these states, or already proposed: accept the open proposal instead.",
  CBMS_DISABLED: "Proposing measures is switched off in this game.",
  NOT_AT_BRINK: "You can only stand firm or stand down with a state you are at the brink with.",
  INVALID_STEP: "The game could not apply that move. Nothing changed.",
  INVALID_SCENARIO: "That scenario has a fault and cannot be played.",
  SCENARIO_TOO_LARGE: "That scenario file is too large: a scenario file may be at most 256 KB.",
  NO_SUCH_SCENARIO:
    "That scenario is not on this server, or this browser does not hold its key: upload the file again.",
  SCENARIO_IN_USE:
    "A game or exercise not yet ended plays that scenario: end it first, then delete the scenario.",
  // The server's codes.
  NOT_A_PLAYER:
    "Only a player holding a seat can do that. If a bot is playing your seat, ask the facilitator to hand it back.",
  NOT_FACILITATOR: "Only the facilitator can do that.",
  NOT_IN_LOBBY: "The game has already started.",
  NOT_PLAYING: "The game is not running right now.",
  UNKNOWN_MEMBER: "That person is not, or no longer, in this game.",
  NO_CHANNEL: "You cannot write to that channel.",
  PAUSED: "The game is already paused.",
  NOT_PAUSED: "The game is not paused.",
  UNKNOWN_SCENARIO: "That scenario is not on this server.",
  BAD_TOKEN:
    "This browser's pass to the game is no longer valid (the facilitator may have removed it). Join again with the code.",
  BAD_CODE: "That join code is not right. Check it with the facilitator.",
  NO_SUCH_GAME:
    "No running game has that code. Check it with the facilitator: a code is six letters and digits.",
  UNKNOWN_INJECT: "That event is not in the scenario.",
  UNKNOWN_PERSONA: "There is no bot of that kind.",
  RATE_LIMITED: "Too many tries in a short time. Wait a minute, then try again.",
  INVALID_REQUEST: "The server could not accept that as it was sent, so nothing changed.",
  STORE_FAILED: "The server could not save that, so nothing changed. Try again in a moment.",
  SEAT_TAKEN: "A solo game has one player. You can join it as an observer to watch.",
  BAD_INVITE:
    "That seat invite is no longer valid (used, withdrawn or mistyped). Ask the facilitator for a new one.",
  NO_KNOCK: "That person is no longer waiting for a seat.",
  INVALID_NAME: "Choose another name: it must not be empty, or read like the game, the facilitator or a bot.",
  SERVER_FULL: "The server is running as many games as it can. Try again later.",
  BOT_HOLDS_SEAT: "A bot is playing your seat for now. Take your seat back to act yourself.",
  NO_BOT_HOLDS_SEAT: "No bot is playing your seat: you play it already.",
  STRIKE_TOO_EARLY: "The facilitator does not allow military strikes yet. Remove the strike order.",
  NO_STRIKE_WAITING: "No strike from that state is waiting for approval.",
  UNKNOWN_TABLE: "That table is not part of this exercise.",
  // Codes only in HTTP answers.
  PAYLOAD_TOO_LARGE: "That was too much to send at once.",
  FOREIGN_ORIGIN: "This page was opened from another address than the game's. Open the game's own address.",
  METRICS_DISABLED: "The server's metrics are switched off.",
  SERVER_ERROR: "The server failed to answer. Try again in a moment.",
  RULES_CHANGED:
    "This game was made under older rules than the server now runs, so it was closed. Its players can still read its debrief.",
};

/** Failures that carry no code: the connection, a timeout, the network. */
export const NO_CODE_SENTENCES = {
  notConnected: "You are not connected to the game right now. Wait for the connection to come back.",
  timeout: "The server did not answer in time. Check your connection and try again.",
  closed: "The connection dropped before the server answered. When it is back, check whether it was done.",
  network: "Could not reach the server. Check your connection and try again.",
  roomGone: "That game is no longer running on the server (it may have ended).",
  unknown: "Something went wrong, and nothing changed. Try again.",
} as const;

/** True for a string that is one of the codes the table has a sentence for. */
export function isKnownCode(code: string): code is AnyErrorCode {
  return Object.hasOwn(ERROR_SENTENCES, code);
}

/**
 * The sentence for a refusal: the table's for a known code; for a code this client does not know, the
 * server's own message.
 */
export function plainError(code: string, message: string): string {
  if (isKnownCode(code)) return ERROR_SENTENCES[code];
  return message || NO_CODE_SENTENCES.unknown;
}

/** The sentence for anything thrown while creating, joining, looking up a code or sending a request. */
export function plainThrown(e: unknown): string {
  const err = e as { reason?: { code?: unknown; message?: unknown }; message?: unknown; code?: unknown };
  if (err?.reason && typeof err.reason.code === "string")
    return plainError(err.reason.code, typeof err.reason.message === "string" ? err.reason.message : "");
  const message = typeof err?.message === "string" ? err.message : String(e ?? "");
  // Create and join errors read "<CODE>: <message>" (docs/protocol.md §1.3).
  const coded = /^([A-Z_]+): (.*)$/s.exec(message);
  if (coded?.[1] && isKnownCode(coded[1])) return ERROR_SENTENCES[coded[1]];
  if (/no rooms found/i.test(message)) return ERROR_SENTENCES.NO_SUCH_GAME;
  if (/room "[^"]*" not found/i.test(message)) return NO_CODE_SENTENCES.roomGone;
  if (/timed out/i.test(message)) return NO_CODE_SENTENCES.timeout;
  if (/connection closed|closed before/i.test(message)) return NO_CODE_SENTENCES.closed;
  if (/failed to fetch|networkerror|network error|ECONNREFUSED|load failed/i.test(message))
    return NO_CODE_SENTENCES.network;
  return NO_CODE_SENTENCES.unknown;
}

/**
 * How a game ended, in words ("the turn limit was reached"), with the states at war for an armed conflict.
 */
export function outcomeWords(o: Outcome | null, name: (seat: string) => string): string {
  if (!o) return "it was stopped";
  switch (o.kind) {
    case "armedConflict":
      return o.belligerents.length > 0
        ? `armed conflict broke out between ${o.belligerents.map(name).join(" and ")}`
        : "armed conflict broke out";
    case "stablePeace":
      return "a stable peace held long enough";
    case "turnLimit":
      return "the turn limit was reached";
    case "facilitatorEnded":
      return "the facilitator ended it";
  }
}
