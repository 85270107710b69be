/**
 * The exports of a fixed game against their golden files (regenerate with `npm run exports:golden:update`).
 * participation.csv comes from the journal alone and must match byte for byte. The other exports follow the
 * engine's numbers and texts: they must match byte for byte while the engine plays the fixture exactly as
 * when the goldens were made (same final hash); after a rules change they are checked for their shape only,
 * until the goldens are remade.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { own, RULES } from "@firebreak/shared";
import { parseCsv } from "../../server/src/testing/parse-csv.ts";
import { EVENT_COLUMNS } from "../../server/src/exports/events-csv.ts";
import { PARTICIPATION_COLUMNS } from "../../server/src/exports/participation-csv.ts";
import { reportCsp } from "../../server/src/exports/report-html.ts";
import { TURN_COLUMNS } from "../../server/src/exports/turns-csv.ts";
import { fixtureExports, fixtureGame } from "./fixture.ts";

const here = dirname(fileURLToPath(import.meta.url));
const golden = (name: string): string => readFileSync(join(here, name), "utf8");
const game = fixtureGame();
const made = fixtureExports(game);
const kept = JSON.parse(golden("fixture.json")) as { rulesVersion: number; finalHash: string };
const samePlay = kept.rulesVersion === game.record.rulesVersion && kept.finalHash === game.record.finalHash;
const isNumber = (f: string): boolean => f === "" || /^-?\d+(\.\d+)?$/.test(f);

describe("export goldens", () => {
  it("participation.csv matches its golden byte for byte (it depends on the journal only)", () => {
    expect(made["participation.csv"]).toBe(golden("participation.csv"));
    const rows = parseCsv(made["participation.csv"] as string);
    expect(rows[0]).toEqual([...PARTICIPATION_COLUMNS]);
    // The player named like a formula is neutralised; the counts are what the fixture did.
    const byName = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get("'=cmd|' /C calc'!A0")?.slice(1, 11)).toEqual([
      "player",
      "east",
      "East",
      "1",
      "1",
      "2",
      "0",
      "0",
      "1",
      "2",
    ]);
    expect(byName.get("Ann")?.slice(4, 10)).toEqual(["3", "2", "1", "1", "0", "2"]);
    expect(byName.get("Bob")?.slice(4, 10)).toEqual(["1", "1", "1", "0", "1", "1"]);
  });

  it.runIf(samePlay)(
    "events, turns and the report match their goldens while the engine plays the fixture the same",
    () => {
      for (const name of [
        "events-facilitator.csv",
        "events-north.csv",
        "events-observer.csv",
        "turns.csv",
        "report.html",
      ])
        expect(made[name], name).toBe(golden(name));
    },
  );

  it("events.csv has its columns, known rules, numeric deltas, and a seat's file only what that seat saw", () => {
    const files = ["events-facilitator.csv", "events-north.csv", "events-observer.csv"];
    const [all, north, observer] = files.map((f) => parseCsv(made[f] as string));
    for (const [k, rows] of [all, north, observer].entries()) {
      expect(rows?.[0], files[k]).toEqual([...EVENT_COLUMNS]);
      expect(parseCsv(golden(files[k] as string))[0]).toEqual([...EVENT_COLUMNS]);
      for (const r of rows?.slice(1) ?? []) {
        expect(own(RULES, r[1])?.title).toBe(r[2]);
        expect(isNumber(r[0] as string) && isNumber(r[7] as string)).toBe(true);
      }
    }
    const body = (rows: string[][] | undefined) => (rows ?? []).slice(1);
    expect(body(all).length).toBe(game.final.events.length);
    expect(body(north).every((r) => r[3] === "public" || (r[3] ?? "").split(" ").includes("north"))).toBe(
      true,
    );
    expect(body(observer).every((r) => r[3] === "public")).toBe(true);
    expect(body(north).length).toBeLessThan(body(all).length);
    // East's covert influence operation against North: the facilitator sees its author, North does not.
    const influence = game.final.incidents.find((i) => i.kind === "influence");
    expect(influence?.author).toBe("east");
    const about = (rows: string[][] | undefined) => body(rows).filter((r) => r[5] === influence?.id);
    expect(about(all).some((r) => (r[4] ?? "").split(" ").includes("east"))).toBe(true);
    expect(about(north).some((r) => (r[4] ?? "").split(" ").includes("east"))).toBe(false);
  });

  it("turns.csv has a row per turn and pair and per turn and state, numbers in the number columns", () => {
    const rows = parseCsv(made["turns.csv"] as string);
    expect(rows[0]).toEqual([...TURN_COLUMNS]);
    // Turns 0 (the start) to 2 (the last resolved), 6 pairs and 4 states each: the same keys as the golden.
    const keys = (rs: string[][]) => rs.slice(1).map((r) => r.slice(0, 4).join(","));
    expect(keys(rows)).toEqual(keys(parseCsv(golden("turns.csv"))));
    expect(rows.length - 1).toBe(3 * (6 + 4));
    for (const r of rows.slice(1)) expect(r.filter((f, i) => i >= 4 && !isNumber(f))).toEqual([]);
    const used = rows.filter((r) => r[0] === "1" && r[1] === "state").map((r) => [r[2], r[9]]);
    // North's last orders of turn 1 (espionage and hardening) cost 2; South's development 1; the others gave
    // none.
    expect(used).toEqual([
      ["north", "2"],
      ["south", "1"],
      ["east", "0"],
      ["west", "0"],
    ]);
  });

  it("report.html is one self-contained page: inline SVG charts, no script, nothing fetched, its style allowed by hash", () => {
    const html = made["report.html"] as string;
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|\s(src|href)=|url\(|@import/i);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(/https?:\/\//);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    expect(reportCsp()).toContain(`'sha256-${createHash("sha256").update(style).digest("base64")}'`);
    expect(html).toContain("=cmd|&#39; /C calc&#39;!A0");
    expect(html).toContain("Record hash");
  });
});
