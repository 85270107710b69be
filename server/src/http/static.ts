/**
 * The built client, served compressed: the client's build writes brotli (`.br`) and gzip (`.gz`) copies
 * beside its files (client/build/precompress.ts), and a request whose Accept-Encoding takes one gets that
 * copy with the original file's Content-Type and the cache policy of headers.ts (hashed assets immutable,
 * index.html no-cache). Files without a copy, and browsers that take neither encoding, get the file as it is.
 */
import { readdirSync } from "node:fs";
import { extname, join } from "node:path";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import { clientCacheHeaders } from "./headers.ts";

/** The encodings served, best first, with the suffix of their copies. */
const ENCODINGS = [
  { coding: "br", suffix: ".br" },
  { coding: "gzip", suffix: ".gz" },
] as const;

/** A content coding the server can send. */
export type Coding = (typeof ENCODINGS)[number]["coding"];

/**
 * The coding to send for an Accept-Encoding header among those available: brotli before gzip, none refused by
 * q=0.
 */
export function chooseEncoding(accept: string | undefined, available: ReadonlySet<Coding>): Coding | null {
  if (!accept) return null;
  const q = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((x) => x !== undefined);
    const value = weight === undefined ? 1 : Number(weight);
    if (name) q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const weightOf = (c: string) => q.get(c) ?? (c === "gzip" ? q.get("x-gzip") : undefined) ?? q.get("*") ?? 0;
  for (const { coding } of ENCODINGS) if (available.has(coding) && weightOf(coding) > 0) return coding;
  return null;
}

/**
 * The URL paths (e.g. "/assets/index-abc.js") of the files under `dir` that have compressed copies, with the
 * codings they have.
 */
export function compressedCopies(dir: string): Map<string, Set<Coding>> {
  const copies = new Map<string, Set<Coding>>();
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      for (const { coding, suffix } of ENCODINGS)
        if (entry.isFile() && entry.name.endsWith(suffix)) {
          const original = path.slice(0, -suffix.length);
          const set = copies.get(original) ?? new Set<Coding>();
          set.add(coding);
          copies.set(original, set);
        }
    }
  };
  walk("");
  return copies;
}

/**
 * The middleware that serves the built client in `dir`, compressed where a copy exists and the browser
 * accepts it.
 */
export function serveClient(dir: string): RequestHandler {
  const copies = compressedCopies(dir);
  // The cache policy is the original file's: a copy's name ends in .br or .gz.
  const files = express.static(dir, {
    setHeaders: (res, path) => clientCacheHeaders(res, path.replace(/\.(?:br|gz)$/, "")),
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      files(req, res, next);
      return;
    }
    const path = req.path.endsWith("/") ? `${req.path}index.html` : req.path;
    const available = copies.get(path);
    if (!available) {
      files(req, res, next);
      return;
    }
    res.vary("Accept-Encoding");
    const coding = chooseEncoding(req.get("accept-encoding"), available);
    const copy = ENCODINGS.find((e) => e.coding === coding);
    if (!copy) {
      files(req, res, next);
      return;
    }
    res.setHeader("Content-Encoding", copy.coding);
    res.type(extname(path));
    const query = req.url.indexOf("?");
    req.url = `${path}${copy.suffix}${query >= 0 ? req.url.slice(query) : ""}`;
    files(req, res, next);
  };
}
