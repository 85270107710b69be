/**
 * Precompression of the built client: after `vite build`, every compressible file (HTML, JS, CSS, SVG, JSON,
 * maps) gets a brotli (`.br`) and a gzip (`.gz`) copy beside it, written only when smaller than the file. The
 * server sends the copy a browser accepts (server/src/http/static.ts), so nothing is compressed per request.
 */
import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** The kinds of file worth compressing (images, fonts and archives are compressed already). */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|map|txt|xml|wasm)$/i;

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/**
 * Writes `.br` and `.gz` copies of the compressible files under `dir`; returns the relative paths of the
 * files compressed.
 */
export async function precompressDir(dir: string): Promise<string[]> {
  const files = (await filesUnder(dir)).filter((f) => COMPRESSIBLE.test(f));
  const done: string[] = [];
  await Promise.all(
    files.map(async (f) => {
      const path = join(dir, f);
      const body = await readFile(path);
      const [b, g] = await Promise.all([
        br(body, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: (await stat(path)).size,
          },
        }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      let wrote = false;
      if (b.length < body.length) {
        await writeFile(`${path}.br`, b);
        wrote = true;
      }
      if (g.length < body.length) {
        await writeFile(`${path}.gz`, g);
        wrote = true;
      }
      if (wrote) done.push(f);
    }),
  );
  return done.sort();
}

/** The Vite plugin: precompresses the output directory once the bundle is written (builds only). */
export function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "firebreak-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}
