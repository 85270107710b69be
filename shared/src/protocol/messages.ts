/**
 * What the server sends besides answers (docs/protocol.md §7): its three message types, and how it closes a
 * removed member's connections.
 */
import type { PatchOp } from "../sync/patch.ts";
import type { ClientView } from "./view.ts";

/** The "welcome" message, to the joining connection only, before any view: who it is and how to come back. */
export interface Welcome {
  memberId: string;
  /** The member's seat token (a facilitator's key): keep it secret, rejoin with it. */
  token: string;
  roomId: string;
  /** The game's current join code. */
  code: string;
}

/** The "patch" message: the ops that turn the view of version `from` into version `to`. */
export interface ViewPatch {
  from: number;
  to: number;
  ops: PatchOp[];
}

/** Every message type the server sends, with its body. */
export interface ServerMessages {
  welcome: Welcome;
  view: ClientView;
  patch: ViewPatch;
}

/**
 * WebSocket close code sent to every connection of a member the facilitator removed (the client forgets its
 * token).
 */
export const REMOVED_CLOSE_CODE = 4403;

/** The close reason that goes with REMOVED_CLOSE_CODE. */
export const REMOVED_REASON = "The facilitator removed you from this game.";
