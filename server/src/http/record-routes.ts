/**
 * A game's record and its exports, for its members only (docs/protocol.md §3.4, §3.5): the replayable JSON
 * record, events.csv, turns.csv, the chat the member could read (JSON and CSV), participation.csv
 * (facilitators only) and a printable report.html. Every failure to name a member of the game answers the
 * same 401 (no id oracle) and counts against the caller's address (RATE_LIMITED after `RECORD_ATTEMPTS` in a
 * minute); a game still running answers 409.
 */
import type { Application, Request, Response } from "express";
import {
  own,
  replayTimeline,
  RULES_VERSION,
  type GameRecord,
  type GameState,
  type Scenario,
  type SeatId,
  type Timeline,
  type ChatLine,
} from "@firebreak/shared";
import { recordAnswer, storedMember } from "../games/archive.ts";
import { services } from "../services.ts";
import type { StoredEntry } from "../session/journal.ts";
import type { Member } from "../session/types.ts";
import { eventsCsv } from "../exports/events-csv.ts";
import { participants, participationCsv } from "../exports/participation-csv.ts";
import { reportCsp, reportHtml } from "../exports/report-html.ts";
import { transcriptCsv } from "../exports/transcript.ts";
import { turnsCsv } from "../exports/turns-csv.ts";
import { replayJournal } from "../session/session.ts";
import { chatLines } from "../views/client-view.ts";
import { viewerOf } from "../views/viewer.ts";
import { bearerToken } from "./bearer.ts";
import { wrongRecordTokens } from "./limits.ts";

/** A member's ended game, ready to export. */
interface Loaded {
  gameId: string;
  member: Member;
  entries: StoredEntry[];
  record: GameRecord;
}

/**
 * The scenario a record was played in: the one it carries, else the server's with that id (null if neither).
 */
function scenarioOf(record: GameRecord): Scenario | null {
  return record.scenarioData ?? services().scenario(record.scenario.id);
}

function refuse(res: Response, status: number, code: string, message: string): null {
  res.status(status).json({ code, message });
  return null;
}

/**
 * The member's ended game, or null once the refusal is sent: 429 for an address over its wrong-token limit,
 * 401 for anyone who is not a member, 403 for a non-facilitator when `facilitatorOnly`, 409 while the game
 * runs, 500 if the record cannot be rebuilt.
 */
function load(req: Request, res: Response, facilitatorOnly: boolean): Loaded | null {
  const address = req.ip ?? req.socket.remoteAddress ?? "?";
  if (wrongRecordTokens.exhausted(address))
    return refuse(
      res,
      429,
      "RATE_LIMITED",
      "Too many requests with a wrong token; wait a minute and try again.",
    );
  const gameId = String(req.params.gameId ?? "");
  const token = bearerToken(req.get("authorization"));
  const found = storedMember(gameId, token);
  if (!found) {
    wrongRecordTokens.hit(address);
    res.status(401).set("WWW-Authenticate", 'Bearer realm="firebreak-records"').json({
      code: "BAD_TOKEN",
      message:
        "A game's record needs Authorization: Bearer <a seat token or the facilitator key of that game>.",
    });
    return null;
  }
  if (facilitatorOnly && found.member.role !== "facilitator")
    return refuse(
      res,
      403,
      "NOT_FACILITATOR",
      "Participation is for the game's facilitators: ask with the facilitator key.",
    );
  const answer = recordAnswer(gameId, token);
  if (answer.status === 409)
    return refuse(res, 409, "NOT_PLAYING", "The record is published when the game has ended.");
  if (answer.status !== 200) return refuse(res, 500, "STORE_FAILED", "The record could not be rebuilt.");
  return { gameId, member: found.member, entries: found.entries, record: answer.record };
}

/** The record's timeline, or null (the refusal sent) when this server cannot replay it. */
function timelineOf(res: Response, record: GameRecord): Timeline | null {
  // The server adds the scenario to a record only when it holds it unchanged (same hash): without it, no
  // replay.
  const scenario = record.scenarioData;
  if (record.rulesVersion !== RULES_VERSION || !scenario)
    return refuse(
      res,
      410,
      "RULES_CHANGED",
      record.rulesVersion !== RULES_VERSION
        ? `This game was played under rules v${record.rulesVersion} and this server runs ` +
            `v${RULES_VERSION}, so it cannot rebuild the game's turns.`
        : "This game's scenario has changed on this server since it was played, so it cannot rebuild the game's turns.",
    );
  const t = replayTimeline(record, scenario);
  return t.ok ? t.value : refuse(res, 500, "STORE_FAILED", "The record could not be replayed.");
}

/** The game's final state: the one its record keeps, else replayed; null (the refusal sent) if neither. */
function finalOf(res: Response, record: GameRecord): GameState | null {
  if (record.finalState) return record.finalState;
  return timelineOf(res, record)?.final ?? null;
}

/**
 * The chat lines the member could read, all of them, oldest first; null (the refusal sent) if the journal
 * cannot be replayed.
 */
function transcriptOf(res: Response, found: Loaded): ChatLine[] | null {
  const scenario = scenarioOf(found.record);
  const session =
    scenario && found.record.rulesVersion === RULES_VERSION ? replayJournal(found.entries, scenario) : null;
  if (!session?.ok)
    return refuse(
      res,
      410,
      "RULES_CHANGED",
      "This game was played under other rules or in a scenario since changed, so this server cannot rebuild its chat.",
    );
  return chatLines(session.value, found.member, Number.POSITIVE_INFINITY);
}

/** Sends a CSV export as a download. */
function sendCsv(res: Response, gameId: string, name: string, body: string): void {
  res
    .status(200)
    .set({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="firebreak-${gameId}-${name}.csv"`,
      "Cache-Control": "no-store",
    })
    .send(body);
}

/** A seat's state name in the record's scenario (its id if the scenario is gone). */
function namer(record: GameRecord): (seat: SeatId) => string {
  const states = scenarioOf(record)?.states ?? [];
  return (seat) =>
    states.find((s) => s.id === seat)?.name ?? own(record.finalState?.nations ?? {}, seat)?.name ?? seat;
}

/** Installs GET /api/records/:gameId and its exports. */
export function installRecordRoutes(app: Application): void {
  app.get("/api/records/:gameId", (req: Request, res: Response) => {
    const found = load(req, res, false);
    if (found) res.json(found.record);
  });
  app.get("/api/records/:gameId/events.csv", (req: Request, res: Response) => {
    const found = load(req, res, false);
    const final = found && finalOf(res, found.record);
    if (found && final)
      sendCsv(res, found.gameId, "events", eventsCsv(final, viewerOf(found.member, "ended")));
  });
  app.get("/api/records/:gameId/turns.csv", (req: Request, res: Response) => {
    const found = load(req, res, false);
    const t = found && timelineOf(res, found.record);
    if (found && t) sendCsv(res, found.gameId, "turns", turnsCsv(found.record, t));
  });
  app.get("/api/records/:gameId/chat", (req: Request, res: Response) => {
    const found = load(req, res, false);
    const lines = found && transcriptOf(res, found);
    if (lines) res.set("Cache-Control", "no-store").json({ lines });
  });
  app.get("/api/records/:gameId/chat.csv", (req: Request, res: Response) => {
    const found = load(req, res, false);
    const lines = found && transcriptOf(res, found);
    if (found && lines) sendCsv(res, found.gameId, "chat", transcriptCsv(lines));
  });
  app.get("/api/records/:gameId/participation.csv", (req: Request, res: Response) => {
    const found = load(req, res, true);
    if (found)
      sendCsv(res, found.gameId, "participation", participationCsv(found.entries, namer(found.record)));
  });
  app.get("/api/records/:gameId/report.html", (req: Request, res: Response) => {
    const found = load(req, res, false);
    const final = found && finalOf(res, found.record);
    if (!found || !final) return;
    const first = found.entries[0];
    const players = new Map<SeatId, string[]>();
    for (const p of participants(found.entries).people)
      if (p.role === "player" && p.seat !== null && !p.removed)
        players.set(p.seat, [...(players.get(p.seat) ?? []), p.name]);
    const html = reportHtml({
      final,
      viewer: viewerOf(found.member, "ended"),
      gameName: first?.kind === "create" ? first.options.name : "",
      players,
      controllers: found.record.seats,
      finalHash: found.record.finalHash,
    });
    res
      .status(200)
      .set({
        "Content-Type": "text/html; charset=utf-8",
        "Content-Disposition": `attachment; filename="firebreak-${found.gameId}-report.html"`,
        "Content-Security-Policy": reportCsp(),
        "Cache-Control": "no-store",
      })
      .send(html);
  });
}
