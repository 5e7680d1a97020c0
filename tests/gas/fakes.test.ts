// The fakes behave as the Apps Script reference says, so tests that pass against them mean something.

import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { ERR as SCRIPT_ERR } from '../fakes/script';
import { ERR, FORMULA_PLACEHOLDER } from '../fakes/sheets/errors';

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

const ADMIN = 'admin@example.org';
const OWNER = 'owner@example.org';
const FINANCE = 'finance@example.org';
const WORKS = 'works@example.org';

describe('ranges are 1-based and sized like Sheets', () => {
  beforeEach(() => {
    fakes = installFakes();
  });

  it('getRange(row, column, numRows, numColumns) and A1 notation address the same cells', () => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    const range = sheet.getRange(2, 3, 2, 2);
    expect(range.getA1Notation()).toBe('C2:D3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 3, 2, 2]);
    range.setValues([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(sheet.getRange('D3').getValue()).toBe('d');
    expect(sheet.getRange('C2:D2').getValues()).toEqual([['a', 'b']]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
    expect(sheet.getDataRange().getValues()[0]).toEqual(['', '', '', '']);
  });

  it('an empty sheet has A1 as its data range and last row 0', () => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
  });

  it('rejects row 0, zero rows and ranges past the sheet with Sheets’ messages', () => {
    const sheet = SpreadsheetApp.getActive().getSheets()[0];
    expect(() => sheet.getRange(0, 1)).toThrow(ERR.startRowTooSmall);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1000, 1, 2, 1).getA1Notation()).toBe('A1000:A1001');
  });

  it('setValues refuses data of another size with the real message', () => {
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:C2');
    expect(() => range.setValues([['x', 'y', 'z']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        ['x', 'y'],
        ['x', 'y'],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(range.isBlank()).toBe(true);
  });

  it('open-ended A1 (whole columns, to the last row) and sheet-qualified ranges', () => {
    const ss = SpreadsheetApp.getActive();
    ss.insertSheet('กองคลัง');
    expect(ss.getRange("'กองคลัง'!B2:C").getA1Notation()).toBe('B2:C1000');
    expect(ss.getSheetByName('กองคลัง')?.getRange('A:B').getNumRows()).toBe(1000);
    expect(() => ss.insertSheet('กองคลัง')).toThrow(
      'A sheet with the name "กองคลัง" already exists. Please enter another name.',
    );
  });
});

describe('values are stored as Sheets stores typed input', () => {
  beforeEach(() => {
    fakes = installFakes();
  });
  const cell = () => SpreadsheetApp.getActive().getSheets()[0].getRange('A1');

  it('a leading apostrophe keeps the rest as text and is not stored', () => {
    cell().setValues([['\'=HYPERLINK("x")']]);
    expect(cell().getValue()).toBe('=HYPERLINK("x")');
    expect(cell().getFormula()).toBe('');
  });

  it('text starting with = is a formula: getValues shows no text, so an unguarded write is caught', () => {
    cell().setValue('=SUM(B1:B3)');
    expect(cell().getValue()).toBe(FORMULA_PLACEHOLDER);
    expect(cell().getFormula()).toBe('=SUM(B1:B3)');
    for (const risky of ['+ดำเนินการ', '-ยกเลิก', '@ทุกคน']) {
      cell().setValue(risky);
      expect(cell().getValue()).toBe(FORMULA_PLACEHOLDER);
      cell().setValue(`'${risky}`);
      expect(cell().getValue()).toBe(risky);
    }
  });

  it('numbers, TRUE/FALSE and ISO dates typed as text become values; plain-text cells keep text', () => {
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:E1');
    range.setValues([['2566', '-5', 'TRUE', '2023-03-31', 'IIT-01']]);
    const [n, neg, yes, date, id] = range.getValues()[0];
    expect([n, neg, yes, id]).toEqual([2566, -5, true, 'IIT-01']);
    expect(date).toBeInstanceOf(Date);
    // midnight in Bangkok (+07:00) is 17:00 UTC the day before
    expect((date as Date).toISOString()).toBe('2023-03-30T17:00:00.000Z');
    range.setNumberFormat('@').setValues([['2566', '-5', 'TRUE', '2023-03-31', 'IIT-01']]);
    expect(range.getValues()[0]).toEqual(['2566', '-5', 'TRUE', '2023-03-31', 'IIT-01']);
  });

  it('Dates are stored as Date objects (copies), null clears a cell', () => {
    const when = new Date('2023-03-31T03:00:00Z');
    cell().setValues([[when]]);
    const back = cell().getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.getTime()).toBe(when.getTime());
    back.setTime(0);
    expect((cell().getValue() as Date).getTime()).toBe(when.getTime());
    cell().setValues([[null]]);
    expect(cell().getValue()).toBe('');
  });

  it('a cell over 50,000 characters is refused', () => {
    expect(() => cell().setValue('ก'.repeat(50001))).toThrow(ERR.cellTooLong(50000));
  });
});

describe('protections refuse writes by non-editors', () => {
  // the documented pattern: protect, make sure the effective user is an editor, remove the others, domain edit off
  const restrict = (p: GoogleAppsScript.Spreadsheet.Protection, editors: string[]) => {
    p.addEditor(Session.getEffectiveUser());
    p.removeEditors(p.getEditors().map((u) => u.getEmail()));
    if (p.canDomainEdit()) p.setDomainEdit(false);
    p.addEditors(editors);
    return p;
  };

  beforeEach(() => {
    fakes = installFakes({ user: ADMIN, owner: OWNER, editors: [ADMIN, FINANCE, WORKS], domain: 'example.org' });
    seedSpreadsheet({
      tabs: {
        กองคลัง: [
          ['รหัสรายการ', 'สถานะ'],
          ['IIT-01', ''],
        ],
        กองช่าง: [
          ['รหัสรายการ', 'สถานะ'],
          ['IIT-02', ''],
        ],
      },
    });
  });

  it('a fresh protection mirrors the spreadsheet: every file editor can still write', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    sheet.protect().setDescription('กองคลัง');
    fakes.session.as(WORKS, () => sheet.getRange('B2').setValue('x'));
    expect(fakes.sheets.cell('กองคลัง', 'B2').value).toBe('x');
  });

  it('after the pattern, only listed editors and the owner write; others get Sheets’ error', () => {
    const ss = SpreadsheetApp.getActive();
    for (const [tab, editor] of [
      ['กองคลัง', FINANCE],
      ['กองช่าง', WORKS],
    ] as const) {
      const sheet = ss.getSheetByName(tab)!;
      const p = restrict(sheet.protect().setDescription(tab), []);
      p.setUnprotectedRanges([sheet.getRange('B2:B')]);
      restrict(sheet.getRange('B2:B').protect(), [editor]);
    }
    fakes.session.setUser(FINANCE);
    ss.getSheetByName('กองคลัง')?.getRange('B2').setValue('ดำเนินการแล้ว');
    expect(() => ss.getSheetByName('กองช่าง')?.getRange('B2').setValue('ดำเนินการแล้ว')).toThrow(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(() => ss.getSheetByName('กองคลัง')?.getRange('A2').setValue('IIT-99')).toThrow(ERR.protectedCell);
    expect(() => ss.getSheetByName('กองคลัง')?.getRange('A1:B2').clear()).toThrow(ERR.protectedCell);
    expect(() => ss.getSheetByName('กองคลัง')?.getRange('A2').setNote('x')).toThrow(ERR.protectedCell);
    expect(fakes.sheets.cell('กองช่าง', 'B2').value).toBe('');
    expect(fakes.sheets.cell('กองคลัง', 'A2').value).toBe('IIT-01');
    expect(fakes.sheets.canEdit(WORKS, 'กองช่าง', 'B2')).toBe(true);
    expect(fakes.sheets.canEdit(WORKS, 'กองคลัง', 'B2')).toBe(false);

    fakes.session.setUser(OWNER);
    ss.getSheetByName('กองช่าง')?.getRange('A2').setValue('IIT-02b');
    expect(fakes.sheets.cell('กองช่าง', 'A2').value).toBe('IIT-02b');
  });

  it('removeEditors never removes the owner or the current user; non-editors cannot read or change the editors', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    const p = sheet.getRange('A1:B2').protect();
    p.removeEditors([OWNER, ADMIN, FINANCE, WORKS]);
    p.setDomainEdit(false);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([ADMIN, OWNER]);
    expect(fakes.sheets.protections('กองคลัง')[0]).toMatchObject({
      type: 'RANGE',
      range: 'A1:B2',
      editors: [ADMIN, OWNER],
    });
    fakes.session.setUser(FINANCE);
    expect(() => p.getEditors()).toThrow(ERR.noPermission);
    expect(() => p.addEditor(FINANCE)).toThrow(ERR.noPermission);
    expect(p.canEdit()).toBe(false);
  });

  it('domain edit lets domain users through until it is turned off; it needs a domain', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    const p = sheet.getRange('B2').protect();
    p.removeEditors(p.getEditors());
    expect(p.canDomainEdit()).toBe(true);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'B2')).toBe(true);
    p.setDomainEdit(false);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'B2')).toBe(false);

    uninstallFakes();
    installFakes({ user: ADMIN });
    const q = SpreadsheetApp.getActive().getSheets()[0].protect();
    expect(q.canDomainEdit()).toBe(false);
    expect(() => q.setDomainEdit(false)).toThrow(ERR.noDomain);
    expect(() => SpreadsheetApp.getActive().getSheets()[0].getRange('A1').protect().setUnprotectedRanges([])).toThrow(
      ERR.unprotectedOnRange,
    );
  });

  it('warning-only protection lets everyone write; removed protection stops applying', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    const p = restrict(sheet.protect(), []);
    fakes.session.as(WORKS, () => expect(() => sheet.getRange('B2').setValue('x')).toThrow(ERR.protectedCell));
    p.setWarningOnly(true);
    fakes.session.as(WORKS, () => sheet.getRange('B2').setValue('x'));
    p.setWarningOnly(false);
    p.remove();
    fakes.session.as(WORKS, () => sheet.getRange('B2').setValue('y'));
    expect(fakes.sheets.cell('กองคลัง', 'B2').value).toBe('y');
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(0);
  });

  it('typeInto is a person typing: refused on a protected cell, otherwise the onEdit event Sheets passes', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    restrict(sheet.getRange('B2:B').protect(), [FINANCE]);
    fakes.session.setUser(WORKS);
    expect(() => fakes.sheets.typeInto('กองคลัง', 'B2', 'ดำเนินการแล้ว')).toThrow(ERR.protectedCell);
    fakes.session.setUser(FINANCE);
    const first = fakes.sheets.typeInto('กองคลัง', 'B2', 'อยู่ระหว่างดำเนินการ');
    expect(first).toMatchObject({ value: 'อยู่ระหว่างดำเนินการ', authMode: 'LIMITED' });
    expect('oldValue' in first).toBe(false);
    const second = fakes.sheets.typeInto('กองคลัง', 'B2', 'ดำเนินการแล้ว');
    expect(second).toMatchObject({ value: 'ดำเนินการแล้ว', oldValue: 'อยู่ระหว่างดำเนินการ' });
    expect(second.range.getA1Notation()).toBe('B2');
    expect(second.user.getEmail()).toBe(FINANCE);
    const block = fakes.sheets.typeInto('กองคลัง', 'B3:B4', [['a'], ['b']]);
    expect('value' in block).toBe(false);
  });

  it('inserted rows move a range protection down with its cells', () => {
    const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง')!;
    restrict(sheet.getRange('A2:B2').protect(), []);
    sheet.insertRowsBefore(1, 2);
    expect(fakes.sheets.protections('กองคลัง')[0].range).toBe('A4:B4');
    fakes.session.as(WORKS, () => expect(() => sheet.getRange('A4').setValue('x')).toThrow(ERR.protectedCell));
  });
});

describe('data validation, notes and formats', () => {
  beforeEach(() => {
    fakes = installFakes();
  });

  it('the builder stores its criteria; allow-invalid defaults to true as the reference says', () => {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList(['ยังไม่ดำเนินการ', 'ดำเนินการแล้ว'])
      .setAllowInvalid(false)
      .setHelpText('เลือกสถานะ')
      .build();
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('C2:C5');
    range.setDataValidation(rule);
    expect(fakes.sheets.cell('Sheet1', 'C4').validation).toEqual({
      type: 'VALUE_IN_LIST',
      values: [['ยังไม่ดำเนินการ', 'ดำเนินการแล้ว'], true],
      allowInvalid: false,
      helpText: 'เลือกสถานะ',
    });
    expect(String(range.getDataValidation()?.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(SpreadsheetApp.newDataValidation().requireDate().build().getAllowInvalid()).toBe(true);
    const url = SpreadsheetApp.newDataValidation().requireTextIsUrl().build();
    expect(() => range.setDataValidations([[url]])).toThrow(ERR.rows(1, 4));
  });

  it('display values follow the Sheets number format (m is the month unless it is minutes)', () => {
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
    range.setValue(new Date('2023-03-31T02:05:00Z'));
    expect(range.setNumberFormat('dd/mm/yyyy').getDisplayValue()).toBe('31/03/2023');
    expect(range.setNumberFormat('yyyy-mm-dd hh:mm').getDisplayValue()).toBe('2023-03-31 09:05');
    expect(range.setNumberFormat('d mmmm yyyy').getDisplayValue()).toBe('31 March 2023');
  });

  it('notes and backgrounds are per cell; plural setters check dimensions', () => {
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1:B1');
    range.setNotes([['ไม่ใช่ลิงก์', '']]).setBackgrounds([['#F4CCCC', null]]);
    expect(range.getNotes()).toEqual([['ไม่ใช่ลิงก์', '']]);
    expect(range.getBackgrounds()).toEqual([['#f4cccc', '#ffffff']]);
    expect(() => range.setNotes([['x']])).toThrow(ERR.columns(1, 2));
  });
});

describe('locks contend like LockService', () => {
  beforeEach(() => {
    fakes = installFakes();
  });

  it('while another execution holds the script lock, tryLock is false and waitLock throws', () => {
    const held = fakes.locks.hold('script');
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(false);
    expect(lock.hasLock()).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(LockService.getDocumentLock().tryLock(1000)).toBe(true);
    held.release();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(LockService.getScriptLock().tryLock(1)).toBe(false);
    lock.releaseLock();
    expect(LockService.getScriptLock().tryLock(1)).toBe(true);
    expect(fakes.locks.attempts.filter((a) => !a.acquired)).toHaveLength(3);
  });
});

describe('triggers, properties, utilities, UI', () => {
  beforeEach(() => {
    fakes = installFakes({ user: ADMIN });
  });

  it('the daily trigger builder records hour, period and zone; triggers belong to their creator', () => {
    ScriptApp.newTrigger('dailyReminders').timeBased().atHour(7).everyDays(1).inTimezone('Asia/Bangkok').create();
    expect(fakes.triggers.list()).toEqual([
      expect.objectContaining({
        handler: 'dailyReminders',
        eventType: 'CLOCK',
        atHour: 7,
        everyDays: 1,
        timeZone: 'Asia/Bangkok',
        owner: ADMIN,
      }),
    ]);
    expect(ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual(['dailyReminders']);
    fakes.session.setUser(FINANCE);
    expect(ScriptApp.getProjectTriggers()).toEqual([]);
    fakes.session.setUser(ADMIN);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
    expect(fakes.triggers.list()).toEqual([]);
    expect(() => ScriptApp.newTrigger('x').timeBased().atHour(7).create()).toThrow(SCRIPT_ERR.atHourNeedsDays);
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create()).toThrow(SCRIPT_ERR.tooManyTriggers);
  });

  it('properties are strings per store', () => {
    PropertiesService.getScriptProperties().setProperty('reportFolderId', 'abc');
    expect(PropertiesService.getScriptProperties().getProperty('reportFolderId')).toBe('abc');
    expect(PropertiesService.getDocumentProperties().getProperty('reportFolderId')).toBeNull();
    expect(fakes.properties.script.get('reportFolderId')).toBe('abc');
  });

  it('Utilities.formatDate shows the instant in the given zone', () => {
    const instant = new Date('2023-03-30T17:30:00Z');
    expect(Utilities.formatDate(instant, 'Asia/Bangkok', "yyyy-MM-dd'T'HH:mm:ssZ")).toBe('2023-03-31T00:30:00+0700');
    expect(Utilities.formatDate(instant, 'UTC', 'd MMM yyyy HH:mm')).toBe('30 Mar 2023 17:30');
  });

  it('the UI records menus, alerts and dialogs; no UI in a trigger', () => {
    const ui = SpreadsheetApp.getUi();
    ui.createMenu('ติดตามมาตรการ ITA').addItem('สร้างรายงาน', 'menuGenerateReport').addSeparator().addToUi();
    expect(fakes.ui.menus).toEqual([
      {
        title: 'ติดตามมาตรการ ITA',
        items: [{ caption: 'สร้างรายงาน', functionName: 'menuGenerateReport' }, { separator: true }],
      },
    ]);
    fakes.ui.respond('NO');
    expect(ui.alert('ยืนยัน', 'สร้างรายงานใหม่?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    expect(ui.alert('เสร็จแล้ว')).toBe(ui.Button.OK);
    expect(fakes.ui.alerts).toEqual([
      { title: 'ยืนยัน', prompt: 'สร้างรายงานใหม่?', buttons: 'YES_NO' },
      { title: '', prompt: 'เสร็จแล้ว', buttons: 'OK' },
    ]);
    const t = HtmlService.createTemplate('<p><?= name ?></p><?!= raw ?>');
    (t as unknown as Record<string, string>).name = '<b>กองคลัง</b>';
    (t as unknown as Record<string, string>).raw = '<i>ok</i>';
    ui.showModalDialog(t.evaluate().setWidth(500), 'ผล');
    expect(fakes.ui.lastDialog()).toEqual({
      kind: 'modal',
      title: 'ผล',
      html: '<p>&lt;b&gt;กองคลัง&lt;/b&gt;</p><i>ok</i>',
      width: 500,
      height: 400,
    });
    fakes.ui.setAvailable(false);
    expect(() => SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('a method the fakes lack fails loudly, naming it', () => {
    const range = SpreadsheetApp.getActive().getSheets()[0].getRange('A1');
    expect(() => (range as unknown as { setBorder(): void }).setBorder()).toThrow(
      'Range.setBorder() is not implemented by the Apps Script fakes',
    );
  });
});

describe('call counting', () => {
  it('counts every public call by Class.method, not the fakes’ own calls or seeding', () => {
    fakes = installFakes();
    seedSpreadsheet({ tabs: { มาตรการ: [['รหัสมาตรการ'], ['IIT-01'], ['IIT-02']], หน่วยงาน: [['รหัสหน่วยงาน']] } });
    expect(fakes.calls.total()).toBe(0);
    const ss = SpreadsheetApp.getActive();
    for (const sheet of ss.getSheets()) sheet.getDataRange().getValues();
    ss.getSheetByName('มาตรการ')
      ?.getRange(4, 1, 1, 1)
      .setValues([['IIT-03']]);
    expect(fakes.calls.by('SpreadsheetApp.getActive')).toBe(1);
    expect(fakes.calls.by('Spreadsheet.getSheets')).toBe(1);
    expect(fakes.calls.by('Range.getValues')).toBe(2);
    expect(fakes.calls.by('Range.setValues')).toBe(1);
    expect(fakes.calls.by('Sheet.*')).toBe(3);
    expect(fakes.calls.by('*.getValues')).toBe(2);
    expect(fakes.calls.total()).toBe(9); // + getSheetByName, getRange
    const before = fakes.calls.snapshot();
    ss.getSheetByName('มาตรการ')?.appendRow(['IIT-04']); // appendRow writes through its own setValues: one call
    expect(fakes.calls.since(before)).toEqual({ 'Spreadsheet.getSheetByName': 1, 'Sheet.appendRow': 1 });
    fakes.calls.reset();
    expect(fakes.calls.total()).toBe(0);
  });
});

describe('someone typing between a script’s calls', () => {
  it('calls.before(n) runs just before the n-th counted call, uncounted; typeAs obeys protections', () => {
    fakes = installFakes({ user: ADMIN, owner: OWNER, editors: [ADMIN, FINANCE] });
    seedSpreadsheet({
      tabs: {
        กองคลัง: [
          ['รหัส', 'ผล'],
          ['A', ''],
          ['B', ''],
        ],
      },
    });
    const ss = SpreadsheetApp.getActive(); // call 1
    const seen: unknown[] = [];
    fakes.calls.before(4, () => {
      seen.push(fakes.calls.total());
      expect(fakes.sheets.typeAs(FINANCE, 'กองคลัง', 'B2', 'พิมพ์ระหว่างทาง')).toBe('typed');
    });
    const sheet = ss.getSheetByName('กองคลัง')!; // call 2
    const range = sheet.getRange('A1:B3'); // call 3
    const values = range.getValues(); // call 4: the typing landed just before it
    expect(seen).toEqual([3]);
    expect(values[1][1]).toBe('พิมพ์ระหว่างทาง');
    expect(fakes.calls.total()).toBe(4);
    expect(fakes.calls.pending()).toBe(0);
    // the script's own user is back; a protected cell refuses the typist
    expect(Session.getEffectiveUser().getEmail()).toBe(ADMIN);
    const p = sheet.getRange('B3').protect();
    p.removeEditors(p.getEditors());
    expect(fakes.sheets.typeAs(FINANCE, 'กองคลัง', 'B3', 'x')).toBe('refused');
    expect(fakes.sheets.cell('กองคลัง', 'B3').value).toBe('');
  });
});

describe('rows move as wholes', () => {
  it('moveRows: the MoveDimensionRequest example (0,1,2,3,4 → move 1,2 to index 4 → 0,3,1,2,4)', () => {
    fakes = installFakes();
    seedSpreadsheet({ tabs: { t: [[0], [1], [2], [3], [4]] } });
    const sheet = SpreadsheetApp.getActive().getSheetByName('t')!;
    sheet.moveRows(sheet.getRange('2:3'), 5);
    expect(fakes.sheets.values('t')!.map((r) => r[0])).toEqual([0, 3, 1, 2, 4]);
    sheet.moveRows(sheet.getRange(4, 1), 1); // upwards: 2 goes first
    expect(fakes.sheets.values('t')!.map((r) => r[0])).toEqual([2, 0, 3, 1, 4]);
  });

  it('insertRowsAfter and deleteRows shift what is below; a protected range follows its rows', () => {
    fakes = installFakes({ user: ADMIN, owner: OWNER, editors: [ADMIN, FINANCE] });
    seedSpreadsheet({ tabs: { t: [['h'], ['a'], ['b'], ['c']] } });
    const sheet = SpreadsheetApp.getActive().getSheetByName('t')!;
    const p = sheet.getRange('A3').protect();
    p.removeEditors(p.getEditors());
    sheet.insertRowsAfter(1, 2);
    expect(fakes.sheets.values('t')!.map((r) => r[0])).toEqual(['h', '', '', 'a', 'b', 'c']);
    expect(fakes.sheets.protections('t')[0].range).toBe('A5');
    sheet.deleteRows(5, 1);
    expect(fakes.sheets.protections('t')).toEqual([]);
  });
});

describe('seedSpreadsheet', () => {
  it('creates exactly the snapshot’s tabs and round-trips core’s wall-clock dates', () => {
    fakes = installFakes();
    const due = new Date(Date.UTC(2023, 2, 31)); // 31 Mar 2023 in core's convention
    seedSpreadsheet({
      tabs: {
        กำหนดการ: [
          ['รหัสกำหนดการ', 'วันที่ครบกำหนด'],
          ['MS-01', due],
        ],
        มาตรการ: [['รหัสมาตรการ']],
      },
    });
    expect(fakes.sheets.tabNames()).toEqual(['กำหนดการ', 'มาตรการ']);
    const stored = fakes.sheets.values('กำหนดการ')?.[1][1] as Date;
    expect(stored.toISOString()).toBe('2023-03-30T17:00:00.000Z'); // midnight in Bangkok
    expect(fakes.sheets.snapshot().tabs.กำหนดการ[1][1]).toEqual(due);
  });
});
