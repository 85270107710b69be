import { describe, expect, it } from "vitest";
import { BOM, csvDocument, csvField, csvLine, csvNumber, neutralise } from "./csv.ts";
import { parseCsv } from "../testing/parse-csv.ts";

describe("CSV fields", () => {
  it("neutralises text a spreadsheet would run as a formula, with a leading quote", () => {
    expect(csvField("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1:A9)")).toBe("'@SUM(A1:A9)");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField("\r=1")).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(neutralise("Ann")).toBe("Ann");
    expect(neutralise("a=b")).toBe("a=b");
  });

  it("quotes commas, quotes and line breaks (RFC 4180), and leaves plain text alone", () => {
    expect(csvField("North, South")).toBe('"North, South"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField("Zoë")).toBe("Zoë");
    expect(csvField("")).toBe("");
    expect(csvField(null)).toBe("");
  });

  it("writes numbers as numbers: negatives stay negative, never neutralised", () => {
    expect(csvField(-0.5)).toBe("-0.5");
    expect(csvField(-2)).toBe("-2");
    expect(csvField(0.1 + 0.2)).toBe("0.3");
    expect(csvField(-0)).toBe("0");
    expect(csvField(-0.0001)).toBe("0");
    expect(csvField(1234.56789)).toBe("1234.568");
    expect(csvNumber(Number.NaN)).toBe("");
    expect(csvNumber(Number.POSITIVE_INFINITY)).toBe("");
    // A negative number written as text is text: neutralised.
    expect(csvField("-0.5")).toBe("'-0.5");
  });

  it("makes a document: byte-order mark, CRLF after every line, and it parses back to what was written", () => {
    const nasty = ["=cmd|' /C calc'!A0", "+1", "@SUM", "a,b", 'say "x"', "line\nbreak", "Zoë"];
    const doc = csvDocument(
      ["name", "value"],
      nasty.map((n, i) => [n, -(i + 1) / 2]),
    );
    expect(doc.startsWith(BOM)).toBe(true);
    expect(doc.endsWith("\r\n")).toBe(true);
    expect(doc.slice(BOM.length).split("\r\n")[0]).toBe("name,value");
    const rows = parseCsv(doc);
    expect(rows[0]).toEqual(["name", "value"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(nasty.map((n) => (/^[=+\-@]/.test(n) ? `'${n}` : n)));
    expect(rows.slice(1).map((r) => Number(r[1]))).toEqual(nasty.map((_, i) => -(i + 1) / 2));
    expect(csvLine(["a", 1, null, "b"])).toBe("a,1,,b");
  });
});
