/**
 * Views sent over Colyseus: each snapshot to its connection, each patch encoded once for all the connections
 * it goes to.
 */
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import type { Member } from "../session/types.ts";
import type { Delivery } from "../views/view-sync.ts";
import type { Connection } from "../views/viewer.ts";

/**
 * Sends deliveries as they are computed (the next viewer is diffed while one travels); `clients` by session
 * id.
 */
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

/** The connections that are members, as viewers (in the clients' order), and those clients by session id. */
export function viewersOf(
  clients: Iterable<Client>,
  memberOf: (client: Client) => Member | undefined,
): { viewers: Connection[]; byId: Map<string, Client> } {
  const viewers: Connection[] = [];
  const byId = new Map<string, Client>();
  for (const client of clients) {
    const member = memberOf(client);
    if (!member) continue;
    viewers.push({ client: client.sessionId, member });
    byId.set(client.sessionId, client);
  }
  return { viewers, byId };
}
