// Issue 11 §6: onEdit is the most frequent operation. A one-cell edit on a division tab costs at most
// 10 service calls, a pasted block at most 15 (marks and stamps included), with the event as Sheets
// hands it (the edited block and the editor's e-mail as fields: fakes.sheets.typeInto). An event
// without those fields costs one call each to learn them: then a "done" whose verdict needs the round
// from the settings and marks another cell costs 12. The budgets are for a Workspace sheet whose editor
// is of its domain (the one world where Sheets names the editor, so the world is asked for by name);
// where the e-mail is withheld (a Gmail-owned sheet) it is asked for once: one call more, and the
// account is stamped as unknown.
import { STATUS_LABEL } from '../../src/core/messages/tabs-headers';
import { MARK } from '../../src/core/messages/validation';
import { DIVISION_TAB_COLUMNS } from '../../src/core/schema';
import { handleEdit } from '../../src/gas/edit';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { figure } from '../support/figures';

const OWNER = 'owner@example.org';
const FINANCE = 'finance@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ world: 'workspace', user: OWNER, owner: OWNER, editors: [FINANCE] });
  setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
});
afterEach(() => uninstallFakes());

/** A person types into a range, then Sheets runs the simple trigger (LIMITED); returns the trigger's calls. */
function typeAndCount(
  tab: string,
  a1: string,
  values: unknown[][],
  asSheetsGivesIt = true,
): { total: number; by: Record<string, number> } {
  return fakes.session.as(FINANCE, () => {
    const e = asSheetsGivesIt
      ? fakes.sheets.typeInto(tab, a1, values)
      : calls.untracked(() => {
          // only the reference's fields: the edited range and a User to ask
          const range = fakes.spreadsheet.getSheetByName(tab)!.getRange(a1);
          range.setValues(values);
          return { range, source: fakes.spreadsheet, user: Session.getActiveUser(), value: values[0][0] } as never;
        });
    calls.reset();
    // as Sheets runs a simple trigger: LIMITED (fakes.sheets.edit does the same for the event it builds)
    fakes.auth.as('LIMITED', () => handleEdit(e, new Date(Date.UTC(2023, 2, 21, 3, 15))));
    return { total: calls.total(), by: calls.snapshot() };
  });
}

// the single-cell edits a division makes, each on its own row of กองคลัง (EIT-01 in row 2, OIT-03 in row 3);
// the last figure is the budget with an event carrying only the reference's fields
const SINGLE: [string, string, string, number][] = [
  ['status "in progress" (no mark changes)', 'F2', STATUS_LABEL.in_progress, 10],
  ['an evidence link', 'I3', 'https://example.org/evidence', 10],
  ['a status that is not one of the list (its own cell marked)', 'F2', 'เสร็จแล้วจ้า', 10],
  ["this round's result", 'G2', 'ทำแล้ว', 10],
  // the heaviest: the verdict depends on the round (settings read) and the mark lands on another cell
  ['"done" with no result yet (the result cell marked)', 'F2', STATUS_LABEL.done, 12],
];

test.each(SINGLE)('one cell, %s: at most 10 service calls', (what, a1, value) => {
  const { total, by } = typeAndCount('กองคลัง', a1, [[value]]);
  figure(`onEdit, 1 cell, ${what}: ${total} calls`, JSON.stringify(by));
  expect(total).toBeLessThanOrEqual(10);
});

test.each(SINGLE)(
  'one cell, %s, event without its block and e-mail fields: within its budget',
  (what, a1, value, budget) => {
    const { total, by } = typeAndCount('กองคลัง', a1, [[value]], false);
    figure(`onEdit, 1 cell (reference-only event), ${what}: ${total} calls`, JSON.stringify(by));
    expect(total).toBeLessThanOrEqual(budget);
  },
);

test('"done" with no result yet: the result cell carries the Thai mark naming the column to fill, and the row is stamped with the e-mail the event hands', () => {
  typeAndCount('กองคลัง', 'F2', [[STATUS_LABEL.done]]);
  const result = fakes.sheets.cell('กองคลัง', 'G2');
  expect(result.note).toContain(DIVISION_TAB_COLUMNS.find((c) => c.key === 'result6')?.header as string);
  expect(result.background).not.toBe(fakes.sheets.cell('กองคลัง', 'H2').background);
  expect(fakes.sheets.cell('กองคลัง', 'K2').value).toBe(FINANCE);
});

test('a pasted block (3 rows × 4 columns, bad cells among them): at most 15 service calls', () => {
  const { total, by } = typeAndCount('กองคลัง', 'F2:I4', [
    [STATUS_LABEL.in_progress, 'เริ่มแล้ว', '', 'https://example.org/a'],
    ['เสร็จแล้วจ้า', 'ทำแล้ว', '', 'ไม่มีลิงก์'],
    [STATUS_LABEL.done, '', '', ''],
  ]);
  figure(`onEdit, pasted block: ${total} calls`, JSON.stringify(by));
  expect(total).toBeLessThanOrEqual(15);
});

test('on a Gmail-owned sheet (the editor withheld): the same edit costs one call more, and the row is stamped with the time and an unknown account', () => {
  uninstallFakes();
  fakes = installFakes({ user: OWNER, owner: OWNER, editors: [FINANCE] });
  setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
  const { total, by } = typeAndCount('กองคลัง', 'G2', [['ทำแล้ว']]);
  expect(by['User.getEmail']).toBe(1);
  expect(by['Session.getActiveUser'] ?? 0).toBe(0);
  expect(total).toBeLessThanOrEqual(11);
  expect(fakes.sheets.cell('กองคลัง', 'K2').value).toBe(MARK.unknownUser);
  expect(fakes.sheets.cell('กองคลัง', 'J2').value).toBeInstanceOf(Date);
});
