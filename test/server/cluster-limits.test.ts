/**
 * The creation limits hold across a cluster: two processes on one Redis count the games of both and the
 * creations from one address through either, so N processes do not multiply FIREBREAK_MAX_GAMES or
 * FIREBREAK_CREATES_PER_WINDOW; nor do they multiply the wrong-code limits.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { startRedis, type ThrowawayRedis } from "../../server/src/cluster/throwaway-redis.ts";
import { startClusterProcess, throwawayServers } from "./cluster-checks.ts";
import type { ServerProcess } from "./processes.ts";

const servers = throwawayServers();
let second: ThrowawayRedis | undefined;
/** A Redis of its own for the exercise's test: the room listing it counts starts empty. */
let third: ThrowawayRedis | undefined;
afterAll(async () => {
  await Promise.all([second?.stop(), third?.stop()]);
});

/** Two processes of a cluster on `redis` and a fresh database, with these limits. */
async function cluster(
  name: string,
  redis: ThrowawayRedis,
  env: Record<string, string>,
): Promise<ServerProcess[]> {
  const database = await servers.pg().database(name);
  const start = async () => {
    return startClusterProcess(database, redis.url, env);
  };
  return [await start(), await start()];
}

/** Creates a game through `via`: "made", or the refusal's message. */
async function createThrough(via: ServerProcess, name: string): Promise<string> {
  return new Client(via.url).create("crisis", { scenario: "tutorial", name, turnSeconds: 0 }).then(
    () => "made",
    (e: unknown) => String((e as Error).message),
  );
}

describe("creation limits across a cluster", () => {
  it("an exercise counts its tables toward FIREBREAK_MAX_GAMES", async () => {
    third = await startRedis();
    const [a, b] = (await cluster("max_games_exercise", third, {
      FIREBREAK_MAX_GAMES: "4",
      FIREBREAK_CREATES_PER_WINDOW: "100",
    })) as [ServerProcess, ServerProcess];
    expect(await createThrough(a, "One")).toBe("made");
    const exercise = (tables: number) =>
      new Client(b.url).create("exercise", { scenario: "tutorial", name: "Class", tables }).then(
        () => "made",
        (e: unknown) => String((e as Error).message),
      );
    // One game, the exercise's room and three tables would be five rooms: over the limit, through any process.
    expect(await exercise(3)).toMatch(/^SERVER_FULL: this server holds its limit of 4 games/);
    // With two tables they are four: made.
    expect(await exercise(2)).toBe("made");
  });

  it("FIREBREAK_MAX_GAMES counts the games of every process", async () => {
    const [a, b] = (await cluster("max_games", servers.redis(), {
      FIREBREAK_MAX_GAMES: "2",
      FIREBREAK_CREATES_PER_WINDOW: "100",
    })) as [ServerProcess, ServerProcess];
    expect(await createThrough(a, "One")).toBe("made");
    expect(await createThrough(b, "Two")).toBe("made");
    // Two games in all, wherever they run: a third is refused through either process.
    expect(await createThrough(a, "Three")).toMatch(/^SERVER_FULL: this server holds its limit of 2 games/);
    expect(await createThrough(b, "Three")).toMatch(/^SERVER_FULL: this server holds its limit of 2 games/);
    const rooms = await Promise.all(
      [a, b].map(
        async (p) => ((await (await fetch(`${p.http}/api/health`)).json()) as { rooms: number }).rooms,
      ),
    );
    expect((rooms[0] ?? 0) + (rooms[1] ?? 0)).toBe(2);
  }, 60_000);

  it("FIREBREAK_CREATES_PER_WINDOW counts an address's creations through every process", async () => {
    // A Redis of its own: the creations above are counted in the first.
    second = await startRedis();
    const [a, b] = (await cluster("creations", second, { FIREBREAK_CREATES_PER_WINDOW: "3" })) as [
      ServerProcess,
      ServerProcess,
    ];
    expect(await createThrough(a, "One")).toBe("made");
    expect(await createThrough(b, "Two")).toBe("made");
    expect(await createThrough(a, "Three")).toBe("made");
    // Each process saw at most two of them; the cluster saw three.
    expect(await createThrough(b, "Four")).toMatch(/^RATE_LIMITED: at most 3 new games per 10 minutes/);
    expect(await createThrough(a, "Four")).toMatch(/^RATE_LIMITED: at most 3 new games per 10 minutes/);
  }, 60_000);

  it("wrong codes count through every process: a guesser moving between them meets one limit", async () => {
    const [a, b] = (await cluster("wrong_codes", servers.redis(), {})) as [ServerProcess, ServerProcess];
    const look = async (via: ServerProcess, code: string) =>
      (await fetch(`${via.http}/api/games/${code}`)).status;
    // Ten wrong codes through A (the limit per address and minute), then A refuses.
    for (let i = 0; i < 10; i++) expect(await look(a, `ZZZZ${i}A`)).toBe(404);
    expect(await look(a, "ZZZZZA")).toBe(429);
    // B has seen none itself, but counts in the shared Redis: it refuses at once, or after the one wrong code
    // whose cluster total it learns as it counts it (one process alone would allow ten).
    let wrongThroughB = 0;
    while ((await look(b, `YYYY${wrongThroughB}B`)) === 404 && wrongThroughB < 10) wrongThroughB++;
    expect(wrongThroughB).toBeLessThanOrEqual(2);
    expect(await look(b, "YYYYYB")).toBe(429);
  }, 60_000);
});
