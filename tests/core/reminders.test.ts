// The reminder schedule in core: which stage goes out on which day, once; the Thai digests.

import { generateTracker } from '../../bench/generate';
import type { Cell } from '../../src/core/cells';
import type { DivisionEntry, EmailLogEntry } from '../../src/core/model';
import { logRowCells } from '../../src/core/reminder-log';
import { simulateReminders } from '../../src/core/reminder-simulation';
import type { ReminderPlan } from '../../src/core/reminder-types';
import { planReminders } from '../../src/core/reminders';
import { tableOf } from '../../src/core/rows';
import { EMAIL_LOG_TAB, HOLIDAYS_TAB, headersOf } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { addDays } from '../../src/core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { fixedHolidays, workingCalendar } from '../../src/core/working-days';
import { d, division, measure, miniWorkbook } from '../support/workbook';

const DUE = '2023-03-31';
const EXAMPLE_HOLIDAYS = parseWorkbook(templateSnapshot({ example: true })).tracker.holidays;
const links = { divisionTabUrl: (code: string) => `https://sheet.example/#${code}` };

function workbook(
  opts: {
    settings?: Record<string, Cell>;
    palad?: Partial<DivisionEntry>[];
    finance?: Partial<DivisionEntry>[];
    notifyFinance?: string[];
  } = {},
): WorkbookSnapshot {
  return miniWorkbook({
    settings: { executives: 'mayor@example.org', ...opts.settings },
    divisions: [
      division('PALAD', 'สำนักปลัด', { head: 'นางสาวปลัด ทดสอบ' }),
      division('FINANCE', 'กองคลัง', {
        notifyEmails: opts.notifyFinance ?? ['finance@example.org', 'chief@example.org'],
      }),
    ],
    measures: [
      measure('IIT-01', 'IIT', ['สำนักปลัด'], { issue: 'การเปิดเผยข้อมูล' }),
      measure('EIT-01', 'EIT', ['กองคลัง'], { issue: 'การจัดซื้อจัดจ้าง' }),
    ],
    entries: {
      PALAD: opts.palad ?? [
        { key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูลบนเว็บไซต์', due: DUE },
      ],
      FINANCE: opts.finance ?? [],
    },
  });
}

const plan = (snapshot: WorkbookSnapshot, today: string, log: EmailLogEntry[] = []): ReminderPlan =>
  planReminders({ today, tracker: parseWorkbook(snapshot).tracker, log, links });

/** Runs the scheduler on each given day, feeding its log back; returns what went out, by day. */
function runDays(snapshot: WorkbookSnapshot, days: string[]): { day: string; tokens: string[]; subject: string }[] {
  const log: EmailLogEntry[] = [];
  const out: { day: string; tokens: string[]; subject: string }[] = [];
  for (const day of days) {
    const p = plan(snapshot, day, log);
    log.push(...p.logRows);
    for (const m of p.queue) out.push({ day, tokens: m.tokens, subject: m.subject });
  }
  return out;
}

const everyDay = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let x = from; x <= to; x = addDays(x, 1)) out.push(x);
  return out;
};

describe('working days', () => {
  const holidays = (dates: string[]) => ({
    tabs: {
      [HOLIDAYS_TAB.name]: [headersOf(HOLIDAYS_TAB), ...dates.map((x) => [d(x), 'วันหยุด'])],
    },
  });
  const withHolidays = (snapshot: WorkbookSnapshot, dates: string[]): WorkbookSnapshot => ({
    tabs: { ...snapshot.tabs, ...holidays(dates).tabs },
  });

  test('nothing goes out on a Saturday, a Sunday or a holiday; the next working day catches up once', () => {
    const snapshot = withHolidays(workbook({ settings: { executives: '' } }), ['2023-03-27']);
    expect(plan(snapshot, '2023-03-25').queue).toEqual([]); // Saturday
    expect(plan(snapshot, '2023-03-26').queue).toEqual([]); // Sunday
    expect(plan(snapshot, '2023-03-27').queue).toEqual([]); // Monday, a holiday: the weekly digest waits
    const sent = runDays(snapshot, everyDay('2023-03-25', '2023-03-31'));
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([['2023-03-28', 'IIT-01@d-3']]);
  });

  test('a due date on a non-working day is due on the working day before it', () => {
    // due Sunday 2 April: the digest says Friday 31 March
    const p = plan(workbook({ palad: [{ key: 'IIT-01', due: '2023-04-02' }] }), '2023-03-27');
    expect(p.digests[0].text).toContain('กำหนดแล้วเสร็จ: ๓๑ มีนาคม ๒๕๖๖ (อีก ๔ วัน)');
    expect(p.digests[0].tokens).toEqual(['IIT-01@d-4']);
  });

  test('the calendar: weekly day moves to the next working day of its week; fixed holidays of a fiscal year', () => {
    const cal = workingCalendar([{ date: '2023-04-17', name: 'ชดเชย' }]);
    expect(cal.weeklyDay('2023-04-17', 1)).toBe('2023-04-18');
    expect(cal.onOrBefore('2023-04-17')).toBe('2023-04-14');
    expect(cal.onOrAfter('2023-04-15')).toBe('2023-04-18');
    expect(fixedHolidays(2566).map((h) => h.date)).toEqual([
      '2022-10-13',
      '2022-10-23',
      '2022-12-05',
      '2022-12-10',
      '2022-12-31',
      '2023-01-01',
      '2023-04-06',
      '2023-04-13',
      '2023-04-14',
      '2023-04-15',
      '2023-05-04',
      '2023-06-03',
      '2023-07-28',
      '2023-08-12',
    ]);
  });
});

describe('the weekly rhythm of a division', () => {
  test('every day from 3 weeks before to 4 weeks after: the Monday digest only, due date mentioned before it', () => {
    const sent = runDays(workbook({ settings: { executives: '' } }), everyDay('2023-03-10', '2023-04-30'));
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([
      ['2023-03-27', 'IIT-01@d-4'],
      ['2023-04-03', 'IIT-01@d+3'],
      ['2023-04-10', 'IIT-01@d+10'],
      ['2023-04-17', 'IIT-01@d+17'],
      ['2023-04-24', 'IIT-01@d+24'],
    ]);
  });

  test('the weekday is a setting: Wednesday', () => {
    const sent = runDays(
      workbook({ settings: { executives: '', divisionDigestDay: 'วันพุธ' } }),
      everyDay('2023-03-10', '2023-04-16'),
    );
    expect(sent.map((s) => s.day)).toEqual(['2023-03-29', '2023-04-05', '2023-04-12']);
  });

  test('a due date the weekly digest would miss gets one mid-week digest listing everything due soon', () => {
    // due Thursday 6 April, only 3 days looked ahead: Monday lists nothing, Monday 10 April is too late
    const snapshot = workbook({
      settings: { executives: '', dueSoonDays: 3 },
      palad: [
        { key: 'IIT-01', due: '2023-04-06' },
        { key: 'IIT-02', due: '2023-04-05' },
      ],
    });
    const sent = runDays(snapshot, everyDay('2023-03-27', '2023-04-09'));
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([['2023-04-03', 'IIT-02@d-2 IIT-01@d-3']]);
  });

  test('after missed days: one catch-up, not a burst', () => {
    const sent = runDays(workbook({ settings: { executives: '' } }), [
      '2023-03-10',
      '2023-04-11',
      '2023-04-12',
      '2023-04-14',
      '2023-04-17',
    ]);
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([
      ['2023-04-11', 'IIT-01@d+11'],
      ['2023-04-17', 'IIT-01@d+17'],
    ]);
  });

  test('a second run on the same day sends nothing (log read back from the sheet)', () => {
    const snapshot = workbook();
    const first = plan(snapshot, '2023-04-10');
    expect(first.queue).toHaveLength(2); // the division and the executives
    const withLog: WorkbookSnapshot = {
      tabs: {
        ...snapshot.tabs,
        [EMAIL_LOG_TAB.name]: [...tableOf(EMAIL_LOG_TAB, []), ...first.logRows.map(logRowCells)],
      },
    };
    const parsed = parseWorkbook(withLog).tracker;
    expect(parsed.emailLog.map((e) => [e.divisionCode, e.items, e.outcome])).toEqual([
      ['สำนักปลัด', 'IIT-01@d+10', 'ส่งแล้ว'],
      ['ผู้บริหาร', 'week@2023-04-10 PALAD:IIT-01@d+10', 'ส่งแล้ว'],
    ]);
    expect(planReminders({ today: '2023-04-10', tracker: parsed, log: parsed.emailLog, links }).queue).toEqual([]);
    expect(planReminders({ today: '2023-04-11', tracker: parsed, log: parsed.emailLog, links }).queue).toEqual([]);
  });

  test('deferred and failed messages go out on the next run', () => {
    const snapshot = workbook({ settings: { executives: '' } });
    const first = plan(snapshot, '2023-03-27');
    const log = first.logRows.map((r) => ({ ...r, outcome: 'เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)' }));
    expect(plan(snapshot, '2023-03-28', log).queue.map((m) => m.tokens)).toEqual([['IIT-01@d-3']]);
    const failed = first.logRows.map((r) => ({ ...r, outcome: 'ส่งไม่สำเร็จ: timeout' }));
    expect(plan(snapshot, '2023-03-28', failed).queue).toHaveLength(1);
  });

  test('the same key in two divisions is tracked per division', () => {
    const snapshot = miniWorkbook({
      divisions: [division('PALAD', 'สำนักปลัด'), division('FINANCE', 'กองคลัง')],
      measures: [measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง'])],
      entries: { PALAD: [{ key: 'EIT-01', due: DUE }], FINANCE: [{ key: 'EIT-01', due: DUE }] },
    });
    const first = plan(snapshot, '2023-03-27');
    expect(first.queue.map((m) => m.divisionCode)).toEqual(['PALAD', 'FINANCE']);
    expect(plan(snapshot, '2023-03-27', first.logRows.slice(0, 1)).queue.map((m) => m.divisionCode)).toEqual([
      'FINANCE',
    ]);
  });
});

describe('which items', () => {
  test('done items get nothing; in-progress ones do', () => {
    const p = plan(
      workbook({
        palad: [
          { key: 'IIT-01', due: DUE, status: 'done', result6: 'ทำแล้ว' },
          { key: 'IIT-02', due: DUE, status: 'in_progress', task: 'งานที่ยังทำอยู่' },
        ],
      }),
      '2023-03-30',
    );
    expect(p.queue.map((m) => m.tokens)).toEqual([['IIT-02@d-1']]);
    expect(p.queue[0].text).toContain('สถานะ: อยู่ระหว่างดำเนินการ');
  });

  test('an item with no due date uses the round due date from settings', () => {
    const p = plan(
      workbook({ palad: [{ key: 'IIT-01', due: null }], settings: { round6Due: d('2023-03-31') } }),
      '2023-03-30',
    );
    expect(p.queue.map((m) => m.tokens)).toEqual([['IIT-01@d-1']]);
    expect(p.queue[0].text).toContain('กำหนดแล้วเสร็จ: ๓๑ มีนาคม ๒๕๖๖ (อีก ๑ วัน)');
  });

  test('the current round decides which due date an undated item uses', () => {
    const snapshot = workbook({
      palad: [{ key: 'IIT-01', due: null }],
      settings: { currentRound: 12, round6Due: d('2023-03-31'), round12Due: d('2023-09-29') },
    });
    expect(plan(snapshot, '2023-03-30').queue).toEqual([]);
    expect(plan(snapshot, '2023-09-28').queue.map((m) => m.tokens)).toEqual([['IIT-01@d-1']]);
  });

  test('a milestone is reminded on its own date, under its measure, naming its row', () => {
    const snapshot = miniWorkbook({
      divisions: [division('FINANCE', 'กองคลัง')],
      measures: [measure('OIT-03', 'OIT', ['กองคลัง'], { issue: 'การใช้จ่ายงบประมาณ' })],
      milestones: [
        { id: 'MS-01', measureId: 'OIT-03', divisionCode: 'FINANCE', task: 'จัดทำแผนการใช้จ่าย', due: '2022-10-31' },
      ],
      entries: {
        FINANCE: [
          { key: 'OIT-03', area: 'OIT', issue: 'การใช้จ่ายงบประมาณ', task: 'รายงานผล', due: DUE },
          { key: 'MS-01', area: 'OIT', issue: 'การใช้จ่ายงบประมาณ', task: 'จัดทำแผนการใช้จ่าย', due: '2022-10-31' },
        ],
      },
    });
    const p = plan(snapshot, '2022-10-28');
    expect(p.queue.map((m) => m.tokens)).toEqual([['MS-01@d-3']]);
    expect(p.queue[0].text.split('\n')).toEqual(
      expect.arrayContaining([
        '๑. มาตรการ OIT-03 ด้าน OIT: การใช้จ่ายงบประมาณ',
        '   งาน MS-01: จัดทำแผนการใช้จ่าย',
        '   กำหนดแล้วเสร็จ: ๓๑ ตุลาคม ๒๕๖๕ (อีก ๓ วัน)',
      ]),
    );
  });

  test('no due date anywhere: nothing, no crash', () => {
    const p = plan(workbook({ palad: [{ key: 'IIT-01', due: null }], settings: { round6Due: null } }), '2023-03-30');
    expect(p.queue).toEqual([]);
  });
});

describe('digests', () => {
  const twoItems = workbook({
    palad: [
      { key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูลบนเว็บไซต์', due: '2023-04-07' },
      { key: 'IIT-02', area: 'IIT', issue: 'การร้องเรียน', task: 'ทำช่องทางร้องเรียน\nประชาสัมพันธ์ช่องทาง', due: '2023-03-20' },
    ],
    finance: [{ key: 'EIT-01', area: 'EIT', issue: 'การจัดซื้อจัดจ้าง', task: 'ประกาศแผนจัดซื้อ', due: '2023-03-31' }],
  });

  test('one digest per division, Thai subject, overdue first then due soon', () => {
    const p = plan(twoItems, '2023-03-31');
    expect(p.digests.map((m) => [m.divisionCode, m.to, m.subject])).toEqual([
      ['PALAD', ['palad@example.org'], 'แจ้งเตือนมาตรการ ITA ของสำนักปลัด: เกินกำหนด ๑ รายการ ใกล้ครบกำหนด ๑ รายการ'],
      ['FINANCE', ['finance@example.org', 'chief@example.org'], 'แจ้งเตือนมาตรการ ITA ของกองคลัง: ใกล้ครบกำหนด ๑ รายการ'],
    ]);
    const lines = p.digests[0].text.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'เรียน นางสาวปลัด ทดสอบ',
      '',
      'ระบบติดตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสของเทศบาลตำบลทดสอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ขอแจ้งรายการของสำนักปลัดที่ยังไม่ดำเนินการแล้วเสร็จ ดังนี้',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'รายการที่เกินกำหนด (๑ รายการ)',
        '๑. มาตรการ IIT-02 ด้าน IIT: การร้องเรียน',
        '   งาน: ทำช่องทางร้องเรียน',
        '      ประชาสัมพันธ์ช่องทาง',
        '   กำหนดแล้วเสร็จ: ๒๐ มีนาคม ๒๕๖๖ (เกินกำหนด ๑๑ วัน)',
        'รายการที่ใกล้ครบกำหนด (๑ รายการ)',
        '๑. มาตรการ IIT-01 ด้าน IIT: การเปิดเผยข้อมูล',
        '   กำหนดแล้วเสร็จ: ๗ เมษายน ๒๕๖๖ (อีก ๗ วัน)',
        'กรอกสถานะและผลการดำเนินการได้ที่แท็บ "สำนักปลัด": https://sheet.example/#PALAD',
      ]),
    );
    expect(lines.indexOf('รายการที่เกินกำหนด (๑ รายการ)')).toBeLessThan(lines.indexOf('รายการที่ใกล้ครบกำหนด (๑ รายการ)'));
    expect(p.digests[1].text).toContain('   กำหนดแล้วเสร็จ: ๓๑ มีนาคม ๒๕๖๖ (ครบกำหนดวันนี้)');
    expect(p.digests[1].text.split('\n')[0]).toBe('เรียน กองคลัง');
    expect(p.digests[0].html).toContain('<a href="https://sheet.example/#PALAD">เปิดแท็บ สำนักปลัด</a>');
  });

  test('numerals follow the setting', () => {
    const p = plan(workbook({ settings: { numerals: 'เลขอารบิก' } }), '2023-03-27');
    expect(p.digests[0].subject).toBe('แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด 1 รายการ');
    expect(p.digests[0].text).toContain('   กำหนดแล้วเสร็จ: 31 มีนาคม 2566 (อีก 4 วัน)');
    // the HTML list numbers itself as the text does: 1. here, ๑. under Thai numerals
    expect(p.digests[0].html).toContain('<ol>');
    expect(plan(workbook({}), '2023-03-27').digests[0].html).toContain('<ol style="list-style-type: thai">');
  });

  test('HTML is escaped; the plain text keeps what was typed', () => {
    const task = 'ทำ <b>ด่วน</b> & "ตรวจ" <script>x</script>';
    const p = plan(workbook({ palad: [{ key: 'IIT-01', task, due: DUE }] }), '2023-03-27');
    const html = p.digests[0].html;
    expect(html).toContain('ทำ &lt;b&gt;ด่วน&lt;/b&gt; &amp; &quot;ตรวจ&quot; &lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<b>ด่วน</b>');
    expect(html).not.toContain('<script>');
    expect(p.digests[0].text).toContain(`   งาน: ${task}`);
  });

  test('overdue digests are queued first whatever the division order', () => {
    const p = plan(
      workbook({
        palad: [{ key: 'IIT-01', due: '2023-04-07' }],
        finance: [{ key: 'EIT-01', due: '2023-03-20' }],
        settings: { executives: '' },
      }),
      '2023-04-03',
    );
    expect(p.queue.map((m) => [m.divisionCode, m.overdue])).toEqual([
      ['FINANCE', true],
      ['PALAD', false],
    ]);
  });

  test('a division without notify e-mails goes to the admins; with neither, it is reported', () => {
    const toAdmins = plan(
      workbook({
        finance: [{ key: 'EIT-01', due: DUE }],
        notifyFinance: [],
        settings: { admins: 'admin@example.org' },
      }),
      '2023-03-27',
    );
    expect(toAdmins.digests.find((m) => m.divisionCode === 'FINANCE')?.to).toEqual(['admin@example.org']);
    const nobody = plan(workbook({ finance: [{ key: 'EIT-01', due: DUE }], notifyFinance: [] }), '2023-03-27');
    expect(nobody.digests.map((m) => m.divisionCode)).toEqual(['PALAD']);
    expect(nobody.unaddressed).toEqual([
      'กองคลัง มีรายการที่ต้องแจ้งเตือน แต่ไม่มีอีเมลรับแจ้งเตือนและไม่มีอีเมลผู้ดูแลระบบ — กรอกอีเมลในแท็บ "หน่วยงาน"',
    ]);
  });
});

describe('the executives: one summary a week at most', () => {
  const snapshot = workbook({
    palad: [{ key: 'IIT-01', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูล', due: DUE }],
    finance: [{ key: 'EIT-01', issue: 'การจัดซื้อจัดจ้าง', task: 'ประกาศแผน', due: '2023-03-20' }],
    settings: { executives: 'mayor@example.org, deputy@example.org' },
  });
  const toExecutives = (days: string[]) =>
    runDays(snapshot, days)
      .filter((s) => s.tokens.some((t) => t.includes(':') || t.startsWith('week@') || t.startsWith('round')))
      .map((s) => [s.day, s.tokens.join(' ')]);

  test('weekly on Monday when something is overdue; the round summary replaces it in the round due week', () => {
    expect(toExecutives(everyDay('2023-03-13', '2023-04-16'))).toEqual([
      // week of 20 March: FINANCE is late only from Tuesday, not more than 7 days by Sunday: nothing
      ['2023-03-31', 'round6@2023-03-31 FINANCE:EIT-01@d+11'], // round 6 due: the week's one summary
      ['2023-04-03', 'week@2023-04-03 FINANCE:EIT-01@d+14 PALAD:IIT-01@d+3'],
      ['2023-04-10', 'week@2023-04-10 FINANCE:EIT-01@d+21 PALAD:IIT-01@d+10'],
    ]);
  });

  test('counts by division, the oldest overdue items; never twice a week', () => {
    const p = plan(snapshot, '2023-04-10');
    const e = p.escalation!;
    expect(e.to).toEqual(['mayor@example.org', 'deputy@example.org']);
    expect(e.subject).toBe('สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๒ รายการ จาก ๒ หน่วยงาน');
    expect(e.text.split('\n')).toEqual(
      expect.arrayContaining([
        'เรียน ผู้บริหารเทศบาลตำบลทดสอบ',
        '- สำนักปลัด: เกินกำหนด ๑ รายการ (ยังไม่แล้วเสร็จทั้งหมด ๑ รายการ) https://sheet.example/#PALAD',
        '- กองคลัง: เกินกำหนด ๑ รายการ (ยังไม่แล้วเสร็จทั้งหมด ๑ รายการ) https://sheet.example/#FINANCE',
        'รายการที่เกินกำหนดนานที่สุด ๒ รายการ',
        '   กำหนดแล้วเสร็จ: ๒๐ มีนาคม ๒๕๖๖ (เกินกำหนด ๒๑ วัน)',
        '   หน่วยงาน: กองคลัง',
      ]),
    );
    // both divisions are overdue: their digests go first, then the summary
    expect(p.queue.map((m) => m.kind)).toEqual(['division', 'division', 'escalation']);
    expect(plan(snapshot, '2023-04-12', p.logRows).queue).toEqual([]);
  });

  test('no executives set: no summary', () => {
    expect(plan(workbook({ settings: { executives: '' } }), '2023-04-10').escalation).toBeNull();
  });
});

describe('a year of the daily run, nothing ever done (FY 2566)', () => {
  test.each([
    ['the example', () => parseWorkbook(templateSnapshot({ example: true })).tracker],
    [
      '15 divisions, 300 measures',
      () => ({ ...parseWorkbook(generateTracker(300, 15)).tracker, holidays: EXAMPLE_HOLIDAYS }),
    ],
  ])(
    '%s: no weekend or holiday sends, at most 2 a week per division and 1 to the executives, every due date in its window',
    (_, tracker) => {
      const sim = simulateReminders({ tracker: tracker(), from: '2022-10-01', to: '2023-09-30' });
      expect(sim.offDaySends).toBe(0);
      for (const r of sim.recipients)
        expect(r.worstWeek?.count ?? 0).toBeLessThanOrEqual(r.divisionCode === '' ? 1 : 2);
      expect(sim.recipients.some((r) => r.divisionCode === '')).toBe(true);
      expect(sim.dueMentions.length).toBeGreaterThan(0);
      expect(sim.dueMentions.filter((m) => m.mentionedOn === null)).toEqual([]);
    },
  );
});

describe('the weekly cap', () => {
  test('a division hears at most twice a week, even when a new due date comes up every day', () => {
    // due dates on Tue, Wed and Thu with nothing "due soon" ahead of them: each comes up unmentioned on a
    // day of its own (Mon, Tue, Wed) and would be a digest of its own; the third is held back by the cap
    // of two (with a cap of three, Wednesday's goes out too: this test fails)
    const snapshot = workbook({
      settings: { dueSoonDays: 0, divisionDigestDay: 'จันทร์' },
      palad: ['2023-03-28', '2023-03-29', '2023-03-30'].map((due, i) => ({
        key: `IIT-0${i + 1}`,
        area: 'IIT' as const,
        issue: 'การเปิดเผยข้อมูล',
        task: `งานที่ ${i + 1}`,
        due,
      })),
    });
    const sent = runDays(snapshot, everyDay('2023-03-27', '2023-03-31')).filter((m) => m.subject.includes('สำนักปลัด'));
    expect(sent.map((m) => m.day)).toEqual(['2023-03-27', '2023-03-28']);
  });
});

describe('the reminder window and the week, at their edges (docs/reminders.md)', () => {
  /** A message the log says went out that day to a division (by name) or to the executives ('ผู้บริหาร'). */
  const sentRow = (day: string, who: string, items: string): EmailLogEntry => ({
    sentAt: `${day} 08:00`,
    divisionCode: who,
    recipients: 'x@example.org',
    items,
    stage: '',
    outcome: 'ส่งแล้ว',
    subject: '',
  });
  const paladDays = (snapshot: WorkbookSnapshot, days: string[], log: EmailLogEntry[] = []) => {
    const out: string[] = [];
    for (const day of days) {
      const p = plan(snapshot, day, log);
      log.push(...p.logRows);
      for (const m of p.queue) if (m.divisionCode === 'PALAD') out.push(`${day} ${m.tokens.join(' ')}`);
    }
    return out;
  };

  test('rows logged after this week (a clock ahead, a row typed by hand) count neither against the cap nor as this week’s digest or summary', () => {
    const snapshot = workbook({ palad: [{ key: 'IIT-01', due: '2023-03-20' }] });
    const later = [
      sentRow('2023-04-17', 'สำนักปลัด', 'IIT-01@d+28'),
      sentRow('2023-04-18', 'สำนักปลัด', 'IIT-01@d+29'),
      sentRow('2023-04-17', 'ผู้บริหาร', 'week@2023-04-17 PALAD:IIT-01@d+28'),
    ];
    const p = plan(snapshot, '2023-04-10', later);
    expect(p.queue.map((m) => [m.kind, m.tokens.join(' ')])).toEqual([
      ['division', 'IIT-01@d+21'],
      ['escalation', 'week@2023-04-10 PALAD:IIT-01@d+21'],
    ]);
  });

  test('the log names each message’s stage: days ahead, the due day, days late', () => {
    const snapshot = workbook({ settings: { executives: '' } });
    const stages = ['2023-03-27', '2023-03-31', '2023-04-03'].map((day) => plan(snapshot, day).logRows[0].stage);
    expect(stages).toEqual(['ล่วงหน้า ๔ วัน', 'วันครบกำหนด', 'เกินกำหนด ๓ วัน']);
  });

  test('overdue divisions go first, among themselves in the divisions tab’s order (one late item is enough)', () => {
    const p = plan(
      workbook({
        settings: { executives: '' },
        palad: [
          { key: 'IIT-01', due: '2023-03-20' },
          { key: 'IIT-02', due: '2023-04-12' },
        ],
        finance: [{ key: 'EIT-01', due: '2023-03-24' }],
      }),
      '2023-04-10',
    );
    expect(p.queue.map((m) => [m.divisionCode, m.tokens.join(' ')])).toEqual([
      ['PALAD', 'IIT-01@d+21 IIT-02@d-2'],
      ['FINANCE', 'EIT-01@d+17'],
    ]);
  });

  // Monday digests looking 3 days ahead; this week's Monday digest (3 April) went out listing another item
  const midWeek = (due: string) =>
    workbook({
      settings: { executives: '', dueSoonDays: 3 },
      palad: [
        { key: 'IIT-01', due },
        { key: 'IIT-09', due: '2023-05-31' },
      ],
    });
  const mondaySent = () => [sentRow('2023-04-03', 'สำนักปลัด', 'IIT-05@d-1')];

  test('an item nobody was told about is still mentioned 3 days after its written due date, not 4', () => {
    // due Monday 3 April, first seen on Thursday: once, that day, and nothing on Friday
    expect(paladDays(midWeek('2023-04-03'), ['2023-04-06', '2023-04-07'], mondaySent())).toEqual([
      '2023-04-06 IIT-01@d+3',
    ]);
    expect(paladDays(midWeek('2023-04-03'), ['2023-04-07'], mondaySent())).toEqual([]);
  });

  test('a mention on the day the window opens (7 days before the written due date) counts; the day before does not', () => {
    // due Friday 14 April: Monday 10 April does not list it yet (4 days ahead), Tuesday 11 April does
    const snapshot = midWeek('2023-04-14');
    expect(
      paladDays(snapshot, everyDay('2023-04-10', '2023-04-13'), [sentRow('2023-04-07', 'สำนักปลัด', 'IIT-01@d-7')]),
    ).toEqual([]);
    expect(
      paladDays(snapshot, everyDay('2023-04-10', '2023-04-13'), [sentRow('2023-04-06', 'สำนักปลัด', 'IIT-01@d-8')]),
    ).toEqual(['2023-04-11 IIT-01@d-3']);
  });

  test('a missed weekly digest is caught up for what it would have listed on its day, its last day ahead included', () => {
    // looking 7 days ahead, Monday 10 April would have listed the item due Monday 17 April; that run
    // did not happen, so Tuesday sends it (and the next Monday again, as the item is then due)
    const snapshot = workbook({
      settings: { executives: '', dueSoonDays: 7 },
      palad: [{ key: 'IIT-01', due: '2023-04-17' }],
    });
    expect(paladDays(snapshot, everyDay('2023-04-11', '2023-04-14'))).toEqual(['2023-04-11 IIT-01@d-6']);
  });

  test('due on the next weekly digest’s day: that digest mentions it, no mid-week one before', () => {
    expect(paladDays(midWeek('2023-04-17'), everyDay('2023-04-10', '2023-04-17'))).toEqual(['2023-04-17 IIT-01@d0']);
    // due the day before: the Friday it comes up, mid-week
    expect(paladDays(midWeek('2023-04-14'), everyDay('2023-04-10', '2023-04-17'))).toEqual([
      '2023-04-11 IIT-01@d-3',
      '2023-04-17 IIT-01@d+3',
    ]);
  });
});
