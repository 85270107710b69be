/**
 * What the load bench's scripted clients record while rooms play: request latencies, rejections, failures,
 * joins, views.
 */
import type { Room } from "@colyseus/sdk";

/** The requests the scripted clients send. */
export type RequestType = "fac:start" | "orders" | "ready";

/** Everything measured while rooms play. */
export class Recorder {
  latency: Record<RequestType, number[]> = { "fac:start": [], orders: [], ready: [] };
  rejected: Record<string, number> = {};
  failed: Record<string, number> = {};
  joinMs: number[] = [];
  /** [sent at, latency, type] of every answered request, for the debug timeline (LOAD_DEBUG=1). */
  timeline: Array<[number, number, string]> = [];
  /** performance.now() of every request sent (the scale-out ramp counts those not answered in time). */
  sent: number[] = [];
  views = 0;
  disconnects = 0;
  inflight = 0;

  async request(room: Room, type: RequestType, payload: unknown): Promise<"ok" | "rejected" | "failed"> {
    const t0 = performance.now();
    this.sent.push(t0);
    this.inflight++;
    try {
      await room.request(type, payload);
      this.latency[type].push(performance.now() - t0);
      this.timeline.push([t0, performance.now() - t0, type]);
      return "ok";
    } catch (e) {
      const err = e as Error & { reason?: { code?: string } };
      if (err.name === "rejected") {
        // A deliberate rejection is an answer too.
        this.latency[type].push(performance.now() - t0);
        const k = `${type}:${err.reason?.code ?? "?"}`;
        this.rejected[k] = (this.rejected[k] ?? 0) + 1;
        return "rejected";
      }
      const k = `${type}:${err.message.slice(0, 60)}`;
      this.failed[k] = (this.failed[k] ?? 0) + 1;
      return "failed";
    } finally {
      this.inflight--;
    }
  }
}
