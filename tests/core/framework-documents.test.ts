// The framework in what users see (issue 23): a FY 2569 tracker has no 6-month round anywhere (settings,
// reminders, validation, memo), its documents are titled and coded as its preset says, and switching the
// preset setting changes the titles and codes with no code edit.
import type { Cell } from '../../src/core/cells';
import { reportMemoInputs } from '../../src/core/closed-documents';
import { buildPlan } from '../../src/core/plan';
import { simulateReminders } from '../../src/core/reminder-simulation';
import { buildReport } from '../../src/core/report';
import { SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';

const setSetting = (s: WorkbookSnapshot, key: string, value: Cell): void => {
  const rows = s.tabs[SETTINGS_TAB.name];
  const row = rows.find((r) => r[0] === key);
  if (row) row[2] = value;
  else rows.push([key, '', value, '']);
};

/** The example as a FY 2569 tracker whose admin still typed a 6-month due date and round 6. */
function fy2569(): WorkbookSnapshot {
  const s = templateSnapshot({ example: true });
  setSetting(s, 'fiscalYear', 2569);
  setSetting(s, 'currentRound', 6);
  setSetting(s, 'round6Due', new Date(Date.UTC(2026, 2, 31)));
  setSetting(s, 'round12Due', new Date(Date.UTC(2026, 8, 30)));
  return s;
}

describe('FY 2569: no 6-month round anywhere', () => {
  test('settings: the current round is 12 and the typed 6-month due date is not used; validate says so at its cell', () => {
    const s = fy2569();
    const { settings } = parseWorkbook(s).tracker;
    expect(settings.currentRound).toBe(12);
    expect(settings.roundDue).toEqual({ 6: null, 12: '2026-09-30' });
    const problems = validateWorkbook(s).filter((p) => p.code === 'round-not-in-framework');
    expect(problems.map((p) => `${p.tab}!${p.cell} ${p.message}`)).toEqual([
      'ตั้งค่า!C7 กรอบการประเมินที่ใช้ (ITA ปี 2569: O25 การนำผลการประเมินไปสู่การพัฒนาองค์กร, O26 รายงานผลปีที่ผ่านมา) ไม่มีรายงานรอบ 6 เดือน — กำหนดส่งนี้ไม่ใช้ในการแจ้งเตือนหรือรายงาน (ลบออกได้)',
    ]);
  });

  test('reminders over the whole year: no message about a 6-month round, the round-12 summary on its due day', () => {
    const tracker = parseWorkbook(fy2569()).tracker;
    const sim = simulateReminders({ tracker, from: '2025-10-01', to: '2026-09-30' });
    const subjects = sim.sends.map((x) => x.subject);
    expect(subjects.filter((x) => x.includes('รอบ ๖ เดือน'))).toEqual([]);
    expect(subjects).toContain(
      subjects.find((x) => x.startsWith('สรุปถึงผู้บริหาร: ครบกำหนดส่งผลรอบ ๑๒ เดือน')) ?? 'no round-12 summary',
    );
  });

  test('memo --round 6 is refused naming the framework; round 12 is not', () => {
    const s = fy2569();
    setSetting(s, 'executiveTitle', 'นายกเทศมนตรีตำบลปรุใหญ่');
    const parsed = parseWorkbook(s);
    const six = reportMemoInputs(s, parsed, { round: 6 }).problems.filter((p) => p.severity === 'error');
    expect(six[0].message).toBe(
      'ไม่มีรายงานรอบ 6 เดือนให้เสนอผู้บริหาร: กรอบการประเมินที่ใช้ (ITA ปี 2569: O25 การนำผลการประเมินไปสู่การพัฒนาองค์กร, O26 รายงานผลปีที่ผ่านมา) เผยแพร่รายงานรอบ 12 เดือนเท่านั้น',
    );
    expect(
      reportMemoInputs(s, parsed, { round: 12 }).problems.filter((p) => p.code === 'round-not-in-framework'),
    ).toEqual([]);
  });
});

describe('documents titled and coded as the preset says', () => {
  test('FY 2569: the report is O26 (published in 2570 on the year before), the plan O25; FY 2566: O43 and O42', () => {
    const t2569 = parseWorkbook(fy2569()).tracker;
    const r = buildReport(t2569, 12).model;
    expect(r.titleBlock[0]).toBe('รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(r.documentName).toBe('O26 รายงานมาตรการ ITA เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๙ รอบ ๑๒ เดือน');
    expect(buildPlan(t2569).model.title).toBe('O25 มาตรการส่งเสริมคุณธรรมและความโปร่งใส เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๙');
    const t2566 = parseWorkbook(templateSnapshot({ example: true })).tracker;
    const seed = buildReport(t2566, 6).model;
    expect(seed.titleBlock[0]).toBe('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(seed.documentName).toBe('O43 รายงานมาตรการ ITA เทศบาลตำบลปรุใหญ่ ปีงบประมาณ ๒๕๖๖ รอบ ๖ เดือน');
  });

  test('switching the preset setting (2569 → 2564) changes title, code and rounds; the codes setting overrides the code', () => {
    const s = fy2569();
    setSetting(s, 'itaFramework', '2564');
    const t = parseWorkbook(s).tracker;
    expect(t.settings.currentRound).toBe(6);
    const r = buildReport(t, 12).model;
    expect(r.titleBlock[0]).toBe('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(r.documentName.startsWith('O43 ')).toBe(true);
    setSetting(s, 'itaItemCodes', 'O10, O11');
    const typed = parseWorkbook(s).tracker;
    expect(buildReport(typed, 12).model.documentName.startsWith('O11 ')).toBe(true);
    expect(buildPlan(typed).model.title.startsWith('O10 ')).toBe(true);
  });
});
