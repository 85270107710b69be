/**
 * The HTTP routes of uploaded scenarios (docs/protocol.md §3.11): upload one, read back one's preview with its
 * key (what the owner's list shows), and delete one that nothing plays.
 */
import type { Application, Request, Response } from "express";
import { services } from "../services.ts";
import { bearerToken } from "../http/bearer.ts";
import { WindowLimiter } from "../http/rate-limit.ts";
import { checkUpload, MAX_UPLOAD_BYTES } from "./parse-upload.ts";
import { uploadUse } from "./upload-use.ts";
import { forgetUpload, ownedUpload, previewOf, saveUpload } from "./uploads.ts";

/** Where scenarios are uploaded. */
export const UPLOAD_PATH = "/api/scenario-uploads";
/** Largest request body on the upload route: the file's 256 KB, JSON-escaped, with room to spare. */
export const UPLOAD_BODY_BYTES = 3 * MAX_UPLOAD_BYTES;
/** Uploads (valid or not) one address may make per window. */
export const UPLOADS_PER_WINDOW = 20;
/** The upload window: ten minutes. */
export const UPLOAD_WINDOW_MS = 10 * 60_000;

const clock = (): number => services().now();
/** Upload attempts per address. */
export const uploadAttempts = new WindowLimiter(
  { limit: UPLOADS_PER_WINDOW, windowMs: UPLOAD_WINDOW_MS },
  clock,
);
/** Reads of an upload that named no upload of that key, per address per minute. */
export const wrongUploadKeys = new WindowLimiter({ limit: 30, windowMs: 60_000 }, clock);

const addressOf = (req: Request): string => req.ip ?? req.socket.remoteAddress ?? "?";

function refuse(res: Response, status: number, code: string, message: string, extra: object = {}): void {
  res.status(status).json({ code, message, ...extra });
}

/** The upload's format from the request: `format`, else the file name's extension; null if neither says. */
function formatOf(body: Record<string, unknown>): "json" | "yaml" | null {
  if (body.format === "json" || body.format === "yaml") return body.format;
  if (body.format !== undefined) return null;
  const name = typeof body.fileName === "string" ? body.fileName.toLowerCase() : "";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".yaml") || name.endsWith(".yml")) return "yaml";
  return null;
}

/** Installs POST /api/scenario-uploads, and GET and DELETE /api/scenario-uploads/:id. */
export function installScenarioUploadRoutes(app: Application): void {
  app.post(UPLOAD_PATH, (req: Request, res: Response) => {
    const address = addressOf(req);
    if (!uploadAttempts.hit(address)) {
      refuse(
        res,
        429,
        "RATE_LIMITED",
        `At most ${UPLOADS_PER_WINDOW} uploads in ten minutes; wait and try again.`,
      );
      return;
    }
    const raw: unknown = req.body;
    const body =
      raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
    const text = Object.hasOwn(body, "text") ? body.text : undefined;
    const format = formatOf(body);
    if (typeof text !== "string" || format === null) {
      refuse(
        res,
        400,
        "INVALID_REQUEST",
        'Send JSON { "text": <the file>, "format": "yaml" | "json" } (or "fileName" ending .yaml, .yml or .json).',
      );
      return;
    }
    if (Buffer.byteLength(text, "utf8") > MAX_UPLOAD_BYTES) {
      refuse(res, 413, "SCENARIO_TOO_LARGE", `A scenario file is at most ${MAX_UPLOAD_BYTES / 1024} KB.`);
      return;
    }
    const checked = checkUpload(text, format);
    if (!checked.ok) {
      refuse(res, 422, "INVALID_SCENARIO", "The scenario has problems; nothing was stored.", {
        problems: checked.problems,
      });
      return;
    }
    let saved: ReturnType<typeof saveUpload>;
    try {
      saved = saveUpload(checked.scenario, services().now());
    } catch {
      refuse(res, 500, "STORE_FAILED", "The scenario could not be stored; try again.");
      return;
    }
    res.status(201).json({ id: saved.id, key: saved.key, preview: previewOf(saved.scenario) });
  });
  app.get(`${UPLOAD_PATH}/:id`, async (req: Request, res: Response) => {
    const scenario = owned(req, res);
    if (!scenario) return;
    const use = await uploadUse(scenario.id);
    const at = services().store.upload(scenario.id)?.at ?? null;
    res.json({ id: scenario.id, at, inUse: use.games + use.exercises > 0, preview: previewOf(scenario) });
  });
  app.delete(`${UPLOAD_PATH}/:id`, async (req: Request, res: Response) => {
    const scenario = owned(req, res);
    if (!scenario) return;
    const use = await uploadUse(scenario.id);
    if (use.games + use.exercises > 0) {
      refuse(
        res,
        409,
        "SCENARIO_IN_USE",
        `This scenario is played by ${use.games} game(s) and ${use.exercises} exercise(s) not yet ended; ` +
          "end them first.",
        use,
      );
      return;
    }
    try {
      services().store.removeUpload(scenario.id);
    } catch {
      refuse(res, 500, "STORE_FAILED", "The scenario could not be deleted; try again.");
      return;
    }
    forgetUpload(scenario.id);
    res.status(204).end();
  });
}

/**
 * The upload the request names with its owner key (`Authorization: Bearer`), or null once it has answered:
 * 404 for a wrong key, no key and an unknown id alike, 429 past too many of those.
 */
function owned(req: Request, res: Response): ReturnType<typeof ownedUpload> {
  const address = addressOf(req);
  if (wrongUploadKeys.exhausted(address)) {
    refuse(res, 429, "RATE_LIMITED", "Too many requests with a wrong key; wait a minute and try again.");
    return null;
  }
  const token = bearerToken(req.get("authorization"));
  const scenario = token === null ? null : ownedUpload(String(req.params.id ?? ""), token);
  if (!scenario) {
    wrongUploadKeys.hit(address);
    refuse(res, 404, "NO_SUCH_SCENARIO", "No uploaded scenario with that id and key.");
  }
  return scenario;
}

/** Forgets the upload rate limits' history (tests). */
export function resetUploadLimits(): void {
  uploadAttempts.clear();
  wrongUploadKeys.clear();
}
