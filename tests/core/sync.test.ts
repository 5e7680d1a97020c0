import fc from 'fast-check';
import { type Cell, cellText } from '../../src/core/cells';
import { SYNC } from '../../src/core/messages/sync';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { divisionObject, measureObject, tableOf } from '../../src/core/rows';
import {
  ARCHIVE_TAB,
  type ColumnSpec,
  DIVISION_TAB_COLUMNS,
  DIVISIONS_TAB,
  divisionOwnedKeys,
  MEASURES_TAB,
} from '../../src/core/schema';
import { applyPlan, planSync, syncSnapshot } from '../../src/core/sync';
import { syncBlockers } from '../../src/core/sync-blockers';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { division, measure, miniWorkbook } from '../support/workbook';

const NOW = new Date(Date.UTC(2023, 2, 1, 9, 0));

function rowsOf(s: WorkbookSnapshot, tab: string): Record<string, Cell>[] {
  const [header, ...rows] = s.tabs[tab];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}

describe('division tabs from measures × divisions', () => {
  const base = () =>
    miniWorkbook({
      divisions: [division('PALAD', 'สำนักปลัด'), division('FIN', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง'])],
      milestones: [
        { id: 'MS-01', measureId: 'EIT-01', divisionCode: 'FIN', task: 'แผนการใช้จ่าย', due: '2022-10-31' },
        { id: 'MS-02', measureId: 'EIT-01', divisionCode: '', task: 'รายงานรอบ ๖ เดือน', due: '2023-03-31' },
      ],
    });

  test('each division gets its measures, each followed by its milestones, due dates from the round', () => {
    const { snapshot, plan } = syncSnapshot(base(), NOW);
    expect(plan.tabs.map((t) => [t.tabName, t.entries.map((e) => e.key)])).toEqual([
      ['สำนักปลัด', ['IIT-01', 'EIT-01', 'MS-02']],
      ['กองคลัง', ['EIT-01', 'MS-01', 'MS-02']],
    ]);
    const fin = rowsOf(snapshot, 'กองคลัง');
    expect(fin.map((r) => r.สถานะ)).toEqual(['ยังไม่ดำเนินการ', 'ยังไม่ดำเนินการ', 'ยังไม่ดำเนินการ']);
    expect(fin.map((r) => cellText(r.วันที่ครบกำหนด))).toEqual(['2023-03-31', '2022-10-31', '2023-03-31']);
    expect(fin[1].งาน).toBe('แผนการใช้จ่าย');
  });

  test('re-sync keeps typed values, moves rows that no longer belong to the archive, and is idempotent', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    const fin = snapshot.tabs.กองคลัง;
    const col = (h: string) => fin[0].indexOf(h);
    fin[1][col('สถานะ')] = 'ดำเนินการแล้ว';
    fin[1][col('ผลการดำเนินการ รอบ ๖ เดือน')] = 'จัดทำแผนแล้ว';
    fin[2][col('ลิงก์หลักฐาน')] = 'https://example.org/plan';
    // กองคลัง is no longer responsible for EIT-01 (so MS-02 goes too); MS-01 stays (named for FIN)
    snapshot.tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, [
      measureObject({ ...measure('IIT-01', 'IIT', ['สำนักปลัด']), order: 1 }),
      measureObject({ ...measure('EIT-01', 'EIT', ['สำนักปลัด']), order: 2 }),
    ]);
    ({ snapshot } = syncSnapshot(snapshot, NOW));
    expect(rowsOf(snapshot, 'กองคลัง').map((r) => [r.รหัสรายการ, r.ลิงก์หลักฐาน])).toEqual([
      ['MS-01', 'https://example.org/plan'],
    ]);
    const archive = rowsOf(snapshot, ARCHIVE_TAB.name);
    expect(archive.map((r) => [r.แท็บเดิม, r.รหัสรายการ])).toEqual([
      ['กองคลัง', 'EIT-01'],
      ['กองคลัง', 'MS-02'],
    ]);
    expect(JSON.parse(String(archive[0]['ข้อมูลเดิม (JSON)']))).toMatchObject({
      สถานะ: 'ดำเนินการแล้ว',
      'ผลการดำเนินการ รอบ ๖ เดือน': 'จัดทำแผนแล้ว',
    });
    expect(archive[0].เหตุผล).toContain('EIT-01');
    const again = syncSnapshot(snapshot, NOW).snapshot;
    expect(again).toEqual(snapshot);
  });

  test('a removed division: its tab goes, its rows are archived', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    snapshot.tabs.กองคลัง[1][5] = 'อยู่ระหว่างดำเนินการ';
    snapshot.tabs[DIVISIONS_TAB.name] = tableOf(DIVISIONS_TAB, [divisionObject(division('PALAD', 'สำนักปลัด'))]);
    ({ snapshot } = syncSnapshot(snapshot, NOW));
    expect(snapshot.tabs.กองคลัง).toBeUndefined();
    expect(rowsOf(snapshot, ARCHIVE_TAB.name).map((r) => r.รหัสรายการ)).toEqual(['EIT-01', 'MS-01', 'MS-02']);
  });

  test('a renamed division keeps its tab rows and typed values under the new name', () => {
    const { snapshot } = syncSnapshot(base(), NOW);
    const fin = snapshot.tabs.กองคลัง;
    fin[1][fin[0].indexOf('ผลการดำเนินการ รอบ ๖ เดือน')] = 'จัดทำแผนแล้ว';
    snapshot.tabs[DIVISIONS_TAB.name] = tableOf(DIVISIONS_TAB, [
      divisionObject(division('PALAD', 'สำนักปลัด')),
      divisionObject(division('FIN', 'กองการคลัง')),
    ]);
    snapshot.tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, [
      measureObject({ ...measure('IIT-01', 'IIT', ['สำนักปลัด']), order: 1 }),
      measureObject({ ...measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองการคลัง']), order: 2 }),
    ]);
    const result = syncSnapshot(snapshot, NOW);
    expect(result.plan.tabs.find((t) => t.divisionCode === 'FIN')?.renamedFrom).toBe('กองคลัง');
    expect(result.snapshot.tabs.กองคลัง).toBeUndefined();
    expect(rowsOf(result.snapshot, 'กองการคลัง').map((r) => [r.รหัสรายการ, r['ผลการดำเนินการ รอบ ๖ เดือน']])).toEqual([
      ['EIT-01', 'จัดทำแผนแล้ว'],
      ['MS-02', null],
    ]);
    // MS-01 still names the old division in กำหนดการ, so it no longer belongs here: archived, not lost
    expect(rowsOf(result.snapshot, ARCHIVE_TAB.name).map((r) => r.รหัสรายการ)).toEqual(['MS-01']);
  });

  test('a division named like a fixed tab gets no tab, and the fixed tab is left as it is', () => {
    const s = base();
    s.tabs[DIVISIONS_TAB.name] = tableOf(DIVISIONS_TAB, [
      divisionObject(division('PALAD', 'สำนักปลัด')),
      divisionObject(division('FIN', MEASURES_TAB.name)),
    ]);
    const measuresBefore = s.tabs[MEASURES_TAB.name];
    const { snapshot, plan } = syncSnapshot(s, NOW);
    expect(plan.tabs.map((t) => t.tabName)).toEqual(['สำนักปลัด']);
    expect(snapshot.tabs[MEASURES_TAB.name]).toEqual(measuresBefore);
  });

  test('an unreadable status is kept as typed, not reset', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    snapshot.tabs.กองคลัง[1][5] = 'เกือบเสร็จ';
    ({ snapshot } = syncSnapshot(snapshot, NOW));
    expect(snapshot.tabs.กองคลัง[1][5]).toBe('เกือบเสร็จ');
  });

  test('a column added to the schema for the divisions is kept by every re-sync and archived with its row, with no other code', () => {
    const remark: ColumnSpec = {
      key: 'divisionRemark',
      header: 'หมายเหตุของกอง',
      type: 'multiline',
      required: false,
      editor: 'division',
      width: 200,
    };
    DIVISION_TAB_COLUMNS.push(remark);
    try {
      expect(divisionOwnedKeys()).toContain('divisionRemark');
      let { snapshot } = syncSnapshot(base(), NOW);
      const fin = snapshot.tabs.กองคลัง;
      expect(fin[0]).toContain('หมายเหตุของกอง');
      fin[1][fin[0].indexOf('หมายเหตุของกอง')] = 'รอใบเสนอราคา';
      fin[3][fin[0].indexOf('หมายเหตุของกอง')] = 'ส่งแผนแล้ว';
      // the measures change: กองคลัง is no longer responsible for EIT-01 (so MS-02 goes), MS-01 stays
      snapshot.tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, [
        measureObject({ ...measure('IIT-01', 'IIT', ['สำนักปลัด']), order: 1 }),
        measureObject({ ...measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง']), order: 2 }),
      ]);
      ({ snapshot } = syncSnapshot(snapshot, NOW));
      expect(rowsOf(snapshot, 'กองคลัง').map((r) => [r.รหัสรายการ, r.หมายเหตุของกอง])).toEqual([
        ['EIT-01', 'รอใบเสนอราคา'],
        ['MS-01', null],
        ['MS-02', 'ส่งแผนแล้ว'],
      ]);
      expect(
        parseWorkbook(snapshot).tracker.entries.find((e) => e.divisionCode === 'FIN' && e.key === 'EIT-01')?.owned
          .divisionRemark,
      ).toBe('รอใบเสนอราคา');
      // a row that no longer belongs takes what was typed in the new column to the archive
      snapshot.tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, [
        measureObject({ ...measure('IIT-01', 'IIT', ['สำนักปลัด']), order: 1 }),
        measureObject({ ...measure('EIT-01', 'EIT', ['สำนักปลัด']), order: 2 }),
      ]);
      ({ snapshot } = syncSnapshot(snapshot, NOW));
      const archived = rowsOf(snapshot, ARCHIVE_TAB.name).map((r) => JSON.parse(String(r['ข้อมูลเดิม (JSON)'])));
      expect(archived.map((r) => r.หมายเหตุของกอง)).toEqual(['รอใบเสนอราคา', 'ส่งแผนแล้ว']);
    } finally {
      DIVISION_TAB_COLUMNS.splice(DIVISION_TAB_COLUMNS.indexOf(remark), 1);
    }
  });
});

// ---------------------------------------------------------------- property: no typed value is ever lost

type Op =
  | { kind: 'addMeasure'; area: 'IIT' | 'EIT' | 'OIT'; divs: number[] }
  | { kind: 'removeMeasure'; i: number }
  | { kind: 'renameMeasure'; i: number }
  | { kind: 'reassign'; i: number; divs: number[] }
  | { kind: 'addDivision' }
  | { kind: 'removeDivision'; i: number }
  | { kind: 'renameDivision'; i: number }
  | { kind: 'edit'; div: number; row: number; column: number };

/** the columns a division types in, as the schema says (a column added there is exercised too) */
const EDITABLE = DIVISION_TAB_COLUMNS.filter((c) => c.editor === 'division');

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('addMeasure' as const),
    area: fc.constantFrom('IIT' as const, 'EIT' as const, 'OIT' as const),
    divs: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('removeMeasure' as const), i: fc.nat(20) }),
  fc.record({ kind: fc.constant('renameMeasure' as const), i: fc.nat(20) }),
  fc.record({
    kind: fc.constant('reassign' as const),
    i: fc.nat(20),
    divs: fc.array(fc.nat(9), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('addDivision' as const) }),
  fc.record({ kind: fc.constant('removeDivision' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('renameDivision' as const), i: fc.nat(9) }),
  fc.record({ kind: fc.constant('edit' as const), div: fc.nat(9), row: fc.nat(20), column: fc.nat(3) }),
  fc.record({ kind: fc.constant('edit' as const), div: fc.nat(9), row: fc.nat(20), column: fc.nat(3) }),
);

test('property: over random add/remove/rename/edit sequences, every typed value survives in a tab or the archive', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
      let seq = 0;
      const divisions = [division('D0', 'หน่วยงาน0'), division('D1', 'หน่วยงาน1')];
      let measures = [measure('IIT-0', 'IIT', ['หน่วยงาน0']), measure('EIT-0', 'EIT', ['หน่วยงาน0', 'หน่วยงาน1'])];
      let snapshot = syncSnapshot(miniWorkbook({ divisions, measures }), NOW).snapshot;
      /** (tab, key, header) → the value last typed there; overwritten values are legitimately gone */
      const typed = new Map<string, string>();
      for (const op of ops) {
        seq++;
        switch (op.kind) {
          case 'addMeasure':
            if (divisions.length)
              measures.push(
                measure(`${op.area}-${seq}`, op.area, [
                  ...new Set(op.divs.map((i) => divisions[i % divisions.length].name)),
                ]),
              );
            break;
          case 'removeMeasure':
            if (measures.length) measures.splice(op.i % measures.length, 1);
            break;
          case 'renameMeasure':
            if (measures.length)
              measures[op.i % measures.length] = { ...measures[op.i % measures.length], id: `R-${seq}` };
            break;
          case 'reassign':
            if (measures.length && divisions.length)
              measures[op.i % measures.length] = {
                ...measures[op.i % measures.length],
                responsible: [...new Set(op.divs.map((i) => divisions[i % divisions.length].name))],
              };
            break;
          case 'addDivision':
            divisions.push(division(`N${seq}`, `หน่วยงาน${seq}`));
            break;
          case 'removeDivision':
            if (divisions.length) {
              const [gone] = divisions.splice(op.i % divisions.length, 1);
              measures = measures
                .map((m) => ({ ...m, responsible: m.responsible.filter((r) => r !== gone.name) }))
                .filter((m) => m.responsible.length);
            }
            break;
          case 'renameDivision':
            if (divisions.length) {
              const d = divisions[op.i % divisions.length];
              const name = `หน่วยงานใหม่${seq}`;
              measures = measures.map((m) => ({
                ...m,
                responsible: m.responsible.map((r) => (r === d.name ? name : r)),
              }));
              divisions[op.i % divisions.length] = { ...d, name };
            }
            break;
          case 'edit': {
            if (!divisions.length) break;
            const tab = snapshot.tabs[divisions[op.div % divisions.length].name];
            if (!tab || tab.length < 2) break;
            const r = 1 + (op.row % (tab.length - 1));
            const column = EDITABLE[op.column % EDITABLE.length];
            const header = column.header;
            const value =
              column.type === 'status'
                ? `สถานะพิมพ์${seq}`
                : column.type === 'url'
                  ? `https://example.org/${seq}`
                  : `ผล${seq}`;
            tab[r][tab[0].indexOf(header)] = value;
            typed.set(`${divisions[op.div % divisions.length].code}|${tab[r][0]}|${header}`, value);
            break;
          }
        }
        // the admin's edits of measures/divisions land in their tabs; then sync runs
        snapshot.tabs[DIVISIONS_TAB.name] = tableOf(DIVISIONS_TAB, divisions.map(divisionObject));
        snapshot.tabs[MEASURES_TAB.name] = tableOf(
          MEASURES_TAB,
          measures.map((m, i) => measureObject({ ...m, order: i + 1 })),
        );
        // sync plans from what it read; a division types in a row it keeps before the steps land
        const plan = planSync(parseWorkbook(snapshot), snapshot, NOW);
        const tabPlan = plan.tabs.length ? plan.tabs[seq % plan.tabs.length] : undefined;
        const source = tabPlan && snapshot.tabs[tabPlan.renamedFrom ?? tabPlan.tabName];
        if (tabPlan && source && !(tabPlan.created && !tabPlan.renamedFrom)) {
          const gone = new Set(tabPlan.removed.map((r) => r.row));
          const r = source.findIndex((row, i) => i > 0 && !gone.has(i + 1) && cellText(row[0]) !== '');
          const c = source[0].indexOf(HEADER.result6);
          if (r > 0 && c >= 0) {
            const value = `ระหว่างซิงก์${seq}`;
            source[r][c] = value;
            typed.set(`${tabPlan.divisionCode}|${cellText(source[r][0])}|${HEADER.result6}`, value);
          }
        }
        snapshot = applyPlan(snapshot, plan);
        const everything = Object.values(snapshot.tabs)
          .flat(2)
          .map((c) => cellText(c))
          .join('\u0000');
        for (const value of typed.values()) if (!everything.includes(value)) return false;
        // and the tracker still parses with every division's tab present
        const parsed = parseWorkbook(snapshot);
        if (parsed.tracker.divisions.some((d) => !snapshot.tabs[d.name])) return false;
      }
      return true;
    }),
    { numRuns: 1000 },
  );
});

describe('sync refuses an unsafe plan', () => {
  const base = () =>
    miniWorkbook({
      divisions: [division('PALAD', 'สำนักปลัด'), division('FIN', 'กองคลัง')],
      measures: [measure('IIT-01', 'IIT', ['สำนักปลัด']), measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง'])],
    });

  test('a copy of a division tab beside it, named but for a trailing space, is named (not archived away)', () => {
    const s = syncSnapshot(base(), NOW).snapshot;
    s.tabs['กองคลัง '] = s.tabs.กองคลัง.map((r) => [...r]);
    const problems = syncBlockers(parseWorkbook(s), s);
    expect(problems.map((p) => [p.tab, p.message])).toEqual([['กองคลัง ', SYNC.nearMissTab('กองคลัง ', 'กองคลัง')]]);
  });

  test('a schema column missing from an older tab is added; missing beside an unknown header, it is refused', () => {
    const s = syncSnapshot(base(), NOW).snapshot;
    const header = s.tabs.กองคลัง[0];
    const at = header.indexOf(HEADER.result12);
    // removed outright: an older tab → its header comes back after the last column, typed values stay
    const older = s.tabs.กองคลัง.map((r) => r.filter((_, i) => i !== at));
    older[1][older[0].indexOf(HEADER.result6)] = 'ผลที่กรอก';
    const s1 = { tabs: { ...s.tabs, กองคลัง: older } };
    expect(syncBlockers(parseWorkbook(s1), s1)).toEqual([]);
    const { snapshot, plan } = syncSnapshot(s1, NOW);
    expect(plan.tabs.find((t) => t.tabName === 'กองคลัง')?.steps[0]).toEqual({
      op: 'header',
      column: older[0].length + 1,
      headers: [HEADER.result12],
    });
    expect(snapshot.tabs.กองคลัง[0].at(-1)).toBe(HEADER.result12);
    expect(snapshot.tabs.กองคลัง[1][older[0].indexOf(HEADER.result6)]).toBe('ผลที่กรอก');
    // renamed: an unknown header beside the missing one → refused with the tab
    const renamed = s.tabs.กองคลัง.map((r) => [...r]);
    renamed[0][at] = 'ผลรอบ 12';
    const s2 = { tabs: { ...s.tabs, กองคลัง: renamed } };
    expect(syncBlockers(parseWorkbook(s2), s2).map((p) => [p.tab, p.code])).toEqual([['กองคลัง', 'missing-header']]);
  });

  test('steps applied to the snapshot give exactly the planned table, whatever the change', () => {
    let { snapshot } = syncSnapshot(base(), NOW);
    snapshot.tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, [
      measureObject({ ...measure('EIT-01', 'EIT', ['สำนักปลัด', 'กองคลัง']), order: 1 }),
      measureObject({ ...measure('IIT-02', 'IIT', ['กองคลัง']), order: 2 }),
      measureObject({ ...measure('IIT-01', 'IIT', ['สำนักปลัด']), order: 3 }),
    ]);
    const result = syncSnapshot(snapshot, NOW);
    for (const t of result.plan.tabs)
      expect(result.snapshot.tabs[t.tabName].map((r) => r.slice(0, DIVISION_TAB_COLUMNS.length))).toEqual(t.values);
    snapshot = result.snapshot;
    expect(syncSnapshot(snapshot, NOW).plan.tabs.every((t) => t.steps.length === 0)).toBe(true);
  });
});
