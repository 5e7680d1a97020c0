// The one A1 parser and tab-name quoting (src/core/cells.ts): what onEdit reads from getA1Notation, the
// Sheets API's returned ranges, and every range the tracker asks Sheets for by a tab's name. Tab names
// are the agency's: Thai with marks, spaces, apostrophes, a no-break space pasted from a Word file.
import { cellRef, columnLetter, columnOfLetters, parseA1, quoteTabName } from '../../src/core/cells';

const NBSP = '\u00a0';
const NAMES = [
  'กองคลัง',
  'กองสาธารณสุขและสิ่งแวดล้อม',
  'กอง ช่าง',
  `กองคลัง${NBSP}`,
  `กอง${NBSP}ช่าง`,
  "O'Neil",
  "''",
  "กอง'คลัง'",
  'กอง!ช่าง',
  "'!'",
  'Sheet1',
  '2566',
  ' นำหน้าด้วยช่องว่าง',
];

describe('parseA1', () => {
  test.each([
    ['F2', { tab: null, row: 2, column: 6, numRows: 1, numColumns: 1 }],
    ['F2:I4', { tab: null, row: 2, column: 6, numRows: 3, numColumns: 4 }],
    ['$AA$10', { tab: null, row: 10, column: 27, numRows: 1, numColumns: 1 }],
    ['b3:k20', { tab: null, row: 3, column: 2, numRows: 18, numColumns: 10 }],
    ['I4:F2', { tab: null, row: 2, column: 6, numRows: 3, numColumns: 4 }],
    ['Sheet1!A1:Z1000', { tab: 'Sheet1', row: 1, column: 1, numRows: 1000, numColumns: 26 }],
    ["'กอง''คลัง'!B3:K20", { tab: "กอง'คลัง", row: 3, column: 2, numRows: 18, numColumns: 10 }],
    ["'กอง!ช่าง'!C4", { tab: 'กอง!ช่าง', row: 4, column: 3, numRows: 1, numColumns: 1 }],
  ])('%s', (notation, block) => {
    expect(parseA1(notation)).toEqual(block);
  });

  test.each([
    '',
    'A',
    '3',
    'A:C',
    '3:4',
    'A0',
    'A1:B0',
    "กอง'คลัง!A1", // a quote in a bare name: Sheets would have quoted it
    "'กอง'คลัง'!A1", // a lone quote inside a quoted name
    "'กองคลัง!A1", // an unclosed quote
    '!A1',
    'A1!',
    'F2 ',
  ])('%j is not a block of cells', (notation) => {
    expect(parseA1(notation)).toBeNull();
  });

  test.each(NAMES)('the tab %j comes back as it was quoted', (name) => {
    expect(parseA1(`${quoteTabName(name)}!B3:K20`)).toEqual({
      tab: name,
      row: 3,
      column: 2,
      numRows: 18,
      numColumns: 10,
    });
    // as Sheets shows it in a message: bare or quoted, the same tab
    expect(parseA1(cellRef(name, 'C4'))?.tab).toBe(name);
  });
});

describe('quoting a tab name', () => {
  test('quotes always, quotes inside doubled, every other character kept (spaces, NBSP, Thai marks)', () => {
    expect(quoteTabName('กองคลัง')).toBe("'กองคลัง'");
    expect(quoteTabName("O'Neil")).toBe("'O''Neil'");
    expect(quoteTabName(`กอง${NBSP}ช่าง `)).toBe(`'กอง${NBSP}ช่าง '`);
  });

  test('a reference is bare only for letters, marks and digits: a space or a no-break space is quoted', () => {
    expect(cellRef('กองสาธารณสุขและสิ่งแวดล้อม', 'F2')).toBe('กองสาธารณสุขและสิ่งแวดล้อม!F2');
    expect(cellRef(`กองคลัง${NBSP}`, 'F2')).toBe(`'กองคลัง${NBSP}'!F2`);
    expect(cellRef('กอง ช่าง', 'F2')).toBe("'กอง ช่าง'!F2");
  });
});

test('column letters both ways', () => {
  for (const i of [0, 1, 25, 26, 27, 51, 52, 701, 702, 16383]) expect(columnOfLetters(columnLetter(i))).toBe(i);
  expect(columnLetter(702)).toBe('AAA');
  expect(columnOfLetters('xfd')).toBe(16383);
});
