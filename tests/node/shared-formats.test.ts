// What the two runtimes show and offer people comes from core once: the .xlsx store formats dates and
// builds dropdowns as the Google Sheet does (tests/gas-setup.test.ts checks the Sheets side), and finds
// columns by header as core reads them (spaces and case do not count).
import type ExcelJS from 'exceljs';
import { parseA1, quoteTabName } from '../../src/core/cells';
import { allowedValues, DATE_FORMAT } from '../../src/core/formats';
import { HEADER, STATUS_LABEL } from '../../src/core/messages/tabs-headers';
import { DIVISION_TAB_COLUMNS, headersOf, MILESTONES_TAB } from '../../src/core/schema';
import { columnsByHeader } from '../../src/core/workbook';
import { workbookOf } from '../../src/node/xlsx-store';

type WithValidations = { dataValidations: { model: Record<string, ExcelJS.DataValidation> } };

test('the .xlsx shows due dates as the Google Sheet does, and offers the same status list', () => {
  const header = DIVISION_TAB_COLUMNS.map((c) => c.header);
  const wb = workbookOf({
    tabs: {
      [MILESTONES_TAB.name]: [headersOf(MILESTONES_TAB), ['MS-01', 'IIT-01', null, 'งาน', new Date('2023-03-31')]],
      กองคลัง: [header, ['IIT-01', 'IIT', 'ประเด็น', 'งาน', null, STATUS_LABEL.done]],
    },
  });
  const due = MILESTONES_TAB.columns.findIndex((c) => c.key === 'due') + 1;
  expect(wb.getWorksheet(MILESTONES_TAB.name)?.getColumn(due).numFmt).toBe(DATE_FORMAT);
  expect(DATE_FORMAT).toBe('dd/mm/yyyy');
  const rules = Object.values((wb.getWorksheet('กองคลัง') as unknown as WithValidations).dataValidations.model);
  expect(rules.find((r) => r.type === 'list' && r.formulae[0].includes(STATUS_LABEL.done))?.formulae).toEqual([
    `"${allowedValues('status')?.join(',')}"`,
  ]);
});

test('a header typed with extra spaces or another case is its column in every runtime', () => {
  const header = DIVISION_TAB_COLUMNS.map((c) => (c.key === 'status' ? ` ${c.header} ` : c.header));
  header[0] = HEADER.entryKey.replace(/(.)/, '$1 ');
  const columns = columnsByHeader('กองคลัง', header);
  expect(columns.map((c) => c?.key)).toEqual(DIVISION_TAB_COLUMNS.map((c) => c.key));
  // the .xlsx store still gives that status column its dropdown
  const ws = workbookOf({ tabs: { กองคลัง: [header] } }).getWorksheet('กองคลัง');
  const status = header.indexOf(` ${HEADER.status} `) + 1;
  const letter = ws?.getColumn(status).letter;
  const rules = (ws as unknown as WithValidations).dataValidations.model;
  expect(Object.entries(rules).find(([range]) => range.startsWith(`${letter}2`))?.[1].formulae).toEqual([
    `"${allowedValues('status')?.join(',')}"`,
  ]);
  // a tab of someone's own (not every division column) gets no columns
  expect(columnsByHeader('บันทึกของฉัน', ['หมายเหตุ', HEADER.status]).every((c) => c === undefined)).toBe(true);
});

test('A1: a tab name quoted for a range, and where a returned range starts', () => {
  expect(quoteTabName("กอง'คลัง")).toBe("'กอง''คลัง'");
  expect(parseA1("'กองคลัง'!B3:K20")).toEqual({ tab: 'กองคลัง', row: 3, column: 2, numRows: 18, numColumns: 10 });
  expect(parseA1('Sheet!$AA$10')).toEqual({ tab: 'Sheet', row: 10, column: 27, numRows: 1, numColumns: 1 });
  expect(parseA1('')).toBeNull();
});
