/**
 * `npm run scenario:check -- <file> [<file>...]`: validates scenario files.
 *
 * - `.json` files are read as JSON, `.yaml`/`.yml` as YAML.
 * - A valid file prints `<file>: ok (<title>, N states, T turns)`.
 * - An invalid file prints every problem, one per line: `<file>: <path>: <message>`
 *   (or `<file>: <message>` for a problem with the whole file, such as bad YAML).
 * - A scenario's `id` must equal its file name without the extension (or, for a file
 *   named `scenario.yaml|yml|json`, the name of its folder), so ids and files stay in step.
 * - A folder argument checks every scenario file in it: `*.json|yaml|yml` and
 *   `<name>/scenario.json|yaml|yml`. With no argument, the repository's `scenarios/`
 *   folder is checked.
 *
 * Exit code: 0 when every file is valid, 1 when any file is invalid, 2 when a file cannot
 * be read, has an unknown extension, or there is nothing to check.
 *
 * This is a CLI: file I/O belongs here, never in the rest of `shared/`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_PARAMS } from "../model/params.ts";
import { parseScenario, type ScenarioProblem } from "../scenario/validate.ts";

/** What checking one file found. */
export type FileCheck =
  | { file: string; status: "ok"; title: string; states: number; turns: number }
  | { file: string; status: "invalid"; problems: ScenarioProblem[] }
  | { file: string; status: "unreadable"; message: string };

const FORMATS: Record<string, "json" | "yaml"> = { ".json": "json", ".yaml": "yaml", ".yml": "yaml" };

/** The id a scenario file must carry: its stem, or its folder's name for `scenario.*`. */
export function expectedId(file: string): string {
  const stem = basename(file, extname(file));
  return stem === "scenario" ? basename(dirname(resolve(file))) : stem;
}

/** Reads, parses and validates one scenario file. */
export function checkFile(file: string): FileCheck {
  const format = FORMATS[extname(file).toLowerCase()];
  if (!format)
    return {
      file,
      status: "unreadable",
      message: `unknown file type "${extname(file) || "(none)"}": use .json, .yaml or .yml`,
    };
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : e instanceof Error
            ? e.message
            : String(e);
    return { file, status: "unreadable", message: `cannot read: ${why}` };
  }
  const result = parseScenario(text, format);
  if (!result.ok) return { file, status: "invalid", problems: result.problems };
  const s = result.scenario;
  const want = expectedId(file);
  if (s.id !== want)
    return {
      file,
      status: "invalid",
      problems: [{ path: "id", message: `must match the file name: "${want}" (found "${s.id}")` }],
    };
  const paramTurns = s.params?.turns;
  const turns = s.turns ?? (typeof paramTurns === "number" ? paramTurns : DEFAULT_PARAMS.turns);
  return { file, status: "ok", title: s.title, states: s.states.length, turns };
}

/** The lines to print for one file's check. */
export function formatCheck(c: FileCheck): string[] {
  if (c.status === "ok") return [`${c.file}: ok (${c.title}, ${c.states} states, ${c.turns} turns)`];
  if (c.status === "unreadable") return [`${c.file}: ${c.message}`];
  return c.problems.map((p) => (p.path ? `${c.file}: ${p.path}: ${p.message}` : `${c.file}: ${p.message}`));
}

/** Every scenario file in a scenarios folder: `*.json|yaml|yml` and `<name>/scenario.*`, sorted. */
export function listScenarioFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      for (const ext of Object.keys(FORMATS))
        if (existsSync(join(full, `scenario${ext}`))) out.push(join(full, `scenario${ext}`));
    } else if (FORMATS[extname(name).toLowerCase()]) out.push(full);
  }
  return out;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Runs the check over the given files (or the scenarios folder); returns the exit code. Results go to `print`
 * (stdout), usage errors to `printError` (stderr).
 */
export function main(
  args: readonly string[],
  print: (line: string) => void = console.log,
  printError: (line: string) => void = console.error,
): number {
  if (args.includes("--help") || args.includes("-h")) {
    print("Usage: npm run scenario:check -- [<file or folder>...]");
    print(
      "Checks scenario files (.json, .yaml, .yml). A folder, or no argument (the scenarios/ folder), checks every scenario in it.",
    );
    print("Exit code: 0 all valid, 1 a file is invalid, 2 a file cannot be read or nothing to check.");
    return 0;
  }
  let files = args.filter((a) => a !== "--");
  if (files.length === 0) {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../scenarios");
    files = existsSync(dir) ? listScenarioFiles(dir).map((f) => relative(process.cwd(), f) || f) : [];
    if (files.length === 0) {
      printError(`scenario:check: no scenario files given and none found in ${dir}.`);
      printError("Usage: npm run scenario:check -- <file> [<file>...]");
      return 2;
    }
  }
  files = files.flatMap((f) => (isFolder(f) ? listScenarioFiles(f) : [f]));
  if (files.length === 0) {
    printError("scenario:check: the folders given hold no scenario files.");
    return 2;
  }
  let code = 0;
  for (const file of files) {
    const c = checkFile(file);
    for (const line of formatCheck(c)) print(line);
    if (c.status === "unreadable") code = 2;
    else if (c.status === "invalid" && code === 0) code = 1;
  }
  return code;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
