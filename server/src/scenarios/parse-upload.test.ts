import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkUpload, MAX_ALIASES, MAX_DEPTH, MAX_LIST, MAX_UPLOAD_BYTES } from "./parse-upload.ts";

const tutorialYaml = readFileSync(new URL("../../../scenarios/tutorial.yaml", import.meta.url), "utf8");
const tutorial = parse(tutorialYaml) as { states: Array<Record<string, unknown>> } & Record<string, unknown>;
const json = (x: unknown): string => JSON.stringify(x, null, 2);

describe("checking an uploaded scenario file", () => {
  it("accepts a shipped scenario as YAML and as JSON, with bot personas named per state", () => {
    expect(checkUpload(tutorialYaml, "yaml").ok).toBe(true);
    const named = {
      ...tutorial,
      states: tutorial.states.map((s, i) => ({ ...s, bot: i === 0 ? "hawk" : "dove" })),
    };
    const r = checkUpload(json(named), "json");
    expect(r.ok && r.scenario.states.map((s) => s.bot)).toEqual(["hawk", "dove"]);
  });

  it("names a YAML syntax error's line and column", () => {
    const broken = tutorialYaml.replace("turns: 6\n", "turns: [6\n");
    const line = tutorialYaml.slice(0, tutorialYaml.indexOf("turns: 6")).split("\n").length;
    const r = checkUpload(broken, "yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.path).toBe("");
    expect(r.problems[0]?.message).toMatch(/^not valid YAML: line \d+, column \d+: /);
    expect(r.problems[0]?.line).toBeGreaterThanOrEqual(line);
  });

  it("names a JSON syntax error's line", () => {
    const r = checkUpload('{\n  "id": "x"\n  "title": "y"\n}\n', "json");
    expect(!r.ok && r.problems[0]).toMatchObject({ path: "", line: 3 });
    const r2 = checkUpload('{\n  "id": "x",\n  "title": "y",,\n}\n', "json");
    expect(!r2.ok && r2.problems[0]).toMatchObject({ path: "", line: 3, column: 16 });
    expect(!r.ok && r.problems[0]).toMatchObject({ path: "", line: 3 });
    expect(!r.ok && r.problems[0]?.message).toMatch(/^not valid JSON: line 3/);
    const bad = checkUpload(json({ ...tutorial, turns: 99 }), "json");
    const turnsLine =
      json({ ...tutorial, turns: 99 })
        .split("\n")
        .findIndex((l) => l.includes('"turns": 99')) + 1;
    expect(!bad.ok && bad.problems.find((p) => p.path === "turns")?.line).toBe(turnsLine);
  });

  it("gives every validation problem its path and, in YAML, the line it is on", () => {
    const lines = tutorialYaml.split("\n");
    const at = lines.findIndex((l) => /^\s+defense: \d/.test(l));
    lines[at] = (lines[at] ?? "").replace(/defense: \d/, "defense: 9");
    const withBot = `${lines.join("\n")}`.replace(/(\n {4}defense: 9)/, "$1\n    bot: wizard");
    const r = checkUpload(withBot, "yaml");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const defense = r.problems.find((p) => p.path.endsWith(".defense"));
    expect(defense?.path).toMatch(/^states\[\d\]\.defense$/);
    expect(defense?.message).toMatch(/between 1 and 5/);
    expect(defense?.line).toBe(at + 1);
    const bot = r.problems.find((p) => p.path.endsWith(".bot"));
    expect(bot?.message).toMatch(/must be a bot persona: random, hawk/);
    expect(bot?.line).toBe(at + 2);
  });

  it("refuses a prototype key, in JSON and in YAML, by path", () => {
    const proto = `{ "__proto__": { "polluted": true }, ${json(tutorial).slice(1)}`;
    const r = checkUpload(proto, "json");
    expect(!r.ok && r.problems).toEqual([
      { path: "__proto__", message: '"__proto__" is not allowed as a key' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const y = checkUpload(
      tutorialYaml.replace("turns: 6\n", "turns: 6\nteacher2:\n  constructor: 1\n"),
      "yaml",
    );
    expect(!y.ok && y.problems[0]).toMatchObject({ path: "teacher2.constructor" });
  });

  it("refuses enormous lists and deep nesting without validating them", () => {
    const long = checkUpload(json({ ...tutorial, sources: Array.from({ length: 5000 }, () => "x") }), "json");
    expect(!long.ok && long.problems[0]).toEqual({
      path: "sources",
      message: `a list of 5000 items: at most ${MAX_LIST}`,
    });
    const deep = checkUpload(`${"[".repeat(100_000)}${"]".repeat(100_000)}`, "json");
    expect(!deep.ok && deep.problems[0]?.message).toBe(
      `nested more than ${MAX_DEPTH} levels deep: not a scenario`,
    );
    const deepYaml = checkUpload(`a: ${"[".repeat(5_000)}`, "yaml");
    expect(deepYaml.ok).toBe(false);
  });

  it("refuses a YAML alias bomb before expanding it", () => {
    const rows = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++)
      rows.push(
        `${"abcdefghi"[i]}: &${"abcdefghi"[i]} [${Array(10)
          .fill(`*${"abcdefghi"[i - 1]}`)
          .join(", ")}]`,
      );
    const r = checkUpload(rows.join("\n"), "yaml");
    expect(!r.ok && r.problems[0]?.message).toMatch(
      new RegExp(`^not valid YAML: .*more than ${MAX_ALIASES} aliases`),
    );
  });

  it("refuses a file over the size limit without parsing it", () => {
    const r = checkUpload(`# ${"x".repeat(MAX_UPLOAD_BYTES)}\n${tutorialYaml}`, "yaml");
    expect(!r.ok && r.problems[0]?.message).toBe(
      `the file is ${Math.ceil((MAX_UPLOAD_BYTES + tutorialYaml.length + 3) / 1024)} KB: at most ${MAX_UPLOAD_BYTES / 1024} KB`,
    );
  });
});
