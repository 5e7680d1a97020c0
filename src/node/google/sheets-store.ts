// A tracker read from a live Google Sheet into the same WorkbookSnapshot the .xlsx store gives.
// Two requests: spreadsheets.get (only the title and the tabs' names, via a fields mask) and ONE
// spreadsheets.values.batchGet for every tab at once. (One request is possible —
// spreadsheets.get with includeGridData and a fields mask — but it wraps every cell in a CellData
// object, several times the payload for the same values, so the names-first pair is cheaper.)
// Values come UNFORMATTED with dates as serial numbers; the schema says which columns hold dates.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets';
import { type Cell, parseA1, quoteTabName } from '../../core/cells';
import { GOOGLE } from '../../core/messages/google';
import {
  ARCHIVE_TAB,
  type ColumnSpec,
  DASHBOARD_TAB,
  EMAIL_LOG_TAB,
  REQUIRED_TABS,
  SETTINGS,
  SETTINGS_TAB,
} from '../../core/schema';
import { columnsByHeader, type WorkbookSnapshot } from '../../core/workbook';
import type { SheetsConnection } from './auth';
import { GoogleError, toGoogleError } from './errors';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry';

// ---------------------------------------------------------------- the sheet's id

const ID = /^[A-Za-z0-9_-]{10,}$/;

/** A spreadsheet id from an id or any docs.google.com/spreadsheets/d/<id>/… URL. */
export function parseSpreadsheetRef(input: string): string {
  const t = input.trim();
  const fromUrl = /^https?:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]+)/.exec(t);
  const id = fromUrl ? fromUrl[1] : t;
  if (!ID.test(id) || (fromUrl === null && /[/:]/.test(t))) throw new GoogleError('badRef', GOOGLE.badSheetRef(input));
  return id;
}

// ---------------------------------------------------------------- values → cells

const DAY_MS = 86_400_000;
/** Sheets' serial 0: 30 December 1899 (so 1900 is not a leap year, as the API reference says). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date-time serial as a "wall clock as UTC" Date, rounded to the second (serials are floats). */
export function serialToWallDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.round((serial * DAY_MS) / 1000) * 1000);
}

const isDateType = (c: ColumnSpec | undefined) => c?.type === 'date' || c?.type === 'datetime';
const DATE_SETTING_KEYS = new Set(SETTINGS.filter((s) => s.type === 'date').map((s) => s.key as string));

/**
 * One tab's ValueRange as the snapshot's Cell[][]: rectangular from A1 (the API drops trailing blank
 * cells and rows), blank → null, date columns' serials → Dates.
 */
export function cellsOfValueRange(tabName: string, range: sheets_v4.Schema$ValueRange | undefined): Cell[][] {
  const block = parseA1(range?.range ?? '');
  const start = { row: block ? block.row - 1 : 0, col: block ? block.column - 1 : 0 };
  const raw = (range?.values ?? []) as unknown[][];
  const rows: Cell[][] = [];
  for (let r = 0; r < start.row; r++) rows.push([]);
  for (const row of raw) {
    const cells: Cell[] = new Array(start.col).fill(null);
    for (const v of row ?? [])
      cells.push(v === '' || v === undefined || v === null ? null : typeof v === 'object' ? String(v) : (v as Cell));
    rows.push(cells);
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  for (const r of rows) while (r.length < width) r.push(null);
  if (rows.length === 0) return rows;
  const specs = columnsByHeader(tabName, rows[0]);
  const dateCols = specs.flatMap((c, i) => (isDateType(c) ? [i] : []));
  const keyCol = specs.findIndex((c) => c?.key === 'settingKey');
  const valueCol = specs.findIndex((c) => c?.key === 'settingValue');
  for (let r = 1; r < rows.length; r++) {
    for (const i of dateCols) if (typeof rows[r][i] === 'number') rows[r][i] = serialToWallDate(rows[r][i] as number);
    // settings are key/value: a date setting's value is a date cell in an otherwise text column
    if (
      tabName === SETTINGS_TAB.name &&
      keyCol >= 0 &&
      valueCol >= 0 &&
      typeof rows[r][valueCol] === 'number' &&
      DATE_SETTING_KEYS.has(String(rows[r][keyCol] ?? '').trim())
    )
      rows[r][valueCol] = serialToWallDate(rows[r][valueCol] as number);
  }
  return rows;
}

// ---------------------------------------------------------------- reading a tracker

/** 'all' for backup/validate/report/remind; 'summary' leaves out the tabs only history needs (e-mail log, archive, dashboard). */
export type TabSelection = 'all' | 'summary';
const NOT_FOR_SUMMARY = new Set([EMAIL_LOG_TAB.name, ARCHIVE_TAB.name, DASHBOARD_TAB.name]);

export interface ReadOptions {
  tabs?: TabSelection;
  /** per HTTP request */
  timeoutMs?: number;
  retry?: RetryPolicy;
}

export interface LiveTracker {
  spreadsheetId: string;
  title: string;
  snapshot: WorkbookSnapshot;
  /** requests this read made, retries included */
  attempts: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

export async function readTrackerFromSheet(
  conn: SheetsConnection,
  ref: string,
  options: ReadOptions = {},
): Promise<LiveTracker> {
  const spreadsheetId = parseSpreadsheetRef(ref);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = options.retry ?? DEFAULT_RETRY;
  // gaxios' own retry is off: ours adds jitter and honours Retry-After
  const requestOptions = { timeout: timeoutMs, retry: false };
  let attempts = 0;
  const call = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      const out = await withRetry(fn, policy, () => void 0);
      attempts += out.attempts;
      return out.value;
    } catch (e) {
      const tried = (e as { attempts?: number }).attempts ?? 1;
      attempts += tried;
      throw toGoogleError(e, { sheet: ref, account: conn.account, timeoutMs, attempts: tried });
    }
  };

  const meta = await call(() =>
    conn.sheets.spreadsheets.get(
      { spreadsheetId, fields: 'properties.title,sheets.properties(title,sheetType)' },
      requestOptions,
    ),
  );
  const title = meta.data.properties?.title ?? spreadsheetId;
  const tabNames = (meta.data.sheets ?? [])
    .filter((s) => (s.properties?.sheetType ?? 'GRID') === 'GRID')
    .map((s) => s.properties?.title ?? '')
    .filter((t) => t !== '');
  const missing = REQUIRED_TABS.map((t) => t.name).filter((n) => !tabNames.includes(n));
  if (missing.length) throw new GoogleError('notTracker', GOOGLE.notTracker(title, missing));
  const wanted = options.tabs === 'summary' ? tabNames.filter((t) => !NOT_FOR_SUMMARY.has(t)) : tabNames;

  const values = await call(() =>
    conn.sheets.spreadsheets.values.batchGet(
      {
        spreadsheetId,
        ranges: wanted.map(quoteTabName),
        majorDimension: 'ROWS',
        valueRenderOption: 'UNFORMATTED_VALUE',
        dateTimeRenderOption: 'SERIAL_NUMBER',
      },
      requestOptions,
    ),
  );
  const ranges = values.data.valueRanges ?? [];
  const tabs: Record<string, Cell[][]> = {};
  // the API returns value ranges in the order they were asked for
  wanted.forEach((name, i) => {
    tabs[name] = cellsOfValueRange(name, ranges[i]);
  });
  return { spreadsheetId, title, snapshot: { tabs }, attempts };
}
