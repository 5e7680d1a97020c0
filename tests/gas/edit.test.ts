// onEdit through the Apps Script fakes, as the person editing: problems get a Thai note and a colour
// on the exact cell, the mark goes when fixed, a division's row is stamped with when and who, and a
// multi-cell paste costs the same few calls as one cell.
// Every edit runs as Sheets runs the simple trigger (fakes.sheets.edit: AuthMode LIMITED, the event
// Sheets hands). Sheets names the editor to a simple trigger only on a Workspace sheet whose editor is
// of its domain (class User getEmail()), so the tests that check the stamped editor ask for that world
// by name (WORKSPACE below); the default Gmail-owned world stamps the account as unknown.
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { MARK, V } from '../../src/core/messages/validation';
import { handleEdit, onEdit } from '../../src/gas/edit';
import { setupSpreadsheet } from '../../src/gas/setup';
import { MARK_COLOUR } from '../../src/gas/validate';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { captureConsole } from '../support/console-capture';

const OWNER = 'owner@example.org';
const CLERK = 'clerk@example.org';
const ADMIN = 'ita-admin@example.org';
const FINANCE = 'finance@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const EDIT_AT = new Date(Date.UTC(2023, 2, 21, 3, 15)); // the instant: 10:15 in Bangkok

/** The kinder world, by name: a Workspace sheet of example.org, whose editors Sheets names to onEdit. */
const WORKSPACE = { world: 'workspace', domain: 'example.org' } as const;

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ ...WORKSPACE, user: CLERK, owner: OWNER, editors: [CLERK, ADMIN, FINANCE] });
  setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
  calls.reset();
});
afterEach(() => uninstallFakes());

const sheet = (tab: string) => fakes.spreadsheet.getSheetByName(tab)!;

/**
 * A person types (or pastes) values into a range, then Sheets runs the simple trigger as them (LIMITED,
 * the event typeInto builds). The typing itself is uncounted; the trigger's calls are what the test counts.
 */
function type(email: string, tab: string, a1: string, values: unknown[][]) {
  return fakes.session.as(email, () =>
    fakes.sheets.edit(tab, a1, values, (e) => {
      calls.reset();
      handleEdit(e, EDIT_AT);
    }),
  );
}

const note = (tab: string, a1: string) => fakes.sheets.cell(tab, a1).note;
const colour = (tab: string, a1: string) => fakes.sheets.cell(tab, a1).background;
const marked = (severity: 'error' | 'warning', message: string) => MARK.note([MARK.line(severity, message)]);

describe('a division editor on their own tab', () => {
  it('status "done" with no result: the result cell is marked in Thai; typing the result clears it', () => {
    type(FINANCE, 'กองคลัง', 'F2', [[STATUS_LABEL.done]]);
    expect(note('กองคลัง', 'G2')).toBe(marked('error', V.doneWithoutResult(HEADER.result6)));
    expect(colour('กองคลัง', 'G2')).toBe(MARK_COLOUR.error);
    expect(note('กองคลัง', 'F2')).toBe('');

    type(FINANCE, 'กองคลัง', 'G2', [['จัดอบรมเจ้าหน้าที่แล้ว']]);
    expect(note('กองคลัง', 'G2')).toBe('');
    expect(colour('กองคลัง', 'G2')).toBe('#ffffff');
  });

  it('stamps when (a real date, Bangkok wall clock) and who, on the edited row only', () => {
    type(FINANCE, 'กองคลัง', 'G3', [['รายงานแล้ว']]);
    const stamped = fakes.sheets.snapshot().tabs.กองคลัง;
    expect(stamped[2][9]).toEqual(new Date(Date.UTC(2023, 2, 21, 10, 15)));
    expect(stamped[2][10]).toBe(FINANCE);
    expect(stamped[1][9]).toBe('');
    expect(stamped[3][10]).toBe('');
  });

  it('when Google withholds the editor’s e-mail (a Gmail-owned sheet, the default world), the time is stamped and the account said unknown', () => {
    uninstallFakes();
    fakes = installFakes({ user: CLERK, owner: OWNER, editors: [CLERK, ADMIN, FINANCE] });
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    type(FINANCE, 'กองคลัง', 'H2', [['ผลรอบ ๑๒ เดือน']]);
    expect(fakes.sheets.cell('กองคลัง', 'K2').value).toBe(MARK.unknownUser);
    expect(fakes.sheets.cell('กองคลัง', 'J2').value).toBeInstanceOf(Date);
  });

  it('the entry point as Sheets runs it (LIMITED): a Workspace sheet names its own domain’s editor; a Gmail-owned sheet stamps the time and an unknown account', () => {
    fakes.session.as(FINANCE, () => fakes.sheets.edit('กองคลัง', 'G3', 'รายงานแล้ว', onEdit));
    expect(fakes.sheets.cell('กองคลัง', 'K3').value).toBe(FINANCE);

    uninstallFakes();
    fakes = installFakes({ user: CLERK, owner: OWNER, editors: [CLERK, ADMIN, FINANCE] });
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    fakes.session.as(FINANCE, () => fakes.sheets.edit('กองคลัง', 'G3', 'รายงานแล้ว', onEdit));
    expect(fakes.sheets.cell('กองคลัง', 'K3').value).toBe(MARK.unknownUser);
    expect(fakes.sheets.cell('กองคลัง', 'J3').value).toBeInstanceOf(Date);
  });

  it('a pasted block: each bad cell marked with its own message, good ones not, stamps on every row; one write of each kind', () => {
    type(FINANCE, 'กองคลัง', 'F2:I4', [
      [STATUS_LABEL.in_progress, 'เริ่มแล้ว', '', 'https://example.org/a'],
      ['เสร็จแล้วจ้า', 'ทำแล้ว', '', 'ไม่มีลิงก์'],
      [STATUS_LABEL.done, '', '', ''],
    ]);
    expect(note('กองคลัง', 'F3')).toBe(marked('error', V.badStatus('เสร็จแล้วจ้า')));
    expect(note('กองคลัง', 'I3')).toBe(marked('error', V.badUrl('ไม่มีลิงก์')));
    expect(note('กองคลัง', 'G4')).toBe(marked('error', V.doneWithoutResult(HEADER.result6)));
    expect([note('กองคลัง', 'F2'), note('กองคลัง', 'G2'), note('กองคลัง', 'I2'), note('กองคลัง', 'G3')]).toEqual([
      '',
      '',
      '',
      '',
    ]);
    expect(colour('กองคลัง', 'F3')).toBe(MARK_COLOUR.error);
    const tab = fakes.sheets.values('กองคลัง')!;
    expect(tab.slice(1, 4).map((r) => r[10])).toEqual([FINANCE, FINANCE, FINANCE]);
    expect(calls.by('Range.setNotes')).toBe(1);
    expect(calls.by('Range.setBackgrounds')).toBe(1);
    expect(calls.by('Range.setValues')).toBe(1); // the stamps
    expect(calls.by('Range.getValues')).toBe(2); // header with the edited rows, settings
    expect(calls.by('Range.setNote')).toBe(0);
    expect(calls.by('Range.setValue')).toBe(0);
  });

  it('a paste of 50 rows costs what one cell costs, give or take one (marks and stamps included)', () => {
    type(FINANCE, 'กองคลัง', 'F2', [['ไม่ทราบ']]);
    const one = calls.total();
    expect(note('กองคลัง', 'F2')).toBe(marked('error', V.badStatus('ไม่ทราบ')));
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        sheet('กองคลัง')
          .getRange(7, 1, 50, 1)
          .setValues(Array.from({ length: 50 }, (_, i) => [`K-${i}`])),
      ),
    );
    type(
      FINANCE,
      'กองคลัง',
      'F2:F51',
      Array.from({ length: 50 }, () => ['ไม่ทราบ']),
    );
    expect(note('กองคลัง', 'F51')).toBe(marked('error', V.badStatus('ไม่ทราบ')));
    expect(fakes.sheets.cell('กองคลัง', 'K51').value).toBe(FINANCE);
    // +1 at most: the marks are written on the edited range itself when every row's mark changes;
    // here F2 kept the mark it had, so the block of changed marks (F3:F51) needs its own getRange
    expect(calls.total()).toBeLessThanOrEqual(one + 1);
  });

  it('a user’s own note and colour on a cell are left alone; only the tracker’s marks are cleared', () => {
    calls.untracked(() => {
      sheet('กองคลัง').getRange('I2').setNote('โน้ตของฉัน');
      sheet('กองคลัง').getRange('I2').setBackground('#d9ead3');
    });
    type(FINANCE, 'กองคลัง', 'I2', [['https://example.org/ok']]);
    expect(note('กองคลัง', 'I2')).toBe('โน้ตของฉัน');
    expect(colour('กองคลัง', 'I2')).toBe('#d9ead3');
  });
});

describe('the admin’s tabs', () => {
  it('measures: an unknown area and an unknown responsible division, each on its cell', () => {
    type(CLERK, TAB.measures, 'B2', [['ABC']]);
    expect(note(TAB.measures, 'B2')).toBe(marked('error', V.badArea('ABC')));
    type(CLERK, TAB.measures, 'E3', [['กองไม่มีจริง']]);
    expect(note(TAB.measures, 'E3')).toBe(marked('error', V.unknownDivision('กองไม่มีจริง')));
    type(CLERK, TAB.measures, 'E3', [['สำนักปลัด']]);
    expect(note(TAB.measures, 'E3')).toBe('');
    expect(fakes.sheets.values(TAB.measures)?.[0].length).toBe(8); // no stamps outside division tabs
  });

  it('milestones: a BE year typed in a date cell, with the corrected date suggested; formula-looking text warned', () => {
    type(CLERK, TAB.milestones, 'E2', [['2565-10-31']]);
    expect(note(TAB.milestones, 'E2')).toBe(marked('error', V.beYearInDate('2565-10-31', '2022-10-31')));
    type(CLERK, TAB.milestones, 'D2', [["'=ส่งรายงาน"]]);
    expect(note(TAB.milestones, 'D2')).toBe(marked('warning', V.formulaText('=ส่งรายงาน')));
    expect(colour(TAB.milestones, 'D2')).toBe(MARK_COLOUR.warning);
  });

  it('settings: a CE fiscal year is marked on its value cell and cleared once corrected', () => {
    const row = (fakes.sheets.values(TAB.settings) ?? []).findIndex((r) => r[0] === 'fiscalYear') + 1;
    type(CLERK, TAB.settings, `C${row}`, [[2023]]);
    expect(note(TAB.settings, `C${row}`)).toBe(marked('error', V.fiscalYearCE(2023, 2566)));
    type(CLERK, TAB.settings, `C${row}`, [[2566]]);
    expect(note(TAB.settings, `C${row}`)).toBe('');
  });

  it('edits of the header row, the dashboard, the archive or a tab of one’s own are not checked', () => {
    calls.untracked(() => fakes.spreadsheet.insertSheet('บันทึกส่วนตัว'));
    for (const [tab, a1] of [
      [TAB.measures, 'B1'],
      [TAB.dashboard, 'A30'],
      [TAB.archive, 'A9'],
      ['บันทึกส่วนตัว', 'A2'],
    ] as const) {
      type(CLERK, tab, a1, [['???']]);
      expect(note(tab, a1)).toBe('');
      expect(calls.by('Range.setNotes')).toBe(0);
    }
  });
});

describe('the trigger entry point', () => {
  it('never throws at the person typing (a failure is logged)', () => {
    const { logged } = captureConsole('error', () =>
      expect(() =>
        onEdit({
          // a range whose every method fails, whichever the handler asks first
          range: new Proxy(
            {},
            {
              get: () => () => {
                throw new Error('boom');
              },
            },
          ),
        } as unknown as GoogleAppsScript.Events.SheetsOnEdit),
      ).not.toThrow(),
    );
    // the execution log has the error itself
    expect(logged).toEqual(['Error: boom']);
  });
});

describe('onEdit writes only the stamps of the edited rows', () => {
  /** The tab's cells as a map A1 → value, to compare before and after. */
  const cells = (tab: string) => {
    const out = new Map<string, unknown>();
    (fakes.sheets.values(tab) ?? []).forEach((row, r) => {
      row.forEach((v, c) => {
        out.set(`${String.fromCharCode(65 + c)}${r + 1}`, v instanceof Date ? v.getTime() : v);
      });
    });
    return out;
  };

  it('with a colleague typing before any of its calls, every other cell stays as it is (their typing too)', () => {
    /** FINANCE types a status in F2; the simple trigger runs with `meanwhile` set up after the typing. */
    const edit = (meanwhile: () => void = () => undefined) =>
      fakes.session.as(FINANCE, () =>
        fakes.sheets.edit('กองคลัง', 'F2', STATUS_LABEL.in_progress, (e) => {
          calls.reset();
          meanwhile();
          handleEdit(e, EDIT_AT);
        }),
      );
    edit();
    const total = calls.total();
    expect(total).toBeGreaterThan(0);
    for (let n = 1; n <= total; n++) {
      uninstallFakes();
      fakes = installFakes({ ...WORKSPACE, user: CLERK, owner: OWNER, editors: [CLERK, ADMIN, FINANCE] });
      setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
      const before = cells('กองคลัง');
      edit(() =>
        calls.before(n, () => {
          fakes.sheets.typeAs(FINANCE, 'กองคลัง', 'G3', `แถวอื่น ${n}`);
          fakes.sheets.typeAs(FINANCE, 'กองคลัง', 'H2', `แถวเดียวกัน ${n}`);
        }),
      );
      const after = cells('กองคลัง');
      const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k)).sort();
      // the edit, the colleague's two cells, and the edited row's stamps: nothing else
      expect(changed).toEqual(['F2', 'G3', 'H2', 'J2', 'K2']);
      expect(after.get('G3')).toBe(`แถวอื่น ${n}`);
      expect(after.get('H2')).toBe(`แถวเดียวกัน ${n}`);
      expect(after.get('K2')).toBe(FINANCE);
    }
  });
});

describe('a division tab of another width than the 26 columns onEdit reads first', () => {
  it('trimmed to its own 11 columns: "done" with no result still marks the result cell and stamps the row', () => {
    calls.untracked(() => sheet('กองคลัง').deleteColumns(12, sheet('กองคลัง').getMaxColumns() - 11));
    type(FINANCE, 'กองคลัง', 'F2', [[STATUS_LABEL.done]]);
    expect(note('กองคลัง', 'G2')).toBe(marked('error', V.doneWithoutResult(HEADER.result6)));
    expect(fakes.sheets.cell('กองคลัง', 'K2').value).toBe(FINANCE);
  });
});
