// The menu "เพิ่มร่างมาตรการสำหรับตัวชี้วัดที่ต่ำกว่าเกณฑ์" (fakes): a draft row per weak indicator no
// measure addresses, written below the measures tab's last row in one setValues (plus the header when the
// tab has no ตัวชี้วัด ITA column); no cell already there is written; admins only.
import { draftsMessage } from '../../src/core/draft-measures';
import { ACCESS, MENU } from '../../src/core/messages/menu';
import { PLAN } from '../../src/core/messages/plan';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

const ADMIN = 'ita-admin@example.org';
const FINANCE = 'finance@example.org';
let fakes: FakeHandles;
afterEach(() => uninstallFakes());

function example(): FakeHandles {
  const f = installFakes({ user: ADMIN, owner: 'owner@example.org', domain: 'example.org', editors: [ADMIN, FINANCE] });
  setupSpreadsheet(f.spreadsheet, { example: true, now: new Date(Date.UTC(2023, 2, 20, 9, 0)) });
  return f;
}

const letter = (header: string) =>
  String.fromCharCode(65 + (fakes.sheets.values(TAB.measures) ?? [[]])[0].indexOf(header));

test('a draft row for indicator 4 once IIT-02 no longer names it, below the last row, in one write', () => {
  fakes = example();
  fakes.sheets.typeInto(TAB.measures, `${letter(HEADER.measureIndicators)}3`, '5');
  const before = (fakes.sheets.values(TAB.measures) ?? []).map((r) => [...r]);
  calls.reset();
  const out = ENTRY_POINTS.menuDraftMeasures();
  expect(out).toEqual({ ids: ['IIT-04'] });
  expect(calls.by('Range.setValues')).toBe(1);
  const after = fakes.sheets.values(TAB.measures) ?? [];
  expect(after.slice(0, before.length)).toEqual(before);
  expect(after.slice(before.length).filter((r) => r.some((c) => c !== ''))).toEqual([
    ['IIT-04', 'IIT', PLAN.weakDefault('การใช้ทรัพย์สินของราชการ'), '', '', '', 4, '4'],
  ]);
  expect(fakes.ui.lastAlert()?.prompt).toBe(
    draftsMessage([{ id: 'IIT-04', indicator: 4, name: 'การใช้ทรัพย์สินของราชการ', area: 'IIT', issue: '' }]),
  );
  // run again: nothing left to add, nothing written
  calls.reset();
  expect(ENTRY_POINTS.menuDraftMeasures()).toEqual({ ids: [] });
  expect(calls.by('Range.setValues')).toBe(0);
});

test('not an admin: refused, nothing written', () => {
  fakes = example();
  fakes.session.setUser(FINANCE);
  calls.reset();
  expect(ENTRY_POINTS.menuDraftMeasures()).toBeUndefined();
  expect(fakes.ui.lastAlert()?.prompt).toBe(ACCESS.denied(MENU.items.draftMeasures, ['admin'], FINANCE));
  expect(calls.by('Range.setValues')).toBe(0);
});
