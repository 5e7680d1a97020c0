// Draft measure rows for the weak indicators no measure addresses (issue 23, src/core/draft-measures.ts):
// the row's text is the analysis line, its indicator and area the weak indicator's, its id the tool's next.
import { draftMeasures, draftsMessage } from '../../src/core/draft-measures';
import { DRAFT_MEASURES, PLAN } from '../../src/core/messages/plan';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { ITA_RESULTS_TAB, MEASURES_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { validateWorkbook } from '../../src/core/validate';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';

const M = MEASURES_TAB.name;
const col = (snap: WorkbookSnapshot, header: string) => snap.tabs[M][0].indexOf(header);

/** The example with IIT-02 no longer naming indicator 4, and the admin's own line for indicator 8. */
function example(): WorkbookSnapshot {
  const snap = templateSnapshot();
  snap.tabs[M][2][col(snap, HEADER.measureIndicators)] = '5';
  const ita = snap.tabs[ITA_RESULTS_TAB.name];
  ita.find((r) => r[2] === 8)![5] = 'ผู้รับบริการเห็นว่าขั้นตอนยังซับซ้อน ควรลดขั้นตอนและเปิดรับฟังความเห็น';
  snap.tabs[M][5][col(snap, HEADER.measureIndicators)] = '6'; // EIT-02 leaves 8 …
  snap.tabs[M][6][col(snap, HEADER.measureIndicators)] = '6'; // … and EIT-03 too
  return snap;
}

test('one row per weak indicator no measure names, in indicator order: the analysis line, the next id of its tool', () => {
  const snap = example();
  const { drafts, header, rows } = draftMeasures(parseWorkbook(snap), snap.tabs[M]);
  expect(header).toBeNull();
  expect(drafts.map((d) => [d.id, d.indicator, d.area])).toEqual([
    ['IIT-04', 4, 'IIT'],
    ['EIT-04', 8, 'EIT'],
  ]);
  // laid out under the tab's header: id, area, issue, (steps, responsible, monitoring blank), the order after
  // the area's last, indicator
  expect(rows).toEqual([
    ['IIT-04', 'IIT', PLAN.weakDefault('การใช้ทรัพย์สินของราชการ'), null, null, null, 4, '4'],
    ['EIT-04', 'EIT', 'ผู้รับบริการเห็นว่าขั้นตอนยังซับซ้อน ควรลดขั้นตอนและเปิดรับฟังความเห็น', null, null, null, 7, '8'],
  ]);
  expect(draftsMessage(drafts)).toBe(
    DRAFT_MEASURES.added(2, M, '- IIT-04: ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ\n- EIT-04: ตัวชี้วัดที่ 8 การปรับปรุงระบบการทำงาน'),
  );

  // added: the weak indicators are addressed; the drafts wait for the admin's text at each cell
  snap.tabs[M].push(...rows);
  const after = validateWorkbook(snap);
  expect(after.filter((p) => p.code === 'weak-indicator-no-measure')).toEqual([]);
  expect(after.filter((p) => p.severity === 'error').map((p) => `${p.cell} ${p.code}`)).toEqual([
    'D13 required',
    'E13 required',
    'F13 required',
    'D14 required',
    'E14 required',
    'F14 required',
  ]);
  expect(draftMeasures(parseWorkbook(snap), snap.tabs[M]).drafts).toEqual([]);
});

test('a measures tab without the ตัวชี้วัด ITA column: every weak indicator gets a draft, and the header is added', () => {
  const snap = templateSnapshot();
  const c = col(snap, HEADER.measureIndicators);
  snap.tabs[M] = snap.tabs[M].map((r) => r.filter((_, i) => i !== c));
  const { drafts, header, rows } = draftMeasures(parseWorkbook(snap), snap.tabs[M]);
  expect(header).toEqual({ column: 7, text: HEADER.measureIndicators });
  expect(drafts.map((d) => d.id)).toEqual(['IIT-04', 'IIT-05', 'EIT-04', 'OIT-06']);
  expect(rows.map((r) => r[7])).toEqual(['2', '4', '8', '10']);
});

test('nothing to add: every weak indicator has a measure (the example), or no scores', () => {
  const snap = templateSnapshot();
  expect(draftMeasures(parseWorkbook(snap), snap.tabs[M])).toEqual({ drafts: [], header: null, rows: [] });
  expect(draftsMessage([])).toBe(DRAFT_MEASURES.none);
  snap.tabs[ITA_RESULTS_TAB.name] = snap.tabs[ITA_RESULTS_TAB.name].slice(0, 1);
  expect(draftMeasures(parseWorkbook(snap), snap.tabs[M]).drafts).toEqual([]);
});
