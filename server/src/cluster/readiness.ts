/**
 * Whether this process is ready for traffic: it listens and has restored the games it runs (GET /api/ready).
 */
let ready = false;

/** Marks the process ready (start-up done) or not (starting, or shutting down). */
export function setReady(value: boolean): void {
  ready = value;
}

/** True once start-up (listening, restoring games) is done and until shutdown begins. */
export function isReady(): boolean {
  return ready;
}
