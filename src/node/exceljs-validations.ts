// One data-validation rule over a whole range of an exceljs worksheet (one <dataValidation sqref="C2:C500">
// in the sheet's XML), instead of one per cell: exceljs 4.4.0 keeps a sheet's rules in
// Worksheet.dataValidations (lib/doc/worksheet.js: `this.dataValidations = new DataValidations()`), whose
// add(address, validation) stores the rule under a range address (lib/doc/data-validations.js) and which
// the writer emits as is. Its index.d.ts types only the per-cell Cell.dataValidation, so this file finds
// the store by checking its shape at run time (no cast): an exceljs without it is a clear error here.
import type ExcelJS from 'exceljs';
import { columnLetter } from '../core/cells';

export function addRangeValidation(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  const store: unknown = 'dataValidations' in ws ? ws.dataValidations : undefined;
  if (typeof store !== 'object' || store === null || !('add' in store) || typeof store.add !== 'function')
    throw new Error('exceljs: Worksheet.dataValidations.add is missing (a new exceljs version?)');
  store.add(range, rule);
}

/** "AB" → 27 (0-based). */
const columnIndex0 = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

/**
 * A column inserted at 0-based `at` (Worksheet.spliceColumns moves the cells and their styles, not the
 * rules): every rule from that column on moves one column right with its cells, as Sheets does when a
 * column is inserted. A rule over a range that spans the column grows by one. The store's keys are a
 * cell ("C2", as exceljs reads a file) or a range ("C2:C500", as addRangeValidation adds one).
 */
export function shiftValidationsRight(ws: ExcelJS.Worksheet, at: number): void {
  const store: unknown = 'dataValidations' in ws ? ws.dataValidations : undefined;
  if (typeof store !== 'object' || store === null || !('model' in store)) return;
  const model = store.model;
  if (typeof model !== 'object' || model === null) return;
  const moved: Record<string, unknown> = {};
  for (const [address, rule] of Object.entries(model)) {
    if (rule === undefined) continue;
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(address);
    if (!m) {
      moved[address] = rule;
      continue;
    }
    const shift = (letters: string) => {
      const c = columnIndex0(letters);
      return columnLetter(c >= at ? c + 1 : c);
    };
    moved[m[3] ? `${shift(m[1])}${m[2]}:${shift(m[3])}${m[4]}` : `${shift(m[1])}${m[2]}`] = rule;
  }
  for (const key of Object.keys(model)) Reflect.deleteProperty(model, key);
  Object.assign(model, moved);
}
