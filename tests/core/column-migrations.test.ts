// A tracker set up before the ตัวชี้วัด ITA column (issue 23): the column the schema gained is inserted
// where the schema places it, every other cell moving with its column; validation says how to get it.
import {
  missingColumns,
  missingSettingRows,
  withColumnInserts,
  withSettingRows,
} from '../../src/core/column-migrations';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { MEASURES_TAB, SETTINGS } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import type { WorkbookSnapshot } from '../../src/core/workbook';

/** The example as a tracker made before the column: no ตัวชี้วัด ITA, and an admin's own column after ลำดับ. */
function oldLayout(): { snapshot: WorkbookSnapshot; at: number } {
  const example = templateSnapshot({ example: true });
  const measures = example.tabs[TAB.measures];
  const at = measures[0].indexOf(HEADER.measureIndicators);
  const old = measures.map((row, r) => [...row.slice(0, at), ...row.slice(at + 1), r === 0 ? 'หมายเหตุ' : `โน้ต ${r}`]);
  return { snapshot: { tabs: { ...example.tabs, [TAB.measures]: old } }, at };
}

const weakWarnings = (s: WorkbookSnapshot) =>
  validateWorkbook(s)
    .filter((p) => p.code === 'weak-indicator-no-measure')
    .map((p) => p.message);

test('the measures tab without the column: one insert after ลำดับ, the admin’s column moves right with its cells', () => {
  const { snapshot, at } = oldLayout();
  const inserts = missingColumns(snapshot);
  expect(inserts).toEqual([{ tab: TAB.measures, key: 'measureIndicators', header: HEADER.measureIndicators, at }]);
  const after = withColumnInserts(snapshot, inserts).tabs[TAB.measures];
  expect(after[0]).toEqual([...MEASURES_TAB.columns.map((c) => c.header), 'หมายเหตุ']);
  expect(after.map((row) => [...row.slice(0, at), ...row.slice(at + 1)])).toEqual(snapshot.tabs[TAB.measures]);
  expect(missingColumns(withColumnInserts(snapshot, inserts))).toEqual([]);
});

test('the column moved elsewhere by the admin, or a tab with a renamed required header: nothing to insert', () => {
  expect(missingColumns(templateSnapshot({ example: true }))).toEqual([]);
  const { snapshot } = oldLayout();
  const header = snapshot.tabs[TAB.measures][0];
  header[header.indexOf(HEADER.issue)] = 'ประเด็นปัญหา';
  expect(missingColumns(snapshot)).toEqual([]);
});

test('validation on the old layout says how to get the column; once inserted, the usual warning', () => {
  const { snapshot } = oldLayout();
  const before = weakWarnings(snapshot);
  expect(before.length).toBeGreaterThan(0);
  expect(before[0]).toBe(
    'ตัวชี้วัดที่ 10 การป้องกันการทุจริต ได้ 75.00 คะแนน ต่ำกว่าเกณฑ์ 85 แต่แท็บ "มาตรการ" ยังไม่มีคอลัมน์ "ตัวชี้วัด ITA" (ตั้งขึ้นก่อนมีคอลัมน์นี้) — เรียกเมนู "ตั้งค่าระบบ" อีกครั้ง (หรือ ita-tracker sync) เพื่อแทรกคอลัมน์ แล้วระบุตัวชี้วัดในมาตรการที่รองรับ หรือเพิ่มร่างมาตรการด้วยเมนู "เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์" (ita-tracker draft-measures)',
  );
  const after = weakWarnings(withColumnInserts(snapshot, missingColumns(snapshot)));
  expect(after).toHaveLength(before.length);
  expect(after.every((m) => m.includes('แต่ยังไม่มีมาตรการใดระบุตัวชี้วัดนี้ในคอลัมน์ "ตัวชี้วัด ITA"'))).toBe(true);
});

describe('settings the schema gained after the tracker was made (missingSettingRows)', () => {
  test('each goes in its own row below the last, key/label/help under their headers wherever they are; the value blank', () => {
    const example = templateSnapshot({ example: true });
    const settings = example.tabs[TAB.settings];
    // the admin moved the help column first and left two blank rows at the end
    const moved = settings
      .filter((r) => r[0] !== 'itaCalendarDates')
      .map((r) => [r[3], r[0], r[1], r[2]])
      .concat([
        [null, null, null, null],
        [null, null, null, null],
      ]);
    const snapshot = { tabs: { ...example.tabs, [TAB.settings]: moved } };
    const append = missingSettingRows(snapshot)!;
    const spec = SETTINGS.find((s) => s.key === 'itaCalendarDates')!;
    expect(append).toEqual({
      tab: TAB.settings,
      startRow: moved.length - 1,
      rows: [[spec.help, 'itaCalendarDates', spec.label, null]],
      labels: [spec.label],
    });
    const after = withSettingRows(snapshot, append);
    expect(after.tabs[TAB.settings]).toEqual([
      ...moved.slice(0, -2),
      [spec.help, 'itaCalendarDates', spec.label, null],
    ]);
    expect(missingSettingRows(after)).toBeNull();
    expect(missingSettingRows(example)).toBeNull();
  });

  test('a settings tab whose key header is gone is left to the sync blockers', () => {
    const example = templateSnapshot({ example: true });
    const settings = example.tabs[TAB.settings].map((r, i) => (i === 0 ? ['คีย์', ...r.slice(1)] : r));
    expect(missingSettingRows({ tabs: { ...example.tabs, [TAB.settings]: settings } })).toBeNull();
  });
});
