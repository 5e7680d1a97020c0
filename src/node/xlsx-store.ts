// The .xlsx workbook as the Node runtime's store (exceljs): read every tab into a WorkbookSnapshot,
// write a snapshot back with the schema's headers, widths, dropdowns and date formats. Writes are atomic.
// Commands that change an existing workbook (sync, remind) load it and change only the cells they own
// (syncWorkbook applies sync's structural plan; patchWorkbookFile writes the cells that differ), so
// every other cell, style, formula, hyperlink, hidden row and hidden tab stays as it was.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Cell } from '../core/cells';
import type { ColumnInsert } from '../core/column-migrations';
import { allowedValues, displayFormat } from '../core/formats';
import { CLI } from '../core/messages/cli';
import { ARCHIVE_TAB, type ColumnSpec, EXCEL_TAB_NAME_MAX, fitsExcelTabName, headersOf } from '../core/schema';
import type { SyncPlan } from '../core/sync';
import { columnsByHeader, type WorkbookSnapshot } from '../core/workbook';
import { writeFileAtomic } from './atomic';
import { FileError } from './command';
import { addRangeValidation, shiftValidationsRight } from './exceljs-validations';
import { withWorkbookLock } from './lock';
import { checkIsTracker, checkWorkbookBytes } from './workbook-file';
import { checkInflatedSize } from './zip-limits';

function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return toCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    // a link's target is the value (the evidence is the URL, not the words shown for it)
    if ('hyperlink' in v) {
      const link = v as ExcelJS.CellHyperlinkValue;
      return link.hyperlink || toCell(link.text as ExcelJS.CellValue);
    }
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

/** A file's bytes as a workbook: refused (FileError) when they cannot be one, before exceljs reads them. */
async function parseWorkbookBytes(bytes: Uint8Array, path: string): Promise<ExcelJS.Workbook> {
  checkWorkbookBytes(bytes, path);
  // an archive bomb is refused by its sizes before exceljs (jszip) inflates a byte of it
  await checkInflatedSize(bytes, path);
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs types load()'s argument as an ArrayBuffer (its index.d.ts: `interface Buffer extends
    // ArrayBuffer`) and hands it to JSZip.loadAsync, which takes one: the file's bytes, copied into one
    await wb.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new FileError(CLI.notXlsx(path));
  }
  return wb;
}

function readBytes(path: string): Buffer {
  if (!existsSync(path)) throw new FileError(CLI.fileNotFound(path));
  return readFileSync(path);
}

/** What tells one version of a file from another: its bytes' SHA-256 (a same-size edit within mtime's grain too). */
const digestOf = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Every tab's values. Read by the cells that hold something, not by the formatted extent: a styled
 * cell at XFD1 or 10,000 formatted empty rows cost nothing. Rows are as long as their last value.
 */
export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {};
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = toCell(cell.value);
        if (v !== null && v !== '') values[c - 1] = v;
      });
      if (values.length) rows[r - 1] = Array.from(values, (v) => v ?? null);
    });
    tabs[ws.name] = Array.from(rows, (r) => r ?? []);
  });
  return { tabs };
}

/** A tracker's workbook file: refused (FileError) when it is not an .xlsx or not a tracker. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  return (await readWorkbookToEdit(path)).snapshot;
}

/**
 * A workbook as one command read it, kept for that command's one edit of the file (editWorkbookFile's
 * `kept`): the parsed workbook and its bytes' digest. The edit uses it only when the file under the
 * lock still holds those bytes, so a 5,000-measure report records its register row without parsing
 * the workbook a second time (~0.5–1.8 s and the run's memory peak).
 */
export class KeptWorkbook {
  #wb: ExcelJS.Workbook | null;
  constructor(
    readonly path: string,
    wb: ExcelJS.Workbook,
    readonly digest: string,
  ) {
    this.#wb = wb;
  }
  /** The parsed workbook when `bytes` are the ones it was parsed from; once only (an edit changes it). */
  take(path: string, bytes: Uint8Array): ExcelJS.Workbook | null {
    const wb = this.#wb;
    this.#wb = null;
    return wb && resolve(path) === resolve(this.path) && digestOf(bytes) === this.digest ? wb : null;
  }
}

/** A tracker's workbook file (refused as readWorkbookFile refuses), and the parsed workbook kept for an edit. */
export async function readWorkbookToEdit(path: string): Promise<{ snapshot: WorkbookSnapshot; kept: KeptWorkbook }> {
  const bytes = readBytes(path);
  const wb = await parseWorkbookBytes(bytes, path);
  const snapshot = snapshotOf(wb);
  checkIsTracker(snapshot, path);
  return { snapshot, kept: new KeptWorkbook(path, wb, digestOf(bytes)) };
}

const quoteList = (values: readonly string[]) => [`"${values.join(',')}"`];

function validationFor(col: ColumnSpec): ExcelJS.DataValidation | null {
  const allowed = allowedValues(col.type);
  if (allowed) return { type: 'list', allowBlank: true, formulae: quoteList(allowed) };
  switch (col.type) {
    case 'date':
      return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))] };
    default:
      return null;
  }
}

/** A tab made by the tracker: values as given, formatting from the schema. */
function addTab(wb: ExcelJS.Workbook, name: string, rows: readonly (readonly Cell[])[]): ExcelJS.Worksheet {
  // exceljs would silently cut a long name, and the tracker would no longer find its tab
  if (!fitsExcelTabName(name)) throw new FileError(CLI.badTabName(name, EXCEL_TAB_NAME_MAX));
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = (rows[0] ?? []).map((h) => (h === null ? '' : String(h)));
  const cols = columnsByHeader(name, header);
  ws.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: Math.round((cols[i]?.width ?? 140) / 7) }));
  ws.getRow(1).font = { bold: true };
  for (let r = 1; r < rows.length; r++) ws.addRow(rows[r].map((v) => (v === null ? null : v)));
  const lastRow = Math.max(rows.length, 2) + 500;
  cols.forEach((col, i) => {
    if (!col) return;
    const column = ws.getColumn(i + 1);
    const format = displayFormat(col.type);
    if (format) column.numFmt = format;
    if (col.type === 'multiline') column.alignment = { wrapText: true, vertical: 'top' };
    const rule = validationFor(col);
    const letter = column.letter;
    // one range per column (exceljs' per-cell API writes overlapping ranges; see DESIGN §9)
    if (rule) addRangeValidation(ws, `${letter}2:${letter}${lastRow}`, rule);
  });
  return ws;
}

/** Builds an exceljs workbook from a snapshot: values as given, formatting from the schema. */
export function workbookOf(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-tracker';
  for (const [name, rows] of Object.entries(snapshot.tabs)) addTab(wb, name, rows);
  return wb;
}

const cellValue = (v: Cell | undefined): ExcelJS.CellValue => (v === null || v === undefined ? null : v);

/** Two cells as core reads them. */
const sameValue = (a: Cell | undefined, b: Cell | undefined): boolean =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : (a ?? null) === (b ?? null) ||
      ((a === null || a === '' || a === undefined) && (b === null || b === '' || b === undefined));

/**
 * ws.spliceRows, with each row's hidden flag moving with the row: exceljs moves cells, styles and
 * heights but leaves `hidden` where it was (a hidden row would unhide, and its neighbour hide).
 */
function spliceRows(ws: ExcelJS.Worksheet, start: number, count: number, ...inserts: ExcelJS.CellValue[][]): void {
  const hidden: number[] = [];
  for (let r = start; r <= ws.rowCount; r++) if (ws.getRow(r).hidden) hidden.push(r);
  for (const r of hidden) ws.getRow(r).hidden = false;
  ws.spliceRows(start, count, ...inserts);
  for (const r of hidden) if (r >= start + count) ws.getRow(r - count + inserts.length).hidden = true;
}

/** Rows `row`..`row+count-1` as they are (values, formulas, links, styles), to put back elsewhere. */
function takeRows(ws: ExcelJS.Worksheet, row: number, count: number) {
  const out: Array<{
    values: ExcelJS.CellValue[];
    styles: Partial<ExcelJS.Style>[];
    height?: number;
    hidden: boolean;
  }> = [];
  for (let r = row; r < row + count; r++) {
    const source = ws.getRow(r);
    const values: ExcelJS.CellValue[] = [];
    const styles: Partial<ExcelJS.Style>[] = [];
    source.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = cell.value;
      styles[c - 1] = { ...cell.style };
    });
    out.push({ values, styles, height: source.height, hidden: source.hidden });
  }
  spliceRows(ws, row, count);
  return out;
}

function putRows(ws: ExcelJS.Worksheet, at: number, rows: ReturnType<typeof takeRows>): void {
  spliceRows(ws, at, 0, ...rows.map(() => []));
  rows.forEach((saved, i) => {
    const target = ws.getRow(at + i);
    saved.values.forEach((v, c) => {
      if (v === undefined) return;
      const cell = target.getCell(c + 1);
      cell.value = v;
      if (saved.styles[c]) cell.style = saved.styles[c];
    });
    if (saved.height) target.height = saved.height;
    target.hidden = saved.hidden;
  });
}

/**
 * Sync's plan applied to a loaded workbook: the archive appended, each division tab changed by its
 * structural steps (rows deleted, moved with their cells and styles, inserted; sync-owned cells set),
 * a renamed division's tab renamed, new tabs made with the schema's layout, orphan tabs removed.
 * Nothing else is touched. `snapshot` is what the plan was made from (snapshotOf(wb)).
 */
export function syncWorkbook(wb: ExcelJS.Workbook, snapshot: WorkbookSnapshot, plan: SyncPlan): void {
  if (plan.archive.length) {
    const existing = snapshot.tabs[ARCHIVE_TAB.name];
    const ws = wb.getWorksheet(ARCHIVE_TAB.name);
    if (!ws || !existing) addTab(wb, ARCHIVE_TAB.name, [headersOf(ARCHIVE_TAB), ...plan.archive]);
    else
      plan.archive.forEach((row, i) => {
        const target = ws.getRow(Math.max(existing.length, 1) + 1 + i);
        row.forEach((v, c) => {
          target.getCell(c + 1).value = cellValue(v);
        });
      });
  }
  for (const tab of plan.tabs) {
    if (tab.created && !tab.renamedFrom) {
      if (!wb.getWorksheet(tab.tabName)) addTab(wb, tab.tabName, tab.values);
      continue;
    }
    const ws = wb.getWorksheet(tab.renamedFrom ?? tab.tabName);
    if (!ws) continue;
    if (tab.renamedFrom) {
      if (!fitsExcelTabName(tab.tabName)) throw new FileError(CLI.badTabName(tab.tabName, EXCEL_TAB_NAME_MAX));
      ws.name = tab.tabName;
    }
    for (const step of tab.steps) {
      if (step.op === 'delete') spliceRows(ws, step.row, step.count);
      else if (step.op === 'move') {
        const rows = takeRows(ws, step.row, step.count);
        putRows(ws, step.to > step.row ? step.to - step.count : step.to, rows);
      } else if (step.op === 'insert') spliceRows(ws, step.after + 1, 0, ...step.rows.map((r) => r.map(cellValue)));
      else if (step.op === 'update')
        step.values.forEach((block, i) => {
          block.forEach((v, j) => {
            ws.getCell(step.row + i, step.column + j).value = cellValue(v);
          });
        });
      else
        step.headers.forEach((h, j) => {
          ws.getCell(1, step.column + j).value = h;
        });
    }
  }
  const carried = new Set(plan.tabs.map((t) => t.renamedFrom));
  for (const name of plan.orphanTabs) {
    const ws = wb.getWorksheet(name);
    if (ws && !carried.has(name)) wb.removeWorksheet(ws.id);
  }
}

/**
 * Columns inserted as Sheets inserts them: every cell from the column on moves one right with its style
 * and its validation rule (spliceColumns, shiftValidationsRight), and the new column gets its header.
 * No cell already there is rewritten.
 */
function insertColumns(wb: ExcelJS.Workbook, inserts: readonly ColumnInsert[]): void {
  for (const ins of inserts) {
    const ws = wb.getWorksheet(ins.tab);
    if (!ws) continue;
    ws.spliceColumns(ins.at + 1, 0, []);
    shiftValidationsRight(ws, ins.at);
    ws.getCell(1, ins.at + 1).value = ins.header;
  }
}

const sameRow = (a: readonly Cell[] | undefined, b: readonly Cell[] | undefined): boolean => {
  const n = Math.max(a?.length ?? 0, b?.length ?? 0);
  for (let c = 0; c < n; c++) if (!sameValue(a?.[c], b?.[c])) return false;
  return true;
};

/**
 * One tab patched from `before` (what the sheet holds) to `after`: rows equal at the start and at the
 * end are not touched; in between, the cells that differ are written, and rows that are no longer
 * there are deleted (or new ones inserted) as rows, so the rows below keep their formulas, links,
 * fills and hidden flags. Appending log rows, removing a round's snapshot rows, clearing a division's
 * cells and changing a setting each touch only those cells.
 */
function patchTab(ws: ExcelJS.Worksheet, before: readonly (readonly Cell[])[], after: readonly (readonly Cell[])[]) {
  let head = 0;
  while (head < before.length && head < after.length && sameRow(before[head], after[head])) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    sameRow(before[before.length - 1 - tail], after[after.length - 1 - tail])
  )
    tail++;
  const oldCount = before.length - head - tail;
  const newCount = after.length - head - tail;
  const common = Math.min(oldCount, newCount);
  for (let r = head; r < head + common; r++)
    for (let c = 0; c < Math.max(after[r]?.length ?? 0, before[r]?.length ?? 0); c++)
      if (!sameValue(after[r]?.[c], before[r]?.[c])) ws.getCell(r + 1, c + 1).value = cellValue(after[r]?.[c]);
  const at = head + common + 1;
  // rows beyond the last that holds a value are empty in the snapshot: nothing to move
  if (oldCount > newCount && tail > 0) spliceRows(ws, at, oldCount - newCount);
  else if (oldCount > newCount)
    for (let r = head + common; r < before.length; r++)
      for (let c = 0; c < (before[r]?.length ?? 0); c++) ws.getCell(r + 1, c + 1).value = null;
  else if (newCount > oldCount) {
    const rows = after.slice(head + common, head + newCount).map((row) => Array.from(row, cellValue));
    if (tail > 0) spliceRows(ws, at, 0, ...rows);
    else
      rows.forEach((row, i) => {
        row.forEach((v, c) => {
          if (v !== null) ws.getCell(at + i, c + 1).value = v;
        });
      });
  }
}

/** What a writing command does to the workbook it opened under its lock (see editWorkbookFile). */
export interface WorkbookEdit {
  /** the workbook's values as read under the lock: decide from these */
  readonly snapshot: WorkbookSnapshot;
  /** writes `after`'s values where they differ from the workbook's (tabs not in `after` are left alone) */
  patch(after: WorkbookSnapshot): void;
  /** sync's structural plan, made from `snapshot` (rows moved with their cells; see syncWorkbook) */
  sync(plan: SyncPlan): void;
  /** the schema's columns a fixed tab lacks, inserted (src/core/column-migrations.ts; see insertColumns) */
  insertColumns(inserts: readonly ColumnInsert[]): void;
  /** writes what was patched so far now (remind records each batch it sent); the end writes the rest */
  save(): Promise<void>;
}

/**
 * The one way a command changes an existing workbook: under the workbook's lock (src/node/lock.ts),
 * the file is read afresh, `edit` decides from what it holds and patches only what it owns, and the
 * file is written (atomically) only when something was patched. Every other cell, its style, formula
 * and link, every hidden row and tab stays as it was. `kept`: the workbook as this command read it
 * before (readWorkbookToEdit), used instead of parsing the file again when its bytes have not changed
 * since; changed by anyone, the file is parsed as it is now (never written from an earlier read).
 */
export async function editWorkbookFile<T>(
  path: string,
  command: string,
  edit: (workbook: WorkbookEdit) => Promise<T> | T,
  kept?: KeptWorkbook,
): Promise<T> {
  return withWorkbookLock(path, command, async () => {
    const bytes = readBytes(path);
    const wb = kept?.take(path, bytes) ?? (await parseWorkbookBytes(bytes, path));
    const snapshot = snapshotOf(wb);
    checkIsTracker(snapshot, path);
    let current: WorkbookSnapshot | null = snapshot;
    let changed = false;
    const result = await edit({
      snapshot,
      patch(after) {
        const before = current ?? snapshotOf(wb);
        for (const [name, rows] of Object.entries(after.tabs)) {
          if (rows === before.tabs[name]) continue;
          const ws = wb.getWorksheet(name);
          if (!ws) addTab(wb, name, rows);
          else patchTab(ws, before.tabs[name] ?? [], rows);
          changed = true;
        }
        // the workbook now holds after's values for those tabs
        current = { tabs: { ...before.tabs, ...after.tabs } };
      },
      sync(plan) {
        syncWorkbook(wb, current ?? snapshotOf(wb), plan);
        current = null;
        changed = true;
      },
      insertColumns(inserts) {
        if (!inserts.length) return;
        insertColumns(wb, inserts);
        current = null;
        changed = true;
      },
      async save() {
        if (changed) await writeLoadedWorkbook(path, wb);
        changed = false;
      },
    });
    if (changed) await writeLoadedWorkbook(path, wb);
    return result;
  });
}

/** A new workbook (init, import into a file not there yet), written whole under the workbook's lock. */
export async function createWorkbookFile(path: string, command: string, snapshot: WorkbookSnapshot): Promise<void> {
  await withWorkbookLock(path, command, () => writeWorkbookFile(path, snapshot));
}

/** Control characters XML cannot hold: Excel writes them as _xHHHH_ (a line break in a cell is _x000B_). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to find
const XML_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const escapeControls = (t: string) =>
  t.replace(
    new RegExp(XML_CONTROL.source, 'g'),
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );

/**
 * exceljs reads _x000B_ as the character but drops the character when it writes: every such text is
 * given back in Excel's own escape, so a line break typed in Excel survives any command.
 */
function keepControlCharacters(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string' && XML_CONTROL.test(v)) cell.value = escapeControls(v);
        else if (v && typeof v === 'object' && 'richText' in v && v.richText.some((r) => XML_CONTROL.test(r.text)))
          cell.value = { richText: v.richText.map((r) => ({ ...r, text: escapeControls(r.text) })) };
      });
    });
  });
}

/** A loaded workbook written back (atomically) as it is. */
export async function writeLoadedWorkbook(path: string, wb: ExcelJS.Workbook): Promise<void> {
  keepControlCharacters(wb);
  const buffer = await wb.xlsx.writeBuffer();
  writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}

export async function writeWorkbookFile(path: string, snapshot: WorkbookSnapshot): Promise<void> {
  await writeLoadedWorkbook(path, workbookOf(snapshot));
}
