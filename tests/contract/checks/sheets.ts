// SpreadsheetApp: ranges, what a written value becomes, tab names, protections and row moves. Each
// live check works on a scratch tab of its own, deleted after.
import { type Contract, fakesOnly, refuses, same } from '../contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const RANGE = 'https://developers.google.com/apps-script/reference/spreadsheet/range';
const SHEET = 'https://developers.google.com/apps-script/reference/spreadsheet/sheet';
const PROTECTION = 'https://developers.google.com/apps-script/reference/spreadsheet/protection';
const TYPED = 'https://support.google.com/docs/answer/3094220 ("Sheets understands date, time or number formats")';

/** Runs fn on a fresh tab (a unique name), deleting it afterwards whatever happens. */
function onScratchTab(name: string, fn: (sheet: Sheet) => void): void {
  const ss = SpreadsheetApp.getActive();
  const old = ss.getSheetByName(name);
  if (old) ss.deleteSheet(old);
  const sheet = ss.insertSheet(name);
  try {
    fn(sheet);
  } finally {
    ss.deleteSheet(sheet);
  }
}

/** What a cell holds after the script writes `value` into it. */
function written(sheet: Sheet, value: unknown): unknown {
  const cell = sheet.getRange('A1');
  cell.setValue(value);
  const v = cell.getValue();
  return v instanceof Date ? 'a date' : v;
}

export const SHEETS_CONTRACTS: Contract[] = [
  {
    behaviour:
      'setValues with data of another size than the range throws, naming the rows (or columns) the data and the range have',
    reference: `${RANGE}#setValues(Object) ("The size of the two-dimensional array must match the size of the range")`,
    live: true,
    check() {
      onScratchTab('ita-contract-size', (sheet) => {
        refuses(
          () => sheet.getRange('A1:B2').setValues([['a', 'b']]),
          /The number of rows in the data does not match the number of rows in the range\. The data has 1 but the range has 2/,
          'one row into two',
        );
        refuses(
          () => sheet.getRange('A1:B1').setValues([['a', 'b', 'c']]),
          /The number of columns in the data does not match the number of columns in the range\. The data has 3 but the range has 2/,
          'three columns into two',
        );
      });
    },
  },
  {
    behaviour: 'ranges count rows and columns from 1; row 0, or a range past the sheet’s last row, throws',
    reference: `${SHEET}#getRange(Integer,Integer,Integer,Integer) ("row: The starting row index of the range; row indexing starts with 1")`,
    live: true,
    check() {
      onScratchTab('ita-contract-range', (sheet) => {
        refuses(() => sheet.getRange(0, 1), /starting row of the range is too small/, 'row 0');
        refuses(
          () => sheet.getRange(sheet.getMaxRows(), 1, 2, 1),
          /coordinates of the range are outside the dimensions of the sheet/,
          'past the last row',
        );
        same(sheet.getRange(1, 1).getA1Notation(), 'A1', 'row 1, column 1');
      });
    },
  },
  {
    behaviour: 'insertSheet with the name of a tab that exists throws; names must be unique',
    reference: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)',
    live: true,
    check() {
      onScratchTab('ita-contract-name', () => {
        refuses(
          () => SpreadsheetApp.getActive().insertSheet('ita-contract-name'),
          /A sheet with the name "ita-contract-name" already exists/,
          'the same name again',
        );
      });
    },
  },
  {
    behaviour:
      'a written value beginning with = is a formula; a leading apostrophe keeps the rest as text (the apostrophe not stored)',
    reference: `${RANGE}#setValue(Object) ("If it begins with '=' it is interpreted as a formula")`,
    live: true,
    check() {
      onScratchTab('ita-contract-formula', (sheet) => {
        const cell = sheet.getRange('A1');
        cell.setValue('=1+1');
        same(cell.getFormula(), '=1+1', 'the formula');
        cell.setValue("'=1+1");
        same([cell.getFormula(), cell.getValue()], ['', '=1+1'], 'the apostrophe’s text');
      });
    },
  },
  {
    behaviour:
      'written text that reads as a number, TRUE or an ISO date becomes one; in a cell formatted as plain text (@) it stays text',
    reference: `${TYPED}; ${RANGE}#setNumberFormat(String) ("@" plain text)`,
    live: true,
    check() {
      onScratchTab('ita-contract-typed', (sheet) => {
        same(
          ['0123', '1e3', 'TRUE', '2023-03-31'].map((t) => written(sheet, t)),
          [123, 1000, true, 'a date'],
          'as Sheets reads them',
        );
        sheet.getRange('A1').setNumberFormat('@');
        same(written(sheet, '0123'), '0123', 'in a plain-text cell');
      });
    },
  },
  {
    behaviour: 'written text that reads as a time, an accounting negative or a percentage becomes a value',
    reference: TYPED,
    live: true,
    check() {
      onScratchTab('ita-contract-typed2', (sheet) => {
        same(
          ['12:30', '(100)', '50%'].map((t) => written(sheet, t)),
          ['a date', -100, 0.5],
          'as Sheets reads them',
        );
      });
    },
  },
  {
    behaviour:
      'a slashed date is read in the spreadsheet locale’s order: 31/3/2023 is a date in th_TH and text in en_US',
    reference: `${TYPED}; https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#setSpreadsheetLocale(String)`,
    live: true,
    check() {
      const ss = SpreadsheetApp.getActive();
      const before = ss.getSpreadsheetLocale();
      try {
        onScratchTab('ita-contract-locale', (sheet) => {
          ss.setSpreadsheetLocale('th_TH');
          same(written(sheet, '31/3/2023'), 'a date', 'th_TH');
          ss.setSpreadsheetLocale('en_US');
          same([written(sheet, '31/3/2023'), written(sheet, '3/31/2023')], ['31/3/2023', 'a date'], 'en_US');
        });
      } finally {
        ss.setSpreadsheetLocale(before);
      }
    },
  },
  {
    behaviour: 'a cell takes at most 50,000 characters; more is refused',
    reference: 'https://support.google.com/drive/answer/37603 ("Google Sheets … 50,000 characters" in a cell)',
    live: true,
    check() {
      onScratchTab('ita-contract-long', (sheet) => {
        sheet.getRange('A1').setValue('ก'.repeat(50000));
        refuses(() => sheet.getRange('A2').setValue('ก'.repeat(50001)), /50000|50,000/, '50,001 characters');
      });
    },
  },
  {
    behaviour:
      'on a Gmail-owned sheet a protection cannot be opened to a domain: canDomainEdit() is false and setDomainEdit throws',
    reference: `${PROTECTION}#setDomainEdit(Boolean) (domain edit "is only supported for spreadsheets owned by a Google Workspace domain"; the class's sample guards it with canDomainEdit())`,
    live: 'the test sheet’s own account kind decides; the self-test’s syncLock line (healthCheckHeadless) probes it live',
    check() {
      onScratchTab('ita-contract-domain', (sheet) => {
        const p = sheet.getRange('A1').protect();
        same(p.canDomainEdit(), false, 'canDomainEdit()');
        refuses(
          () => p.setDomainEdit(false),
          /only supported for spreadsheets owned by a Google Workspace domain/,
          'setDomainEdit',
        );
      });
    },
  },
  {
    behaviour: 'on a Workspace sheet a new protection starts open to the domain; setDomainEdit(false) closes it',
    reference: `${PROTECTION}#canDomainEdit() and #setDomainEdit(Boolean)`,
    world: { world: 'workspace', domain: 'example.org' },
    live: 'needs a Workspace-owned test sheet; the self-test’s syncLock line probes it live',
    check() {
      onScratchTab('ita-contract-domain2', (sheet) => {
        const p = sheet.getRange('A1').protect();
        same(p.canDomainEdit(), true, 'a new protection');
        p.setDomainEdit(false);
        same(p.canDomainEdit(), false, 'after setDomainEdit(false)');
      });
    },
  },
  {
    behaviour:
      'a protection’s editors: the owner and the script’s user can never be removed, another editor can; that editor’s typing is then refused, and a warning-only protection refuses no one',
    reference: `${PROTECTION}#removeEditors(String) ("Neither the owner of the spreadsheet nor the current user can be removed"); #setWarningOnly(Boolean); the owner "is always able to edit protected ranges and sheets"`,
    world: { user: 'admin@example.org', owner: 'owner@example.org', editors: ['clerk@example.org'] },
    live: 'needs a second account typing',
    check(fakes) {
      const f = fakesOnly(fakes);
      onScratchTab('ita-contract-protect', (sheet) => {
        const p = sheet.getRange('A1:A2').protect();
        p.removeEditors(p.getEditors());
        same(
          p
            .getEditors()
            .map((u) => u.getEmail())
            .sort(),
          ['admin@example.org', 'owner@example.org'],
          'editors left',
        );
        same(f.sheets.typeAs('clerk@example.org', 'ita-contract-protect', 'A1', 'x'), 'refused', 'another editor');
        same(f.sheets.typeAs('owner@example.org', 'ita-contract-protect', 'A1', 'x'), 'typed', 'the owner');
        p.setWarningOnly(true);
        same(f.sheets.typeAs('clerk@example.org', 'ita-contract-protect', 'A2', 'y'), 'typed', 'warning only');
      });
    },
  },
  {
    behaviour: 'rows inserted above a protected range move it down with its rows; rows deleted above move it up',
    reference: `${SHEET}#insertRowsBefore(Integer,Integer) and #deleteRows(Integer,Integer); ${PROTECTION}#getRange()`,
    live: true,
    check() {
      onScratchTab('ita-contract-shift', (sheet) => {
        const p = sheet.getRange('A3:B3').protect();
        sheet.insertRowsBefore(1, 2);
        same(p.getRange().getA1Notation(), 'A5:B5', 'after two rows inserted above');
        sheet.deleteRows(1, 1);
        same(p.getRange().getA1Notation(), 'A4:B4', 'after one row deleted above');
        p.remove();
      });
    },
  },
  {
    behaviour: 'a range protection whose rows are all deleted goes with them (sync deletes the rows it locked)',
    reference: `${SHEET}#deleteRows(Integer,Integer) and #getProtections(ProtectionType); the pages do not say what becomes of such a protection: the fakes drop it, src/gas/protect.ts removeRowLocks removes sync's locks either way, and this check settles it live`,
    live: true,
    check() {
      onScratchTab('ita-contract-gone', (sheet) => {
        sheet.getRange('A3:B4').protect().setDescription('ita-contract-gone');
        sheet.getRange('A6:B6').protect().setDescription('ita-contract-kept');
        sheet.deleteRows(3, 2);
        const after = sheet
          .getProtections(SpreadsheetApp.ProtectionType.RANGE)
          .map((p) => `${p.getDescription()} ${p.getRange().getA1Notation()}`);
        for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) p.remove();
        same(after, ['ita-contract-kept A4:B4'], 'the range protections after rows 3–4 were deleted');
      });
    },
  },
  {
    behaviour: 'moveRows moves whole rows to a 1-based index counted before the move',
    reference: `${SHEET}#moveRows(Range,Integer) ("destinationIndex: The index that the rows should be moved to. This index is based on the coordinates before the rows are moved")`,
    live: true,
    check() {
      onScratchTab('ita-contract-move', (sheet) => {
        sheet.getRange('A1:A4').setValues([['a'], ['b'], ['c'], ['d']]);
        sheet.moveRows(sheet.getRange('A1:A2'), 4);
        same(
          sheet
            .getRange('A1:A4')
            .getValues()
            .map((r) => r[0]),
          ['c', 'a', 'b', 'd'],
          'rows 1–2 before row 4',
        );
      });
    },
  },
  {
    behaviour:
      'a data-validation rule is kept on its cells and judges what people type: a script’s write of a value outside the list is stored as written',
    reference: `${RANGE}#setDataValidation(DataValidation); https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getAllowInvalid() ("shows a warning when input fails data validation, or … rejects the input entirely"); a script's write is not such input (observed; this check settles it live)`,
    live: true,
    check() {
      onScratchTab('ita-contract-validation', (sheet) => {
        const cell = sheet.getRange('A1');
        const rule = SpreadsheetApp.newDataValidation()
          .requireValueInList(['ใช่', 'ไม่ใช่'])
          .setAllowInvalid(false)
          .build();
        cell.setDataValidation(rule);
        cell.setValue('อาจจะ');
        same(cell.getValue(), 'อาจจะ', 'the script’s value');
        same(cell.getDataValidation()?.getCriteriaValues()[0], ['ใช่', 'ไม่ใช่'], 'the rule kept');
      });
    },
  },
  {
    behaviour: 'a list rule of more than 500 items is refused (a list from a range is the way)',
    reference:
      'https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInList(String) (Sheets: "The data validation rule has more items than the limit of 500")',
    live: true,
    check() {
      onScratchTab('ita-contract-list', (sheet) => {
        const items = Array.from({ length: 501 }, (_, i) => `item ${i}`);
        refuses(
          () =>
            sheet
              .getRange('A1')
              .setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(items).build()),
          /more items than the limit of 500/,
          '501 items',
        );
      });
    },
  },
  {
    behaviour:
      'the edit event carries value (and oldValue when the cell had one) for a single cell only; a pasted block has neither',
    reference:
      'https://developers.google.com/apps-script/guides/triggers/events#edit (oldValue, value: "Only available if the edited range is a single cell")',
    live: 'needs a person typing into the sheet',
    check(fakes) {
      const f = fakesOnly(fakes);
      onScratchTab('ita-contract-event', () => {
        const first = f.sheets.typeInto('ita-contract-event', 'A1', 'ก');
        const second = f.sheets.typeInto('ita-contract-event', 'A1', 'ข');
        const block = f.sheets.typeInto('ita-contract-event', 'A1:B1', [['ค', 'ง']]);
        same(
          [first, second, block].map((e) => ['value' in e ? e.value : null, 'oldValue' in e ? e.oldValue : null]),
          [
            ['ก', null],
            ['ข', 'ก'],
            [null, null],
          ],
          'value and oldValue',
        );
      });
    },
  },
];
