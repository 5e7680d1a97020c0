// ทะเบียนรายงาน: one row per (fiscal year, round), found by header and rewritten in place with one
// setValues, so regenerating a round updates its row instead of adding another.
import { type Cell, sheetSafe } from '../core/cells';
import { APPROVAL_STATUS, DOC_KIND } from '../core/messages/plan';
import { REPORT } from '../core/messages/report';
import type { ReportRecord } from '../core/model';
import { REPORTS_TAB } from '../core/schema';
import { readTable } from '../core/workbook';
import { ensureSize, type ReadTab, toSheet } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---------------------------------------------------------------- the register

/** Warnings as one cell's text, cut well below Sheets' per-cell limit, saying how many were left out. */
export function warningsCell(warnings: readonly string[], maxChars = 10_000): string {
  const kept: string[] = [];
  let length = 0;
  for (const w of warnings) {
    if (length + w.length + 1 > maxChars) break;
    kept.push(w);
    length += w.length + 1;
  }
  return kept.length < warnings.length
    ? [...kept, REPORT.moreWarnings(warnings.length - kept.length)].join('\n')
    : kept.join('\n');
}

/** At most `max` items, then one saying how many more. */
export const firstOf = (items: readonly string[], max: number): string[] =>
  items.length > max ? [...items.slice(0, max), REPORT.moreWarnings(items.length - max)] : items.slice();

/** The register row for (fiscal year, round) written into the values read, appended when absent. */
function registerValues(register: ReadTab, record: ReportRecord, offsetMs: number): Cell[][] {
  const table = readTable({ tabs: { [REPORTS_TAB.name]: register.values } }, REPORTS_TAB);
  const values = register.values.map((r) => r.slice());
  const existing = table.rows.find(
    (r) => Number(r.cells.fiscalYear) === record.fiscalYear && Number(r.cells.round) === record.round,
  );
  const rowIndex = existing ? existing.row - 1 : values.length;
  const width = Math.max(values[0]?.length ?? 0, REPORTS_TAB.columns.length);
  while (values.length <= rowIndex) values.push(new Array(width).fill(''));
  const row = values[rowIndex];
  const cells: Record<string, Cell> = {
    fiscalYear: record.fiscalYear,
    round: record.round,
    docId: record.docId,
    docUrl: record.docUrl,
    publishedUrl: record.publishedUrl,
    pdfUrl: record.pdfUrl,
    generatedAt: new Date(Date.now() + offsetMs), // now on the sheet's wall clock (core's convention)
    generatedBy: record.generatedBy,
    warnings: record.warnings,
    docKind: DOC_KIND.report,
    approvalStatus: APPROVAL_STATUS[record.status || 'published'],
  };
  for (const c of REPORTS_TAB.columns) {
    const ci = table.columnIndex[c.key];
    if (ci >= 0) row[ci] = sheetSafe(cells[c.key] ?? '');
  }
  return values;
}

/** The grid as setValues takes it: Dates back from the wall clock to instants (read and written with one offset). */
const rectangular = (values: Cell[][], height: number, width: number, offsetMs: number): unknown[][] =>
  Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => toSheet(values[r]?.[c] ?? '', offsetMs)),
  );

export function writeRegister(
  ss: Spreadsheet,
  register: ReadTab | null,
  record: ReportRecord,
  offsetMs: number,
): Cell[][] {
  if (register?.range) {
    const values = registerValues(register, record, offsetMs);
    if (values.length <= register.height) {
      // the very range that was read, in one setValues: the rows below the table stay blank
      register.range.setValues(rectangular(values, register.height, register.width, offsetMs));
      return values;
    }
    // the sheet is full to its last row: grow it first
    const sheet = register.range.getSheet();
    ensureSize(sheet, values.length, register.width);
    sheet
      .getRange(1, 1, values.length, register.width)
      .setValues(rectangular(values, values.length, register.width, offsetMs));
    return values;
  }
  // no register tab yet: create it with its header row
  const sheet = ss.insertSheet(REPORTS_TAB.name);
  const values = registerValues(
    { values: [REPORTS_TAB.columns.map((c) => c.header)], range: null, height: 1, width: REPORTS_TAB.columns.length },
    record,
    offsetMs,
  );
  sheet
    .getRange(1, 1, values.length, REPORTS_TAB.columns.length)
    .setValues(rectangular(values, values.length, REPORTS_TAB.columns.length, offsetMs));
  return values;
}
