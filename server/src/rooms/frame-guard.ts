/** Checks each WebSocket frame before Colyseus decodes it (placeholder: every frame passes). */
import type { Room } from "@colyseus/core";

/** Installs the frame guard on a room: runs before Colyseus' own handling of each client frame. */
export function installFrameGuard(room: Room): void {
  void room;
}
