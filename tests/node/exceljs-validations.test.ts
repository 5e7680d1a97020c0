// A dropdown over a whole column range is one rule in the .xlsx (one <dataValidation sqref="…">), written
// through exceljs' untyped Worksheet.dataValidations store, found by its shape at run time (no cast).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addRangeValidation, shiftValidationsRight } from '../../src/node/exceljs-validations';

const RULE: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"ดำเนินการแล้ว,ยังไม่ดำเนินการ"'] };

test('one rule over C2:C500 is one <dataValidation> in the file, not one per cell', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('กองคลัง');
  ws.getCell('A1').value = 'รหัส';
  addRangeValidation(ws, 'C2:C500', RULE);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  expect(xml.match(/<dataValidation /g)).toHaveLength(1);
  expect(xml).toMatch(/<dataValidation [^>]*sqref="C2:C500"/);
  expect(xml).toContain('ดำเนินการแล้ว,ยังไม่ดำเนินการ');
});

test('an exceljs without the store is a clear error, not a silent workbook without dropdowns', () => {
  const ws = new ExcelJS.Workbook().addWorksheet('x');
  Reflect.deleteProperty(ws, 'dataValidations');
  expect(() => addRangeValidation(ws, 'C2:C5', RULE)).toThrow('Worksheet.dataValidations.add is missing');
});

test('a column inserted at H: the rules from H on move one right with their cells (a range spanning H grows), the others stay', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('มาตรการ');
  addRangeValidation(ws, 'B2:B500', RULE);
  addRangeValidation(ws, 'H2:H500', RULE);
  addRangeValidation(ws, 'G2:I9', RULE);
  ws.getCell('Z3').dataValidation = RULE;
  // as read from a file: one key per cell
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(await wb.xlsx.writeBuffer());
  const sheet = read.getWorksheet('มาตรการ')!;
  expect(sheet.getCell('H2').dataValidation).toBeDefined();
  sheet.spliceColumns(8, 0, []);
  shiftValidationsRight(sheet, 7);
  expect(sheet.getCell('H2').dataValidation).toBeUndefined();
  expect(sheet.getCell('I2').dataValidation?.type).toBe('list');
  expect(sheet.getCell('AA3').dataValidation?.type).toBe('list');
  expect(sheet.getCell('B2').dataValidation?.type).toBe('list');
  // and ranges as added (before a save): shifted, spanning ones grown
  shiftValidationsRight(ws, 7);
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
  expect([...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(['AA3', 'B2:B500', 'G2:J9', 'I2:I500']);
});
