// The reminder schedule in core: which stage goes out on which day, once; the Thai digests.
import type { Cell } from '../../src/core/cells';
import type { DivisionEntry, EmailLogEntry } from '../../src/core/model';
import { currentStage, logRowCells, planReminders, type ReminderPlan } from '../../src/core/reminders';
import { tableOf } from '../../src/core/rows';
import { EMAIL_LOG_TAB } from '../../src/core/schema';
import { addDays } from '../../src/core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { d, division, measure, miniWorkbook } from '../support/workbook';

const DUE = '2023-03-31';
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

describe('stages', () => {
  const settings = { reminderOffsets: [14, 7, 1], overdueRepeatDays: 7 };
  test.each([
    ['2023-03-16', null], // 15 days before: nothing yet
    ['2023-03-17', 'd-14'],
    ['2023-03-20', 'd-14'], // between stages: the latest that has come
    ['2023-03-24', 'd-7'],
    ['2023-03-30', 'd-1'],
    ['2023-03-31', 'd0'],
    ['2023-04-06', 'd0'],
    ['2023-04-07', 'd+7'],
    ['2023-04-13', 'd+7'],
    ['2023-04-14', 'd+14'],
    ['2023-05-05', 'd+35'],
  ])('on %s the stage is %s', (today, id) => {
    expect(currentStage(DUE, today, settings)?.id ?? null).toBe(id);
  });

  test('custom offsets and repeat', () => {
    const s = { reminderOffsets: [3], overdueRepeatDays: 5 };
    expect(currentStage(DUE, '2023-03-27', s)).toBeNull();
    expect(currentStage(DUE, '2023-03-28', s)?.id).toBe('d-3');
    expect(currentStage(DUE, '2023-04-05', s)?.id).toBe('d+5');
    expect(currentStage(DUE, '2023-04-10', s)?.id).toBe('d+10');
  });
});

describe('a daily run sends each stage once', () => {
  test('every day from 3 weeks before to 4 weeks after: one e-mail per stage, on its day', () => {
    const sent = runDays(workbook({ settings: { executives: '' } }), everyDay('2023-03-10', '2023-04-30'));
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([
      ['2023-03-17', 'IIT-01@d-14'],
      ['2023-03-24', 'IIT-01@d-7'],
      ['2023-03-30', 'IIT-01@d-1'],
      ['2023-03-31', 'IIT-01@d0'],
      ['2023-04-07', 'IIT-01@d+7'],
      ['2023-04-14', 'IIT-01@d+14'],
      ['2023-04-21', 'IIT-01@d+21'],
      ['2023-04-28', 'IIT-01@d+28'],
    ]);
  });

  test('after missed days: one catch-up of the latest stage, not a burst', () => {
    const sent = runDays(workbook({ settings: { executives: '' } }), [
      '2023-03-10',
      '2023-04-10',
      '2023-04-11',
      '2023-04-12',
      '2023-04-14',
    ]);
    expect(sent.map((s) => [s.day, s.tokens.join(' ')])).toEqual([
      ['2023-04-10', 'IIT-01@d+7'],
      ['2023-04-14', 'IIT-01@d+14'],
    ]);
  });

  test('a second run on the same day sends nothing (log read back from the sheet)', () => {
    const snapshot = workbook();
    const first = plan(snapshot, '2023-04-14');
    expect(first.queue).toHaveLength(2); // the division and the executives
    const withLog: WorkbookSnapshot = {
      tabs: {
        ...snapshot.tabs,
        [EMAIL_LOG_TAB.name]: [...tableOf(EMAIL_LOG_TAB, []), ...first.logRows.map(logRowCells)],
      },
    };
    const parsed = parseWorkbook(withLog).tracker;
    expect(parsed.emailLog.map((e) => [e.divisionCode, e.items, e.outcome])).toEqual([
      ['สำนักปลัด', 'IIT-01@d+14', 'ส่งแล้ว'],
      ['ผู้บริหาร', 'PALAD:IIT-01@d+14', 'ส่งแล้ว'],
    ]);
    expect(planReminders({ today: '2023-04-14', tracker: parsed, log: parsed.emailLog, links }).queue).toEqual([]);
  });

  test('deferred and failed messages go out on the next run', () => {
    const snapshot = workbook({ settings: { executives: '' } });
    const first = plan(snapshot, '2023-03-24');
    const log = first.logRows.map((r) => ({ ...r, outcome: 'เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)' }));
    expect(plan(snapshot, '2023-03-25', log).queue.map((m) => m.tokens)).toEqual([['IIT-01@d-7']]);
    const failed = first.logRows.map((r) => ({ ...r, outcome: 'ส่งไม่สำเร็จ: timeout' }));
    expect(plan(snapshot, '2023-03-25', failed).queue).toHaveLength(1);
  });

  test('the same key in two divisions is tracked per division', () => {
    const snapshot = miniWorkbook({
      divisions: [division('PALAD', 'สำนักปลัด'), division('FINANCE', 'กองคลัง')],
      measures: [measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง'])],
      entries: { PALAD: [{ key: 'EIT-01', due: DUE }], FINANCE: [{ key: 'EIT-01', due: DUE }] },
    });
    const first = plan(snapshot, '2023-03-24');
    expect(first.queue.map((m) => m.divisionCode)).toEqual(['PALAD', 'FINANCE']);
    expect(plan(snapshot, '2023-03-24', first.logRows.slice(0, 1)).queue.map((m) => m.divisionCode)).toEqual([
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
    const p = plan(snapshot, '2022-10-30');
    expect(p.queue.map((m) => m.tokens)).toEqual([['MS-01@d-1']]);
    expect(p.queue[0].text.split('\n')).toEqual(
      expect.arrayContaining([
        '๑. มาตรการ OIT-03 ด้าน OIT: การใช้จ่ายงบประมาณ',
        '   งาน MS-01: จัดทำแผนการใช้จ่าย',
        '   กำหนดแล้วเสร็จ: ๓๑ ตุลาคม ๒๕๖๕ (อีก ๑ วัน)',
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
    const p = plan(workbook({ settings: { numerals: 'เลขอารบิก' } }), '2023-03-24');
    expect(p.digests[0].subject).toBe('แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด 1 รายการ');
    expect(p.digests[0].text).toContain('   กำหนดแล้วเสร็จ: 31 มีนาคม 2566 (อีก 7 วัน)');
    // the HTML list numbers itself as the text does: 1. here, ๑. under Thai numerals
    expect(p.digests[0].html).toContain('<ol>');
    expect(plan(workbook({}), '2023-03-24').digests[0].html).toContain('<ol style="list-style-type: thai">');
  });

  test('HTML is escaped; the plain text keeps what was typed', () => {
    const task = 'ทำ <b>ด่วน</b> & "ตรวจ" <script>x</script>';
    const p = plan(workbook({ palad: [{ key: 'IIT-01', task, due: DUE }] }), '2023-03-24');
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
      '2023-03-31',
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
      '2023-03-24',
    );
    expect(toAdmins.digests.find((m) => m.divisionCode === 'FINANCE')?.to).toEqual(['admin@example.org']);
    const nobody = plan(workbook({ finance: [{ key: 'EIT-01', due: DUE }], notifyFinance: [] }), '2023-03-24');
    expect(nobody.digests.map((m) => m.divisionCode)).toEqual(['PALAD']);
    expect(nobody.unaddressed).toEqual([
      'กองคลัง มีรายการที่ต้องแจ้งเตือน แต่ไม่มีอีเมลรับแจ้งเตือนและไม่มีอีเมลผู้ดูแลระบบ — กรอกอีเมลในแท็บ "หน่วยงาน"',
    ]);
  });
});

describe('escalation to the executives', () => {
  const snapshot = workbook({
    palad: [{ key: 'IIT-01', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ข้อมูล', due: DUE }],
    finance: [{ key: 'EIT-01', issue: 'การจัดซื้อจัดจ้าง', task: 'ประกาศแผน', due: '2023-03-20' }],
    settings: { executives: 'mayor@example.org, deputy@example.org' },
  });

  test.each([
    ['2023-03-27', null], // FINANCE late 7: not more than 7 yet
    ['2023-03-28', 'FINANCE:EIT-01@d+7'], // late 8, still the d+7 stage
    ['2023-04-07', 'FINANCE:EIT-01@d+14'], // PALAD late 7 = not more than 7; FINANCE late 18
    ['2023-04-08', 'PALAD:IIT-01@d+7 FINANCE:EIT-01@d+14'], // catch-up day: PALAD now late 8
    ['2023-04-14', 'PALAD:IIT-01@d+14 FINANCE:EIT-01@d+21'],
  ])('on %s the executives get %s', (today, tokens) => {
    const p = plan(snapshot, today);
    expect(p.escalation?.tokens.join(' ') ?? null).toBe(tokens);
  });

  test('one summary with subject, divisions and links; once per stage', () => {
    const p = plan(snapshot, '2023-04-14');
    const e = p.escalation!;
    expect(e.to).toEqual(['mayor@example.org', 'deputy@example.org']);
    expect(e.subject).toBe('รายงานผู้บริหาร: มาตรการ ITA เกินกำหนด ๒ รายการ จาก ๒ หน่วยงาน');
    expect(e.text.split('\n')).toEqual(
      expect.arrayContaining([
        'เรียน ผู้บริหารเทศบาลตำบลทดสอบ',
        'สำนักปลัด (๑ รายการ)',
        'กองคลัง (๑ รายการ)',
        '   กำหนดแล้วเสร็จ: ๒๐ มีนาคม ๒๕๖๖ (เกินกำหนด ๒๕ วัน)',
        '   เปิดแท็บ กองคลัง: https://sheet.example/#FINANCE',
      ]),
    );
    // both divisions are overdue: their digests go first, then the summary
    expect(p.queue.map((m) => m.kind)).toEqual(['division', 'division', 'escalation']);
    expect(plan(snapshot, '2023-04-15', p.logRows).queue).toEqual([]);
  });

  test('no executives set: no summary', () => {
    expect(plan(workbook({ settings: { executives: '' } }), '2023-04-14').escalation).toBeNull();
  });
});
