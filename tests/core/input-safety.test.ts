// Careless and hostile input in core (issue 17): look-alike text, one case rule for ids, settings that
// would be ignored, recipients that are not addresses, and cell references as Sheets writes them.

import { matchDivision } from '../../src/core/cell-values';
import { cellRef, cleanText, idKey, invisibleIn, isBlank, nameText } from '../../src/core/cells';
import { INPUT, INVISIBLE_LABEL } from '../../src/core/messages/input-safety';
import { REMIND } from '../../src/core/messages/reminders';
import { formatProblem } from '../../src/core/messages/validation';
import { logEntry, notSentOutcome, wasSent } from '../../src/core/reminder-log';
import { planReminders } from '../../src/core/reminders';
import { parseOffsets } from '../../src/core/settings-tab';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from '../support/workbook';

const links = { divisionTabUrl: () => '' };

describe('look-alike text is compared as it looks', () => {
  test.each([
    ['กอง\u200Bคลัง', 'กองคลัง'],
    ['\uFEFFกองคลัง\u2060', 'กองคลัง'],
    ['กองคลัง\u00A0', 'กองคลัง'],
    ['ส\u0E4D\u0E32นักปลัด', 'สำนักปลัด'],
    ['IIT\u00A001', 'IIT 01'],
    ['e\u0301', 'é'],
    ['\u200B\u200C\u200D', ''],
  ])('cleanText(%j) = %j', (raw, clean) => {
    expect(cleanText(raw)).toBe(clean);
  });

  test('invisibleIn names each invisible difference, in Thai, with its code point', () => {
    expect(invisibleIn('กอง\u200Bคลัง ')).toBe(`${INVISIBLE_LABEL.zwsp}, ${INVISIBLE_LABEL.trailing}`);
    expect(invisibleIn('ส\u0E4D\u0E32นัก')).toBe(INVISIBLE_LABEL.saraAm);
    expect(invisibleIn('กองคลัง')).toBe('');
  });

  test('a cell of invisible characters only is blank; free text keeps what was typed', () => {
    expect(isBlank('\u200B \u00A0')).toBe(true);
    expect(isBlank('\u200Bก')).toBe(false);
    expect(nameText('  ส\u0E4D\u0E32นักปลัด\u200B ')).toBe('สำนักปลัด');
  });

  test('a division written with a decomposed sara am or a zero-width space resolves', () => {
    const divisions = [division('PALAD', 'สำนักปลัด'), division('FINANCE', 'กองคลัง')];
    expect(matchDivision('ส\u0E4D\u0E32นักปลัด', divisions)).toBe('PALAD');
    expect(matchDivision('กอง\u200Bคลัง', divisions)).toBe('FINANCE');
    expect(matchDivision('finance\u00A0', divisions)).toBe('FINANCE');
  });

  test('a measure whose responsible division is typed with invisible characters has no unknown-division error', () => {
    const s = miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('EIT-01', 'EIT', ['กอง\u200Bคลัง\u00A0'])],
    });
    const ps = validateWorkbook(s).filter((p) => p.code === 'unknown-division');
    expect(ps).toEqual([]);
    expect(parseWorkbook(s).tracker.measures[0].responsibleCodes).toEqual(['FINANCE']);
  });

  test('an unknown division holding invisible characters: the message says which', () => {
    const s = miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('EIT-01', 'EIT', ['กองช่าง\u200B'])],
    });
    const [p] = validateWorkbook(s).filter((x) => x.code === 'unknown-division');
    expect(p.cell).toBe('E2');
    expect(p.message).toContain(INPUT.invisibleNote(INVISIBLE_LABEL.zwsp));
  });
});

describe('one case rule for every id', () => {
  const twoMeasures = (a: string, b: string): WorkbookSnapshot =>
    miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure(a, 'IIT', ['กองคลัง']), measure(b, 'IIT', ['กองคลัง'])],
    });

  test('idKey ignores case and invisible characters', () => {
    expect(idKey('iit-01\u200B')).toBe(idKey('IIT-01'));
  });

  test('measure ids differing only in case are one id: a duplicate at the second, naming the first', () => {
    const ps = validateWorkbook(twoMeasures('IIT-01', 'iit-01')).filter((p) => p.code === 'duplicate-id');
    expect(ps).toEqual([
      expect.objectContaining({ tab: 'มาตรการ', cell: 'A3', message: INPUT.duplicateIdCase('iit-01', 'A2', 'IIT-01') }),
    ]);
  });

  test('division codes follow the same rule', () => {
    const s = miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง'), division('finance', 'กองช่าง')],
      measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
    });
    const ps = validateWorkbook(s).filter((p) => p.code === 'duplicate-id');
    expect(ps).toEqual([expect.objectContaining({ tab: 'หน่วยงาน', cell: 'A3' })]);
  });

  test('a milestone id equal to a measure id (in any case) is an error at the milestone id', () => {
    const s = miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('OIT-03', 'OIT', ['กองคลัง'])],
      milestones: [{ id: 'oit-03', measureId: 'OIT-03', divisionCode: 'FINANCE', task: 'งาน', due: '2023-03-31' }],
    });
    expect(validateWorkbook(s).filter((p) => p.code === 'milestone-is-measure')).toEqual([
      expect.objectContaining({
        tab: 'กำหนดการ',
        cell: 'A2',
        severity: 'error',
        message: INPUT.milestoneIsMeasure('oit-03'),
      }),
    ]);
  });
});

describe('settings that would be accepted and then ignored', () => {
  test('offsets in Thai digits are read as the numbers they are', () => {
    expect(parseOffsets('๑๔, ๗, ๑')).toEqual([14, 7, 1]);
    const s = miniWorkbook({
      settings: { reminderOffsets: '๓๐, ๒' },
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
    });
    expect(parseWorkbook(s).tracker.settings.reminderOffsets).toEqual([30, 2]);
    expect(validateWorkbook(s).filter((p) => p.tab === 'ตั้งค่า')).toEqual([]);
  });

  test('a number setting in Thai digits is honoured without an error', () => {
    const s = miniWorkbook({
      settings: { overdueRepeatDays: '๓', reportFontSize: '๑๘' },
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
    });
    const { settings } = parseWorkbook(s).tracker;
    expect([settings.overdueRepeatDays, settings.reportFontSize]).toEqual([3, 18]);
    expect(validateWorkbook(s).filter((p) => p.tab === 'ตั้งค่า')).toEqual([]);
  });

  test('a negative font size is an error at its value cell', () => {
    const s = miniWorkbook({
      settings: { reportFontSize: -16 },
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['กองคลัง'])],
    });
    expect(validateWorkbook(s).filter((p) => p.code === 'too-small')).toEqual([
      expect.objectContaining({
        tab: 'ตั้งค่า',
        cell: expect.stringMatching(/^C\d+$/),
        message: INPUT.tooSmall('-16', 1),
      }),
    ]);
  });
});

describe('remind sends only to real addresses', () => {
  const book = (notify: string[], settings: Record<string, string> = {}) =>
    miniWorkbook({
      settings: { admins: '', executives: '', ...settings },
      divisions: [division('FINANCE', 'กองคลัง', { notifyEmails: notify })],
      measures: [measure('EIT-01', 'EIT', ['กองคลัง'])],
      entries: { FINANCE: [{ key: 'EIT-01', area: 'EIT', issue: 'ก', task: 'ข', due: '2023-03-31' }] },
    });
  const plan = (s: WorkbookSnapshot, today = '2023-04-20') =>
    planReminders({ today, tracker: parseWorkbook(s).tracker, log: [], links });

  test('words in the notify cell are no recipient: nothing queued, one unsent digest, a message with the cell', () => {
    const p = plan(book(['ผอ. กองคลัง']));
    expect(p.queue).toEqual([]);
    expect(p.unsent).toHaveLength(1);
    expect(p.unsent[0].to).toEqual([]);
    expect(p.unaddressed).toEqual([INPUT.noValidRecipient('กองคลัง', 'หน่วยงาน!D2', 'ผอ. กองคลัง')]);
    // logged as not sent: the log row does not count as sent, so the next run tries again
    const row = logEntry(p.unsent[0], notSentOutcome, new Date('2023-04-20T08:00:00Z'));
    expect(wasSent(row)).toBe(false);
    expect(row.outcome).toBe(REMIND.outcome.failed(INPUT.notSentNoAddress));
    const next = planReminders({
      today: '2023-04-20',
      tracker: parseWorkbook(book(['ผอ. กองคลัง'])).tracker,
      log: [row],
      links,
    });
    expect(next.unsent).toHaveLength(1);
  });

  test('the admins are the fallback only when they are addresses', () => {
    expect(plan(book(['ผอ. กองคลัง'], { admins: 'ฝ่ายธุรการ, admin@example.org' })).queue[0].to).toEqual([
      'admin@example.org',
    ]);
  });

  test('an address pasted with a zero-width space or a no-break space is still that address', () => {
    expect(plan(book(['finance@example.org\u200B'])).queue[0].to).toEqual(['finance@example.org']);
    const s = book([]);
    s.tabs.หน่วยงาน[1][3] = '\u00A0finance@example.org\u200B';
    expect(validateWorkbook(s).filter((p) => p.code === 'bad-email')).toEqual([]);
    expect(plan(s).queue[0].to).toEqual(['finance@example.org']);
  });

  test('a mix of words and addresses: only the addresses', () => {
    expect(plan(book(['ผอ. กองคลัง', 'finance@example.org'])).queue[0].to).toEqual(['finance@example.org']);
  });

  test('executives that are not addresses: the escalation is not sent, is said and is logged as not sent', () => {
    const p = plan(book(['finance@example.org'], { executives: 'นายกเทศมนตรี' }), '2023-05-22'); // a Monday: the weekly summary
    expect(p.escalation).toBeNull();
    expect(p.unsent.map((d) => d.kind)).toEqual(['escalation']);
    expect(p.unaddressed.join('\n')).toContain('ผู้บริหาร');
  });
});

describe('cell references as Sheets writes them', () => {
  test.each([
    ['มาตรการ', 'C4', 'มาตรการ!C4'],
    ['กอง!ช่าง', 'F2', "'กอง!ช่าง'!F2"],
    ['กอง ช่าง', 'F2', "'กอง ช่าง'!F2"],
    ["O'Neil", 'A1', "'O''Neil'!A1"],
    ['2566', 'B2', "'2566'!B2"],
    ['มาตรการ', '', 'มาตรการ'],
  ])('%s %s → %s', (tab, cell, ref) => {
    expect(cellRef(tab, cell)).toBe(ref);
  });

  test('formatProblem uses it', () => {
    expect(formatProblem({ severity: 'error', tab: 'กอง!ช่าง', cell: 'F2', message: 'x' })).toBe(
      "ข้อผิดพลาด 'กอง!ช่าง'!F2: x",
    );
  });
});
