// FY 2570 ready (issue 23): an empty tracker created for FY 2570 (1 Oct 2026 – 30 Sep 2027) starts with its
// holidays — the fixed dates, a substitute day for 5 Dec 2026 (a Saturday), the lunar days computed — each
// date not yet announced marked "ยังไม่ยืนยัน"; validate warns once while any is; the settings hold the
// year, its round and the due date from the FY 2570 preset (no 6-month round).
import { HOLIDAYS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { fiscalYearOf, isoFromWallDate } from '../../src/core/thai';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook } from '../../src/core/workbook';
import { bangkokNow } from '../../src/node/clock';

const empty2570 = () => templateSnapshot({ example: false, fiscalYear: 2570 });

test('the holidays tab of an empty FY 2570 tracker, date by date', () => {
  const rows = empty2570()
    .tabs[HOLIDAYS_TAB.name].slice(1)
    .map((r) => `${isoFromWallDate(r[0] as Date)} ${r[1]}`);
  expect(rows).toEqual([
    '2026-10-13 วันนวมินทรมหาราช',
    '2026-10-23 วันปิยมหาราช',
    '2026-12-05 วันพ่อแห่งชาติ',
    '2026-12-07 วันหยุดชดเชยวันพ่อแห่งชาติ (ยังไม่ยืนยัน)',
    '2026-12-10 วันรัฐธรรมนูญ',
    '2026-12-31 วันสิ้นปี',
    '2027-01-01 วันขึ้นปีใหม่',
    '2027-02-21 วันมาฆบูชา (ยังไม่ยืนยัน)',
    '2027-02-22 วันหยุดชดเชยวันมาฆบูชา (ยังไม่ยืนยัน)',
    '2027-04-06 วันจักรี',
    '2027-04-13 วันสงกรานต์',
    '2027-04-14 วันสงกรานต์',
    '2027-04-15 วันสงกรานต์',
    '2027-05-04 วันฉัตรมงคล',
    '2027-05-20 วันวิสาขบูชา (ยังไม่ยืนยัน)',
    '2027-06-03 วันเฉลิมพระชนมพรรษาพระราชินี',
    '2027-07-18 วันอาสาฬหบูชา (ยังไม่ยืนยัน)',
    '2027-07-19 วันเข้าพรรษา (ยังไม่ยืนยัน)',
    '2027-07-20 วันหยุดชดเชยวันอาสาฬหบูชา (ยังไม่ยืนยัน)',
    '2027-07-28 วันเฉลิมพระชนมพรรษาพระเจ้าอยู่หัว',
    '2027-08-12 วันแม่แห่งชาติ',
  ]);
});

test('validate warns once while any holiday is unconfirmed, at the first such cell; none once confirmed', () => {
  const s = empty2570();
  const warned = validateWorkbook(s).filter((p) => p.code === 'holiday-unconfirmed');
  expect(warned.map((p) => `${p.tab}!${p.cell} ${p.message}`)).toEqual([
    'วันหยุด!B5 วันหยุด 7 วันยังไม่ยืนยัน (เริ่มที่ B5) — ตรวจสอบกับประกาศวันหยุดของคณะรัฐมนตรี แก้วันที่ถ้าต่าง แล้วลบคำว่า "ยังไม่ยืนยัน" ออกจากชื่อ',
  ]);
  for (const r of s.tabs[HOLIDAYS_TAB.name].slice(1)) r[1] = String(r[1]).replace(' (ยังไม่ยืนยัน)', '');
  expect(validateWorkbook(s).filter((p) => p.code === 'holiday-unconfirmed')).toEqual([]);
});

test('the settings: FY 2570, round 12, due 30 Sep 2027 from the preset, no 6-month due date', () => {
  const s = empty2570();
  const { settings } = parseWorkbook(s).tracker;
  expect([settings.fiscalYear, settings.currentRound, settings.roundDue]).toEqual([
    2570,
    12,
    { 6: null, 12: '2027-09-30' },
  ]);
  expect(s.tabs[SETTINGS_TAB.name].find((r) => r[0] === 'round6Due')?.[2]).toBeNull();
});

test('a year already announced (FY 2566 in the example) keeps the fixed dates only, unmarked', () => {
  const names = templateSnapshot({ example: false, fiscalYear: 2566 })
    .tabs[HOLIDAYS_TAB.name].slice(1)
    .map((r) => r[1]);
  expect(names.some((n) => String(n).includes('ยังไม่ยืนยัน'))).toBe(false);
});

test('init --empty today: the holidays of the fiscal year the Bangkok clock is in', () => {
  // the CLI's init builds templateSnapshot({ example: false, fiscalYear: fiscalYearOf(today) })
  const today = bangkokNow().toISOString().slice(0, 10);
  const fy = fiscalYearOf(today);
  const rows = templateSnapshot({ example: false, fiscalYear: fy }).tabs[HOLIDAYS_TAB.name];
  expect(rows.length).toBeGreaterThan(14);
  if (fy === 2570) expect(rows.filter((r) => String(r[1]).includes('ยังไม่ยืนยัน'))).toHaveLength(7);
});
