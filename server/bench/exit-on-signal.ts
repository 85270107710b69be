/**
 * Preloaded into the server child by the load bench (`node --import ./server/bench/exit-on-signal.ts
 * server/src/main.ts`): SIGTERM and SIGINT end the process through `process.exit`, so that
 * `--cpu-prof` writes its profile (a signal's default action kills the process without writing it).
 */
for (const sig of ["SIGTERM", "SIGINT"] as const) process.on(sig, () => process.exit(0));
