/**
 * `GET /api/games/:gameId/view`: a member's view of a running game over plain HTTP, for the turn-summary page
 * a student opens from a link (a notice's, days after the last visit) without joining the room or loading the
 * board. The view is the one the room would send (`viewFor` decides what is hidden), without presence.
 * Members only, by seat token or facilitator key; every failure to name a member answers the same 401 and
 * counts against the address, as records do.
 */
import type { Application, Request, Response } from "express";
import type { ClientView } from "@firebreak/shared";
import { storedMember } from "../games/archive.ts";
import { isAwake, liveSession } from "../games/registry.ts";
import { services } from "../services.ts";
import { replayJournal } from "../session/session.ts";
import { memberByToken } from "../session/tokens.ts";
import type { Member, SessionState } from "../session/types.ts";
import { clientView } from "../views/client-view.ts";
import { bearerToken } from "./bearer.ts";
import { wrongRecordTokens } from "./limits.ts";

/**
 * The session and the member `token` names in game `gameId`: from the room when it runs here, else from its
 * journal.
 */
function sessionFor(gameId: string, token: string): { s: SessionState; m: Member } | null {
  const live = isAwake(gameId) ? liveSession(gameId) : null;
  if (live) {
    const m = memberByToken(live, token);
    return m ? { s: live, m } : null;
  }
  const found = storedMember(gameId, token);
  const first = found?.entries[0];
  if (!found || first?.kind !== "create") return null;
  const scenario = services().scenario(first.options.scenario);
  const s = scenario ? replayJournal(found.entries, scenario) : null;
  if (!s?.ok) return null;
  const m = memberByToken(s.value, token);
  return m ? { s: s.value, m } : null;
}

/** A member's view of one game, for the holder of `token`, or null when the token names no member of it. */
export function memberView(gameId: string, token: string): ClientView | null {
  const found = sessionFor(gameId, token);
  return found ? clientView(found.s, found.m, new Set()) : null;
}

/** Installs `GET /api/games/:gameId/view`. */
export function installSummaryRoute(app: Application): void {
  app.get("/api/games/:gameId/view", (req: Request, res: Response) => {
    const address = req.ip ?? req.socket.remoteAddress ?? "?";
    res.set("Cache-Control", "no-store");
    if (wrongRecordTokens.exhausted(address)) {
      res.status(429).json({
        code: "RATE_LIMITED",
        message: "Too many requests with a wrong token; wait a minute and try again.",
      });
      return;
    }
    const token = bearerToken(req.get("authorization"));
    const view = token === null ? null : memberView(String(req.params.gameId ?? ""), token);
    if (!view) {
      wrongRecordTokens.hit(address);
      res.status(401).set("WWW-Authenticate", 'Bearer realm="firebreak-games"').json({
        code: "BAD_TOKEN",
        message:
          "A game's view needs Authorization: Bearer <a seat token or the facilitator key of that game>.",
      });
      return;
    }
    res.json({ view });
  });
}
