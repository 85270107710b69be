/**
 * A connection joining the room: who it becomes (session/joining.ts decides), with wrong tokens and invites
 * counted toward its address's wrong-join limit, and the welcome it gets before anything else.
 */
import type { Client } from "@colyseus/core";
import type { Welcome } from "@firebreak/shared";
import { wrongJoins } from "../http/limits.ts";
import { admission, type Admission } from "../session/joining.ts";
import type { Mint } from "../session/requests.ts";
import type { Member, SessionState } from "../session/types.ts";

/** Who a join with these raw options becomes in the session; throws `CODE: message` when it is refused. */
export function admit(session: SessionState, raw: unknown, mint: Mint, ip: string | undefined): Admission {
  const r = admission(session, raw, mint);
  if (r.ok) return r.value;
  // Wrong tokens and invites count toward the address's wrong-join limit, like wrong codes.
  const guess = r.error.code === "BAD_TOKEN" || r.error.code === "BAD_INVITE";
  if (guess && !wrongJoins.hit(ip ?? "unknown"))
    throw new Error("RATE_LIMITED: too many wrong join codes; wait a minute and try again");
  throw new Error(`${r.error.code}: ${r.error.message}`);
}

/** Tells a joining connection who it is: its member id and token, the room, and the game's join code. */
export function sendWelcome(client: Client, member: Member, roomId: string, code: string): void {
  const welcome: Welcome = { memberId: member.id, token: member.token, roomId, code };
  client.send("welcome", welcome);
}
