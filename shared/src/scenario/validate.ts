/** Scenario validation: shape by zod, then cross-references; every problem with its path. */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { scenarioSchema, type Scenario } from "./schema.ts";
import { UNILATERAL_CBMS, type CbmKind } from "../model/cbms.ts";

/** One problem found in a scenario file. */
export interface ScenarioProblem {
  /** Where, e.g. `states[2].defense`; empty for the whole file. */
  path: string;
  message: string;
}

/** The outcome of validating a scenario. */
export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Formats a zod path as `states[2].defense`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += out === "" ? String(p) : `.${String(p)}`;
  }
  return out;
}

/**
 * The first of zod's issues as the end of a sentence: " at states[2].defense: must be …", or ": …" at the
 * root.
 */
export function issueText(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
): string {
  const issue = issues[0];
  const path = issue ? formatPath(issue.path) : "";
  return `${path ? ` at ${path}` : ""}: ${issue?.message ?? "invalid"}`;
}

/** Renders problems one per line: `path: message`. */
export function formatProblems(problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("\n");
}

type Raw = Record<string, unknown>;
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const obj = (x: unknown): Raw => (x !== null && typeof x === "object" && !Array.isArray(x) ? (x as Raw) : {});
const str = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/**
 * Cross-reference checks. They read the raw data defensively, so they run even when the shape has problems.
 */
function crossCheck(data: unknown): ScenarioProblem[] {
  const s = obj(data);
  const problems: ScenarioProblem[] = [];
  const ids = new Set<string>();
  arr(s.states).forEach((st, i) => {
    const id = str(obj(st).id);
    if (id === undefined) return;
    if (ids.has(id)) problems.push({ path: `states[${i}].id`, message: `duplicate state id "${id}"` });
    ids.add(id);
  });
  const known = (value: unknown, path: string, self?: string): void => {
    const id = str(value);
    if (id === undefined) return;
    if (!ids.has(id))
      problems.push({ path, message: `unknown state "${id}" (known: ${[...ids].join(", ")})` });
    else if (self !== undefined && id === self)
      problems.push({ path, message: "must name another state, not itself" });
  };
  const params = obj(s.params);
  const turns = typeof s.turns === "number" ? s.turns : typeof params.turns === "number" ? params.turns : 12;
  arr(s.states).forEach((raw, i) => {
    const st = obj(raw);
    const self = str(st.id);
    arr(st.objectives).forEach((rawO, j) => {
      const o = obj(rawO);
      const p = `states[${i}].objectives[${j}]`;
      if (o.kind === "tensionAtMost" || (o.kind === "cbmInForce" && o.with !== undefined))
        known(o.with, `${p}.with`, self);
      if (o.kind === "accessIn") known(o.target, `${p}.target`, self);
      if (o.kind === "rivalAttributed") known(o.rival, `${p}.rival`, self);
    });
    const allowed = new Set([
      "cyber",
      "defense",
      "dependence",
      "economy",
      "stability",
      "reputation",
      "actionPoints",
    ]);
    for (const k of Object.keys(obj(st.rationale))) {
      if (!allowed.has(k))
        problems.push({
          path: `states[${i}].rationale.${k}`,
          message: `not a starting value (use ${[...allowed].join(", ")})`,
        });
    }
  });
  const seenPairs = new Set<string>();
  arr(s.relations).forEach((raw, i) => {
    const r = obj(raw);
    known(r.a, `relations[${i}].a`);
    known(r.b, `relations[${i}].b`, str(r.a));
    const a = str(r.a);
    const b = str(r.b);
    if (a === undefined || b === undefined) return;
    const key = [a, b].sort().join("|");
    if (seenPairs.has(key))
      problems.push({ path: `relations[${i}]`, message: `the pair ${a}/${b} is listed twice` });
    seenPairs.add(key);
  });
  arr(s.alliances).forEach((raw, i) => {
    const members = arr(obj(raw).members);
    members.forEach((m, j) => {
      known(m, `alliances[${i}].members[${j}]`);
    });
    if (new Set(members).size !== members.length)
      problems.push({ path: `alliances[${i}].members`, message: "lists a member twice" });
  });
  arr(s.cbms).forEach((raw, i) => {
    const c = obj(raw);
    const members = arr(c.members);
    members.forEach((m, j) => {
      known(m, `cbms[${i}].members[${j}]`);
    });
    if (new Set(members).size !== members.length)
      problems.push({ path: `cbms[${i}].members`, message: "lists a member twice" });
    const kind = str(c.kind);
    if (kind === undefined || !Array.isArray(c.members)) return;
    const unilateral = UNILATERAL_CBMS.includes(kind as CbmKind);
    if (!unilateral && members.length < 2 && members.length > 0)
      problems.push({ path: `cbms[${i}].members`, message: `${kind} needs at least 2 members` });
    if (kind === "publishDoctrine" && members.length > 1)
      problems.push({
        path: `cbms[${i}].members`,
        message: "publishDoctrine is unilateral: exactly 1 member",
      });
  });
  const injectIds = new Set<string>();
  const checkInject = (rawInj: unknown, p: string): void => {
    const inj = obj(rawInj);
    const id = str(inj.id);
    if (id !== undefined) {
      if (injectIds.has(id)) problems.push({ path: `${p}.id`, message: `duplicate inject id "${id}"` });
      injectIds.add(id);
    }
    arr(inj.effects).forEach((rawE, k) => {
      const e = obj(rawE);
      const ep = `${p}.effects[${k}]`;
      if (e.type === "tension") {
        known(e.a, `${ep}.a`);
        known(e.b, `${ep}.b`, str(e.a));
      } else if (e.type === "stat") known(e.state, `${ep}.state`);
      else if (e.type === "suspicion") {
        known(e.from, `${ep}.from`);
        known(e.to, `${ep}.to`, str(e.from));
      } else if (e.type === "nonStateIncident") known(e.target, `${ep}.target`);
    });
  };
  const injects = obj(s.injects);
  arr(injects.scheduled).forEach((raw, i) => {
    const x = obj(raw);
    if (typeof x.turn === "number" && x.turn > turns)
      problems.push({
        path: `injects.scheduled[${i}].turn`,
        message: `must be at most the scenario's ${turns} turns`,
      });
    checkInject(x.inject, `injects.scheduled[${i}].inject`);
  });
  arr(injects.library).forEach((x, i) => {
    checkInject(x, `injects.library[${i}]`);
  });
  arr(s.hints).forEach((raw, i) => {
    const h = obj(raw);
    if (typeof h.turn === "number" && h.turn > turns)
      problems.push({ path: `hints[${i}].turn`, message: `must be at most the scenario's ${turns} turns` });
  });
  return problems;
}

/** Validates parsed scenario data: every shape problem, then every cross-reference problem. */
export function validateScenario(data: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  problems.push(...crossCheck(data));
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: parsed.data };
}

/** Parses scenario text (JSON, or YAML when `format` says so) and validates it. */
export function parseScenario(source: string, format: "json" | "yaml"): ScenarioResult {
  let data: unknown;
  try {
    data = format === "json" ? JSON.parse(source) : parseYaml(source, { prettyErrors: true });
  } catch (e) {
    const where =
      e instanceof YAMLParseError && e.linePos
        ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}: `
        : "";
    const msg = e instanceof Error ? (e.message.split("\n")[0] ?? String(e)) : String(e);
    return {
      ok: false,
      problems: [{ path: "", message: `not valid ${format.toUpperCase()}: ${where}${msg}` }],
    };
  }
  return validateScenario(data);
}
