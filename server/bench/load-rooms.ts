/**
 * Rooms for the load bench: a room set up with its six scripted clients, and a room played alone (the quiet
 * game).
 */
import { Client, type Room } from "@colyseus/sdk";
import { SCENARIO, SEATS, sleep } from "./load-basics.ts";
import { type Person, type Role, RoomRun } from "./load-clients.ts";
import { Recorder } from "./load-recorder.ts";
import { fetchFrom } from "./local-fetch.ts";

/**
 * Creates a room (facilitator), looks its code up over HTTP, joins 4 players and an observer. The room's
 * HTTP requests leave from its own loopback address `from` (see local-fetch.ts).
 */
export async function setupRoom(
  i: number,
  from: string,
  url: string,
  http: string,
  rec: Recorder,
  thinkMs: number,
  stopAt: number,
  keepLast = false,
): Promise<RoomRun> {
  const fetchFn = fetchFrom(from);
  // The room's HTTP requests leave from its own address, which the server takes as the client's.
  const client = (): Client => new Client(url, { fetchFn });
  const run = new RoomRun(i, rec, thinkMs, stopAt, keepLast);
  const timed = async (make: () => Promise<Room>, role: Role, seat: string | null): Promise<Person> => {
    const t0 = performance.now();
    const p = run.add(await make(), role, seat);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      p.firstView,
      new Promise<never>(
        (_, reject) =>
          (timer = setTimeout(() => reject(new Error(`no view within 15 s of joining`)), 15_000)),
      ),
    ]);
    clearTimeout(timer);
    rec.joinMs.push(performance.now() - t0);
    return p;
  };
  const fac = await timed(
    () =>
      client().create("crisis", {
        scenario: SCENARIO,
        name: `Load game ${i}`,
        creatorName: `Facilitator ${i}`,
        seed: `load-${i}`,
        turnSeconds: 0,
      }),
    "facilitator",
    null,
  );
  const code = fac.code;
  const res = await fetchFn(`${http}/api/games/${code.toLowerCase()}`);
  if (!res.ok) throw new Error(`code lookup ${code}: HTTP ${res.status}`);
  const { roomId } = (await res.json()) as { roomId: string };
  await Promise.all([
    ...SEATS.map((seat) =>
      timed(
        () => client().joinById(roomId, { code, name: `P${i} ${seat}`, role: "player", seat }),
        "player",
        seat,
      ),
    ),
    timed(
      () => client().joinById(roomId, { code, name: `Observer ${i}`, role: "observer" }),
      "observer",
      null,
    ),
  ]);
  return run;
}

/** Waits until every room has ended or `until` has passed. */
export async function waitForEnd(runs: readonly RoomRun[], until: number): Promise<void> {
  while (performance.now() < until && runs.some((r) => r.ended < r.people.length)) await sleep(100);
}

/**
 * Think time of the quiet game: short, but it keeps each client under the room's limit of 20 messages
 * per second (a client over it is disconnected by Colyseus).
 */
export const QUIET_THINK_MS = 200;

/** Plays one room alone with a short think time (the warm-up game, and the quiet game before the load). */
export async function quietGame(
  i: number,
  url: string,
  http: string,
  until: number,
): Promise<{ run: RoomRun; rec: Recorder; seconds: number }> {
  const rec = new Recorder();
  const run = await setupRoom(
    i,
    `127.2.0.${i % 2 === 0 ? 1 : 2}`,
    url,
    http,
    rec,
    QUIET_THINK_MS,
    until,
    true,
  );
  const t0 = performance.now();
  const fac = run.people[0] as Person;
  await rec.request(fac.room, "fac:start", {});
  await waitForEnd([run], until);
  return { run, rec, seconds: (performance.now() - t0) / 1000 };
}
