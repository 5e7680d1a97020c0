// Batch sheet I/O for Apps Script: a tab is read with one getDataRange().getValues() and written with
// one setValues(), whatever its size (tests count both through the fakes). This adapter only moves
// data: Dates shift between the sheet's instants and core's wall-clock-as-UTC convention, and every
// string written passes sheetSafe() so text that looks like a formula stays text.
import { type Cell, columnLetter, quoteTabName, sheetSafe } from '../core/cells';
import type { TabSpec } from '../core/schema';
import type { WorkbookSnapshot } from '../core/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * The spreadsheet zone's offset from UTC in ms, as only zoneOffsetMs makes it: a read that needs one
 * cannot be handed a bare 0 (a date at local midnight would arrive as the day before). A read whose
 * dates are never used says so with TEXT_ONLY.
 */
export type ZoneOffset = number & { readonly __zoneOffset: unique symbol };

/** For reads that use no date (who the admins are): an explicit zero, never a forgotten one. */
export const TEXT_ONLY = 0 as ZoneOffset;

/**
 * Zones whose offset from UTC does not change, in minutes: Thailand's has had no daylight saving since
 * 1920 (IANA tz database, zone Asia/Bangkok: +07:00), so a Thai tracker's offset needs no Utilities
 * call. Any other zone is asked of Utilities.formatDate.
 */
const FIXED_ZONES: Readonly<Record<string, number>> = { 'Asia/Bangkok': 7 * 60 };

/**
 * The spreadsheet zone's offset from UTC in ms (+07:00 for Asia/Bangkok): the zone's name (one call),
 * and for a zone not in FIXED_ZONES one Utilities call. One offset per batch is exact for zones
 * without daylight saving, such as Thailand's.
 */
export function zoneOffsetMs(ss: Spreadsheet): ZoneOffset {
  const zone = ss.getSpreadsheetTimeZone();
  const fixed = FIXED_ZONES[zone];
  if (fixed !== undefined) return (fixed * 60000) as ZoneOffset;
  const z = Utilities.formatDate(new Date(), zone, 'Z'); // "+0700"
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(z);
  if (!m) return TEXT_ONLY;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * 60000;
  return (m[1] === '-' ? -ms : ms) as ZoneOffset;
}

/** A value from getValues() as core sees it: Dates become wall clock as UTC. */
export const fromSheet = (v: unknown, offsetMs: number): Cell =>
  v instanceof Date ? new Date(v.getTime() + offsetMs) : v === undefined ? null : (v as Cell);

/**
 * Text Sheets might turn into something else when written: a number ("0812345678" loses its 0, "1e3",
 * "(100)", "50%", "฿1,200"), TRUE/FALSE, a time ("12:30") or a date ("31/3/2566", "5 March 2023"). The
 * reference names no grammar ("a string in any of the date, time or number formats that Google Sheets
 * understands", support.google.com/docs/answer/3094220), so safe by design: every string holding a digit,
 * TRUE/FALSE, or starting with '#' (an error literal such as #N/A) gets the apostrophe. Core hands
 * strings when it means text.
 */
const REINTERPRETED = /\d|^\s*(true|false)\s*$|^\s*#/i;

/**
 * A cell value as setValues() must get it: wall-clock Dates back to instants; text passes sheetSafe()
 * (formula-looking text) and keeps its exact characters (a leading apostrophe, which Sheets does not store).
 */
export const toSheet = (c: Cell | undefined, offsetMs: number): string | number | boolean | Date => {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return new Date(c.getTime() - offsetMs);
  if (typeof c === 'string') {
    const safe = sheetSafe(c) as string;
    return safe === c && REINTERPRETED.test(c) ? `'${c}` : safe;
  }
  return c;
};

/** Every tab's values, in tab order: per tab one getDataRange().getValues(). */
export function readWorkbook(ss: Spreadsheet): WorkbookSnapshot {
  const offset = zoneOffsetMs(ss);
  const tabs: Record<string, Cell[][]> = {};
  for (const sheet of ss.getSheets()) tabs[sheet.getName()] = readValues(sheet, offset);
  return { tabs };
}

/** The same from tabs the caller already listed by name, in that order (no getSheets, no getName). */
export function readSheets(sheets: ReadonlyMap<string, Sheet>, offsetMs: number): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {};
  for (const [name, sheet] of sheets) tabs[name] = readValues(sheet, offsetMs);
  return { tabs };
}

export interface ReadTab {
  values: Cell[][];
  /** the range read, kept to write the tab back with one setValues */
  range: Range | null;
  /** its size, so a write-back covers exactly the same cells */
  height: number;
  width: number;
}

/** extra columns read beyond the schema's, so a column a user inserted does not push one out of reach */
const READ_SLACK = 5;

/**
 * One known tab in two calls: getRange('<tab>'!A:<col>) + getValues() (getSheetByName + getDataRange +
 * getValues would be three). A tab narrower than that range, or missing, falls back to getSheetByName +
 * getDataRange (null when there is no such tab). Trailing blank rows are dropped; Dates shifted by offsetMs.
 */
export function readTab(ss: Spreadsheet, spec: TabSpec, offsetMs: ZoneOffset): ReadTab | null {
  let range: Range | null = null;
  try {
    range = ss.getRange(`${quoteTabName(spec.name)}!A:${columnLetter(spec.columns.length + READ_SLACK - 1)}`);
  } catch {
    const sheet = ss.getSheetByName(spec.name);
    if (!sheet) return null;
    range = sheet.getDataRange();
  }
  const raw = range.getValues();
  let last = raw.length;
  while (last > 1 && raw[last - 1].every((c) => c === '' || c === null)) last--;
  const values = raw.slice(0, last).map((row) => row.map((v) => fromSheet(v, offsetMs)));
  return { values, range, height: raw.length, width: raw[0]?.length ?? 0 };
}

/** Only the named tabs (absent tabs are left out), e.g. for onEdit, which needs one or two. */
export function readTabs(ss: Spreadsheet, names: readonly string[]): WorkbookSnapshot {
  const offset = zoneOffsetMs(ss);
  const tabs: Record<string, Cell[][]> = {};
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) tabs[name] = readValues(sheet, offset);
  }
  return { tabs };
}

/** One tab's values (row 1 = headers) in core's convention. */
export function readValues(sheet: Sheet, offsetMs: number): Cell[][] {
  return sheet
    .getDataRange()
    .getValues()
    .map((row) => row.map((v) => fromSheet(v, offsetMs)));
}

export interface WriteOptions {
  /** 1-based first column (default 1) */
  column?: number;
  /** columns to write (default: the widest row); shorter rows are padded with blanks */
  width?: number;
  /** blank the table's columns below the new rows down to the last row with content, in the same setValues */
  clearBelow?: boolean;
  /** the zone offset when the caller already has it (saves a Utilities call per tab) */
  offsetMs?: number;
}

export interface WriteResult {
  rowsWritten: number;
  rowsCleared: number;
}

/**
 * Writes rows starting at startRow (1-based) with ONE setValues, growing the sheet first when the
 * rows do not fit (getRange past the last row throws in Sheets).
 */
export function writeTable(
  sheet: Sheet,
  rows: readonly (readonly Cell[])[],
  startRow: number,
  options: WriteOptions = {},
): WriteResult {
  const column = options.column ?? 1;
  const width = options.width ?? rows.reduce((m, r) => Math.max(m, r.length), 0);
  const offset = options.offsetMs ?? zoneOffsetMs(sheet.getParent());
  let total = rows.length;
  let cleared = 0;
  if (options.clearBelow) {
    const last = sheet.getLastRow();
    const end = startRow + rows.length - 1;
    if (last > end) {
      cleared = last - end;
      total += cleared;
    }
  }
  if (total === 0 || width === 0) return { rowsWritten: 0, rowsCleared: 0 };
  ensureSize(sheet, startRow + total - 1, column + width - 1);
  const values: (string | number | boolean | Date)[][] = [];
  for (let i = 0; i < total; i++) {
    const src = i < rows.length ? rows[i] : [];
    const out: (string | number | boolean | Date)[] = new Array(width);
    for (let j = 0; j < width; j++) out[j] = toSheet(src[j], offset);
    values.push(out);
  }
  sheet.getRange(startRow, column, total, width).setValues(values);
  return { rowsWritten: rows.length, rowsCleared: cleared };
}

/** Replaces a tab's table from row 1 (headers included), blanking leftover rows in the same write. */
export function replaceTable(
  sheet: Sheet,
  rows: readonly (readonly Cell[])[],
  options: Omit<WriteOptions, 'clearBelow'> = {},
): WriteResult {
  return writeTable(sheet, rows, 1, { ...options, clearBelow: true });
}

/** Grows the sheet so (lastRow, lastColumn) exists: at most one insert per dimension. */
export function ensureSize(sheet: Sheet, lastRow: number, lastColumn: number): void {
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (lastColumn > maxCols) sheet.insertColumnsAfter(maxCols, lastColumn - maxCols);
}

/** The tab by name, created (at the end) when missing. */
export function ensureSheet(ss: Spreadsheet, name: string): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  return { sheet: ss.insertSheet(name, ss.getNumSheets()), created: true };
}
