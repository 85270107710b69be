/**
 * Treatments and small factorial designs for batches: what a game is played under (CBMs in force or not
 * available, parameter overrides, bot level), the `--grid` syntax, and its expansion into every combination
 * of levels.
 */
import { CBM_KINDS, type CbmKind } from "../model/cbms.ts";
import { DEFAULT_PARAMS } from "../model/params.ts";
import { BOT_LEVELS, type BotLevel } from "../bots/doctrines.ts";

/** What a batch's games are played under. */
export interface Treatment {
  /** CBMs in force among all states from the first turn. */
  cbms: CbmKind[];
  /** No CBM may be proposed (those in force stay). */
  noCbms: boolean;
  /** The level every bot plays at; null: the baseline bots (`npm run simulate` without a level). */
  botLevel: BotLevel | null;
  /** Model parameter overrides on top of the scenario's own (numeric parameters only). */
  params: Record<string, number>;
}

/**
 * One factor of a grid: a CBM in force or not, CBM proposals allowed or not, the bot level, or a parameter's
 * values.
 */
export type Factor =
  | { kind: "cbm"; cbm: CbmKind }
  | { kind: "noCbms" }
  | { kind: "botLevel"; levels: BotLevel[] }
  | { kind: "param"; name: string; values: number[] };

/** One cell of a grid: its factors' levels (by column name, in factor order), a label, and its treatment. */
export interface Cell {
  label: string;
  levels: Array<[string, string]>;
  treatment: Treatment;
}

/** The most cells a grid may have. */
export const MAX_CELLS = 256;

/** The baseline treatment: no CBM forced, proposals allowed, baseline bots, the scenario's parameters. */
export const NO_TREATMENT: Treatment = { cbms: [], noCbms: false, botLevel: null, params: {} };

/** True for a numeric model parameter a batch may override (`DEFAULT_PARAMS` has it as a plain number). */
export function isNumericParam(name: string): boolean {
  return (
    Object.hasOwn(DEFAULT_PARAMS, name) &&
    typeof (DEFAULT_PARAMS as Record<string, unknown>)[name] === "number"
  );
}

/** The factor's column name in the CSV and the summary: `hotline`, `noCbms`, `botLevel`, `param.<name>`. */
export function factorName(f: Factor): string {
  if (f.kind === "cbm") return f.cbm;
  if (f.kind === "param") return `param.${f.name}`;
  return f.kind;
}

function levelsOf(f: Factor): string[] {
  if (f.kind === "cbm" || f.kind === "noCbms") return ["off", "on"];
  if (f.kind === "botLevel") return [...f.levels];
  return f.values.map(String);
}

function split(list: string): string[] {
  return list
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Parses one `--grid` term (`cbms=a,b`, `noCbms`, `botLevel=normal,hard`, `param.<name>=1,2`) into factors,
 * or why not.
 */
function parseTerm(term: string): Factor[] | string {
  const eq = term.indexOf("=");
  const key = (eq < 0 ? term : term.slice(0, eq)).trim();
  const values = eq < 0 ? [] : split(term.slice(eq + 1));
  if (key === "noCbms") {
    if (eq >= 0) return `"noCbms" takes no values (it is on and off)`;
    return [{ kind: "noCbms" }];
  }
  if (values.length === 0) return `"${key}" needs values: ${key}=a,b`;
  if (key === "cbms") {
    const bad = values.find((v) => !(CBM_KINDS as readonly string[]).includes(v));
    if (bad !== undefined) return `unknown CBM "${bad}"; known: ${CBM_KINDS.join(", ")}`;
    return values.map((cbm) => ({ kind: "cbm", cbm: cbm as CbmKind }));
  }
  if (key === "botLevel") {
    const bad = values.find((v) => !(BOT_LEVELS as readonly string[]).includes(v));
    if (bad !== undefined) return `unknown bot level "${bad}"; known: ${BOT_LEVELS.join(", ")}`;
    return [{ kind: "botLevel", levels: values as BotLevel[] }];
  }
  if (key.startsWith("param.")) {
    const name = key.slice("param.".length);
    if (!isNumericParam(name)) return `"${name}" is not a numeric model parameter`;
    const nums = values.map(Number);
    const bad = values.find((_, i) => !Number.isFinite(nums[i]));
    if (bad !== undefined) return `param.${name}: "${bad}" is not a number`;
    return [{ kind: "param", name, values: nums }];
  }
  return `unknown grid factor "${key}"; use cbms=a,b (each CBM in force or not), noCbms, botLevel=l1,l2 or param.<name>=v1,v2`;
}

/** Parses `--grid` terms (each may hold several, separated by `;`) into factors, or the first problem. */
export function parseGrid(
  terms: readonly string[],
): { ok: true; factors: Factor[] } | { ok: false; error: string } {
  const factors: Factor[] = [];
  for (const term of terms.flatMap((t) => t.split(";")).filter((t) => t.trim())) {
    const parsed = parseTerm(term);
    if (typeof parsed === "string") return { ok: false, error: `--grid ${term.trim()}: ${parsed}` };
    for (const f of parsed) {
      const name = factorName(f);
      if (factors.some((g) => factorName(g) === name))
        return { ok: false, error: `--grid: "${name}" is given twice` };
      if (levelsOf(f).length !== new Set(levelsOf(f)).size)
        return { ok: false, error: `--grid: "${name}" lists a level twice` };
      factors.push(f);
    }
  }
  if (factors.length === 0) return { ok: false, error: "--grid needs at least one factor" };
  const cells = factors.reduce((n, f) => n * levelsOf(f).length, 1);
  if (cells > MAX_CELLS) return { ok: false, error: `--grid makes ${cells} cells; at most ${MAX_CELLS}` };
  return { ok: true, factors };
}

/**
 * Why a grid cannot vary something the base treatment already fixes (a CBM in --cbms, --no-cbms, --bot-level,
 * --param), or null.
 */
export function gridConflict(base: Treatment, factors: readonly Factor[]): string | null {
  for (const f of factors) {
    if (f.kind === "cbm" && base.cbms.includes(f.cbm)) return `${f.cbm} is both in --cbms and in --grid`;
    if (f.kind === "noCbms" && base.noCbms) return "noCbms is both given (--no-cbms) and in --grid";
    if (f.kind === "botLevel" && base.botLevel !== null) return "the bot level is both given and in --grid";
    if (f.kind === "param" && Object.hasOwn(base.params, f.name))
      return `${f.name} is both in --param and in --grid`;
  }
  return null;
}

function applyLevel(t: Treatment, f: Factor, level: string): Treatment {
  if (f.kind === "cbm") return level === "on" ? { ...t, cbms: [...t.cbms, f.cbm] } : t;
  if (f.kind === "noCbms") return { ...t, noCbms: level === "on" };
  if (f.kind === "botLevel") return { ...t, botLevel: level as BotLevel };
  return { ...t, params: { ...t.params, [f.name]: Number(level) } };
}

/**
 * Every combination of the factors' levels on top of `base`, the last factor varying fastest (control levels
 * first).
 */
export function expandGrid(base: Treatment, factors: readonly Factor[]): Cell[] {
  let cells: Cell[] = [{ label: "", levels: [], treatment: base }];
  for (const f of factors) {
    const next: Cell[] = [];
    for (const c of cells)
      for (const level of levelsOf(f))
        next.push({
          label: "",
          levels: [...c.levels, [factorName(f), level]],
          treatment: applyLevel(c.treatment, f, level),
        });
    cells = next;
  }
  return cells.map((c) => ({ ...c, label: c.levels.map(([k, v]) => `${k}=${v}`).join(" ") }));
}
