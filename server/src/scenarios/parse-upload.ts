/**
 * Checking a scenario file a facilitator uploads: its size, its syntax (YAML errors with line and column),
 * hostile shapes (prototype keys, enormous arrays, deep nesting, alias bombs), then the same validator as
 * `npm run scenario:check` (`validateScenario`), every problem with its path and, in a YAML file, its line.
 */
import { type Scenario, type ScenarioProblem, type UploadProblem, validateScenario } from "@firebreak/shared";
import { type Document, LineCounter, parseDocument, YAMLParseError } from "yaml";

/** Largest scenario file accepted, in bytes (the shipped ones are under 40 KB). */
export const MAX_UPLOAD_BYTES = 256 * 1024;
/** Deepest nesting of lists and maps accepted (a scenario needs 6). */
export const MAX_DEPTH = 16;
/** Longest list accepted anywhere in the file. */
export const MAX_LIST = 500;
/** Most values (maps, lists, scalars) in the whole file. */
export const MAX_VALUES = 50_000;
/** Most YAML aliases (`*name`) in the file: an anchor repeated more is refused as an alias bomb. */
export const MAX_ALIASES = 50;
/** Keys no scenario has, which name JavaScript's own object machinery. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** What checking an upload found: the scenario, or every problem. */
export type UploadCheck = { ok: true; scenario: Scenario } | { ok: false; problems: UploadProblem[] };

const fail = (problems: UploadProblem[]): UploadCheck => ({ ok: false, problems });

/** Hostile shapes in parsed data: forbidden keys, lists too long, nesting too deep, too many values. */
export function hostileShapes(data: unknown): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  let values = 0;
  const join = (path: string, key: string | number): string =>
    typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`;
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: data, path: "", depth: 0 }];
  while (stack.length > 0 && problems.length < 20) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number };
    if (++values > MAX_VALUES) {
      problems.push({ path: "", message: `the file holds more than ${MAX_VALUES} values: not a scenario` });
      break;
    }
    if (value === null || typeof value !== "object") continue;
    if (depth >= MAX_DEPTH) {
      problems.push({ path, message: `nested more than ${MAX_DEPTH} levels deep: not a scenario` });
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_LIST) {
        problems.push({ path, message: `a list of ${value.length} items: at most ${MAX_LIST}` });
        continue;
      }
      value.forEach((v, i) => {
        stack.push({ value: v, path: join(path, i), depth: depth + 1 });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        problems.push({ path: join(path, key), message: `"${key}" is not allowed as a key` });
        continue;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: join(path, key), depth: depth + 1 });
    }
  }
  return problems;
}

/** `states[2].defense` as the keys YAML's getIn takes: ["states", 2, "defense"]. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""));
  return out;
}

/** The line and column in a YAML document of the deepest node on `path` that exists. */
function whereIn(doc: Document, lines: LineCounter, path: string): { line: number; column: number } | null {
  const keys = segments(path);
  for (let n = keys.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) {
      const pos = lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return null;
}

/**
 * A JSON syntax error's line and column: V8's messages do not always say, so JSON (which is YAML) is read as
 * YAML.
 */
function jsonWhere(text: string, message: string): { line: number; column: number } | null {
  const v8 = /\(line (\d+) column (\d+)\)/.exec(message);
  if (v8) return { line: Number(v8[1]), column: Number(v8[2]) };
  try {
    const pos = parseDocument(text, { prettyErrors: true }).errors[0]?.linePos?.[0];
    return pos ? { line: pos.line, column: pos.col } : null;
  } catch {
    return null;
  }
}

/** A JSON file as a YAML document, to find the lines of its problems; null if that fails. */
function jsonDocument(text: string, lines: LineCounter): Document | null {
  try {
    const doc = parseDocument(text, { lineCounter: lines });
    return doc.errors.length === 0 ? doc : null;
  } catch {
    return null;
  }
}

/** Checks an uploaded scenario file's text (`format` from its name): the scenario, or every problem found. */
export function checkUpload(text: string, format: "json" | "yaml"): UploadCheck {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_UPLOAD_BYTES)
    return fail([
      {
        path: "",
        message: `the file is ${Math.ceil(bytes / 1024)} KB: at most ${MAX_UPLOAD_BYTES / 1024} KB`,
      },
    ]);
  let data: unknown;
  let doc: Document | null = null;
  const lines = new LineCounter();
  if (format === "json") {
    try {
      data = JSON.parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const where = jsonWhere(text, msg);
      const at = where ? `line ${where.line}, column ${where.column}: ` : "";
      return fail([{ path: "", message: `not valid JSON: ${at}${msg}`, ...(where ?? {}) }]);
    }
  } else {
    try {
      doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
      const err = doc.errors[0];
      if (err) throw err;
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (e) {
      const pos = e instanceof YAMLParseError ? e.linePos?.[0] : undefined;
      const first = e instanceof Error ? (e.message.split("\n")[0] ?? String(e)) : String(e);
      const msg = first.replace(/ at line \d+, column \d+:?$/, "");
      const alias = /alias count/i.test(msg) ? ` (more than ${MAX_ALIASES} aliases)` : "";
      const at = pos ? `line ${pos.line}, column ${pos.col}: ` : "";
      return fail([
        {
          path: "",
          message: `not valid YAML: ${at}${msg}${alias}`,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        },
      ]);
    }
  }
  const hostile = hostileShapes(data);
  if (hostile.length > 0) return fail(hostile.map((p) => locate(p, doc, lines)));
  const result = validateScenario(data);
  if (result.ok) return result;
  if (format === "json") doc = jsonDocument(text, lines);
  return fail(result.problems.map((p) => locate(p, doc, lines)));
}

/** A problem with its YAML line and column, when the file is YAML. */
function locate(p: ScenarioProblem, doc: Document | null, lines: LineCounter): UploadProblem {
  const where = doc ? whereIn(doc, lines, p.path) : null;
  return where ? { ...p, ...where } : p;
}
