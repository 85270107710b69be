/**
 * Which matchmaking calls may proceed (the crisis room's static onAuth runs this before any room is looked
 * up). Colyseus answers a `join` or `joinOrCreate` with a seat reservation in whatever room matches the
 * options, and that reservation names the room: without these checks `POST /matchmake/join/crisis` with `{}`
 * handed out a running game's room id. Allowed:
 *  - `create`, within the per-address creation limit and the cap on live games (in a cluster, checked again
 *    across the processes when Colyseus chooses the process: cluster/creation-limits.ts);
 *  - `join` with a `code` (Colyseus filters rooms by it), or with a `token`, which pins the join to that token's game;
 *  - `joinById` with a `code` of that room, a `token` or an `invite` (the room checks the token or invite).
 * Everything else (`joinOrCreate`, a `join` or `joinById` with neither) is refused with BAD_CODE. Codes and
 * tokens that match no game count toward the wrong-join limit of the client's address (`context.ip`, set by
 * client-address.ts); a right code is never refused because others from the same address mistyped theirs.
 */
import type { AuthContext } from "@colyseus/core";
import { noteCreation } from "../cluster/creation-limits.ts";
import { remoteCodeOfToken, sharingCodes } from "../cluster/directory.ts";
import { liveSession, roomIdForCode, roomsByCode } from "../games/registry.ts";
import { memberByToken, normaliseCode } from "../session/tokens.ts";
import { creationLimited, creations, currentCreationLimits, serverFull, wrongJoins } from "./limits.ts";

/**
 * The matchmaking method (`create`, `join`, `joinById`, …) and its room name or id, from the HTTP request
 * behind `context`.
 */
export function matchmakeCall(context: AuthContext): { method: string; target: string } | null {
  const url = (context.req as { url?: unknown } | undefined)?.url;
  if (typeof url !== "string") return null;
  let path: string;
  try {
    path = new URL(url, "http://localhost").pathname;
  } catch {
    return null;
  }
  const m = /^\/matchmake\/(\w+)\/([^/]+)$/.exec(path);
  return m ? { method: m[1] as string, target: decodeURIComponent(m[2] as string) } : null;
}

const NEEDS_CODE = "BAD_CODE: joining a game needs its join code (or a seat token to rejoin)";

/**
 * Refuses (throws `Error("CODE: message")`) a matchmaking call that may not proceed; may pin a token join to
 * its game's code.
 */
export function admitMatchmaking(options: unknown, context: AuthContext): void {
  const call = matchmakeCall(context);
  if (!call)
    throw new Error("INVALID_REQUEST: games are created and joined through POST /matchmake/<method>/<room>");
  const address = context.ip ?? "unknown";
  const o: Record<string, unknown> =
    typeof options === "object" && options !== null && !Array.isArray(options)
      ? (options as Record<string, unknown>)
      : {};
  switch (call.method) {
    case "create":
      return admitCreate(options, address);
    case "join":
      return admitJoin(o, address);
    case "joinById":
      return admitJoinById(o, call.target, address);
    default:
      throw new Error(
        `BAD_CODE: "${call.method}" is not offered; create a game with create, or join one by its code`,
      );
  }
}

function admitCreate(options: unknown, address: string): void {
  const limits = currentCreationLimits();
  if (roomsByCode.size >= limits.maxGames) throw serverFull(limits);
  if (!creations().hit(address)) throw creationLimited(limits);
  // In a cluster the same limits are then checked across the processes (cluster/creation-limits.ts).
  if (sharingCodes()) noteCreation(options, address);
}

function admitJoin(o: Record<string, unknown>, address: string): void {
  if (typeof o.code === "string") {
    const code = normaliseCode(o.code);
    if (roomIdForCode(code) !== undefined) {
      // Colyseus filters rooms by the code option as given; the room's own check normalises it as well.
      o.code = code;
      return;
    }
    if (!wrongJoins.hit(address))
      throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
    // Colyseus then finds no room with that code: 521 "no rooms found with provided criteria".
    return;
  }
  if (typeof o.token === "string") {
    const code = codeOfToken(o.token);
    if (code === null) {
      if (!wrongJoins.hit(address))
        throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
      throw new Error("BAD_TOKEN: that seat token or facilitator key is not valid for any running game");
    }
    // Pins the join to the token's own game: Colyseus picks the room whose code the options carry.
    o.code = code;
    return;
  }
  throw new Error(NEEDS_CODE);
}

function admitJoinById(o: Record<string, unknown>, roomId: string, address: string): void {
  if (typeof o.token === "string" || typeof o.invite === "string") return;
  if (typeof o.code !== "string") throw new Error(NEEDS_CODE);
  if (roomIdForCode(normaliseCode(o.code)) === roomId) return;
  if (!wrongJoins.hit(address))
    throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
  throw new Error(NEEDS_CODE);
}

/**
 * The join code of the running game one of whose members holds `token`, or null (every game is compared, in
 * constant time).
 */
function codeOfToken(token: string): string | null {
  let code: string | null = null;
  for (const roomId of roomsByCode.values()) {
    const session = liveSession(roomId);
    if (session && memberByToken(session, token) && code === null) code = session.code;
  }
  // In a cluster, a game in another process (cluster/directory.ts looked the token up just before).
  return code ?? remoteCodeOfToken(token);
}
