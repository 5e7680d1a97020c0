// The pure parts of LINE groups (issue 25): the phone digest within LINE's limits, the quota counted
// per recipient, and pairing by a one-time code that forged webhook bodies cannot fake.
import {
  LINE_LIMITS,
  largestToEmail,
  lineDigest,
  lineMonths,
  lineMonthsText,
  newPairing,
  PAIRING_MINUTES,
  pairingFrom,
  pushFits,
} from '../../src/core/line';
import { rowWrites, withWrites } from '../../src/core/line-pairing';
import type { DivisionEntry } from '../../src/core/model';
import { simulateReminders } from '../../src/core/reminder-simulation';
import { ADMINS_CODE, type ReminderItem } from '../../src/core/reminder-types';
import { templateSnapshot } from '../../src/core/template';
import { numerals } from '../../src/core/thai';
import { parseWorkbook } from '../../src/core/workbook';
import { figure } from '../support/figures';

const item = (key: string, daysLeft: number): ReminderItem => ({
  entry: { key, divisionCode: 'FIN' } as DivisionEntry,
  due: '2023-03-31',
  daysLeft,
  stage: { id: 'd0', kind: 'due', offset: 0, date: '2023-03-27' },
});
const n = (x: number | string) => numerals(x, 'thai');

describe('the LINE digest', () => {
  test('overdue, due this week, the link to the tab; Thai digits; one text message', () => {
    const msgs = lineDigest({
      divisionName: 'กองคลัง',
      items: [item('EIT-01', -3), item('IIT-02', 2), item('IIT-03', 12)],
      url: 'https://sheet.example/#gid=7',
      n,
    });
    expect(msgs).toEqual([
      {
        type: 'text',
        text: [
          'แจ้งเตือนมาตรการ ITA: กองคลัง',
          '',
          'เกินกำหนด ๑ รายการ',
          '- EIT-01 (เกินกำหนด ๓ วัน)',
          '',
          'ครบกำหนดภายในสัปดาห์นี้ ๑ รายการ',
          '- IIT-02 (อีก ๒ วัน)',
          '',
          'กรอกสถานะที่แท็บ "กองคลัง": https://sheet.example/#gid=7',
        ].join('\n'),
      },
    ]);
  });

  test('500 overdue items: cut to 5,000 characters, saying how many were left out', () => {
    const items = Array.from({ length: 500 }, (_, i) => item(`IIT-${String(i).padStart(3, '0')}`, -10));
    const [m, ...rest] = lineDigest({ divisionName: 'กองคลัง', items, url: '', n });
    expect(rest).toEqual([]);
    expect(m.text.length).toBeLessThanOrEqual(LINE_LIMITS.textChars);
    const shown = m.text.split('\n').filter((l) => l.startsWith('- ')).length;
    expect(shown).toBeGreaterThan(100);
    expect(m.text).toContain(`…และอีก ${n(500 - shown)} รายการ`);
    expect(m.text.endsWith('กรอกสถานะที่แท็บ "กองคลัง"')).toBe(true);
  });
});

describe('the quota, counted per recipient', () => {
  test('a push into a group of 8 needs 8 of the month', () => {
    expect(pushFits({ limit: 300, used: 292 }, 8)).toMatchObject({ fits: true, left: 0 });
    expect(pushFits({ limit: 300, used: 293 }, 8)).toEqual({
      fits: false,
      left: 7,
      why: 'โควตา LINE เดือนนี้ไม่พอ (ต้องใช้ 8 ข้อความตามจำนวนสมาชิกกลุ่ม เหลือ 7) — ส่งทางอีเมลแทน',
    });
    expect(pushFits({ limit: 300, used: 310 }, 1)).toMatchObject({ fits: false, left: 0 });
    expect(pushFits({ limit: null, used: 5000 }, 40)).toMatchObject({ fits: true, left: null });
  });
});

describe('pairing', () => {
  const GROUP = `C${'a1'.repeat(16)}`;
  const now = Date.parse('2026-12-07T06:00:00Z');
  const pending = [newPairing('FIN', now, () => 0.5)];
  const code = pending[0].code;
  const event = (text: unknown, source: object = { type: 'group', groupId: GROUP, userId: 'U1' }) =>
    JSON.stringify({ destination: 'Uxx', events: [{ type: 'message', message: { type: 'text', text }, source }] });

  test('the code typed in the group pairs that group with the division', () => {
    expect(code).toMatch(/^\d{6}$/);
    expect(pairingFrom(event(` ${code} `), pending, now + 60_000)).toEqual({ groupId: GROUP, pairing: pending[0] });
  });

  test.each([
    ['junk JSON', '{"events": [', now],
    ['not an object', '42', now],
    ['no events', '{"destination":"U1","events":[]}', now],
    ['no code', event('สวัสดีครับ'), now],
    ['a wrong code', event('123456'), now],
    ['a number, not text', event(Number(code)), now],
    ['typed in a one-to-one chat', event(code, { type: 'user', userId: 'U1' }), now],
    ['a forged group id', event(code, { type: 'group', groupId: '../../x' }), now],
    ['an expired code', event(code), now + PAIRING_MINUTES * 60_000],
  ])('%s: ignored, never throws', (_what, body, at) => {
    expect(pairingFrom(body as string, pending, at as number)).toBeNull();
  });
});

describe('a year of LINE pushes, simulated (the example tracker, 8 people per group)', () => {
  test('messages per month per division against the 300 quota', () => {
    const { tracker } = parseWorkbook(templateSnapshot({ example: true }));
    const sim = simulateReminders({ tracker, from: '2022-10-01', to: '2023-09-30' });
    const months = lineMonths(sim.sends, () => 8, 300);
    figure(
      `LINE messages per month, 8 people per group, quota 300 (example tracker, FY 2566):\n${months
        .map(
          (m) =>
            `  ${m.month}: ${Object.entries(m.byDivision)
              .map(([d, c]) => `${d} ${c}`)
              .join(', ')} = ${m.total}${m.overflow ? ' OVER' : ''}`,
        )
        .join('\n')}`,
    );
    // every division push costs 8; a division gets at most 2 digests a week, so ≤ 11 a month
    for (const m of months) {
      for (const c of Object.values(m.byDivision)) {
        expect(c % 8).toBe(0);
        expect(c / 8).toBeLessThanOrEqual(11);
      }
      expect(m.total).toBe(Object.values(m.byDivision).reduce((a, b) => a + b, 0));
      expect(m.overflow).toBe(m.total > 300);
    }
    // the division digests: the executives' summary and the admins' ITA calendar stay on e-mail
    const pushes = sim.sends.filter((s) => s.divisionCode !== '' && s.divisionCode !== ADMINS_CODE).length;
    expect(months.reduce((a, m) => a + m.total, 0)).toBe(pushes * 8);
  });
});

describe('the simulation’s LINE month as text', () => {
  const { tracker } = parseWorkbook(templateSnapshot({ example: true }));
  const sim = simulateReminders({ tracker, from: '2022-10-01', to: '2023-09-30' });

  test('8 per group: every month within 300, the peak named', () => {
    const text = lineMonthsText(
      lineMonths(sim.sends, () => 8, 300),
      tracker.divisions,
      {
        quota: 300,
        members: 8,
        style: 'thai',
      },
    );
    const lines = text.split('\n');
    expect(lines[1]).toBe(
      'ข้อความ LINE ต่อเดือน (นับทุกหน่วยงานเป็นกลุ่มละ 8 คน โควตา 300 ข้อความต่อเดือนสำหรับทุกกลุ่มรวมกัน ผู้บริหารรับทางอีเมล):',
    );
    expect(lines).toContain('  ตุลาคม ๒๕๖๕: 16 จาก 300 (กองคลัง 16)');
    expect(lines).toContain(
      '  พฤษภาคม ๒๕๖๖: 200 จาก 300 (สำนักปลัด 40, กองคลัง 40, กองช่าง 40, กองการศึกษา 40, กองสาธารณสุขและสิ่งแวดล้อม 40)',
    );
    expect(lines.at(-1)).toBe('ไม่มีเดือนใดเกินโควตา: เดือนที่มากที่สุดคือ พฤษภาคม ๒๕๖๖ ใช้ 200 จาก 300 ข้อความ');
    expect(text).not.toContain('คำเตือน');
  });

  test('15 per group: the five-Monday months overflow, with the groups to move to e-mail', () => {
    const months = lineMonths(sim.sends, () => 15, 300);
    const text = lineMonthsText(months, tracker.divisions, { quota: 300, members: 15, style: 'thai' });
    const warnings = text.split('\n').filter((l) => l.startsWith('คำเตือน'));
    expect(warnings).toEqual([
      'คำเตือน: พฤษภาคม ๒๕๖๖ ต้องใช้ 375 ข้อความ เกินโควตา 300 — ข้อความที่เกินจะส่งทางอีเมลแทน แนะนำให้ใช้อีเมลกับกลุ่มที่ใหญ่ที่สุด: สำนักปลัด (ลบค่าในคอลัมน์กลุ่ม LINE ของหน่วยงานนั้น)',
      'คำเตือน: สิงหาคม ๒๕๖๖ ต้องใช้ 375 ข้อความ เกินโควตา 300 — ข้อความที่เกินจะส่งทางอีเมลแทน แนะนำให้ใช้อีเมลกับกลุ่มที่ใหญ่ที่สุด: สำนักปลัด (ลบค่าในคอลัมน์กลุ่ม LINE ของหน่วยงานนั้น)',
    ]);
    expect(text).toContain('  สิงหาคม ๒๕๖๖: 375 จาก 300 — เกินโควตา (');
  });

  test('largestToEmail takes the costliest groups first until the rest fits', () => {
    const month = { month: '2023-05', byDivision: { A: 50, B: 200, C: 120 }, total: 370, overflow: true };
    expect(largestToEmail(month, 300)).toEqual(['B']);
    expect(largestToEmail(month, 40)).toEqual(['B', 'C', 'A']);
    expect(largestToEmail({ ...month, overflow: false }, 400)).toEqual([]);
  });
});

test('the pairing writes as one run per row (a gap kept as read), and applied to a tab for the CLI', () => {
  const rows = [
    ['key', 'label', 'value', 'help'],
    ['admins', 'ผู้ดูแล', 'a@x.org', 'อีเมล'],
  ];
  const writes = [
    { tab: 'ตั้งค่า', row: 3, column: 1, value: 'executivesLine' },
    { tab: 'ตั้งค่า', row: 3, column: 3, value: 'Cgroup' },
    { tab: 'ตั้งค่า', row: 1, column: 5, value: 'LINE' },
    { tab: 'ตั้งค่า', row: 2, column: 2, value: 'ใหม่' },
    { tab: 'ตั้งค่า', row: 2, column: 4, value: 'ช่วย' },
  ];
  expect(rowWrites(rows, writes)).toEqual([
    { tab: 'ตั้งค่า', row: 3, column: 1, values: ['executivesLine', '', 'Cgroup'] },
    { tab: 'ตั้งค่า', row: 1, column: 5, values: ['LINE'] },
    { tab: 'ตั้งค่า', row: 2, column: 2, values: ['ใหม่', 'a@x.org', 'ช่วย'] },
  ]);
  expect(withWrites(rows, writes)).toEqual([
    ['key', 'label', 'value', 'help', 'LINE'],
    ['admins', 'ใหม่', 'a@x.org', 'ช่วย'],
    ['executivesLine', '', 'Cgroup'],
  ]);
  expect(rows[1][1]).toBe('ผู้ดูแล'); // the tab as read is left as it was
});
