/**
 * The load bench's settings from its command line, its clock (start, deadlines), and its progress log on
 * stderr.
 */

const argv = process.argv.slice(2);

/** The value of `--name V` or `--name=V`, if given. */
function flag(name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

/** A positive number flag, or `dflt` when it is not given. */
function numberFlag(name: string, dflt: number): number {
  const v = flag(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
}

const QUICK = argv.includes("--quick");
/**
 * `--processes N`: the scale-out ramp (load-scale.ts) with 1 and with N processes, instead of the one-process
 * bench.
 */
const PROCESSES = flag("--processes") === undefined ? 0 : Math.round(numberFlag("--processes", 1));

/** The run's settings (`--quick` changes the defaults to a smoke run). */
export const settings = {
  quick: QUICK,
  json: argv.includes("--json"),
  rooms: Math.round(numberFlag("--rooms", QUICK ? 20 : 200)),
  thinkMs: numberFlag("--think-ms", QUICK ? 750 : 1500),
  /**
   * Facilitators start their games at random moments over this many seconds, as classes do not start in the
   * same second.
   */
  startSpreadS: numberFlag("--start-spread", QUICK ? 5 : 10),
  /** Whole run, seconds: every phase stops by then. */
  budgetS: numberFlag("--budget", PROCESSES ? (QUICK ? 150 : 600) : QUICK ? 60 : 90),
  /** Scale-out mode: the most server processes (0: the one-process bench). */
  processes: PROCESSES,
  /** Scale-out mode: rooms added at each step of the ramp. */
  stepRooms: Math.round(numberFlag("--step-rooms", QUICK ? 10 : 40)),
  /**
   * Scale-out mode: seconds each step lasts (its latency is measured over the part after its rooms joined).
   */
  stepSeconds: numberFlag("--step-seconds", QUICK ? 5 : 15),
  /** Scale-out mode: the ramp of a configuration stops at this many rooms. */
  maxRooms: Math.round(numberFlag("--max-rooms", QUICK ? 60 : 1000)),
  cpuProfDir: flag("--cpu-prof"),
  /** Quiet games played one after another before the load (each about 12 turns of 200 ms think time). */
  quietGames: 3,
  /** Rooms set up at once during the ramp. */
  rampConcurrency: 8,
};

/** When the run started (performance.now()). */
export const T0 = performance.now();
const deadlineAt = T0 + settings.budgetS * 1000;
/**
 * The ramp (creating and joining rooms) stops 35% into the run, or after 20% of it if it started late (see
 * the ramp).
 */
export const rampDeadlineAtStart = T0 + settings.budgetS * 1000 * 0.35;
/** Play stops this long before the budget ends (time left for the last answers and the report). */
export const playDeadline = deadlineAt - 9_000;

/** Writes a progress line to stderr, with the seconds since the start. */
export function log(msg: string): void {
  process.stderr.write(`[load] ${((performance.now() - T0) / 1000).toFixed(1)}s ${msg}\n`);
}
