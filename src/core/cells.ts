// Cells as both runtimes hand them to core, and the conversions every rule shares.
// Dates: core sees "wall clock as UTC" Dates (Date.UTC(y, m, d, hh, mm)); each adapter shifts its
// backend's Dates into that convention on read and back on write (Apps Script: the sheet's zone).
import { INVISIBLE_LABEL } from './messages/input-safety';
import { MAX_CELL_CHARS } from './schema';
import { BE_YEAR_THRESHOLD, hasThaiDigits, isoFromWallDate, isoOf, parseDateText, parseIso, toCE } from './thai';

export type Cell = string | number | boolean | Date | null;

// ---------------------------------------------------------------- look-alike text

/**
 * Characters that change a string without changing how it looks: zero-width space/joiners, word
 * joiner, byte-order mark, soft hyphen. Named so a message can say which one a cell holds.
 */
const INVISIBLE_NAMES: readonly (readonly [string, keyof typeof INVISIBLE_LABEL])[] = [
  ['\u200B', 'zwsp'],
  ['\u200C', 'zwnj'],
  ['\u200D', 'zwj'],
  ['\u2060', 'wj'],
  ['\uFEFF', 'bom'],
  ['\u00AD', 'shy'],
  ['\u00A0', 'nbsp'],
  ['\u0E4D\u0E32', 'saraAm'],
];
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SARA_AM_DECOMPOSED = /\u0E4D\u0E32/g;

/**
 * Text as the tracker compares it: Unicode NFC, sara am typed as ํ + า joined into ำ, invisible
 * characters removed, no-break spaces made ordinary spaces, ends trimmed. Every one of these is
 * invisible on screen, so two cells that look the same compare the same.
 */
export const cleanText = (s: string): string =>
  withoutInvisibles(s.normalize('NFC').replace(SARA_AM_DECOMPOSED, '\u0E33')).trim();

/**
 * Invisible characters out and no-break spaces as spaces, nothing else: what text read from a document
 * (an imported report's lines) becomes before it is parsed. Our own documents keep Thai words whole with
 * word joiners (U+2060) and "พ.ศ. ๒๕๖๖" together with a no-break space, so last year's report we wrote
 * reads like any other; the extraction glitches (ํา, ใ้) stay for the importer's repairs to name.
 */
export const withoutInvisibles = (s: string): string => s.replace(INVISIBLE, '').replace(/\u00A0/g, ' ');

/** The invisible differences cleanText removes from `s`, named for a message ('' when none). */
export function invisibleIn(s: string): string {
  const found: string[] = INVISIBLE_NAMES.filter(([ch]) => s.includes(ch)).map(([, k]) => INVISIBLE_LABEL[k]);
  if (s !== s.trimEnd()) found.push(INVISIBLE_LABEL.trailing);
  if (s !== s.trimStart()) found.push(INVISIBLE_LABEL.leading);
  return found.join(', ');
}

export const isBlank = (c: Cell | undefined): boolean =>
  c === null || c === undefined || (typeof c === 'string' && cleanText(c) === '');

/** The text a user sees in a cell (dates as ISO). Free text is kept as typed, ends trimmed. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : isoFromWallDate(c);
  return String(c).trim();
}

/**
 * A cell that names something (an id, a division, a setting key, a header) as the tracker compares
 * it: cleaned of what the eye cannot see (cleanText). Free text (results, issues) is not cleaned:
 * the report prints it as typed.
 */
export const nameText = (c: Cell | undefined): string => cleanText(cellText(c));

/**
 * Ids compare without regard to letter case (IIT-01 = iit-01), as division codes always have and as
 * Sheets' own lookups do: one rule for every id. See docs/input-safety.md.
 */
export const idKey = (c: Cell | undefined): string => nameText(c).toUpperCase();

/** Lines of a multi-line cell, blank lines dropped. */
export function cellLines(c: Cell | undefined): string[] {
  return cellText(c)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Comma/semicolon/newline separated list of names or addresses, each cleaned (cleanText). */
export function cellList(c: Cell | undefined): string[] {
  return cellText(c)
    .split(/[,;\n]/)
    .map(cleanText)
    .filter((s) => s !== '');
}

export type DateRead =
  | { ok: true; iso: string | null }
  | { ok: false; reason: 'not-a-date'; text: string }
  | { ok: false; reason: 'be-year'; text: string; suggestedIso: string }
  | { ok: false; reason: 'thai-digits'; text: string; suggestedIso: string | null };

/** Reads a date cell. A year above 2400 means a BE year typed where CE belongs: say so, suggest the fix. */
export function readDate(c: Cell | undefined): DateRead {
  if (isBlank(c)) return { ok: true, iso: null };
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return { ok: false, reason: 'not-a-date', text: String(c) };
    const iso = isoFromWallDate(c);
    const { y, m, d } = parseIso(iso);
    if (y > BE_YEAR_THRESHOLD) return { ok: false, reason: 'be-year', text: iso, suggestedIso: isoOf(toCE(y), m, d) };
    return { ok: true, iso };
  }
  const text = cellText(c);
  if (typeof c === 'number') return { ok: false, reason: 'not-a-date', text };
  const parsed = parseDateText(text);
  if (hasThaiDigits(text)) return { ok: false, reason: 'thai-digits', text, suggestedIso: parsed ? parsed.iso : null };
  if (!parsed) return { ok: false, reason: 'not-a-date', text };
  if (parsed.fromBE) return { ok: false, reason: 'be-year', text, suggestedIso: parsed.iso };
  return { ok: true, iso: parsed.iso };
}

/** Lenient date for parsing: the best calendar date the cell can mean, or null. */
export function cellDate(c: Cell | undefined): string | null {
  const r = readDate(c);
  if (r.ok) return r.iso;
  return 'suggestedIso' in r ? r.suggestedIso : null;
}

export function cellInteger(c: Cell | undefined): number | null {
  if (isBlank(c)) return null;
  if (typeof c === 'number') return Number.isInteger(c) ? c : null;
  const t = cellText(c);
  return /^-?\d+$/.test(t) ? Number(t) : null;
}

/** Date-time cell to "YYYY-MM-DD HH:mm" (wall clock), text kept as is. */
export function cellDateTime(c: Cell | undefined): string {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 16).replace('T', ' ');
  return cellText(c);
}

export const wallDateTime = (isoMinutes: string): Date => new Date(`${isoMinutes.replace(' ', 'T')}:00Z`);

// ---------------------------------------------------------------- A1 notation

export function columnLetter(index0: number): string {
  let n = index0 + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column, 1-based sheet row → "C4" */
export const a1 = (col0: number, row1: number): string => `${columnLetter(col0)}${row1}`;

/** 0-based column of its letters: "A" → 0, "AA" → 26. */
export function columnOfLetters(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A block of cells as A1 notation names it: 1-based, the arguments getRange(row, column, numRows, numColumns) takes. */
export interface A1Block {
  /** the tab's name as written before "!", quotes undone; null when the notation names no tab */
  tab: string | null;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const A1_CELLS = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i;
const QUOTED_TAB = /^'((?:[^']|'')*)'!([^!]*)$/su;

/**
 * The one A1 parser: "F2", "F2:I4", "Sheet!$AA$10", "'กอง''คลัง'!B3:K20" (a quoted name may hold
 * spaces, "!", Thai, a no-break space; a quote inside it is doubled). null for anything else (a whole
 * column or row, a name with a quote left bare, row 0).
 */
export function parseA1(notation: string): A1Block | null {
  let tab: string | null = null;
  let cells = notation;
  const quoted = QUOTED_TAB.exec(notation);
  if (quoted) [tab, cells] = [quoted[1].replace(/''/g, "'"), quoted[2]];
  else if (notation.includes('!')) {
    const bang = notation.lastIndexOf('!');
    [tab, cells] = [notation.slice(0, bang), notation.slice(bang + 1)];
    if (tab === '' || tab.includes("'")) return null;
  }
  const m = A1_CELLS.exec(cells);
  if (!m) return null;
  const [c1, r1] = [columnOfLetters(m[1]) + 1, Number(m[2])];
  const [c2, r2] = m[3] ? [columnOfLetters(m[3]) + 1, Number(m[4])] : [c1, r1];
  if (r1 < 1 || r2 < 1) return null;
  return {
    tab,
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

/** A tab's name as an A1 range wants it: quoted, quotes doubled (alone, it names the whole tab). */
export const quoteTabName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/**
 * A cell as Sheets shows it in a reference: the tab's name bare when it is letters, marks and digits
 * only (มาตรการ!C4), else quoted (quoteTabName: 'กอง!ช่าง'!F2). Without a cell: the tab's name.
 */
export function cellRef(tab: string, cell: string): string {
  if (!cell) return tab;
  const bare = /^[\p{L}\p{M}_][\p{L}\p{M}\p{N}_]*$/u.test(tab);
  return `${bare ? tab : quoteTabName(tab)}!${cell}`;
}

// ---------------------------------------------------------------- safe text

/** Text Sheets would read as a formula if written as is. */
export const looksLikeFormula = (s: string): boolean => /^[=+\-@]/.test(s);

/**
 * The value to hand Sheets so that text stays text: a leading apostrophe makes Sheets store the
 * rest literally (and getValues returns it without the apostrophe).
 */
export function sheetSafe(value: Cell): Cell {
  if (typeof value === 'string' && looksLikeFormula(value)) return `'${value}`;
  return value;
}

export const tooLong = (s: string): boolean => s.length > MAX_CELL_CHARS;

/** C0 controls other than tab and line breaks, and DEL: invisible, and not allowed in XML (.docx, HTML). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
export const controlCharCount = (s: string): number => s.match(CONTROL_CHARS)?.length ?? 0;
/** Text as an output may show it: the control characters dropped (the sheet keeps them as typed). */
export const printable = (s: string): string => s.replace(CONTROL_CHARS, '');

/**
 * A spreadsheet's error value, as Sheets' getValues and the .xlsx store give it (text): the result of a
 * formula that could not be computed, never data.
 */
const SHEET_ERROR =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;
export const isSheetError = (c: Cell | undefined): boolean => typeof c === 'string' && SHEET_ERROR.test(c.trim());

export const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
export const isEmail = (s: string): boolean => EMAIL_PATTERN.test(s);
export const isHttpUrl = (s: string): boolean => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(s);
/** A link cell as outputs may use it: an http(s) URL, else '' (javascript:, data:, words). */
export const httpUrlOrBlank = (c: Cell | undefined): string => {
  const t = nameText(c);
  return isHttpUrl(t) ? t : '';
};

export const escapeHtml = (s: string): string =>
  printable(s).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
