// CSV as RFC 4180 has it: fields separated by commas, records by CRLF (LF and CR accepted too),
// fields with a comma, quote or line break wrapped in double quotes, quotes inside doubled.
// Used for the template workbook (sheets-template/*.csv), so both runtimes read the same data.

/** Parses CSV text into rows of fields. A leading byte-order mark is dropped; it never throws
 * (an unterminated quoted field runs to the end of the text). A final line break ends the last record,
 * it does not start an empty one. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  // true once the current record has any content (so "\n" alone is one record with one empty field)
  let started = false;
  while (i < s.length) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      started = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      started = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      started = false;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      started = true;
      i++;
    }
  }
  if (started || quoted) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface CsvWriteOptions {
  /** record separator: RFC 4180 says CRLF */
  eol?: '\r\n' | '\n';
  /** start with a byte-order mark (Excel needs it to read UTF-8) */
  bom?: boolean;
}

const needsQuotes = (field: string): boolean => /[",\r\n]/.test(field) || /^\s|\s$/.test(field);

export function stringifyCsv(rows: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const body = rows
    .map((r) => r.map((f) => (needsQuotes(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .map((line) => line + eol)
    .join('');
  return (options.bom ? '\uFEFF' : '') + body;
}
