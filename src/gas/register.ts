// One row of ทะเบียนรายงาน written with one setValues: the values withRegisterRow (src/core/register-row.ts)
// makes from those read, in the very range read when they fit. Dates are core's wall
// clock, written back to instants with the offset they were read with; text stays text (toSheet).
import type { Cell } from '../core/cells';
import { withRegisterRow } from '../core/register-row';
import { REPORTS_TAB } from '../core/schema';
import { ensureSize, type ReadTab, toSheet, type ZoneOffset } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function upsertRegisterRow(
  ss: Spreadsheet,
  register: ReadTab | null,
  match: (cells: Readonly<Record<string, Cell>>) => boolean,
  cells: Readonly<Record<string, Cell>>,
  offsetMs: ZoneOffset,
): Cell[][] {
  const values = withRegisterRow(register?.values ?? [], match, cells);
  const width = Math.max(register?.width ?? 0, ...values.map((r) => r.length));
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
