/**
 * A room's connections as the driver counts them (driver/timers.ts, Facts): the members with a live
 * connection, the dropped connections Colyseus holds for a reconnection, and when each connection's latest
 * frame arrived.
 */
import type { Client } from "@colyseus/core";
import { REMOVED_CLOSE_CODE, REMOVED_REASON } from "@firebreak/shared";

/** The member id a connection was given at its join. */
export function memberIdOf(client: Client): string | undefined {
  return (client.userData as { memberId?: string } | undefined)?.memberId;
}

/** Who is connected to one room. */
export class Connections {
  /** Members with at least one live connection. */
  readonly members = new Set<string>();
  /** Dropped connections that may still reconnect (Colyseus holds their place): someone is still here. */
  private readonly held = new Set<string>();
  /**
   * When each connection's latest frame reached the room (performance.now()): requests are timed from there.
   */
  private readonly arrivals = new WeakMap<object, number>();

  /**
   * Stamps each frame of the client's connection on arrival, before Colyseus decodes and validates it (GET
   * /api/metrics).
   */
  watch(client: Client): void {
    const ref = client.ref;
    if (this.arrivals.has(ref)) return;
    this.arrivals.set(ref, performance.now());
    ref.prependListener("message", () => this.arrivals.set(ref, performance.now()));
  }

  /** When the frame now being handled for `client` reached the room (performance.now()), if known. */
  arrivalOf(client: Client): number | undefined {
    return this.arrivals.get(client.ref);
  }

  /** A joining connection is this member's (the frame guard buckets its requests by it). */
  admit(client: Client, memberId: string): void {
    client.userData = { memberId };
  }

  /** The member has a live connection (it joined or reconnected). */
  live(memberId: string): void {
    this.members.add(memberId);
  }

  /** A dropped connection Colyseus holds for a reconnection. */
  hold(client: Client): void {
    this.held.add(client.sessionId);
  }

  /** The connection is no longer held: it came back, or it left for good. */
  release(client: Client): void {
    this.held.delete(client.sessionId);
  }

  /**
   * A connection of `member` left or dropped: the member is no longer connected unless another of `clients`
   * is it.
   */
  gone(client: Client, member: string | undefined, clients: readonly Client[]): void {
    if (member !== undefined && !clients.some((c) => c !== client && memberIdOf(c) === member))
      this.members.delete(member);
  }

  /**
   * The member was removed from the game: it is no longer connected, and each of its connections is closed.
   */
  removed(member: string, clients: readonly Client[]): void {
    this.members.delete(member);
    for (const c of clients) if (memberIdOf(c) === member) c.leave(REMOVED_CLOSE_CODE, REMOVED_REASON);
  }

  /** The members connected, counting `arriving` as connected before its connection is recorded. */
  connected(arriving?: string): ReadonlySet<string> {
    return arriving === undefined ? this.members : new Set([...this.members, arriving]);
  }

  /**
   * Whether anyone is here: one of the room's `live` connections, or a dropped one that may still reconnect.
   */
  present(live: number): boolean {
    return live + this.held.size > 0;
  }
}
