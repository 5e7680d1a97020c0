// The .xlsx workbook as the Node runtime's store (exceljs): read every tab into a WorkbookSnapshot,
// write a snapshot back with the schema's headers, widths, dropdowns and date formats. Writes are atomic.

import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Cell } from '../core/cells';
import { allowedValues, displayFormat } from '../core/formats';
import { CLI } from '../core/messages';
import { type ColumnSpec, EXCEL_TAB_NAME_MAX, fitsExcelTabName } from '../core/schema';
import { columnsByHeader, type WorkbookSnapshot } from '../core/workbook';
import { writeFileAtomic } from './atomic';
import { FileError } from './command';
import { checkIsTracker, checkWorkbookBytes } from './workbook-file';

function toCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v)
      return toCell((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in v) return (v as ExcelJS.CellHyperlinkValue).text || (v as ExcelJS.CellHyperlinkValue).hyperlink;
    if ('error' in v) return String((v as ExcelJS.CellErrorValue).error);
  }
  return String(v);
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  if (!existsSync(path)) throw new FileError(CLI.fileNotFound(path));
  const bytes = readFileSync(path);
  checkWorkbookBytes(bytes, path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new FileError(CLI.notXlsx(path));
  }
  return wb;
}

export function snapshotOf(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {};
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values: Cell[] = [];
      for (let c = 1; c <= width; c++) values.push(toCell(row.getCell(c).value));
      rows.push(values);
    }
    tabs[ws.name] = rows;
  });
  return { tabs };
}

/** A tracker's workbook file: refused (FileError) when it is not an .xlsx or not a tracker. */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const snapshot = snapshotOf(await loadWorkbook(path));
  checkIsTracker(snapshot, path);
  return snapshot;
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

/** Builds an exceljs workbook from a snapshot: values as given, formatting from the schema. */
export function workbookOf(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ita-tracker';
  for (const [name, rows] of Object.entries(snapshot.tabs)) {
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
      if (rule)
        (
          ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
        ).dataValidations.add(`${letter}2:${letter}${lastRow}`, rule);
    });
  }
  return wb;
}

export async function writeWorkbookFile(path: string, snapshot: WorkbookSnapshot): Promise<void> {
  const buffer = await workbookOf(snapshot).xlsx.writeBuffer();
  writeFileAtomic(path, new Uint8Array(buffer as ArrayBuffer));
}
