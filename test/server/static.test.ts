/**
 * The built client served compressed with caching: the build step's brotli and gzip copies go to browsers
 * that accept them, with the original's Content-Type and cache policy and Vary: Accept-Encoding, and
 * decompress to the very file.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../client/build/precompress.ts";
import { chooseEncoding } from "../../server/src/http/static.ts";
import { testServer } from "./harness.ts";

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** A raw GET (or HEAD): node's fetch would decompress the body, this keeps the bytes as sent. */
function get(url: string, acceptEncoding: string | null, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on("error", reject);
    req.end();
  });
}

const dir = mkdtempSync(join(tmpdir(), "fb-static-"));
const JS = `export const big = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `line ${i} of the client`))};\n`;
const CSS = `${Array.from({ length: 80 }, (_, i) => `.c${i} { color: #${(i * 4111).toString(16).padStart(6, "0")}; }`).join("\n")}\n`;
const HTML =
  `<!doctype html><html lang="en"><head><title>Firebreak</title><script type="module" ` +
  `src="/assets/index-Ab12Cd34.js"></script></head><body><div id="app"></div></body></html>\n`;
let srv: Awaited<ReturnType<typeof testServer>>;

beforeAll(async () => {
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), HTML);
  writeFileSync(join(dir, "assets", "index-Ab12Cd34.js"), JS);
  writeFileSync(join(dir, "assets", "index-Xy98Zw76.css"), CSS);
  writeFileSync(join(dir, "assets", "logo-Qq11Ww22.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  expect(await precompressDir(dir)).toEqual([
    "assets/index-Ab12Cd34.js",
    "assets/index-Xy98Zw76.css",
    "index.html",
  ]);
  srv = await testServer({ clientDir: dir });
});
afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the built client, compressed and cached", () => {
  it("hashed assets go brotli or gzip compressed as the browser accepts, immutable, and decompress to the file", async () => {
    const file = readFileSync(join(dir, "assets", "index-Ab12Cd34.js"));
    const url = `${srv.http}/assets/index-Ab12Cd34.js`;
    const b = await get(url, "gzip, deflate, br, zstd");
    expect(b.status).toBe(200);
    expect(b.headers["content-encoding"]).toBe("br");
    expect(b.headers["content-type"]).toMatch(/^(?:text|application)\/javascript/);
    expect(b.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(b.headers.vary)).toMatch(/Accept-Encoding/i);
    expect(b.body.length).toBeLessThan(file.length);
    expect(brotliDecompressSync(b.body).equals(file)).toBe(true);

    const g = await get(url, "gzip, deflate");
    expect(g.headers["content-encoding"]).toBe("gzip");
    expect(g.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(gunzipSync(g.body).equals(file)).toBe(true);

    // Brotli refused with q=0: gzip; nothing accepted: the file itself, still with Vary so caches keep them
    // apart.
    expect((await get(url, "br;q=0, gzip;q=0.8")).headers["content-encoding"]).toBe("gzip");
    for (const accept of [null, "identity", "br;q=0, gzip;q=0"]) {
      const plain = await get(url, accept);
      expect(plain.headers["content-encoding"], String(accept)).toBeUndefined();
      expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(plain.body.equals(file)).toBe(true);
    }

    const css = await get(`${srv.http}/assets/index-Xy98Zw76.css`, "br");
    expect(css.headers["content-type"]).toMatch(/^text\/css/);
    expect(
      brotliDecompressSync(css.body).equals(readFileSync(join(dir, "assets", "index-Xy98Zw76.css"))),
    ).toBe(true);
  });

  it("index.html, at / and by name, is compressed too and revalidated on every load", async () => {
    for (const path of ["/", "/index.html", "/?from=link"]) {
      const r = await get(`${srv.http}${path}`, "br, gzip");
      expect(r.status, path).toBe(200);
      expect(r.headers["content-encoding"], path).toBe("br");
      expect(r.headers["content-type"], path).toMatch(/^text\/html/);
      expect(r.headers["cache-control"], path).toBe("no-cache");
      expect(brotliDecompressSync(r.body).toString(), path).toBe(HTML);
    }
    const head = await get(`${srv.http}/`, "gzip", "HEAD");
    expect(head.headers["content-encoding"]).toBe("gzip");
    expect(head.body.length).toBe(0);
  });

  it("files without a compressed copy, and unknown paths, are served as before", async () => {
    const png = await get(`${srv.http}/assets/logo-Qq11Ww22.png`, "br, gzip");
    expect(png.headers["content-encoding"]).toBeUndefined();
    expect(png.headers["content-type"]).toBe("image/png");
    expect(png.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await get(`${srv.http}/assets/nothing-here.js`, "br")).status).toBe(404);
    // The API is not the static server's: it answers JSON as before.
    const health = await get(`${srv.http}/api/health`, "br");
    expect(health.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("reads Accept-Encoding by its weights: brotli first, then gzip, never a coding given q=0", () => {
    const both = new Set(["br", "gzip"] as const);
    expect(chooseEncoding(undefined, both)).toBeNull();
    expect(chooseEncoding("", both)).toBeNull();
    expect(chooseEncoding("gzip, deflate, br", both)).toBe("br");
    expect(chooseEncoding("GZIP", both)).toBe("gzip");
    expect(chooseEncoding("x-gzip", both)).toBe("gzip");
    expect(chooseEncoding("*", both)).toBe("br");
    expect(chooseEncoding("*;q=0, gzip", both)).toBe("gzip");
    expect(chooseEncoding("br;q=0", both)).toBeNull();
    expect(chooseEncoding("br ; q=0.5, identity", both)).toBe("br");
    expect(chooseEncoding("br", new Set(["gzip"] as const))).toBeNull();
  });
});
