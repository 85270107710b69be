/**
 * A strict RFC 4180 reader for the tests of the CSV exports: it refuses anything the exports must never
 * write.
 */

/**
 * The rows of a CSV document (a leading byte-order mark skipped); throws on a bare LF, a stray quote or a
 * ragged row.
 */
export function parseCsv(doc: string): string[][] {
  const text = doc.startsWith("\uFEFF") ? doc.slice(1) : doc;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "" || wasQuoted) throw new Error(`stray quote at ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      wasQuoted = false;
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      wasQuoted = false;
      i += 2;
    } else if (c === "\r" || c === "\n") {
      throw new Error(`bare line break at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("the last line has no CRLF");
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, k) => {
    if (r.length !== width) throw new Error(`row ${k} has ${r.length} fields, the header ${width}`);
  });
  return rows;
}
