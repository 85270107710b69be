/** Views sent over Colyseus: each snapshot to its connection, each patch encoded once for all the connections it goes to. */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import type { Delivery } from "../views/view-sync.ts";

/** Sends deliveries as they are computed (the next viewer is diffed while one travels); `clients` by session id. */
export function deliver(deliveries: Iterable<Delivery>, clients: ReadonlyMap<string, Client>): void {
  for (const d of deliveries) {
    if (d.kind === "view") {
      clients.get(d.to)?.send("view", d.view);
      continue;
    }
    const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, "patch", d.patch);
    for (const id of d.to) clients.get(id)?.enqueueRaw(bytes);
  }
}
