// The batch adapter: one getValues / one setValues per tab, dates in the sheet's zone, formula-safe text.
import { APP } from '../../src/core/messages/menu';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { currentUserEmail, runAction, withDocumentLock } from '../../src/gas/context';
import { readTabs, readWorkbook, replaceTable, writeTable } from '../../src/gas/sheetio';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { captureConsole } from '../support/console-capture';

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ user: 'admin@example.org' });
});
afterEach(() => uninstallFakes());

const wall = (y: number, m: number, d: number, hh = 0, mm = 0) => new Date(Date.UTC(y, m - 1, d, hh, mm));

describe('readWorkbook', () => {
  it('reads every tab with one getValues each and gives dates as wall clock', () => {
    const snapshot = {
      tabs: {
        ตั้งค่า: [
          ['รหัส', 'ค่า'],
          ['round6Due', wall(2023, 3, 31)],
          ['fiscalYear', 2566],
        ],
        กำหนดการ: [
          ['รหัสกำหนดการ', 'วันที่ครบกำหนด'],
          ['MS-01', wall(2022, 10, 31)],
        ],
        กองคลัง: [
          ['รหัสรายการ', 'แก้ไขล่าสุดเมื่อ'],
          ['IIT-01', wall(2023, 3, 1, 9, 30)],
        ],
      },
    };
    seedSpreadsheet(snapshot);
    const read = readWorkbook(SpreadsheetApp.getActive());
    expect(read).toEqual(snapshot);
    expect(Object.keys(read.tabs)).toEqual(['ตั้งค่า', 'กำหนดการ', 'กองคลัง']);
    expect(fakes.calls.by('Range.getValues')).toBe(3);
    expect(fakes.calls.by('Sheet.getDataRange')).toBe(3);
    expect(fakes.calls.by('Range.*')).toBe(3);
    // Asia/Bangkok (the fakes' default) has a fixed offset: its name, no Utilities call
    expect(fakes.calls.by('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(fakes.calls.by('Utilities.formatDate')).toBe(0);
  });

  it('a zone other than Thailand is asked of Utilities.formatDate, and its dates still read as wall clock', () => {
    uninstallFakes();
    fakes = installFakes({ user: 'admin@example.org', timeZone: 'Asia/Tokyo' });
    // +09:00: a date at local midnight is still that day
    const snapshot = {
      tabs: {
        ตั้งค่า: [
          ['รหัส', 'วันที่'],
          ['a', wall(2023, 7, 1)],
        ],
      },
    };
    seedSpreadsheet(snapshot);
    fakes.calls.reset();
    const read = readWorkbook(SpreadsheetApp.getActive());
    expect(fakes.calls.by('Utilities.formatDate')).toBe(1);
    expect(read).toEqual(snapshot);
  });

  it('the template workbook written through the adapter reads back as the same tracker', () => {
    const template = templateSnapshot({ example: true });
    const ss = SpreadsheetApp.getActive();
    for (const [name, rows] of Object.entries(template.tabs)) {
      const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
      writeTable(sheet, rows, 1);
    }
    ss.deleteSheet(ss.getSheetByName('Sheet1')!);
    fakes.calls.reset();
    const read = readWorkbook(ss);
    expect(fakes.calls.by('Range.getValues')).toBe(Object.keys(template.tabs).length);
    expect(parseWorkbook(read).tracker).toEqual(parseWorkbook(template).tracker);
  });

  it('readTabs reads only the tabs asked for and skips missing ones', () => {
    seedSpreadsheet({ tabs: { มาตรการ: [['รหัสมาตรการ'], ['IIT-01']], หน่วยงาน: [['รหัสหน่วยงาน'], ['FIN']] } });
    expect(readTabs(SpreadsheetApp.getActive(), ['หน่วยงาน', 'ไม่มี'])).toEqual({
      tabs: { หน่วยงาน: [['รหัสหน่วยงาน'], ['FIN']] },
    });
    expect(fakes.calls.by('Range.getValues')).toBe(1);
  });
});

describe('writeTable', () => {
  const sheet = () => SpreadsheetApp.getActive().getSheets()[0];

  it('writes with one setValues: formula-looking text stays text, wall-clock dates land on the right day', () => {
    const rows = [
      ['รหัส', 'ผล', 'วันที่', 'จำนวน'],
      ['IIT-01', '=IMPORTRANGE("x")', wall(2023, 3, 31), 3],
      ['IIT-02', '- จัดประชุม ๑ ครั้ง', null, true],
    ];
    const result = writeTable(sheet(), rows, 1);
    expect(result).toEqual({ rowsWritten: 3, rowsCleared: 0 });
    expect(fakes.calls.by('Range.setValues')).toBe(1);
    expect(fakes.calls.by('Range.setValue')).toBe(0);
    expect(fakes.sheets.cell('Sheet1', 'B2')).toMatchObject({ value: '=IMPORTRANGE("x")', formula: '' });
    expect(fakes.sheets.cell('Sheet1', 'B3').value).toBe('- จัดประชุม ๑ ครั้ง');
    expect((fakes.sheets.cell('Sheet1', 'C2').value as Date).toISOString()).toBe('2023-03-30T17:00:00.000Z');
    expect(readWorkbook(SpreadsheetApp.getActive()).tabs.Sheet1).toEqual([
      ['รหัส', 'ผล', 'วันที่', 'จำนวน'],
      ['IIT-01', '=IMPORTRANGE("x")', wall(2023, 3, 31), 3],
      ['IIT-02', '- จัดประชุม ๑ ครั้ง', '', true],
    ]);
  });

  it('text stays the same text: numbers, dates and TRUE written as strings are not reinterpreted', () => {
    const texts = ['0812345678', '2023-03-31', '31/3/2566', 'TRUE', '1,000', '+66 2 123 4567', '๑. ประชุม'];
    writeTable(sheet(), [texts, [2566, true, wall(2023, 3, 31), '', '', '', '']], 1);
    const back = readWorkbook(SpreadsheetApp.getActive()).tabs.Sheet1;
    expect(back[0]).toEqual(texts);
    expect(back[1].slice(0, 3)).toEqual([2566, true, wall(2023, 3, 31)]);
  });

  it('text Sheets would read as a number, time or date stays text (issue #22): 1e3, 12:30, (100), 50%, month names', () => {
    // the reference says only that Sheets understands "date, time or number formats" in typed text
    // (support.google.com/docs/answer/3094220); the adapter keeps every such string as text by design
    const texts = ['1e3', '12:30', '9:05 pm', '(100)', '50%', '฿1,200', '5 March 2023', 'March 5, 2023', 'Mar 2023'];
    writeTable(sheet(), [texts], 1);
    expect(readWorkbook(SpreadsheetApp.getActive()).tabs.Sheet1[0]).toEqual(texts);
  });

  it('pads short rows and writes at a start row and column', () => {
    writeTable(sheet(), [['a'], ['b', 'c']], 5, { column: 2 });
    expect(fakes.sheets.values('Sheet1')?.slice(4)).toEqual([
      ['', 'a', ''],
      ['', 'b', 'c'],
    ]);
  });

  it('replaceTable blanks the rows left over from a longer table in the same write', () => {
    seedSpreadsheet({ tabs: { Sheet1: [['h'], ['1'], ['2'], ['3'], ['4']] } });
    fakes.calls.reset();
    expect(replaceTable(sheet(), [['h'], ['1']])).toEqual({ rowsWritten: 2, rowsCleared: 3 });
    expect(fakes.sheets.values('Sheet1')).toEqual([['h'], ['1']]);
    expect(fakes.calls.by('Range.setValues')).toBe(1);
    expect(fakes.calls.by('Range.clear*')).toBe(0);
  });

  it('grows the sheet for tables longer than its rows, with the same number of calls for 10 or 3,000 rows', () => {
    const table = (n: number) => Array.from({ length: n }, (_, i) => [`IIT-${i}`, `ผล ${i}`]);
    writeTable(sheet(), table(10), 1);
    const small = fakes.calls.total();
    fakes.calls.reset();
    writeTable(sheet(), table(3000), 1);
    expect(fakes.sheets.maxRows('Sheet1')).toBe(3000);
    expect(fakes.sheets.values('Sheet1')?.length).toBe(3000);
    expect(fakes.calls.total()).toBe(small + 1); // + one insertRowsAfter
    expect(fakes.calls.by('Sheet.insertRowsAfter')).toBe(1);
  });

  it('writes nothing for no rows', () => {
    expect(writeTable(sheet(), [], 2)).toEqual({ rowsWritten: 0, rowsCleared: 0 });
    expect(fakes.calls.by('Range.setValues')).toBe(0);
  });
});

describe('context', () => {
  it('the acting user is the active user, or the effective user when the active one is hidden', () => {
    expect(currentUserEmail()).toBe('admin@example.org');
    fakes.session.setActiveUser('');
    fakes.session.setEffectiveUser('owner@example.org');
    expect(currentUserEmail()).toBe('owner@example.org');
  });

  it('a failing action shows one Thai alert naming it, not a stack trace', () => {
    const { value, logged } = captureConsole('error', () =>
      runAction('สร้างรายงาน', () => {
        throw new Error('Drive ไม่ตอบสนอง');
      }),
    );
    expect(value).toBeUndefined();
    // the stack goes to the execution log, for the maintainer
    expect(logged).toEqual(['Error: Drive ไม่ตอบสนอง']);
    expect(fakes.ui.alerts).toEqual([
      { title: APP.errorTitle, prompt: APP.unexpected('สร้างรายงาน', 'Drive ไม่ตอบสนอง'), buttons: 'OK' },
    ]);
  });

  it('a busy document lock tells the user and does not run the action', () => {
    const held = fakes.locks.hold('document');
    let ran = false;
    expect(withDocumentLock('ปรับปรุงแท็บหน่วยงาน', () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);
    expect(fakes.ui.lastAlert()?.prompt).toBe(APP.busy('ปรับปรุงแท็บหน่วยงาน'));
    held.release();
    expect(withDocumentLock('ปรับปรุงแท็บหน่วยงาน', () => 'done')).toBe('done');
    expect(fakes.locks.isHeld('document')).toBe(false);
  });
});
