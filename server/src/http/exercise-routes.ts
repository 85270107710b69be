/** An exercise's HTTP routes: its tables as CSV, for its facilitator only (docs/protocol.md §20.5). */
import type { Application, Request, Response } from "express";
import { exerciseById, tableState } from "../exercises/registry.ts";
import { compare } from "../exercises/results.ts";
import { csvDocument } from "../exports/csv.ts";
import { services } from "../services.ts";
import { sameSecret } from "../session/tokens.ts";
import { bearerToken } from "./bearer.ts";
import { wrongRecordTokens } from "./limits.ts";

/**
 * The CSV of an exercise's tables: one row per table (treatment, outcome, turns, peak tension per pair, CBMs,
 * scores).
 */
export function tablesCsv(exerciseId: string, token: string | null): string | null {
  const ex = exerciseById(exerciseId);
  if (!ex || token === null || !sameSecret(token, ex.key)) return null;
  const scenario = services().scenario(ex.scenario);
  const seats = scenario?.states.map((s) => s.id) ?? [];
  const pairs: string[] = [];
  for (let i = 0; i < seats.length; i++)
    for (let j = i + 1; j < seats.length; j++) {
      const [a, b] = [seats[i] as string, seats[j] as string].sort();
      pairs.push(`${a}|${b}`);
    }
  const { tables } = compare(
    ex,
    ex.tables.map((t) => tableState(t.game)),
  );
  const header = [
    "table",
    "game",
    "treatment",
    "ended",
    "outcome",
    "turns",
    "peak_tension",
    ...pairs.map((p) => `peak_${p.replace("|", "_")}`),
    "misattributions",
    "cbms_in_force",
    ...seats.map((s) => `score_${s}`),
  ];
  const rows = tables.map((t) => [
    t.index,
    t.id,
    t.treatment ?? "",
    t.ended ? "yes" : "no",
    t.outcome ?? "",
    t.turns,
    t.peakTension,
    ...pairs.map((p) => t.peakByPair[p] ?? null),
    t.misattributions,
    t.cbmsInForce.join(" "),
    ...seats.map((s) => (Object.hasOwn(t.scores, s) ? (t.scores[s] as number) : null)),
  ]);
  return csvDocument(header, rows);
}

/** Installs `GET /api/exercises/:id/tables.csv`. */
export function installExerciseRoutes(app: Application): void {
  app.get("/api/exercises/:id/tables.csv", (req: Request, res: Response) => {
    // Wrong keys count against the address like wrong record tokens (RATE_LIMITED past the limit).
    const address = req.ip ?? req.socket.remoteAddress ?? "?";
    if (wrongRecordTokens.exhausted(address)) {
      res.status(429).json({
        code: "RATE_LIMITED",
        message: "Too many requests with a wrong token; wait a minute and try again.",
      });
      return;
    }
    // The exercise's facilitator key only. A missing or wrong key, an unknown exercise, a malformed id: the
    // same 401.
    const csv = tablesCsv(String(req.params.id ?? ""), bearerToken(req.get("authorization")));
    if (csv === null) {
      wrongRecordTokens.hit(address);
      res.status(401).set("WWW-Authenticate", 'Bearer realm="firebreak-exercises"').json({
        code: "BAD_TOKEN",
        message: "An exercise's tables need Authorization: Bearer <the exercise's facilitator key>.",
      });
      return;
    }
    res
      .status(200)
      .set("Content-Type", "text/csv; charset=utf-8")
      .set("Content-Disposition", 'attachment; filename="tables.csv"')
      .set("Cache-Control", "no-store")
      .send(csv);
  });
}
