// Reading many trackers for the roll-up: a fixed number of workers pull the next sheet from the list,
// each tracker is read (summary tabs only), parsed, summarised and dropped, so memory holds the
// summary rows and at most `concurrency` workbooks at a time. One sheet's failure is its row's error.

import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { sheetSafe } from '../../core/cells';
import { CLI } from '../../core/messages/cli';
import { ROLLUP } from '../../core/messages/rollup';
import { ROLLUP_COLUMNS, type RollupCell, type RollupEntry, rollupTotals, summariseTracker } from '../../core/rollup';
import { formatThaiDate } from '../../core/thai';
import { parseWorkbook } from '../../core/workbook';
import { writeFileAtomic } from '../atomic';
import { FileError } from '../command';
import type { SheetsConnection } from './auth';
import { GoogleError } from './errors';
import { type ReadOptions, readTrackerFromSheet } from './sheets-store';

/** Sheet references from a list file: one id or URL a line; blank lines and # comments skipped. */
export function readSheetList(path: string): { line: number; ref: string }[] {
  if (!existsSync(path)) throw new FileError(ROLLUP.listNotFound(path));
  const out: { line: number; ref: string }[] = [];
  readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const t = raw.replace(/\s#.*$/, '').trim();
      if (t === '' || t.startsWith('#')) return;
      out.push({ line: i + 1, ref: t });
    });
  if (out.length === 0) throw new FileError(ROLLUP.listEmpty(path));
  return out;
}

export const sheetUrl = (id: string): string => `https://docs.google.com/spreadsheets/d/${id}/edit`;

export interface RollupOptions extends ReadOptions {
  concurrency: number;
  /** ISO date overdue items are counted against */
  today: string;
  /** after each sheet, in completion order */
  onEntry?: (entry: RollupEntry) => void;
}

/** Reads and summarises every sheet; entries come back in list order whatever the completion order. */
export async function rollupSheets(
  conn: SheetsConnection,
  refs: readonly string[],
  options: RollupOptions,
): Promise<RollupEntry[]> {
  const entries: RollupEntry[] = new Array(refs.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < refs.length; i = next++) {
      const ref = refs[i];
      let entry: RollupEntry;
      try {
        const live = await readTrackerFromSheet(conn, ref, { ...options, tabs: 'summary' });
        const summary = summariseTracker(parseWorkbook(live.snapshot).tracker, options.today);
        entry = { no: i + 1, sheet: ref, url: sheetUrl(live.spreadsheetId), title: live.title, summary };
      } catch (e) {
        // anything else is unexpected, but still this sheet's problem only
        entry = {
          no: i + 1,
          sheet: ref,
          error: e instanceof GoogleError ? e.message : CLI.unexpected(e instanceof Error ? e.message : String(e)),
        };
      }
      entries[i] = entry;
      options.onEntry?.(entry);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, refs.length)) }, worker));
  return entries;
}

const excelValue = (c: RollupCell): ExcelJS.CellValue => {
  if (c.value === null) return null;
  if (typeof c.value === 'number') return c.value;
  const text = sheetSafe(c.value) as string;
  return c.link ? { text, hyperlink: c.link } : text;
};

/** The summary workbook: title, date, one header row, a row per sheet in list order, totals. */
export async function writeRollupWorkbook(path: string, entries: readonly RollupEntry[], today: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-tracker';
  const ws = wb.addWorksheet(ROLLUP.sheetName, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  ws.addRow([ROLLUP.title]).font = { bold: true, size: 14 };
  ws.addRow([ROLLUP.asOf(formatThaiDate(today, 'thai'))]);
  const header = ws.addRow(ROLLUP_COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  for (const e of entries) ws.addRow(ROLLUP_COLUMNS.map((c) => excelValue(c.cell(e))));
  ws.addRow(rollupTotals(entries).map(excelValue)).font = { bold: true };
  ROLLUP_COLUMNS.forEach((c, i) => {
    ws.getColumn(i + 1).width = i === 1 || c.header === ROLLUP.header.error ? 40 : i === 0 ? 7 : 14;
  });
  const buffer = await wb.xlsx.writeBuffer();
  writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}
