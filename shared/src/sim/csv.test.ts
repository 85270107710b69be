import { describe, expect, it } from "vitest";
import { csvField, csvLine, toCsv } from "./csv.ts";

describe("csv (RFC 4180)", () => {
  it("leaves plain cells alone and quotes those with a comma, a quote, CR, LF or edge spaces", () => {
    expect(csvField("hawk")).toBe("hawk");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("hotline situationReports")).toBe("hotline situationReports");
  });

  it("writes numbers as they are, booleans as 1 and 0, nothing and non-finite numbers as empty cells", () => {
    expect(csvLine([1.25, -3, true, false, null, undefined, Number.NaN, ""])).toBe("1.25,-3,1,0,,,,\r\n");
  });

  it("writes one header row, then each row in the header's order, missing cells empty, CRLF after every line", () => {
    const text = toCsv(["a", "b", "c"], [{ c: 3, a: "x,y" }, { b: 'q"' }]);
    expect(text).toBe('a,b,c\r\n"x,y",,3\r\n,"q""",\r\n');
  });

  it("reads back with a minimal RFC 4180 parser to the same cells", () => {
    const cells = ["plain", "a,b", 'q"uote', "multi\r\nline", ""];
    const line = csvLine(cells);
    const parsed: string[] = [];
    let cur = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i] as string;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        parsed.push(cur);
        cur = "";
      } else if (ch === "\r" && line[i + 1] === "\n") {
        parsed.push(cur);
        break;
      } else cur += ch;
    }
    expect(parsed).toEqual(cells);
  });
});
