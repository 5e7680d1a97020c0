// `ita-tracker remind` end to end: the built CLI against .xlsx workbooks, an outbox of .eml files,
// and a real SMTP server on loopback; what arrives is parsed as a mail client would.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Simulation } from '../../src/core/reminder-simulation';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { figure } from '../support/figures';
import { d, division, measure, miniWorkbook } from '../support/workbook';

const CLI = join(__dirname, '../..', 'build', 'cli.js');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { encoding: 'utf8' }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const tmp = () => mkdtempSync(join(tmpdir(), 'ita-remind-'));
const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address ?? ''));

async function outboxMails(dir: string): Promise<{ file: string; mail: ParsedMail }[]> {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, mail: await simpleParser(readFileSync(join(dir, file))) })));
}

describe('the example workbook with --today 2023-03-27', () => {
  let dir: string;
  let book: string;
  beforeAll(async () => {
    dir = tmp();
    book = join(dir, 'example.xlsx');
    await writeWorkbookFile(book, templateSnapshot({ example: true }));
  });

  test('at most one digest per division, the executives once; a second run (BE date) adds none', async () => {
    const first = await cli(['remind', book, '--today', '2023-03-27']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const outbox = join(dir, 'out', 'outbox');
    const mails = await outboxMails(outbox);
    const subjects = mails.map((m) => m.mail.subject);
    figure(
      `remind --today 2023-03-27 → ${mails.length} e-mails:\n${mails.map((m) => `  ${m.file}: ${m.mail.subject} → ${addresses(m.mail.to).join(', ')}`).join('\n')}`,
    );
    expect(mails.length).toBeGreaterThan(0);
    const perDivision = new Map<string, number>();
    for (const m of mails) {
      const key = m.file.replace(/^2023-03-27-/, '').replace(/(-\d+)?\.eml$/, '');
      perDivision.set(key, (perDivision.get(key) ?? 0) + 1);
    }
    expect([...perDivision.values()].every((n) => n === 1)).toBe(true);
    expect(subjects.every((s) => /^(แจ้งเตือนมาตรการ ITA ของ|สรุปประจำสัปดาห์ถึงผู้บริหาร: |สรุปถึงผู้บริหาร: )/.test(s ?? ''))).toBe(
      true,
    );
    // every e-mail is Thai in both parts and comes from the agency
    for (const { mail } of mails) {
      expect(mail.from?.value[0].name).toBe('ระบบติดตามมาตรการ ITA เทศบาลตำบลปรุใหญ่');
      expect(mail.text).toContain('เทศบาลตำบลปรุใหญ่');
      expect(mail.html).toContain('เทศบาลตำบลปรุใหญ่');
    }

    const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    expect(log.map((e) => e.subject).sort()).toEqual(subjects.slice().sort());
    expect(log.every((e) => e.outcome === 'ส่งแล้ว')).toBe(true);

    const second = await cli(['remind', book, '--today', '2566-03-27']);
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('วันที่ ๒๗ มีนาคม ๒๕๖๖ ไม่มีอีเมลแจ้งเตือนที่ต้องส่ง');
    expect((await outboxMails(outbox)).length).toBe(mails.length);
    expect(parseWorkbook(await readWorkbookFile(book)).tracker.emailLog).toHaveLength(log.length);
  });
});

function smallBook(): ReturnType<typeof miniWorkbook> {
  return miniWorkbook({
    settings: { executives: 'mayor@example.org', admins: 'admin@example.org', round6Due: d('2023-03-31') },
    divisions: [
      division('PALAD', 'สำนักปลัด', { head: 'หัวหน้าสำนักปลัด', notifyEmails: ['palad@example.org', 'clerk@example.org'] }),
      division('FINANCE', 'กองคลัง'),
    ],
    measures: [measure('IIT-01', 'IIT', ['สำนักปลัด'], { issue: 'การเปิดเผยข้อมูล' }), measure('EIT-01', 'EIT', ['กองคลัง'])],
    entries: {
      PALAD: [
        { key: 'IIT-01', area: 'IIT', issue: 'การเปิดเผยข้อมูล', task: 'เผยแพร่ <b>ข้อมูล</b> บนเว็บไซต์', due: '2023-03-31' },
      ],
      FINANCE: [
        {
          key: 'EIT-01',
          area: 'EIT',
          issue: 'การจัดซื้อ',
          task: 'ประกาศแผน',
          due: '2023-03-31',
          status: 'done',
          result6: 'ประกาศแล้ว',
        },
      ],
    },
  });
}

describe('options', () => {
  test('--dry-run prints the e-mails and writes nothing', async () => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    const before = statSync(book).mtimeMs;
    const r = await cli(['remind', book, '--today', '2023-03-27', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ทดลอง (--dry-run): แสดงอีเมลที่จะส่ง ไม่ส่งและไม่เขียนไฟล์ใด ๆ');
    expect(r.stdout).toContain('หัวเรื่อง: แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ');
    expect(r.stdout).toContain('ถึง: palad@example.org, clerk@example.org');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    expect(statSync(book).mtimeMs).toBe(before);
  });

  test('--outbox names the folder; the .eml escapes HTML and keeps the plain text', async () => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    const r = await cli(['remind', book, '--today', '2023-03-27', '--outbox', join(dir, 'mails')]);
    expect(r.code).toBe(0);
    const mails = await outboxMails(join(dir, 'mails'));
    expect(mails.map((m) => m.file)).toEqual(['2023-03-27-PALAD.eml']);
    const { mail } = mails[0];
    expect(mail.subject).toBe('แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ');
    expect(addresses(mail.to)).toEqual(['palad@example.org', 'clerk@example.org']);
    expect(mail.from?.value[0].address).toBe('admin@example.org');
    expect(mail.text).toContain('   งาน: เผยแพร่ <b>ข้อมูล</b> บนเว็บไซต์');
    expect(mail.text).toContain('   กำหนดแล้วเสร็จ: ๓๑ มีนาคม ๒๕๖๖ (อีก ๔ วัน)');
    expect(mail.html).toContain('เผยแพร่ &lt;b&gt;ข้อมูล&lt;/b&gt; บนเว็บไซต์');
    expect(r.stdout).toContain('ส่ง 1 ฉบับ ไม่สำเร็จ 0 ฉบับ บันทึกลงแท็บ "บันทึกอีเมล" แล้ว');
  });

  test.each([
    [['remind', 'BOOK', '--today', '2023-02-30'], 'วันที่ "2023-02-30" ไม่ถูกต้อง'],
    [['remind', 'BOOK', '--today'], 'ตัวเลือก --today ต้องมีค่าตามหลัง: --today YYYY-MM-DD'],
    [['remind', 'BOOK', '--smtp', 'mail.example.org'], '"mail.example.org" ไม่ใช่ที่อยู่ SMTP'],
    [['remind', 'BOOK', '--todya', '2023-03-24'], 'ไม่รู้จักตัวเลือก --todya'],
    [['remind'], 'ต้องระบุ <workbook.xlsx>'],
    [['remind', 'missing.xlsx', '--today', '2023-03-24'], 'ไม่พบไฟล์ missing.xlsx'],
  ])('%j → exit 2 with a Thai message', async (args, message) => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    const r = await cli(args.map((a) => (a === 'BOOK' ? book : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('SMTP on loopback', () => {
  let server: SMTPServer;
  let port: number;
  const received: { envelopeTo: string[]; mail: ParsedMail }[] = [];
  let refuse = false;
  /** answer every recipient "452 too many recipients this hour": the server's quota */
  let busy = false;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        if (busy) {
          const later = Object.assign(new Error('4.5.3 Too many recipients this hour'), { responseCode: 452 });
          callback(later);
          return;
        }
        callback(refuse ? new Error('mailbox unavailable') : undefined);
      },
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
            callback();
          },
          (e) => callback(e),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('digests arrive with Thai subject and body, to the division; a second run sends none', async () => {
    received.length = 0;
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    const r = await cli(['remind', book, '--today', '2023-04-14', '--smtp', `smtp://127.0.0.1:${port}`]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bySubject = Object.fromEntries(received.map((m) => [m.mail.subject, m]));
    expect(Object.keys(bySubject).sort()).toEqual(
      [
        'แจ้งเตือนมาตรการ ITA ของสำนักปลัด: เกินกำหนด ๑ รายการ',
        'สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน',
        // the admins' ITA calendar (issue 23): the 30 April milestone is 16 days off
        'ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่รายงานผลรอบ 6 เดือน ๓๐ เมษายน ๒๕๖๖ (อีก ๑๖ วัน)',
      ].sort(),
    );
    const division = bySubject['แจ้งเตือนมาตรการ ITA ของสำนักปลัด: เกินกำหนด ๑ รายการ'];
    expect(division.envelopeTo).toEqual(['palad@example.org', 'clerk@example.org']);
    expect(division.mail.text?.split('\n')).toEqual(
      expect.arrayContaining([
        'เรียน หัวหน้าสำนักปลัด',
        'รายการที่เกินกำหนด (๑ รายการ)',
        '   กำหนดแล้วเสร็จ: ๓๑ มีนาคม ๒๕๖๖ (เกินกำหนด ๑๔ วัน)',
      ]),
    );
    expect(division.mail.html).toContain('เผยแพร่ &lt;b&gt;ข้อมูล&lt;/b&gt; บนเว็บไซต์');
    expect(bySubject['สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน'].envelopeTo).toEqual([
      'mayor@example.org',
    ]);

    const again = await cli(['remind', book, '--today', '2023-04-14', '--smtp', `smtp://127.0.0.1:${port}`]);
    expect(again.code).toBe(0);
    expect(received).toHaveLength(3);
  });

  test('a refused message is logged as failed and goes out on the next run', async () => {
    received.length = 0;
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    refuse = true;
    const r = await cli(['remind', book, '--today', '2023-03-27', '--smtp', `smtp://127.0.0.1:${port}`]);
    refuse = false;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ส่งไม่สำเร็จ: แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ');
    const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    expect(log.map((e) => e.outcome.slice(0, 12))).toEqual(['ส่งไม่สำเร็จ']);
    const retry = await cli(['remind', book, '--today', '2023-03-28', '--smtp', `smtp://127.0.0.1:${port}`]);
    expect(retry.code).toBe(0);
    expect(received.map((m) => m.mail.subject)).toEqual(['แจ้งเตือนมาตรการ ITA ของสำนักปลัด: ใกล้ครบกำหนด ๑ รายการ']);
  });

  test('a server that answers 452 (its hourly quota): the digest and the rest are deferred, sent on the next run', async () => {
    received.length = 0;
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, smallBook());
    busy = true;
    const r = await cli(['remind', book, '--today', '2023-04-14', '--smtp', `smtp://127.0.0.1:${port}`]);
    busy = false;
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('เลื่อนไปส่งรอบถัดไป: แจ้งเตือนมาตรการ ITA ของสำนักปลัด: เกินกำหนด ๑ รายการ');
    expect(r.stdout).toContain('ส่ง 0 ฉบับ เลื่อนไปรอบถัดไป 3 ฉบับ ไม่สำเร็จ 0 ฉบับ');
    const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    expect(log.map((e) => e.outcome)).toEqual(Array(3).fill('เลื่อนไปส่งรอบถัดไป (โควตาอีเมลวันนี้ไม่พอ)'));
    const retry = await cli(['remind', book, '--today', '2023-04-17', '--smtp', `smtp://127.0.0.1:${port}`]);
    expect(retry.code).toBe(0);
    expect(received.map((m) => m.mail.subject).sort()).toEqual(
      [
        'แจ้งเตือนมาตรการ ITA ของสำนักปลัด: เกินกำหนด ๑ รายการ',
        'สรุปประจำสัปดาห์ถึงผู้บริหาร: มาตรการ ITA เกินกำหนด ๑ รายการ จาก ๑ หน่วยงาน',
        'ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่รายงานผลรอบ 6 เดือน ๓๐ เมษายน ๒๕๖๖ (อีก ๑๓ วัน)',
      ].sort(),
    );
  });
});

describe('remind --simulate: the year before it happens', () => {
  let book: string;
  beforeAll(async () => {
    book = join(tmp(), 'example.xlsx');
    await writeWorkbookFile(book, templateSnapshot({ example: true }));
  });

  test('FY 2566 of the example, nothing ever done: working days only, ≤ 2 a week per division, ≤ 1 to the executives; nothing written', async () => {
    const before = statSync(book).mtimeMs;
    const r = await cli(['remind', book, '--simulate', '2022-10-01', '2023-09-30', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const sim = JSON.parse(r.stdout) as Simulation;
    figure(
      `remind --simulate 2022-10-01 2023-09-30 (example): ${sim.total} e-mails, weekend ${sim.weekendSends}, holiday ${sim.holidaySends}\n` +
        sim.recipients.map((x) => `  ${x.recipient}: ${x.total}, worst week ${x.worstWeek?.count}`).join('\n'),
    );
    expect(sim.total).toBeGreaterThan(100);
    expect(sim.weekendSends).toBe(0);
    expect(sim.holidaySends).toBe(0);
    for (const x of sim.recipients) expect(x.worstWeek?.count).toBeLessThanOrEqual(x.divisionCode === '' ? 1 : 2);
    expect(sim.dueMentions.filter((m) => m.mentionedOn === null)).toEqual([]);
    expect(statSync(book).mtimeMs).toBe(before);
    expect(existsSync(join(book, '..', 'out'))).toBe(false);
  });

  test('the text calendar: days, weeks, each recipient, the totals in Thai', async () => {
    const r = await cli(['remind', book, '--simulate', '2566-03-20', '2566-04-09']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'จำลองอีเมลแจ้งเตือน ๒๐ มีนาคม ๒๕๖๖ ถึง ๙ เมษายน ๒๕๖๖ ถ้าไม่มีรายการใดดำเนินการแล้วเสร็จ (ไม่ส่งและไม่บันทึก)',
    );
    expect(lines).toEqual(expect.arrayContaining(['จำนวนอีเมลรายสัปดาห์ (สัปดาห์เริ่มวันจันทร์)', 'สรุปตามผู้รับ']));
    expect(lines.some((l) => l.startsWith('๓๑ มีนาคม ๒๕๖๖: ') && l.includes('ผู้บริหาร'))).toBe(true); // the round summary
    expect(lines.some((l) => /^รวม \d+ ฉบับ ส่งวันเสาร์-อาทิตย์ 0 ฉบับ/.test(l))).toBe(true);
  });

  test.each([
    [['--simulate', '2022-10-01'], 'ใช้ --simulate <วันเริ่ม> <วันสิ้นสุด>'],
    [['--simulate', '2023-09-30', '2022-10-01'], 'วันเริ่มต้องไม่หลังวันสิ้นสุด'],
    [['2023-09-30'], 'มีอาร์กิวเมนต์เกินมา: "2023-09-30"'],
  ])('%j → exit 2 with a Thai message', async (args, message) => {
    const r = await cli(['remind', book, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('the admins’ weekly ITA calendar (issue 23): the same lines as Apps Script sends', () => {
  const fy2570 = () =>
    miniWorkbook({
      settings: { admins: 'admin@example.org', executives: '', fiscalYear: 2570, round6Due: null },
      divisions: [division('PALAD', 'สำนักปลัด', { notifyEmails: ['palad@example.org'] })],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด'])],
      entries: { PALAD: [] },
    });

  test('remind --today 2027-01-04 writes the admins’ .eml with the FY 2570 milestones; 1 Feb writes none', async () => {
    const dir = tmp();
    const book = join(dir, 'book.xlsx');
    await writeWorkbookFile(book, fy2570());
    const r = await cli(['remind', book, '--today', '2027-01-04', '--outbox', join(dir, 'mails')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const mails = await outboxMails(join(dir, 'mails'));
    expect(mails.map((m) => m.file)).toEqual(['2027-01-04-admins.eml']);
    const { mail } = mails[0];
    expect(addresses(mail.to)).toEqual(['admin@example.org']);
    expect(mail.subject).toBe('ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน)');
    expect((mail.text ?? '').split('\n').slice(4, 9)).toEqual([
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O25) ปีงบประมาณ พ.ศ. ๒๕๗๐',
      '๒. ๑ เมษายน ๒๕๗๐ (อีก ๘๗ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O26) ปีงบประมาณ พ.ศ. ๒๕๖๙',
    ]);
    const log = parseWorkbook(await readWorkbookFile(book)).tracker.emailLog;
    expect(log.map((e) => [e.divisionCode, e.outcome])).toEqual([['ผู้ดูแลระบบ', 'ส่งแล้ว']]);
    const after = await cli(['remind', book, '--today', '2027-02-01', '--outbox', join(dir, 'feb')]);
    expect(after.code).toBe(0);
    expect(await outboxMails(join(dir, 'feb'))).toEqual([]);
  });
});
