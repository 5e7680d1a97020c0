// One row of ทะเบียนรายงาน written with one setValues: the row a matcher finds among the values read
// (else a new row), its cells set by schema key. A register older than the approval columns gets their
// headers appended after its own (its existing columns stay where they are). Dates are core's wall
// clock, written back to instants with the offset they were read with; text stays text (toSheet).
import type { Cell } from '../core/cells';
import { REPORTS_TAB } from '../core/schema';
import { readTable } from '../core/workbook';
import { ensureSize, type ReadTab, toSheet, type ZoneOffset } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function upsertRegisterRow(
  ss: Spreadsheet,
  register: ReadTab | null,
  match: (cells: Readonly<Record<string, Cell>>) => boolean,
  cells: Readonly<Record<string, Cell>>,
  offsetMs: ZoneOffset,
): Cell[][] {
  const values: Cell[][] = register?.values.length
    ? register.values.map((r) => r.slice())
    : [REPORTS_TAB.columns.map((c) => c.header)];
  const table = readTable({ tabs: { [REPORTS_TAB.name]: values } }, REPORTS_TAB);
  const header = values[0];
  while (header.length && (header[header.length - 1] === '' || header[header.length - 1] === null)) header.pop();
  const index: Record<string, number> = { ...table.columnIndex };
  for (const c of REPORTS_TAB.columns)
    if (index[c.key] < 0 && c.key in cells) {
      index[c.key] = header.length;
      header.push(c.header);
    }
  const existing = table.rows.find((r) => match(r.cells));
  const rowIndex = existing ? existing.row - 1 : values.length;
  const width = Math.max(register?.width ?? 0, header.length, ...values.map((r) => r.length));
  while (values.length <= rowIndex) values.push([]);
  for (const [key, value] of Object.entries(cells)) {
    const ci = index[key];
    if (ci !== undefined && ci >= 0) values[rowIndex][ci] = value ?? '';
  }
  const height = Math.max(values.length, register?.range ? register.height : 0);
  const rect = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => toSheet(values[r]?.[c] ?? '', offsetMs)),
  );
  if (register?.range && height <= register.height && width <= register.width) {
    // the very range that was read, in one setValues: the rows below the table stay blank
    register.range.setValues(rect);
    return values;
  }
  const sheet = register?.range
    ? register.range.getSheet()
    : (ss.getSheetByName(REPORTS_TAB.name) ?? ss.insertSheet(REPORTS_TAB.name));
  ensureSize(sheet, height, width);
  sheet.getRange(1, 1, height, width).setValues(rect);
  return values;
}
