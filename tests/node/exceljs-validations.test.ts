// A dropdown over a whole column range is one rule in the .xlsx (one <dataValidation sqref="…">), written
// through exceljs' untyped Worksheet.dataValidations store, found by its shape at run time (no cast).
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addRangeValidation } from '../../src/node/exceljs-validations';

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
