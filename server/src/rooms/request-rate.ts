/** The request rate each member may keep up: a token bucket per member, on an injected clock. */

/** A bucket's size and how fast it refills. */
export interface RateLimits {
  /** Requests that may arrive at once (the bucket's size). */
  burst: number;
  /** Tokens added per second, up to `burst`. */
  perSecond: number;
}

/**
 * The room's limits. The busiest thing a person does is "Accept all" on a solo game's opening proposals (10
 * requests at once, one per proposal) followed by orders, ready and perhaps a chat line: about 14 requests
 * inside a second, half the burst. A person's sustained pace is well under one request a second; a scripted
 * client paced at 10 a second (docs/protocol.md §1.1) is never refused. Colyseus' `maxMessagesPerSecond` in
 * the room stays far above (a flood cap).
 */
export const REQUEST_RATE: RateLimits = { burst: 30, perSecond: 10 };

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date (ms on the clock). */
  at: number;
}

/** Token buckets by key (a member id); a key's bucket exists from its first request until `forget`. */
export class RequestRate {
  private readonly buckets = new Map<string, Bucket>();
  readonly limits: RateLimits;
  private readonly now: () => number;

  /** `now` returns milliseconds (any origin; it must not run backwards by much). */
  constructor(limits: RateLimits, now: () => number) {
    this.limits = limits;
    this.now = now;
  }

  /** Takes a token for `key`; false when the bucket holds less than one (the request is over the rate). */
  take(key: string): boolean {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.limits.burst, at: t };
    const elapsed = Math.max(0, t - b.at);
    b.tokens = Math.min(this.limits.burst, b.tokens + (elapsed * this.limits.perSecond) / 1000);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** Frees a key's bucket (its member has no connection left). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  /** How many buckets are held. */
  get size(): number {
    return this.buckets.size;
  }
}
