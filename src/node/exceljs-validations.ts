// One data-validation rule over a whole range of an exceljs worksheet (one <dataValidation sqref="C2:C500">
// in the sheet's XML), instead of one per cell: exceljs 4.4.0 keeps a sheet's rules in
// Worksheet.dataValidations (lib/doc/worksheet.js: `this.dataValidations = new DataValidations()`), whose
// add(address, validation) stores the rule under a range address (lib/doc/data-validations.js) and which
// the writer emits as is. Its index.d.ts types only the per-cell Cell.dataValidation, so this file finds
// the store by checking its shape at run time (no cast): an exceljs without it is a clear error here.
import type ExcelJS from 'exceljs';

export function addRangeValidation(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  const store: unknown = 'dataValidations' in ws ? ws.dataValidations : undefined;
  if (typeof store !== 'object' || store === null || !('add' in store) || typeof store.add !== 'function')
    throw new Error('exceljs: Worksheet.dataValidations.add is missing (a new exceljs version?)');
  store.add(range, rule);
}
