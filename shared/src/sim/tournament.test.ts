/** Tournaments: balanced line-ups, deterministic tables, Elo from pairwise results. */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findScenario } from "../io/scenario-files.ts";
import { botTurn } from "../bots/bot.ts";
import { botLabel, type BotSpec } from "../bots/doctrines.ts";
import { mySeat } from "../bots/perception.ts";
import { ELO_BASE, eloRatings } from "./elo.ts";
import { playTournamentGame, runTournament } from "./tournament.ts";
import { allEntrants, deal, dealCount, lineup, tournamentGames } from "./tournament-games.ts";
import { tournamentResult } from "./tournament-table.ts";
import { formatTournament } from "./tournament-text.ts";

/** Per-test timeout (ms): these tests play many seeded games. */
const SLOW = 180_000;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const loaded = findScenario("tutorial");
if (!loaded.ok) throw new Error("tutorial");
const tutorial = loaded.scenario;
const SMALL = { budget: { iterations: 8, depth: 1, horizon: 2 } };

describe("Elo ratings (Bradley-Terry)", () => {
  it(
    "rank players by their results, centred on the base, independent of the order of games",
    () => {
      const record = (a: string, b: string, wins: number, losses: number, draws: number) => [
        ...Array.from({ length: wins }, () => ({ a, b, score: 1 })),
        ...Array.from({ length: losses }, () => ({ a, b, score: 0 })),
        ...Array.from({ length: draws }, () => ({ a, b, score: 0.5 })),
      ];
      const results = [
        ...record("strong", "mid", 15, 5, 2),
        ...record("mid", "weak", 14, 5, 4),
        ...record("strong", "weak", 18, 2, 0),
      ];
      const r = eloRatings(["strong", "mid", "weak"], results);
      expect(r.strong).toBeGreaterThan(r.mid as number);
      expect(r.mid).toBeGreaterThan(r.weak as number);
      expect(
        Math.abs(((r.strong as number) + (r.mid as number) + (r.weak as number)) / 3 - ELO_BASE),
      ).toBeLessThan(2);
      expect(eloRatings(["strong", "mid", "weak"], [...results].reverse())).toEqual(r);
      // A 3:1 record is worth about 190 Elo points.
      const two = eloRatings(
        ["a", "b"],
        Array.from({ length: 400 }, (_, i) => ({ a: "a", b: "b", score: i % 4 === 0 ? 0 : 1 })),
      );
      expect((two.a as number) - (two.b as number)).toBeGreaterThan(170);
      expect((two.a as number) - (two.b as number)).toBeLessThan(200);
    },
    SLOW,
  );
});

describe("tournament", () => {
  it(
    "every entrant plays once per shuffle of the line-up",
    () => {
      const entrants = allEntrants();
      expect(entrants.length).toBe(18);
      const counts = new Map<string, number>();
      const seats = ["a", "b", "c"];
      for (let g = 0; g < 36; g++)
        for (const s of Object.values(lineup(entrants, seats, "x", g)))
          counts.set(botLabel(s), (counts.get(botLabel(s)) ?? 0) + 1);
      expect([...counts.values()].every((n) => n === 6)).toBe(true);
    },
    SLOW,
  );

  it(
    "gives the same table for the same arguments, with every entrant, its interval and its rating",
    () => {
      const bots: BotSpec[] = [
        { persona: "hawk", level: "normal" },
        { persona: "dove", level: "normal" },
        { persona: "reciprocal", level: "easy" },
        { persona: "normBuilder", level: "hard" },
      ];
      const a = runTournament({ scenario: tutorial, games: 12, seed: "t", bots }, SMALL);
      const b = runTournament({ scenario: tutorial, games: 12, seed: "t", bots }, SMALL);
      expect(b).toEqual(a);
      expect(a.rows.map((r) => r.bot).sort()).toEqual(bots.map(botLabel).sort());
      for (const r of a.rows) {
        expect(r.games).toBe(6);
        expect(r.ci95[0]).toBeLessThanOrEqual(r.mean);
        expect(r.ci95[1]).toBeGreaterThanOrEqual(r.mean);
      }
      expect(a.outcomes.armedConflict + a.outcomes.stablePeace + a.outcomes.turnLimit).toBe(12);
      expect(Object.keys(a.hardNotClear)).toEqual(["normBuilder:hard", "hard (pooled)"]);
      expect(formatTournament(a)).toContain("normBuilder:hard");
    },
    SLOW,
  );

  it(
    "reads the same table from the same games played in any order (what --workers relies on)",
    () => {
      const bots: BotSpec[] = [
        { persona: "hawk", level: "easy" },
        { persona: "dove", level: "normal" },
        { persona: "forgiving", level: "hard" },
      ];
      for (const format of ["roundrobin", "duplicate"] as const) {
        const spec = { scenario: tutorial, games: 6, seed: "order", bots, format };
        const games = tournamentGames(spec);
        expect(games).toHaveLength(6);
        const scores = new Array<ReturnType<typeof playTournamentGame>>(games.length);
        for (const i of [...games.keys()].reverse())
          scores[i] = playTournamentGame(spec, games[i] as (typeof games)[number], SMALL);
        expect(tournamentResult(spec, games, scores)).toEqual(runTournament(spec, SMALL));
        expect(() => tournamentResult(spec, games, scores.slice(1))).toThrow("5 scores for 6 games");
      }
    },
    SLOW,
  );

  it(
    "npm run tournament prints the same output for the same arguments",
    () => {
      const run = () =>
        spawnSync(
          process.execPath,
          [
            join(root, "shared/src/cli/tournament.ts"),
            "--scenario",
            "tutorial",
            "--games",
            "6",
            "--seed",
            "cli",
            "--iterations",
            "8",
            "--bots",
            "hawk,dove:easy,forgiving:hard",
            "--json",
          ],
          {
            encoding: "utf8",
          },
        );
      const first = run();
      expect(first.status).toBe(0);
      const parsed = JSON.parse(first.stdout) as { rows: Array<{ bot: string; elo: number }> };
      expect(parsed.rows.map((r) => r.bot).sort()).toEqual(["dove:easy", "forgiving:hard", "hawk:normal"]);
      expect(run().stdout).toBe(first.stdout);
      const threaded = spawnSync(
        process.execPath,
        [
          join(root, "shared/src/cli/tournament.ts"),
          "--scenario",
          "tutorial",
          "--games",
          "6",
          "--seed",
          "cli",
          "--iterations",
          "8",
          "--bots",
          "hawk,dove:easy,forgiving:hard",
          "--json",
          "--workers",
          "3",
        ],
        { encoding: "utf8" },
      );
      expect(threaded.status).toBe(0);
      expect(threaded.stdout).toBe(first.stdout);
      const bad = spawnSync(
        process.execPath,
        [join(root, "shared/src/cli/tournament.ts"), "--scenario", "tutorial", "--bots", "hawk:expert"],
        { encoding: "utf8" },
      );
      expect(bad.status).toBe(2);
    },
    SLOW,
  );

  it(
    "duplicate: each deal fixes the seed, a focal seat and the other seats' bots, and every entrant plays that seat",
    () => {
      const seats = ["a", "b", "c"];
      const field = allEntrants();
      for (let d = 0; d < 12; d++) {
        const dl = deal(field, seats, "x", d);
        expect(dl.seed).toBe(`x:${d}`);
        expect(dl.focal).toBe(seats[d % 3]);
        expect(Object.keys(dl.others).sort()).toEqual(seats.filter((s) => s !== dl.focal));
        expect(deal(field, seats, "x", d)).toEqual(dl);
      }
      expect(dealCount(37, 18)).toBe(3);
      expect(dealCount(1, 18)).toBe(1);
      // Every seat of every game is seen by a decide wrapper: the focal seat holds each entrant once per
      // deal, the others the deal's bots.
      const bots: BotSpec[] = [
        { persona: "dove", level: "normal" },
        { persona: "reciprocal", level: "easy" },
        { persona: "forgiving", level: "hard" },
      ];
      const fieldBots: BotSpec[] = [
        { persona: "hawk", level: "normal" },
        { persona: "normBuilder", level: "easy" },
      ];
      const seen: string[] = [];
      const spec = {
        scenario: tutorial,
        games: 12,
        seed: "dup",
        bots,
        field: fieldBots,
        format: "duplicate" as const,
      };
      const a = runTournament(spec, SMALL, undefined, (view, s, rng, options) => {
        if (view.turn === 1) seen.push(`${mySeat(view)}=${botLabel(s)}`);
        return botTurn(view, s, rng, options);
      });
      expect(a.format).toBe("duplicate");
      expect(a.deals).toBe(4);
      expect(a.games).toBe(12);
      const tutorialSeats = tutorial.states.map((s) => s.id);
      for (let d = 0; d < 4; d++) {
        const dl = deal(fieldBots, tutorialSeats, "dup", d);
        const games = seen.slice(d * 3 * 2, (d + 1) * 3 * 2);
        for (const [i, e] of bots.entries()) {
          const pair = games.slice(i * 2, i * 2 + 2);
          expect(pair).toContain(`${dl.focal}=${botLabel(e)}`);
          for (const [seat, other] of Object.entries(dl.others))
            expect(pair).toContain(`${seat}=${botLabel(other)}`);
        }
      }
      for (const r of a.rows) expect(r.games).toBe(4);
      // Every entrant plays every deal, so deal adjustment moves every mean by the same amount: differences
      // are unchanged.
      const [x, y] = a.rows as [(typeof a.rows)[number], (typeof a.rows)[number]];
      expect(x.adjusted.mean - y.adjusted.mean).toBeCloseTo(x.mean - y.mean, 3);
      // The paired lead of the hard level over a weaker entrant is the difference of their means.
      const hardMean = a.levels.find((l) => l.level === "hard")?.mean as number;
      expect(Object.keys(a.hardLead).sort()).toEqual(["dove:normal", "reciprocal:easy"]);
      for (const [bot, lead] of Object.entries(a.hardLead))
        expect(lead.mean).toBeCloseTo(hardMean - (a.rows.find((r) => r.bot === bot)?.mean as number), 3);
      expect(runTournament(spec, SMALL)).toEqual(a);
      expect(formatTournament(a)).toContain("deal-adjusted");
    },
    SLOW,
  );
});
