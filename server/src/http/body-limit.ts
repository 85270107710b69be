/**
 * A cap on request bodies, applied before anything reads them. Colyseus read a matchmaking body (POST
 * /matchmake/…) whole into memory before parsing it (a 600 MB POST took the server to 1.9 GB RSS), and
 * Express's JSON parser drains an oversized body to its end before it answers. Here every request body is
 * read at the front door, never more than the cap: a body over it is answered 413 PAYLOAD_TOO_LARGE at once
 * when its Content-Length says so, or as soon as a chunked body grows past it, and the rest is discarded as
 * it arrives. A body within the cap is handed on as `req.body`: parsed when it is JSON (malformed JSON is
 * answered 400 INVALID_REQUEST), else as text. Colyseus' router uses `req.body` instead of reading the stream
 * again, and Express's body parsers skip a request already read.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Gate } from "./request-gate.ts";

/** Default largest request body, in bytes (a create or join option object is a few hundred bytes). */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** Answers `{ code, message }` with `status` and closes the connection once the answer is sent. */
function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ code, message });
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    Connection: "close",
  });
  res.end(body);
}

/** True for a request that announces a body: a Content-Length above 0, or a Transfer-Encoding. */
function hasBody(req: IncomingMessage): boolean {
  return Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined;
}

/**
 * A gate that refuses bodies over `maxBytes` and reads the others (JSON parsed) into `req.body` before any
 * listener sees the request. `larger` gives a route (`"POST /api/scenario-uploads"`) a cap of its own.
 */
export function limitBodies(maxBytes: number, larger: ReadonlyMap<string, number> = new Map()): Gate {
  return (req, res, pass) => {
    const cap = larger.get(`${req.method ?? ""} ${(req.url ?? "").split("?")[0]}`) ?? maxBytes;
    refuseOver(cap, req, res, pass);
  };
}

function refuseOver(maxBytes: number, req: IncomingMessage, res: ServerResponse, pass: () => void): void {
  const tooLarge = `Request bodies are limited to ${maxBytes} bytes.`;
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    refuse(res, 413, "PAYLOAD_TOO_LARGE", tooLarge);
    return;
  }
  if (!hasBody(req)) {
    pass();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on("data", (chunk: Buffer) => {
    if (refused) return; // the rest of an oversized body is discarded as it arrives, never kept
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      chunks.length = 0;
      refuse(res, 413, "PAYLOAD_TOO_LARGE", tooLarge);
      return;
    }
    chunks.push(chunk);
  });
  req.on("end", () => {
    if (refused) return;
    const text = Buffer.concat(chunks).toString("utf8");
    const target = req as IncomingMessage & { body?: unknown };
    if (/^application\/([\w.+-]+\+)?json\b/i.test(req.headers["content-type"] ?? "")) {
      try {
        target.body = text.trim() === "" ? {} : (JSON.parse(text) as unknown);
      } catch {
        refuse(res, 400, "INVALID_REQUEST", "The request body is not well-formed JSON.");
        return;
      }
    } else target.body = text;
    pass();
  });
  req.on("error", () => {
    if (!refused) res.destroy();
  });
}
