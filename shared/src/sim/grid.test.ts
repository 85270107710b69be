import { describe, expect, it } from "vitest";
import { expandGrid, gridConflict, MAX_CELLS, NO_TREATMENT, parseGrid, type Factor } from "./grid.ts";

function factors(...terms: string[]): Factor[] {
  const r = parseGrid(terms);
  if (!r.ok) throw new Error(r.error);
  return r.factors;
}

describe("grid", () => {
  it("makes every CBM of cbms=a,b a factor on and off: 2^k cells, control first, the last factor fastest", () => {
    const cells = expandGrid(NO_TREATMENT, factors("cbms=hotline,situationReports"));
    expect(cells.map((c) => c.label)).toEqual([
      "hotline=off situationReports=off",
      "hotline=off situationReports=on",
      "hotline=on situationReports=off",
      "hotline=on situationReports=on",
    ]);
    expect(cells.map((c) => c.treatment.cbms)).toEqual([
      [],
      ["situationReports"],
      ["hotline"],
      ["hotline", "situationReports"],
    ]);
    expect(cells[1]?.levels).toEqual([
      ["hotline", "off"],
      ["situationReports", "on"],
    ]);
  });

  it("crosses bot levels, noCbms and parameter values given in several flags or one with ';'", () => {
    const cells = expandGrid(
      { ...NO_TREATMENT, cbms: ["hotline"] },
      factors("botLevel=normal,hard", "noCbms;param.peaceTurns=5,7,9"),
    );
    expect(cells).toHaveLength(2 * 2 * 3);
    expect(cells[0]?.label).toBe("botLevel=normal noCbms=off param.peaceTurns=5");
    expect(cells[11]?.treatment).toEqual({
      cbms: ["hotline"],
      noCbms: true,
      botLevel: "hard",
      params: { peaceTurns: 9 },
    });
    // The base treatment is never changed in place.
    expect(cells[0]?.treatment).toEqual({
      cbms: ["hotline"],
      noCbms: false,
      botLevel: "normal",
      params: { peaceTurns: 5 },
    });
  });

  it("refuses unknown factors, CBMs, levels and parameters, repeated factors or levels, and grids that are too big", () => {
    const error = (...terms: string[]): string => {
      const r = parseGrid(terms);
      return r.ok ? "" : r.error;
    };
    expect(error("colour=red,blue")).toMatch(/unknown grid factor "colour"/);
    expect(error("cbms=hotline,teaParty")).toMatch(/unknown CBM "teaParty"/);
    expect(error("botLevel=normal,brilliant")).toMatch(/unknown bot level "brilliant"/);
    expect(error("param.toString=1,2")).toMatch(/not a numeric model parameter/);
    expect(error("param.__proto__=1,2")).toMatch(/not a numeric model parameter/);
    expect(error("param.peaceTurns=5,x")).toMatch(/"x" is not a number/);
    expect(error("cbms=hotline", "cbms=hotline")).toMatch(/given twice/);
    expect(error("botLevel=hard,hard")).toMatch(/lists a level twice/);
    expect(error("cbms=")).toMatch(/needs values/);
    expect(error("noCbms=on")).toMatch(/takes no values/);
    expect(error("")).toMatch(/at least one factor/);
    const many = `cbms=${["hotline", "situationReports", "consultations", "jointObservation", "publishDoctrine", "noFirstUse", "selfDefenceCatalogue", "codeOfConduct"].join(",")}`;
    expect(2 ** 8 <= MAX_CELLS).toBe(true);
    expect(error(many, "noCbms")).toMatch(/512 cells; at most 256/);
  });

  it("names what the base treatment and the grid both set", () => {
    const f = factors("cbms=hotline", "botLevel=easy,hard", "param.peaceTurns=3,4", "noCbms");
    expect(gridConflict(NO_TREATMENT, f)).toBeNull();
    expect(gridConflict({ ...NO_TREATMENT, cbms: ["hotline"] }, f)).toMatch(/hotline is both/);
    expect(gridConflict({ ...NO_TREATMENT, botLevel: "normal" }, f)).toMatch(/bot level/);
    expect(gridConflict({ ...NO_TREATMENT, params: { peaceTurns: 2 } }, f)).toMatch(/peaceTurns/);
    expect(gridConflict({ ...NO_TREATMENT, noCbms: true }, f)).toMatch(/noCbms/);
  });
});
