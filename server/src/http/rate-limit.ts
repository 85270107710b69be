/**
 * Fixed-window counters per client, keyed by `rateKey` (an IPv6 client counts as its /64). A window opens at
 * a key's first counted event and lasts `windowMs`. The state stays bounded: expired windows are swept at
 * most once a window, and past `maxKeys` the oldest windows are dropped first.
 */
import { rateKey } from "./rate-key.ts";

/** How many events a window allows, how long it lasts, and how many keys are kept at most. */
export interface LimitSettings {
  /** The limiter's name among the counts shared across processes. */
  name?: string;
  limit: number;
  windowMs: number;
  /** Keys kept at most; the oldest windows are forgotten first. Default 100 000. */
  maxKeys?: number;
}

interface Window {
  count: number;
  since: number;
}

/**
 * Counts kept beside a process's own, across the processes of a cluster: `add` counts one event of a key and
 * learns the total a moment later; `total` is the last total learned for the key in the current window.
 */
export interface SharedCounts {
  add(name: string, key: string, windowMs: number): void;
  total(name: string, key: string, windowMs: number): number;
  /** Forgets every count (tests): later events count afresh. */
  clear(): void;
}

/** The counts shared across processes (a cluster), or null (one process). */
let sharedCounts: SharedCounts | null = null;

/** Shares every named limiter's counts across the processes of a cluster (null: one process). */
export function shareLimits(counts: SharedCounts | null): void {
  sharedCounts = counts;
}

/** Forgets the counts shared across processes (tests; `resetRateLimits`). */
export function clearSharedLimits(): void {
  sharedCounts?.clear();
}

/**
 * Counts events per client address in fixed windows; a named limiter also counts them across the processes of
 * a cluster, so that a client spreading its events over the processes meets one limit (give or take the
 * events of the last moment, whose totals are still on their way).
 */
export class WindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  readonly maxKeys: number;
  private readonly windows = new Map<string, Window>();
  private lastSweep = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;
  private readonly name: string | undefined;

  constructor(settings: LimitSettings, now: () => number) {
    this.now = now;
    this.name = settings.name;
    this.limit = settings.limit;
    this.windowMs = settings.windowMs;
    this.maxKeys = Math.max(1, settings.maxKeys ?? 100_000);
  }

  /** True when `address` has used up its window (its next event would be refused); counts nothing. */
  exhausted(address: string): boolean {
    const key = rateKey(address);
    const w = this.current(key, this.now());
    return (w !== undefined && w.count >= this.limit) || this.sharedTotal(key) >= this.limit;
  }

  /** Counts one event for `address`; false when that event is over the limit. */
  hit(address: string): boolean {
    const key = rateKey(address);
    const now = this.now();
    const across = this.sharedTotal(key) + 1 <= this.limit;
    if (this.name !== undefined) sharedCounts?.add(this.name, key, this.windowMs);
    const w = this.current(key, now);
    if (w) return ++w.count <= this.limit && across;
    this.sweep(now);
    this.windows.set(key, { count: 1, since: now });
    return 1 <= this.limit && across;
  }

  /** The key's count across the processes, as last learned (0 in one process or for an unnamed limiter). */
  private sharedTotal(key: string): number {
    return this.name !== undefined && sharedCounts ? sharedCounts.total(this.name, key, this.windowMs) : 0;
  }

  /** How many addresses hold an open window (expired ones are swept as new ones arrive). */
  get size(): number {
    return this.windows.size;
  }

  /** Forgets every window. */
  clear(): void {
    this.windows.clear();
    this.lastSweep = Number.NEGATIVE_INFINITY;
  }

  /** The key's window if it is still open; an expired one is dropped. */
  private current(key: string, now: number): Window | undefined {
    const w = this.windows.get(key);
    if (w && now - w.since >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  /** Drops expired windows (at most once a window), then the oldest ones while the map is full. */
  private sweep(now: number): void {
    if (now - this.lastSweep >= this.windowMs) {
      this.lastSweep = now;
      for (const [key, w] of this.windows) if (now - w.since >= this.windowMs) this.windows.delete(key);
    }
    // A Map iterates in insertion order, and a window is inserted when it opens: the first keys are the
    // oldest.
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(key);
    }
  }
}
