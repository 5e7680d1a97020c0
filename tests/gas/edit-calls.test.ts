// Issue 11 §6: onEdit is the most frequent operation. A one-cell edit on a division tab costs at most
// 10 service calls, a pasted block at most 15 (marks and stamps included). One case stays above
// 10: a "done" whose verdict needs the round from the settings and marks another cell (13).
import { STATUS_LABEL } from '../../src/core/messages';
import { handleEdit } from '../../src/gas/edit';
import { setupSpreadsheet } from '../../src/gas/setup';
import { calls, type FakeHandles, installFakes, uninstallFakes } from '../fakes';

const OWNER = 'owner@example.org';
const FINANCE = 'finance@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ user: OWNER, owner: OWNER, editors: [FINANCE] });
  setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
});
afterEach(() => uninstallFakes());

/** A person types into a range, then Sheets runs the simple trigger; returns the trigger's calls. */
function typeAndCount(tab: string, a1: string, values: unknown[][]): { total: number; by: Record<string, number> } {
  return fakes.session.as(FINANCE, () => {
    const range = calls.untracked(() => {
      const r = fakes.spreadsheet.getSheetByName(tab)!.getRange(a1);
      r.setValues(values);
      return r;
    });
    const e = { range, source: fakes.spreadsheet, user: Session.getActiveUser(), value: values[0][0] };
    calls.reset();
    handleEdit(e as unknown as GoogleAppsScript.Events.SheetsOnEdit, new Date(Date.UTC(2023, 2, 21, 3, 15)));
    return { total: calls.total(), by: calls.snapshot() };
  });
}

// the single-cell edits a division makes, each on its own row of กองคลัง (EIT-01 in row 2, OIT-03 in row 3)
const SINGLE: [string, string, string, number][] = [
  ['status "in progress" (no mark changes)', 'F2', STATUS_LABEL.in_progress, 10],
  ['an evidence link', 'I3', 'https://example.org/evidence', 10],
  ['a status that is not one of the list (its own cell marked)', 'F2', 'เสร็จแล้วจ้า', 10],
  ["this round's result", 'G2', 'ทำแล้ว', 10],
  // the heaviest: the verdict depends on the round (settings read) and the mark lands on another cell
  ['"done" with no result yet (the result cell marked)', 'F2', STATUS_LABEL.done, 13],
];

test.each(SINGLE)('one cell, %s: within its call budget', (_what, a1, value, budget) => {
  const { total, by } = typeAndCount('กองคลัง', a1, [[value]]);
  console.log(`onEdit, 1 cell, ${_what}: ${total} calls`, JSON.stringify(by));
  expect(total).toBeLessThanOrEqual(budget);
});

test('a pasted block (3 rows × 4 columns, bad cells among them): at most 15 service calls', () => {
  const { total, by } = typeAndCount('กองคลัง', 'F2:I4', [
    [STATUS_LABEL.in_progress, 'เริ่มแล้ว', '', 'https://example.org/a'],
    ['เสร็จแล้วจ้า', 'ทำแล้ว', '', 'ไม่มีลิงก์'],
    [STATUS_LABEL.done, '', '', ''],
  ]);
  console.log(`onEdit, pasted block: ${total} calls`, JSON.stringify(by));
  expect(total).toBeLessThanOrEqual(15);
});
