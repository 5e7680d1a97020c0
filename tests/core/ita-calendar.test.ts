// The ITA calendar in the admins' weekly summary (issue 23): the exact lines that go out on a given
// date — before, on and after a milestone — from the FY 2569 and FY 2570 presets (and FY 2566's O42/O43),
// with the presets' "not confirmed" mark, the next few only, none that has passed.

import type { Cell } from '../../src/core/cells';
import type { ReportRecord } from '../../src/core/model';
import type { ReminderPlan } from '../../src/core/reminder-types';
import { planReminders } from '../../src/core/reminders';
import { SETTINGS_TAB } from '../../src/core/schema';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from '../support/workbook';

const tracker = (settings: Record<string, Cell>, reports: ReportRecord[] = []) => {
  const t = parseWorkbook(
    miniWorkbook({
      settings: { admins: 'admin@example.org, ผอ. สำนักปลัด', executives: '', ...settings },
      divisions: [division('PALAD', 'สำนักปลัด')],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด'])],
      entries: { PALAD: [] },
    }),
  ).tracker;
  return { ...t, reports };
};

const plan = (t: ReturnType<typeof tracker>, today: string, log: ReminderPlan['logRows'] = []): ReminderPlan =>
  planReminders({ today, tracker: t, log, links: { divisionTabUrl: () => '' } });

/** The summary's milestone lines: between the intro and the note/footer. */
const lines = (p: ReminderPlan): string[] | null => {
  if (!p.calendar) return null;
  const text = p.calendar.text.split('\n');
  return text.slice(4, text.indexOf('', 4));
};

const FY2570 = { fiscalYear: 2570, round6Due: null };
const FY2569 = { fiscalYear: 2569, round6Due: null };
const PLAN_2570 = 'ยังต้องเผยแพร่: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O25) ปีงบประมาณ พ.ศ. ๒๕๗๐';
const REPORT_2569 =
  'ยังต้องเผยแพร่: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O26) ปีงบประมาณ พ.ศ. ๒๕๖๙';

describe('FY 2570 (preset not confirmed): the admins’ summary on a Monday', () => {
  test('34 days before the first milestone: nothing goes out', () => {
    expect(plan(tracker(FY2570), '2026-12-28').calendar).toBeNull();
  });

  test('27 days before: the next three milestones, each marked ยังไม่ยืนยัน, with what it still needs; the whole e-mail', () => {
    const p = plan(tracker(FY2570), '2027-01-04');
    expect(p.calendar?.to).toEqual(['admin@example.org']);
    expect(p.calendar?.subject).toBe('ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน)');
    expect(p.calendar?.text.split('\n')).toEqual([
      'เรียน ผู้ดูแลระบบติดตามมาตรการ ITA',
      '',
      'กำหนดการ ITA ที่จะถึงของเทศบาลตำบลทดสอบ ปีงบประมาณ พ.ศ. ๒๕๗๐ (กรอบการประเมิน: ITA ปี 2570 (ยังไม่ยืนยัน — ตรวจสอบคู่มือ ITA ปี 2570)) มีดังนี้',
      '',
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
      `   ${PLAN_2570}`,
      '๒. ๑ เมษายน ๒๕๗๐ (อีก ๘๗ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      `   ${REPORT_2569}`,
      '',
      'วันที่ที่มีเครื่องหมาย "ยังไม่ยืนยัน" เป็นวันที่โดยประมาณ — ตรวจสอบคู่มือ ITA ปี 2570 (ตั้งตามปี 2569 ไว้ก่อน)',
      '',
      'อีเมลฉบับนี้ส่งโดยอัตโนมัติจากระบบติดตามมาตรการ ITA ถึงผู้ดูแลระบบ สัปดาห์ละไม่เกิน ๑ ฉบับ ตั้งแต่ ๓๐ วันก่อนกำหนดการถัดไป',
    ]);
    expect(p.calendar?.html).toContain('<li>๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)<br>');
    // last in the queue, logged as the admins' with the milestones it named
    expect(p.queue.at(-1)).toBe(p.calendar);
    expect(p.logRows.at(-1)).toMatchObject({
      divisionCode: 'ผู้ดูแลระบบ',
      items:
        'calendar@2027-01-04 ita:measuresPublished@2027-01-31 ita:oitWindowOpens@2027-04-01 ita:resultsReportPublished@2027-04-30',
      stage: 'ปฏิทิน ITA ประจำสัปดาห์',
    });
  });

  test('once a week: Tuesday after Monday’s summary sends nothing; a missed Monday is caught up on Tuesday', () => {
    const t = tracker(FY2570);
    const monday = plan(t, '2027-01-04');
    expect(plan(t, '2027-01-05', monday.logRows).calendar).toBeNull();
    expect(lines(plan(t, '2027-01-05'))?.[0]).toBe(
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๖ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
    );
    // not on a Wednesday when the digest day is Monday and Monday's went out
    expect(plan(t, '2027-01-06', monday.logRows).calendar).toBeNull();
  });

  test('the plan in the register, published: the line says so', () => {
    const published: ReportRecord = {
      kind: 'plan',
      fiscalYear: 2570,
      round: 6,
      docId: 'd',
      docUrl: 'https://docs.google.com/document/d/d/edit',
      publishedUrl: 'https://docs.google.com/document/d/d/pub',
      pdfUrl: '',
      generatedAt: '2027-01-03 10:00',
      generatedBy: 'admin@example.org',
      warnings: '',
      status: '',
    };
    expect(lines(plan(tracker(FY2570, [published]), '2027-01-04'))?.slice(0, 2)).toEqual([
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
      '   เผยแพร่แล้ว: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O25) ปีงบประมาณ พ.ศ. ๒๕๗๐',
    ]);
    // with publishing after approval, a row not yet marked เผยแพร่แล้ว is not published
    const gated = tracker({ ...FY2570, publishAfterApproval: 'ใช่' }, [published]);
    expect(lines(plan(gated, '2027-01-04'))?.[1]).toBe(`   ${PLAN_2570}`);
  });

  test('after the milestone (31 Jan, a Sunday): the next Monday names none that has passed — nothing while the next is 59 days off, then from 30 days', () => {
    const t = tracker(FY2570);
    expect(plan(t, '2027-02-01').calendar).toBeNull();
    expect(plan(t, '2027-02-22').calendar).toBeNull();
    expect(lines(plan(t, '2027-03-08'))).toEqual([
      '๑. ๑ เมษายน ๒๕๗๐ (อีก ๒๔ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๒. ๓๐ เมษายน ๒๕๗๐ (อีก ๕๓ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      `   ${REPORT_2569}`,
      '๓. ๓๐ มิถุนายน ๒๕๗๐ (อีก ๑๑๔ วัน): ปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
    ]);
  });

  test('after the year’s last milestone (30 Jun): nothing more that year', () => {
    const t = tracker(FY2570);
    expect(lines(plan(t, '2027-06-28'))).toEqual(['๑. ๓๐ มิถุนายน ๒๕๗๐ (อีก ๒ วัน): ปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)']);
    expect(plan(t, '2027-07-05').calendar).toBeNull();
  });
});

describe('FY 2569, digest day Wednesday', () => {
  const t = tracker({ ...FY2569, divisionDigestDay: 'พุธ', numerals: 'arabic' });

  test('on the milestone’s day: วันนี้, and it is still listed; the next Wednesday it is gone', () => {
    const p = plan(t, '2026-04-01');
    expect(p.calendar?.subject).toBe('ปฏิทิน ITA ถึงผู้ดูแลระบบ: เปิดระบบตอบแบบ OIT 1 เมษายน 2569 (วันนี้)');
    expect(lines(p)).toEqual([
      '1. 1 เมษายน 2569 (วันนี้): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '2. 30 เมษายน 2569 (อีก 29 วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O26) ปีงบประมาณ พ.ศ. 2568',
      '3. 30 มิถุนายน 2569 (อีก 90 วัน): ปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
    ]);
    expect(lines(plan(t, '2026-04-08'))?.[0]).toBe(
      '1. 30 เมษายน 2569 (อีก 22 วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
    );
    // and not on a Monday
    expect(plan(t, '2026-04-06').calendar).toBeNull();
  });

  test('the codes typed in the settings name this year’s document', () => {
    const typed = tracker({ ...FY2570, itaItemCodes: 'O30, O31' });
    expect(lines(plan(typed, '2027-01-04'))?.[1]).toBe(
      '   ยังต้องเผยแพร่: มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O30) ปีงบประมาณ พ.ศ. ๒๕๗๐',
    );
  });
});

describe('FY 2566 (the O42/O43 preset): the 30 April milestone waits for this year’s 6-month report', () => {
  test('Monday 3 April 2023', () => {
    expect(lines(plan(tracker({ fiscalYear: 2566 }), '2023-04-03'))).toEqual([
      '๑. ๓๐ เมษายน ๒๕๖๖ (อีก ๒๗ วัน): เผยแพร่รายงานผลรอบ 6 เดือน (ยังไม่ยืนยัน)',
      '   ยังต้องเผยแพร่: รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O43) ปีงบประมาณ พ.ศ. ๒๕๖๖',
      '๒. ๑ พฤษภาคม ๒๕๖๖ (อีก ๒๘ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๓. ๓๐ มิถุนายน ๒๕๖๖ (อีก ๘๘ วัน): ปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
    ]);
  });

  test('no admin address: no summary', () => {
    expect(plan(tracker({ fiscalYear: 2566, admins: 'ผอ. สำนักปลัด' }), '2023-04-03').calendar).toBeNull();
  });
});

describe('the dates once announced: the setting กำหนดการ ITA ที่ประกาศแล้ว (itaCalendarDates)', () => {
  test('a typed date replaces the estimate and drops its ยังไม่ยืนยัน mark; the others stay estimates', () => {
    const t = tracker({ ...FY2570, itaCalendarDates: 'เปิดระบบตอบแบบ OIT 15/3/2570' });
    expect(lines(plan(t, '2027-01-04'))).toEqual([
      '๑. ๓๑ มกราคม ๒๕๗๐ (อีก ๒๗ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน (ยังไม่ยืนยัน)',
      `   ${PLAN_2570}`,
      '๒. ๑๕ มีนาคม ๒๕๗๐ (อีก ๗๐ วัน): เปิดระบบตอบแบบ OIT',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      `   ${REPORT_2569}`,
    ]);
  });

  test('every listed milestone typed (Thai digits, a colon, CE years alike): no mark and no estimate note', () => {
    const t = tracker({
      ...FY2570,
      itaCalendarDates:
        'เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน: ๒๙/๑/๒๕๗๐\nเปิดระบบตอบแบบ OIT 2027-03-15\nเผยแพร่รายงานผลการดำเนินการ 30/4/2570',
    });
    const p = plan(t, '2027-01-04');
    expect(lines(p)).toEqual([
      '๑. ๒๙ มกราคม ๒๕๗๐ (อีก ๒๕ วัน): เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน',
      `   ${PLAN_2570}`,
      '๒. ๑๕ มีนาคม ๒๕๗๐ (อีก ๗๐ วัน): เปิดระบบตอบแบบ OIT',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ',
      `   ${REPORT_2569}`,
    ]);
    expect(p.calendar?.text).not.toContain('ยังไม่ยืนยัน" เป็นวันที่โดยประมาณ');
    expect(p.calendar?.subject).toBe('ปฏิทิน ITA ถึงผู้ดูแลระบบ: เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน ๒๙ มกราคม ๒๕๗๐ (อีก ๒๕ วัน)');
  });

  test('lines it cannot use: validate warns at the setting’s cell, each milestone stays the preset’s estimate', () => {
    const text = [
      'เปิดระบบ OIT 15/3/2570',
      'ปิดระบบตอบแบบ OIT 31/2/2570',
      'เผยแพร่รายงานผลการดำเนินการ 30/4/2571',
      'ไม่มีวันที่',
    ].join('\n');
    const snapshot = miniWorkbook({
      settings: { admins: 'admin@example.org', executives: '', ...FY2570, itaCalendarDates: text },
      divisions: [division('PALAD', 'สำนักปลัด')],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด'])],
      entries: { PALAD: [] },
    });
    const row = snapshot.tabs[SETTINGS_TAB.name].findIndex((r) => r[0] === 'itaCalendarDates') + 1;
    const warned = validateWorkbook(snapshot).filter((p) => p.code === 'ita-calendar-date');
    expect(warned.map((p) => `${p.severity} ${p.tab}!${p.cell} ${p.message}`)).toEqual([
      `warning ตั้งค่า!C${row} ไม่มีกำหนดการ "เปิดระบบ OIT" — ใช้ชื่อ: เผยแพร่มาตรการบนเว็บไซต์หน่วยงาน, เปิดระบบตอบแบบ OIT, เผยแพร่รายงานผลการดำเนินการ, ปิดระบบตอบแบบ OIT`,
      `warning ตั้งค่า!C${row} "31/2/2570" ของ "ปิดระบบตอบแบบ OIT" ไม่ใช่วันที่ (วัน/เดือน/ปี)`,
      `warning ตั้งค่า!C${row} 30/4/2571 ของ "เผยแพร่รายงานผลการดำเนินการ" ไม่อยู่ในปีงบประมาณ 2570`,
      `warning ตั้งค่า!C${row} อ่านกำหนดการ "ไม่มีวันที่" ไม่ได้ — กรอกชื่อกำหนดการแล้ววันที่ เช่น เปิดระบบตอบแบบ OIT 15/3/2570`,
    ]);
    const t = { ...parseWorkbook(snapshot).tracker, reports: [] };
    expect(lines(plan(t, '2027-01-04'))?.slice(2)).toEqual([
      '๒. ๑ เมษายน ๒๕๗๐ (อีก ๘๗ วัน): เปิดระบบตอบแบบ OIT (ยังไม่ยืนยัน)',
      '๓. ๓๐ เมษายน ๒๕๗๐ (อีก ๑๑๖ วัน): เผยแพร่รายงานผลการดำเนินการ (ยังไม่ยืนยัน)',
      `   ${REPORT_2569}`,
    ]);
  });
});
