/**
 * Stopping on SIGTERM or SIGINT: the process says it is no longer ready, stops adopting games, closes its
 * rooms (their clients are disconnected), then its store, which in a cluster gives up its games' leases so
 * another process adopts them at once. A close that hangs is cut short after `graceMs`.
 */
import { setReady } from "./readiness.ts";

/**
 * Closes the server with `close` on the first SIGTERM or SIGINT, then exits (0, or 1 when closing failed or
 * hung).
 */
export function closeOnSignals(close: () => Promise<void>, graceMs = 10_000): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    setReady(false);
    process.stderr.write(`Firebreak: ${signal}, closing\n`);
    const cut = setTimeout(() => {
      process.stderr.write(`Firebreak: closing took over ${graceMs} ms; exiting\n`);
      process.exit(1);
    }, graceMs);
    close().then(
      () => {
        clearTimeout(cut);
        process.exit(0);
      },
      (e: unknown) => {
        process.stderr.write(`Firebreak: closing failed: ${(e as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
