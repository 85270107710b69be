/**
 * A small RFC 4180 CSV writer (pure) for research data: one header row, then rows, every line ended by CRLF;
 * cells written as they are (no byte-order mark, no formula neutralising).
 */

/** A value a CSV cell holds: text, a number, a boolean (written 1 or 0) or nothing (an empty cell). */
export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text field as RFC 4180 writes it: quoted, inner quotes doubled, when it holds a comma, a quote, CR or LF,
 * or (with `edgeSpaces`) starts or ends with white space; else as it is. The one quoting rule of every CSV
 * this project writes.
 */
export function quoteField(text: string, edgeSpaces = false): string {
  const needs = /[",\r\n]/.test(text) || (edgeSpaces && /^\s|\s$/.test(text));
  return needs ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One cell as the research CSV writes it: quoted (inner quotes doubled) when it holds a comma, a quote, CR or
 * LF, or edge spaces.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "1" : "0";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  return quoteField(value, true);
}

/** One record: its cells joined by commas, ended by CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** A whole CSV text: the header, then each row's cells in the header's order (a missing cell is empty). */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<Readonly<Record<string, CsvValue>>>,
): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(header.map((h) => (Object.hasOwn(row, h) ? row[h] : undefined)));
  return out;
}
