/**
 * Spreadsheet-safe CSV (RFC 4180): CRLF line ends, a field with a comma, a quote, CR or LF quoted with its
 * quotes doubled, UTF-8 with a byte-order mark (so a spreadsheet opened by double-click reads accented names
 * right). Text fields that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or
 * CR) get a leading `'`; numbers are written as numbers and never altered, so `-0.5` stays a negative number.
 */
import { quoteField } from "@firebreak/shared";

/** One cell: text (player names, chat, event texts: untrusted, neutralised), a number, or empty (null). */
export type Cell = string | number | null;

/** The byte-order mark every CSV export starts with. */
export const BOM = "\uFEFF";

/** Characters that make a spreadsheet read a text cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field a spreadsheet will show as text: a leading `'` before a formula's first character. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number as a CSV field: at most 3 decimals, no exponent, no `-0`; a non-finite number is empty. */
export function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  const r = Math.round(n * 1000) / 1000;
  if (r === 0) return "0";
  // Rounded to 3 decimals, only a magnitude of 1e21 or more would print with an exponent.
  return Math.abs(r) >= 1e21 ? BigInt(Math.round(r)).toString() : String(r);
}

/** One cell as a CSV field: text neutralised then quoted, a number as a number, null as empty. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return csvNumber(cell);
  return quoteField(neutralise(cell));
}

/** One CSV line (without its line end). */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(",");
}

/** A whole CSV document: the byte-order mark, the header, then the rows, every line ended by CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${BOM}${[header, ...rows].map((r) => `${csvLine(r)}\r\n`).join("")}`;
}
