/**
 * For tests: a throwaway Redis server on a free port (Debian's `redis-server`), nothing saved; fails, never
 * skips, without it.
 */
import { spawn, spawnSync } from "node:child_process";
import { connect } from "node:net";
import { freeTcpPort } from "../store/throwaway-pg.ts";

/** A running throwaway Redis. */
export interface ThrowawayRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("error", () => resolve(false));
    s.once("connect", () => s.write("PING\r\n"));
    s.once("data", (d) => {
      resolve(d.toString().startsWith("+PONG"));
      s.destroy();
    });
  });
}

/** Starts `redis-server` on a free loopback port and waits until it answers PING. */
export async function startRedis(): Promise<ThrowawayRedis> {
  if (spawnSync("redis-server", ["--version"]).status !== 0)
    throw new Error("redis-server is missing: apt-get install redis-server");
  const port = await freeTcpPort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  for (let i = 0; i < 200 && child.exitCode === null; i++) {
    if (await pong(port))
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        async stop() {
          if (child.exitCode === null) child.kill("SIGKILL");
          await exited;
        },
      };
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`redis-server did not start on port ${port}`);
}
