/**
 * The room's requests as Colyseus sees them: every request type is registered, its payload checked against
 * the protocol's schema, and the request handed to the room with its sender; the answer is `{ ok: true, … }`
 * or a rejection `{ code, message }`, and each is timed (server/src/metrics.ts).
 */
import type { Client, MessageContext, Room } from "@colyseus/core";
import {
  rejection,
  requestSchemas,
  syncSchema,
  type RequestAnswer,
  type RequestPayload,
  type RequestType,
  type SessionPhase,
} from "@firebreak/shared";
import { recordRequest } from "../metrics.ts";
import type { Result } from "../session/result.ts";
import type { Member } from "../session/types.ts";

/** What the handlers need of the room. */
export interface RequestHost extends Room {
  /** The member a connection is. */
  memberOf(client: Client): Member | undefined;
  /** When the frame now being handled for `client` reached the room (performance.now()), if known. */
  arrivalOf(client: Client): number | undefined;
  /** The game's turn and the session's phase now (a request that changes them resolved a turn). */
  progress(): { turn: number; phase: SessionPhase };
  /**
   * Carries out one request of a member: its entry, then bots, resolution and views; the answer, or why it
   * was refused.
   */
  answer<T extends RequestType>(m: Member, type: T, payload: RequestPayload<T>): Result<RequestAnswer<T>>;
  /** Sends a client a fresh snapshot of its view. */
  resync(client: Client): void;
}

/** The rejection for a payload that fails its request's schema: the first issue, with its path. */
function invalidPayload(
  type: string,
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): { code: "INVALID_REQUEST"; message: string } {
  const first = issues[0];
  const path = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : "";
  return {
    code: "INVALID_REQUEST",
    message: `Malformed "${type}" request${path}: ${first?.message ?? "invalid payload"}.`,
  };
}

const UNKNOWN_MEMBER = { code: "UNKNOWN_MEMBER", message: "Unknown member." } as const;

/**
 * Handles one request: its sender, its shape (zod), then the room (who may, the request, the session, the
 * engine).
 */
function handle(
  room: RequestHost,
  type: RequestType,
  client: Client,
  raw: unknown,
  ctx: MessageContext,
): unknown {
  const m = room.memberOf(client);
  if (!m) return ctx.reject(UNKNOWN_MEMBER);
  const parsed = requestSchemas[type].safeParse(raw);
  if (!parsed.success) return ctx.reject(invalidPayload(type, parsed.error.issues));
  const r = room.answer(m, type, parsed.data);
  return r.ok ? r.value : ctx.reject(rejection(r.error));
}

/** Registers every request type on the room. */
export function registerHandlers(room: RequestHost): void {
  for (const type of Object.keys(requestSchemas) as RequestType[]) {
    // No Colyseus validator: a payload failing its schema is answered REJECTED with INVALID_REQUEST (a
    // validator answers a raw ERROR).
    room.onMessage(type, (client: Client, payload: unknown, ctx: MessageContext) => {
      // From the frame's arrival: Colyseus' decoding and validation are the server's time too.
      const t0 = room.arrivalOf(client) ?? performance.now();
      const before = room.progress();
      try {
        return handle(room, type, client, payload, ctx);
      } finally {
        const after = room.progress();
        const resolved = after.turn !== before.turn || (before.phase !== "ended" && after.phase === "ended");
        recordRequest(Date.now(), performance.now() - t0, resolved);
      }
    });
  }
  room.onMessage("sync", (client: Client, payload: unknown, ctx: MessageContext) => {
    if (!room.memberOf(client)) return ctx.reject(UNKNOWN_MEMBER);
    const parsed = syncSchema.safeParse(payload);
    if (!parsed.success) return ctx.reject(invalidPayload("sync", parsed.error.issues));
    room.resync(client);
    return { ok: true };
  });
}
