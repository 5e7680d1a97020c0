// The reminders in Apps Script, against the in-memory fakes: the daily trigger, the lock, the quota,
// the log it appends, the preview dialog, the trigger setup installs, and the service calls per run.
import type { Cell } from '../../src/core/cells';
import { DASHBOARD } from '../../src/core/messages/dashboard';
import { INPUT } from '../../src/core/messages/input-safety';
import { DOC_KIND } from '../../src/core/messages/plan';
import { REMIND } from '../../src/core/messages/reminders';
import { SYNC } from '../../src/core/messages/sync';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { V } from '../../src/core/messages/validation';
import type { DivisionEntry } from '../../src/core/model';
import { tableOf } from '../../src/core/rows';
import { EMAIL_LOG_TAB, REPORTS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { addDays } from '../../src/core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { mondayOf, workingCalendar } from '../../src/core/working-days';
import { dailyReminders, installReminderTrigger, menuPreviewReminders } from '../../src/gas/reminders';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { figure } from '../support/figures';
import { division, measure, miniWorkbook } from '../support/workbook';

const LOG = EMAIL_LOG_TAB.name;

function book(
  opts: { palad?: Partial<DivisionEntry>[]; finance?: Partial<DivisionEntry>[]; settings?: Record<string, Cell> } = {},
): WorkbookSnapshot {
  const snapshot = miniWorkbook({
    settings: { executives: 'mayor@example.org', ...opts.settings },
    divisions: [
      division('PALAD', 'สำนักปลัด', { notifyEmails: ['palad@example.org', 'clerk@example.org'] }),
      division('FINANCE', 'กองคลัง'),
    ],
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['กองคลัง'])],
    entries: {
      PALAD: opts.palad ?? [
        { key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ <b>ข้อมูล</b>', due: '2023-03-27' },
      ],
      FINANCE: opts.finance ?? [{ key: 'EIT-01', area: 'EIT', issue: 'การจัดซื้อ', task: 'ประกาศแผน', due: '2023-03-10' }],
    },
  });
  snapshot.tabs[LOG] = tableOf(EMAIL_LOG_TAB, []);
  return snapshot;
}

/** 08:00 in Bangkok on that day, as the trigger fires. */
const at = (iso: string) => jest.spyOn(Date, 'now').mockReturnValue(Date.parse(`${iso}T01:00:00Z`));

let fakes: FakeHandles;
/** the execution log (console.log in Apps Script) */
let executionLog: jest.SpyInstance;
beforeEach(() => {
  executionLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
const logRows = () =>
  (fakes.sheets.values(LOG) ?? []).slice(1).map((r) => ({ division: r[1], items: r[3], outcome: r[5], subject: r[6] }));

afterEach(() => {
  jest.restoreAllMocks();
  uninstallFakes();
});

describe('dailyReminders (time-driven trigger)', () => {
  test('a division tab whose status header was renamed: nothing is sent or logged, the execution log says which', () => {
    const snapshot = book();
    const header = snapshot.tabs.กองคลัง[0];
    header[header.indexOf(HEADER.status)] = 'สถานะงาน';
    fakes = installFakes({ snapshot });
    at('2023-03-24');
    dailyReminders();
    expect(fakes.mail.sent).toEqual([]);
    expect(logRows()).toEqual([]);
    const said = executionLog.mock.calls.map((c) => String(c[0])).join('\n');
    expect(said).toContain(SYNC.remindRefused);
    expect(said).toContain(V.missingHeader('กองคลัง', HEADER.status));
  });

  test('one digest per division, overdue first, then the executives; every message logged', () => {
    fakes = installFakes({ snapshot: book() });
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => [m.subject, m.to])).toEqual([
      ['แจ้งเตือนมาตรการ ITA ของกองคลัง: เกินกำหนด ๑ รายการ', ['finance@example.org']],
      ['สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน', ['mayor@example.org']],
      ['แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ', ['palad@example.org', 'clerk@example.org']],
    ]);
    const palad = fakes.mail.sent[2];
    expect(palad.name).toBe('ระบบติดตามมาตรการ ITA เทศบาลตำบลทดสอบ');
    expect(palad.body).toContain('   กำหนดแล้วเสร็จ: ๒๗ มีนาคม ๒๕๖๖ (อีก ๗ วัน)');
    expect(palad.body).toContain('   งาน: เผยแพร่ <b>ข้อมูล</b>');
    expect(palad.htmlBody).toContain('เผยแพร่ &lt;b&gt;ข้อมูล&lt;/b&gt;');
    // the link opens the division's own tab
    const gid = fakes.calls.untracked(() => fakes.spreadsheet.getSheetByName('สำนักปลัด')?.getSheetId());
    expect(palad.htmlBody).toContain(`<a href="${fakes.sheets.api.getUrl()}#gid=${gid}">เปิดแท็บ สำนักปลัด</a>`);
    expect(logRows()).toEqual([
      {
        division: 'กองคลัง',
        items: 'EIT-01@d+10',
        outcome: 'ส่งแล้ว',
        subject: 'แจ้งเตือนมาตรการ ITA ของกองคลัง: เกินกำหนด ๑ รายการ',
      },
      {
        division: 'ผู้บริหาร',
        items: 'week@2023-03-20 FINANCE:EIT-01@d+10',
        outcome: 'ส่งแล้ว',
        subject: 'สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน',
      },
      {
        division: 'สำนักปลัด',
        items: 'IIT-01@d-7',
        outcome: 'ส่งแล้ว',
        subject: 'แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ',
      },
    ]);
    // sent-at is a real date-time cell: 08:00 Bangkok
    expect(fakes.sheets.snapshot().tabs[LOG][1][0]).toEqual(new Date('2023-03-20T08:00:00Z'));
  });

  test('a second run the same day sends nothing and logs nothing', () => {
    fakes = installFakes({ snapshot: book() });
    at('2023-03-20');
    dailyReminders();
    const sent = fakes.mail.sent.length;
    const rows = logRows().length;
    dailyReminders();
    expect(fakes.mail.sent.length).toBe(sent);
    expect(logRows()).toHaveLength(rows);
  });

  test('overlapping runs: while another run holds the script lock, nothing is sent or logged', () => {
    fakes = installFakes({ snapshot: book() });
    at('2023-03-20');
    const other = fakes.locks.hold('script');
    dailyReminders();
    expect(fakes.mail.sent).toEqual([]);
    expect(logRows()).toEqual([]);
    expect(fakes.locks.attempts).toEqual([{ lock: 'script', method: 'tryLock', timeoutMs: 1000, acquired: false }]);
    expect(executionLog).toHaveBeenCalledWith('การส่งอีเมลแจ้งเตือนอีกรอบกำลังทำงานอยู่ — รอบนี้จึงไม่ส่ง (ไม่ส่งซ้ำ)');
    other.release();
    dailyReminders();
    expect(fakes.mail.sent).toHaveLength(3);
    expect(fakes.locks.isHeld('script')).toBe(false);
  });

  test('quota too small: overdue digests first, the rest deferred and sent on the next run', () => {
    fakes = installFakes({ snapshot: book() });
    fakes.mail.quota = 2; // recipients: กองคลัง 1, executives 1, สำนักปลัด 2
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => m.subject)).toEqual([
      'แจ้งเตือนมาตรการ ITA ของกองคลัง: เกินกำหนด ๑ รายการ',
      'สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน',
    ]);
    expect(logRows().map((r) => [r.division, r.outcome])).toEqual([
      ['กองคลัง', 'ส่งแล้ว'],
      ['ผู้บริหาร', 'ส่งแล้ว'],
      ['สำนักปลัด', 'เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)'],
    ]);
    fakes.mail.quota = 100; // a new day
    at('2023-03-21');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => m.subject).slice(2)).toEqual([
      'แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ',
    ]);
    expect(
      logRows()
        .slice(3)
        .map((r) => [r.division, r.items, r.outcome]),
    ).toEqual([['สำนักปลัด', 'IIT-01@d-6', 'ส่งแล้ว']]);
  });

  test.each([
    ['English', 'Service invoked too many times for one day: email.'],
    ['Thai', 'มีการเรียกใช้บริการหลายครั้งเกินไปสำหรับหนึ่งวัน: email'],
  ])(
    'quota used up by someone else mid-run (account in %s): the throwing message and the rest are deferred',
    (_language, words) => {
      fakes = installFakes({ snapshot: book() });
      // decided from the quota read after the failure, never from the error's words
      fakes.mail.quotaMessage = words;
      fakes.mail.spendBeforeNextSend(fakes.mail.quota);
      at('2023-03-20');
      dailyReminders();
      expect(fakes.mail.sent).toEqual([]);
      expect(logRows().map((r) => r.outcome)).toEqual(Array(3).fill('เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)'));
    },
  );

  test('a failed message is logged with the reason and retried next run; the others still go', () => {
    fakes = installFakes({ snapshot: book() });
    fakes.mail.failNext('Mail service is temporarily unavailable');
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent).toHaveLength(2);
    expect(executionLog).toHaveBeenCalledWith('อีเมลแจ้งเตือน: ส่ง 2 ฉบับ เลื่อนไปรอบถัดไป 0 ฉบับ ไม่สำเร็จ 1 ฉบับ');
    expect(logRows()[0].outcome).toBe('ส่งไม่สำเร็จ: Mail service is temporarily unavailable');
    at('2023-03-21');
    dailyReminders();
    expect(fakes.mail.sent.map((m) => m.subject)[2]).toBe('แจ้งเตือนมาตรการ ITA ของกองคลัง: เกินกำหนด ๑ รายการ');
  });

  test('a notify cell with no address (and no admin address): nothing sent to it, said by cell, logged as not sent, retried', () => {
    const snapshot = book({ settings: { admins: 'ฝ่ายธุรการ' } });
    const divisions = snapshot.tabs[TAB.divisions];
    divisions[2][divisions[0].indexOf(HEADER.divisionNotify)] = 'ผอ. กองคลัง';
    fakes = installFakes({ snapshot });
    at('2023-03-20');
    dailyReminders();
    expect(fakes.mail.sent.flatMap((m) => m.to)).not.toContain('');
    expect(fakes.mail.sent.some((m) => m.subject.includes('กองคลัง'))).toBe(false);
    expect(executionLog).toHaveBeenCalledWith(INPUT.noValidRecipient('กองคลัง', `${TAB.divisions}!D3`, 'ผอ. กองคลัง'));
    const finance = logRows().filter((r) => r.division === 'กองคลัง');
    expect(finance.map((r) => r.outcome)).toEqual([REMIND.outcome.failed(INPUT.notSentNoAddress)]);
    at('2023-03-21'); // a working day: the weekly digest is still unsent, so it is tried again
    dailyReminders();
    expect(logRows().filter((r) => r.division === 'กองคลัง')).toHaveLength(2);
  });

  test('an e-mail log with moved columns is appended by header; a missing log tab is created', () => {
    const moved = book();
    moved.tabs[LOG] = [[...moved.tabs[LOG][0]].reverse()];
    fakes = installFakes({ snapshot: moved });
    at('2023-03-20');
    dailyReminders();
    const values = fakes.sheets.values(LOG)!;
    expect(values[1][0]).toBe('อีเมล'); // ช่องทาง is now column A
    expect(values[1][1]).toBe('แจ้งเตือนมาตรการ ITA ของกองคลัง: เกินกำหนด ๑ รายการ'); // หัวเรื่อง column B
    uninstallFakes();

    const none = book();
    delete none.tabs[LOG];
    fakes = installFakes({ snapshot: none });
    at('2023-03-20');
    dailyReminders();
    expect(fakes.sheets.values(LOG)?.[0]).toEqual(['เวลา', 'หน่วยงาน', 'ผู้รับ', 'รายการ', 'ขั้น', 'ผล', 'หัวเรื่อง', 'ช่องทาง']);
    expect(logRows()).toHaveLength(3);
    dailyReminders();
    expect(fakes.mail.sent).toHaveLength(3);
  });
});

describe('menuPreviewReminders', () => {
  test('shows what would be sent today; sends and writes nothing', () => {
    fakes = installFakes({ snapshot: book() });
    at('2023-03-20');
    menuPreviewReminders();
    expect(fakes.mail.sent).toEqual([]);
    expect(fakes.calls.by('*.setValues')).toBe(0);
    const dialog = fakes.ui.lastDialog()!;
    expect(dialog.title).toBe('ตัวอย่างอีเมลแจ้งเตือนวันนี้');
    expect(dialog.html).toContain('วันที่ ๒๐ มีนาคม ๒๕๖๖ ระบบจะส่งอีเมล ๓ ฉบับ (หน้านี้เป็นตัวอย่าง ยังไม่ได้ส่ง)');
    expect(dialog.html).toContain('โควตาอีเมลที่เหลือวันนี้: ๑๐๐ ผู้รับ');
    expect(dialog.html).toContain('<b>หัวเรื่อง:</b> แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ');
    expect(dialog.html).toContain('เผยแพร่ &lt;b&gt;ข้อมูล&lt;/b&gt;');
    expect(dialog.html).not.toContain('<b>ข้อมูล</b>');
  });

  test('the whole round: every e-mail from today to the end of the round if nothing were done, by day', () => {
    fakes = installFakes({ snapshot: book() });
    at('2023-03-20');
    fakes.calls.reset();
    menuPreviewReminders();
    expect(fakes.calls.by('*.setValues')).toBe(0);
    expect(fakes.calls.by('MailApp.sendEmail')).toBe(0);
    const html = fakes.ui.lastDialog()!.html;
    expect(html).toContain('<a href="#round">ดูตัวอย่างทั้งรอบ</a>');
    expect(html).toContain('<h2 id="round">ตัวอย่างทั้งรอบ (ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ)</h2>');
    // round 6 of FY 2566 ends on 31 March 2023: that day's round summary to the executives is listed
    expect(html).toMatch(/ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ ตั้งแต่ ๒๐ มีนาคม ๒๕๖๖ ถึง ๓๑ มีนาคม ๒๕๖๖ ระบบจะส่งอีเมล [๐-๙]+ ฉบับ/);
    expect(html).toContain(
      '<tr><td style="white-space:nowrap">๓๑ มีนาคม ๒๕๖๖</td><td>ผู้บริหาร</td><td>สรุปถึงผู้บริหาร: ครบกำหนดส่งผลรอบ ๖ เดือน ยังไม่แล้วเสร็จ ๒ รายการ</td></tr>',
    );
    // each recipient's figures line, in Thai digits: one for the executives
    expect(html).toMatch(/<li>ผู้บริหาร: รวม [๐-๙]+ ฉบับ สัปดาห์ที่มากที่สุด [๐-๙]+ ฉบับ/);
    expect(html).not.toContain('=&gt;');
    // no row falls on a weekend (25–26 March)
    expect(html).not.toContain('๒๕ มีนาคม ๒๕๖๖</td>');
    expect(html).not.toContain('๒๖ มีนาคม ๒๕๖๖</td>');
  });

  test('nothing due: says so', () => {
    fakes = installFakes({ snapshot: book({ finance: [] }) });
    at('2023-03-01');
    menuPreviewReminders();
    expect(fakes.ui.lastDialog()?.html).toContain('วันที่ ๑ มีนาคม ๒๕๖๖ ไม่มีอีเมลแจ้งเตือนที่ต้องส่ง');
  });
});

describe('installReminderTrigger (setup)', () => {
  test('exactly one daily trigger at 08:00 Asia/Bangkok, even when setup runs twice', () => {
    fakes = installFakes({ snapshot: book() });
    expect(installReminderTrigger()).toBe(true);
    expect(installReminderTrigger()).toBe(false);
    expect(fakes.triggers.list().map((t) => [t.handler, t.eventType, t.atHour, t.everyDays, t.timeZone])).toEqual([
      ['dailyReminders', 'CLOCK', 8, 1, 'Asia/Bangkok'],
    ]);
  });

  test('duplicates left by an older setup are removed; other triggers stay', () => {
    fakes = installFakes({ snapshot: book() });
    for (let i = 0; i < 3; i++) ScriptApp.newTrigger('dailyReminders').timeBased().everyHours(6).create();
    ScriptApp.newTrigger('onEditInstalled').forSpreadsheet(fakes.spreadsheet).onEdit().create();
    expect(installReminderTrigger()).toBe(false);
    expect(
      fakes.triggers
        .list()
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['dailyReminders', 'onEditInstalled']);
  });
});

describe('the daily run refreshes the dashboard', () => {
  test('as of the run day: overdue count and the division table from the division tabs', () => {
    fakes = installFakes({ snapshot: templateSnapshot({ example: true }) });
    at('2023-04-07');
    dailyReminders();
    const dash = fakes.sheets.values(TAB.dashboard)!;
    expect(dash[0][0]).toBe(DASHBOARD.title);
    expect(String(dash[1][0])).toContain('๗ เมษายน ๒๕๖๖');
    const overdue = dash.find((r) => String(r[0]).startsWith(DASHBOARD.overdueTotal('๗ เมษายน ๒๕๖๖')));
    expect(overdue?.[1]).toBeGreaterThan(0);
    expect(dash.some((r) => r[0] === 'กองคลัง')).toBe(true);
    uninstallFakes();
  });
});

describe('Apps Script calls per run', () => {
  /** Counted calls of one trigger run, and the e-mails it sent. */
  function run(snapshot: WorkbookSnapshot, day: string): { calls: number; emails: number; by: Record<string, number> } {
    fakes = installFakes({ snapshot });
    at(day);
    fakes.calls.reset();
    dailyReminders();
    const out = { calls: fakes.calls.total(), emails: fakes.mail.sent.length, by: fakes.calls.snapshot() };
    uninstallFakes();
    return out;
  }

  test('the example workbook: a constant for reading the tabs, then one call per e-mail and one per division tab linked', () => {
    const example = templateSnapshot({ example: true });
    const days = ['2022-10-01', '2022-10-25', '2023-03-27', '2023-04-07'];
    const runs = days.map((day) => ({ day, ...run(example, day) }));
    figure(
      `dailyReminders on the example workbook (${Object.keys(example.tabs).length} tabs, 5 division tabs):\n` +
        runs
          .map(
            (r) =>
              `  --today ${r.day}: ${r.emails} e-mails, ${r.calls} calls (sendEmail ${r.by['MailApp.sendEmail'] ?? 0}, ` +
              `getValues ${r.by['Range.getValues']}, setValues ${r.by['Range.setValues'] ?? 0}, getGridId ${r.by['Range.getGridId'] ?? 0})`,
          )
          .join('\n'),
    );
    const [quiet, ...busy] = runs;
    expect(quiet.emails).toBe(0);
    expect(quiet.by['Range.setValues']).toBe(1); // the daily dashboard refresh, nothing else
    for (const r of busy) {
      expect(r.emails).toBeGreaterThan(0);
      expect(r.by['MailApp.sendEmail']).toBe(r.emails);
      expect(r.by['Range.getValues']).toBe(quiet.by['Range.getValues']); // one read per tab, however many e-mails
      expect(r.by['Range.setValues']).toBe(2); // the whole log in one write, and the dashboard
      // quota check, link base, log write (its sheet, size check ×2, getRange, setValues) = 7; per e-mail: the send and its tab's gid
      expect(r.calls).toBeLessThanOrEqual(quiet.calls + 7 + 2 * r.emails);
    }
  });
});

describe('the MailApp fake behaves as the reference says', () => {
  test('quota counts recipients (to, cc, bcc); both signatures; over the quota throws and sends nothing', () => {
    fakes = installFakes({});
    fakes.mail.quota = 4;
    MailApp.sendEmail('a@example.org', 'หัวเรื่อง', 'เนื้อความ');
    MailApp.sendEmail({
      to: 'b@example.org, c@example.org',
      cc: 'd@example.org',
      subject: 's',
      body: 'b',
      htmlBody: '<p>b</p>',
      name: 'ระบบ',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('e@example.org', 's', 'b')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(fakes.mail.sent.map((m) => [m.to, m.cc, m.name])).toEqual([
      [['a@example.org'], [], ''],
      [['b@example.org', 'c@example.org'], ['d@example.org'], 'ระบบ'],
    ]);
    expect(fakes.calls.by('MailApp.*')).toBe(4);
  });

  test('the (to, replyTo, subject, body) form and bad addresses', () => {
    fakes = installFakes({});
    MailApp.sendEmail('a@example.org', 'reply@example.org', 'หัวเรื่อง', 'เนื้อความ');
    expect(fakes.mail.sent[0]).toMatchObject({
      to: ['a@example.org'],
      replyTo: 'reply@example.org',
      subject: 'หัวเรื่อง',
      body: 'เนื้อความ',
    });
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(MailApp.getRemainingDailyQuota()).toBe(99);
  });
});

describe('a year of the daily trigger, nothing ever done (FY 2566, the example)', () => {
  test('0 sends on weekends and holidays, ≤ 2 a week per division, ≤ 1 to the executives, every due date in its window', () => {
    const snapshot = templateSnapshot({ example: true });
    const { tracker } = parseWorkbook(snapshot);
    // every division item reopened
    for (const d of tracker.divisions) {
      const values = snapshot.tabs[d.name];
      const status = values[0].indexOf(HEADER.status);
      for (const row of values.slice(1)) row[status] = STATUS_LABEL.not_started;
    }
    fakes = installFakes({ snapshot });
    const calendar = workingCalendar(tracker.holidays);
    const perWeek = new Map<string, number>();
    let offDaySends = 0;
    for (let day = '2022-10-01'; day <= '2023-09-30'; day = addDays(day, 1)) {
      fakes.mail.quota = 100; // a new day
      const before = fakes.mail.sent.length;
      at(day);
      dailyReminders();
      for (const m of fakes.mail.sent.slice(before)) {
        if (!calendar.isWorkingDay(day)) offDaySends++;
        const key = `${m.to.join(',')} ${mondayOf(day)}`;
        perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
      }
    }
    expect(fakes.mail.sent.length).toBeGreaterThan(100);
    expect(offDaySends).toBe(0);
    for (const [key, n] of perWeek) expect([key, n <= (key.startsWith('mayor@') ? 1 : 2)]).toEqual([key, true]);
    // every due date of a not-done item is mentioned from 7 days before to 3 after, as the log shows
    const log = parseWorkbook(fakes.sheets.snapshot()).tracker.emailLog;
    const missed = tracker.entries
      .map((e) => ({ e, due: e.due ?? tracker.settings.roundDue[tracker.settings.currentRound] }))
      .filter(({ due }) => due && due >= '2022-10-01' && due <= '2023-09-30')
      .filter(({ e, due }) => {
        const name = tracker.divisions.find((d) => d.code === e.divisionCode)?.name;
        return !log.some(
          (r) =>
            r.divisionCode === name &&
            r.items.split(' ').some((t) => t.startsWith(`${e.key}@`)) &&
            r.sentAt.slice(0, 10) >= addDays(due as string, -7) &&
            r.sentAt.slice(0, 10) <= addDays(due as string, 3),
        );
      });
    expect(missed.map(({ e, due }) => `${e.divisionCode} ${e.key} ${due}`)).toEqual([]);
  });
});

describe('the admins’ weekly ITA calendar (issue 23), from the FY 2570 preset and the register', () => {
  const fy2570 = (published: boolean) => {
    const snapshot = book({
      settings: { admins: 'admin@example.org', fiscalYear: 2570, round6Due: null },
      palad: [],
      finance: [],
    });
    snapshot.tabs[REPORTS_TAB.name] = tableOf(
      REPORTS_TAB,
      published
        ? [{ fiscalYear: 2570, docKind: DOC_KIND.plan, publishedUrl: 'https://docs.google.com/document/d/p/pub' }]
        : [],
    );
    return snapshot;
  };
  const adminsMail = () => fakes.mail.sent.filter((m) => m.to.includes('admin@example.org'));

  test('Monday 4 Jan 2027: the next three milestones go to the admins, marked not confirmed; logged as theirs', () => {
    fakes = installFakes({ snapshot: fy2570(false) });
    at('2027-01-04');
    dailyReminders();
    const [mail] = adminsMail();
    expect(mail.subject).toBe('ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน)');
    const body = mail.body.split('\n');
    expect(body.slice(4, 9)).toEqual([
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O25) ปีงบประมาณ พ.ศ. ๒๕๗๐',
      '๒. ๑ เมษายน ๒๕๗๐ (อีก ๘๗ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O26) ปีงบประมาณ พ.ศ. ๒๕๖๙',
    ]);
    expect(mail.htmlBody).toContain('(ยังไม่ยืนยัน)');
    expect(logRows().find((r) => r.division === 'ผู้ดูแลระบบ')?.outcome).toBe('ส่งแล้ว');
    // the next day's run: once a week
    fakes.mail.sent.length = 0;
    at('2027-01-05');
    dailyReminders();
    expect(adminsMail()).toEqual([]);
  });

  test('the plan published in the register: the line says เผยแพร่แล้ว', () => {
    fakes = installFakes({ snapshot: fy2570(true) });
    at('2027-01-04');
    dailyReminders();
    expect(adminsMail()[0].body).toContain(
      '\n   เผยแพร่แล้ว: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O25) ปีงบประมาณ พ.ศ. ๒๕๗๐\n',
    );
  });

  test('Monday 1 Feb 2027, the day after the milestone: nothing (the next is 59 days off)', () => {
    fakes = installFakes({ snapshot: fy2570(false) });
    at('2027-02-01');
    dailyReminders();
    expect(adminsMail()).toEqual([]);
  });
});
