/**
 * Regenerates the golden records (run `npm run golden:update` after a deliberate rules change, and say why in
 * the commit).
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findScenario } from "@firebreak/shared/scenario-files";
import { applyStep, createGame, viewFor, type Step } from "../../shared/src/index.ts";
import { answerProposal, chooseOrders, proposeCbms } from "../../shared/src/bots/personas.ts";
import type { Persona } from "../../shared/src/bots/persona-names.ts";
import { rngFromSeed } from "../../shared/src/model/rng.ts";
import { newRecord, stateHash, type GameRecord } from "../../shared/src/record/record.ts";
import { playGame } from "../../shared/src/sim/play.ts";

const here = dirname(fileURLToPath(import.meta.url));
const loaded = findScenario("baltic-fog");
if (!loaded.ok) throw new Error("baltic-fog does not validate");
const scenario = loaded.scenario;
const seats = scenario.states.map((s) => s.id);
const all = (p: Persona): Record<string, Persona> => Object.fromEntries(seats.map((s) => [s, p]));

/** Finds the first seed from `prefix-0` whose game ends as wanted. */
function find(prefix: string, personas: Record<string, Persona>, kind: string, options = {}): GameRecord {
  for (let i = 0; i < 500; i++) {
    const g = playGame(scenario, `${prefix}-${i}`, personas, options, true);
    if (g.state.outcome?.kind === kind && g.record) return g.record;
  }
  throw new Error(`no ${kind} game found for ${prefix}`);
}

/**
 * A class-style game: bots play, the facilitator fires a library inject on turn 2 and ends the game on turn
 * 4.
 */
function facilitated(seed: string): GameRecord {
  const created = createGame(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value;
  const personas: Record<string, Persona> = {
    [seats[0] as string]: "forgiving",
    [seats[1] as string]: "hawk",
    [seats[2] as string]: "reciprocal",
    [seats[3] as string]: "dove",
  };
  const record = newRecord(
    scenario,
    seed,
    state.options,
    seats.map((s) => ({ seat: s, controller: `bot:${personas[s]}` })),
    state,
  );
  const rng = rngFromSeed(`${seed}/bots`);
  const apply = (step: Step): void => {
    const r = applyStep(state, step);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    state = r.value.state;
    record.steps.push(step.type === "resolve" ? { ...step, hash: stateHash(state) } : step);
  };
  while (state.phase === "planning") {
    const turn = state.turn;
    if (turn === 2) {
      const inject = scenario.injects?.library?.[0];
      if (inject) apply({ type: "inject", turn, inject });
    }
    if (turn === 4) {
      apply({ type: "end", turn });
      break;
    }
    for (const seat of seats) {
      const persona = personas[seat] as Persona;
      const view = viewFor(state, { role: "player", seat });
      for (const p of view.proposals)
        if (!p.accepted.includes(seat) && !p.declined.includes(seat))
          apply({
            type: "respond",
            turn,
            seat,
            proposal: p.id,
            accept: answerProposal(view, p, persona, rng).accept,
          });
      for (const p of proposeCbms(view, persona, rng))
        apply({ type: "propose", turn, seat, kind: p.kind, parties: p.parties });
      apply({ type: "orders", turn, seat, orders: chooseOrders(view, persona, rng) });
    }
    apply({ type: "resolve", turn });
  }
  record.finalHash = stateHash(state);
  return record;
}

const records: Record<string, GameRecord> = {
  "armed-conflict.json": find(
    "golden-war",
    { ...all("reciprocal"), [seats[1] as string]: "hawk" },
    "armedConflict",
    { noCbms: true },
  ),
  "stable-peace.json": find(
    "golden-peace",
    { ...all("reciprocal"), [seats[0] as string]: "dove" },
    "stablePeace",
  ),
  "turn-limit.json": find(
    "golden-limit",
    { ...all("forgiving"), [seats[2] as string]: "random" },
    "turnLimit",
  ),
  "facilitated.json": facilitated("golden-class"),
};
for (const [file, record] of Object.entries(records)) {
  writeFileSync(join(here, file), `${JSON.stringify(record, null, 1)}\n`);
  process.stdout.write(`${file}: ${record.steps.length} steps, final ${record.finalHash}\n`);
}
