// Menu "ปรับปรุงแท็บหน่วยงาน" and the protections, through the Apps Script fakes: typed values survive
// a re-sync, rows that no longer belong go to the archive (then their tab), each division writes only
// its own editable cells, and the service calls do not grow with the number of measures.

import { SETUP } from '../../src/core/messages/setup';
import { SYNC, SYNC_MENU } from '../../src/core/messages/sync';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { type ColumnSpec, DIVISION_TAB_COLUMNS, MEASURES_TAB } from '../../src/core/schema';
import { setupSpreadsheet } from '../../src/gas/setup';
import { menuSyncDivisionTabs, syncDivisionTabs } from '../../src/gas/sync';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { ERR } from '../fakes/sheets/errors';
import { figure } from '../support/figures';
import { scaledTracker } from '../support/scaled-tracker';

const OWNER = 'owner@example.org';
const CLERK = 'clerk@example.org'; // runs setup and sync
const ADMIN = 'ita-admin@example.org'; // the admin listed in the example's settings
const FINANCE = 'finance@example.org'; // editor of กองคลัง in the example
const WORKS = 'engineering@example.org'; // editor of กองช่าง
const OUTSIDER = 'staff@example.org'; // can edit the file, is no division's editor
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const LATER = new Date(Date.UTC(2023, 3, 2, 10, 30));

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

function exampleTracker(): FakeHandles {
  const f = installFakes({
    user: CLERK,
    owner: OWNER,
    domain: 'example.org',
    editors: [CLERK, ADMIN, FINANCE, WORKS, OUTSIDER],
  });
  setupSpreadsheet(f.spreadsheet, { example: true, now: NOW });
  calls.reset();
  return f;
}

/** A tab's rows as header → value records (what a person reads). */
function records(tab: string): Record<string, unknown>[] {
  const [header, ...rows] = fakes.sheets.values(tab)!;
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Writes as a person would, protections enforced (uncounted). */
const writeAs = (email: string, tab: string, a1: string, value: unknown) =>
  calls.untracked(() =>
    fakes.session.as(email, () => fakes.spreadsheet.getSheetByName(tab)?.getRange(a1).setValue(value)),
  );

describe('protections', () => {
  beforeEach(() => {
    fakes = exampleTracker();
  });

  it('a division editor writes their own status, result and evidence cells', () => {
    expect(() => writeAs(FINANCE, 'กองคลัง', 'F2', STATUS_LABEL.done)).not.toThrow();
    expect(() => writeAs(FINANCE, 'กองคลัง', 'G2', 'จัดประชุมแล้ว')).not.toThrow();
    expect(() => writeAs(FINANCE, 'กองคลัง', 'I2', 'https://example.org/x')).not.toThrow();
    expect(fakes.sheets.cell('กองคลัง', 'F2').value).toBe(STATUS_LABEL.done);
  });

  it('cannot write another division’s tab, nor their own key, task or due date, nor the header, nor a fixed tab', () => {
    expect(() => writeAs(FINANCE, 'กองช่าง', 'F2', STATUS_LABEL.done)).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, 'กองคลัง', 'A2', 'X-1')).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, 'กองคลัง', 'D2', 'งานใหม่')).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, 'กองคลัง', 'E2', new Date())).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, 'กองคลัง', 'F1', 'x')).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, TAB.measures, 'B2', 'EIT')).toThrow(ERR.protectedCell);
    expect(() => writeAs(FINANCE, TAB.settings, 'C2', 'x')).toThrow(ERR.protectedCell);
    expect(fakes.sheets.cell('กองช่าง', 'F2').value).not.toBe(STATUS_LABEL.done);
  });

  it('someone who may edit the file but is no division’s editor (same domain) cannot write any tracker cell', () => {
    expect(() => writeAs(OUTSIDER, 'กองคลัง', 'F2', STATUS_LABEL.done)).toThrow(ERR.protectedCell);
    expect(() => writeAs(OUTSIDER, TAB.divisions, 'A2', 'X')).toThrow(ERR.protectedCell);
  });

  it('an admin listed in the settings writes everywhere', () => {
    for (const [tab, a1] of [
      ['กองคลัง', 'A2'],
      ['กองช่าง', 'F2'],
      [TAB.measures, 'C2'],
      [TAB.settings, 'C2'],
      [TAB.archive, 'A5'],
    ] as const)
      expect(() => writeAs(ADMIN, tab, a1, 'x')).not.toThrow();
  });

  it('follows the documented pattern: explicit editors, domain edit off, the editable columns as their own range', () => {
    const finance = fakes.sheets.protections('กองคลัง');
    expect(finance).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        editors: [ADMIN, CLERK, OWNER].sort(),
        domainEdit: false,
        unprotected: ['F2:K1000'],
      }),
      expect.objectContaining({
        type: 'RANGE',
        range: 'F2:K1000',
        editors: [ADMIN, CLERK, FINANCE, OWNER].sort(),
        domainEdit: false,
        description: SETUP.protectDivisionEditable,
      }),
    ]);
    expect(fakes.sheets.protections(TAB.measures)).toEqual([
      expect.objectContaining({
        type: 'SHEET',
        editors: [ADMIN, CLERK, OWNER].sort(),
        domainEdit: false,
        unprotected: [],
      }),
    ]);
  });
});

describe('re-sync after measures and divisions change', () => {
  beforeEach(() => {
    fakes = exampleTracker();
  });

  /** Finds a record's 1-based sheet row by its first column. */
  const rowOf = (tab: string, key: string) => (fakes.sheets.values(tab) ?? []).findIndex((r) => r[0] === key) + 1;

  it('keeps every typed value (text, dates), archives rows that no longer belong with what was typed, adds new rows', () => {
    // the finance division types on EIT-01 and stamps a date-time
    const eit = rowOf('กองคลัง', 'EIT-01');
    writeAs(FINANCE, 'กองคลัง', `G${eit}`, 'จัดอบรมแล้ว ๒ ครั้ง');
    writeAs(FINANCE, 'กองคลัง', `J${eit}`, new Date(Date.UTC(2023, 2, 15, 3, 0))); // 10:00 in Bangkok
    const oit = rowOf('กองคลัง', 'OIT-03');
    const oitResult = fakes.sheets.cell('กองคลัง', `G${oit}`).value;
    // the admin takes กองคลัง off EIT-01 and adds a measure for it
    const m = rowOf(TAB.measures, 'EIT-01');
    const responsibleCol = String.fromCharCode(65 + MEASURES_TAB.columns.findIndex((c) => c.key === 'responsible'));
    writeAs(ADMIN, TAB.measures, `${responsibleCol}${m}`, 'สำนักปลัด\nกองช่าง\nกองการศึกษา\nกองสาธารณสุข');
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        fakes.spreadsheet
          .getSheetByName(TAB.measures)
          ?.getRange(13, 1, 1, 7)
          .setValues([['OIT-06', 'OIT', 'การเปิดเผยข้อมูลการเงิน', '- เผยแพร่งบการเงิน', 'กองคลัง', '๑. ภายในเดือนมีนาคม', 12]]),
      ),
    );

    const result = syncDivisionTabs(fakes.spreadsheet, { now: LATER });

    const finance = records('กองคลัง');
    expect(finance.map((r) => r[HEADER.entryKey])).toEqual(['OIT-03', 'MS-01', 'MS-02', 'MS-03', 'OIT-06']);
    expect(finance[0][HEADER.result6]).toBe(oitResult);
    expect(finance[0][HEADER.status]).toBe(STATUS_LABEL.done);
    expect(finance[4]).toMatchObject({
      [HEADER.status]: STATUS_LABEL.not_started,
      [HEADER.entryIssue]: 'การเปิดเผยข้อมูลการเงิน',
    });
    // the trailing row of the longer old table is blank now
    expect(fakes.sheets.values('กองคลัง')?.length).toBe(6);

    const archived = records(TAB.archive);
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({
      [HEADER.archivedFrom]: 'กองคลัง',
      [HEADER.archivedKey]: 'EIT-01',
      [HEADER.archivedReason]: SYNC.archiveNotResponsible('EIT-01'),
    });
    const kept = JSON.parse(String(archived[0][HEADER.archivedRow]));
    expect(kept[HEADER.result6]).toBe('จัดอบรมแล้ว ๒ ครั้ง');
    expect(kept[HEADER.updatedAt]).toBe('2023-03-15 10:00');
    expect(fakes.sheets.snapshot().tabs[TAB.archive][1][0]).toEqual(LATER); // the archive's date is a real date
    expect(result.plan.archive).toHaveLength(1);

    // typed dates stay real dates through a re-sync
    writeAs(FINANCE, 'กองคลัง', 'J2', new Date(Date.UTC(2023, 2, 16, 2, 0)));
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(fakes.sheets.snapshot().tabs.กองคลัง[1][9]).toEqual(new Date(Date.UTC(2023, 2, 16, 9, 0)));
  });

  it('one read per tab (again for a tab losing rows, once they are locked); writes only for what changed', () => {
    const tabs = fakes.sheets.tabNames().length;
    const m = rowOf(TAB.measures, 'OIT-03');
    writeAs(ADMIN, TAB.measures, `A${m}`, 'OIT-33'); // a renamed id: the old row is archived, a new one planned
    const result = syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(result.plan.archive.length).toBeGreaterThan(0);
    // กองคลัง loses OIT-03 and its milestones (read again after they are locked) and gains OIT-33
    expect(calls.by('Range.getValues')).toBe(tabs + 1);
    const finance = result.plan.tabs.find((t) => t.tabName === 'กองคลัง')!;
    expect(finance.steps.map((s) => s.op)).toEqual(['delete', 'insert']);
    expect(result.plan.tabs.filter((t) => t.steps.length > 0)).toHaveLength(1);
    // its inserted row, the archive, the dashboard: no other tab is written
    expect(calls.by('Range.setValues')).toBe(3);
    expect(calls.by('Sheet.deleteRows')).toBe(1);
    expect(calls.by('Sheet.insertRowsAfter')).toBe(1);
    expect(calls.by('Range.setValue')).toBe(0);
    expect(calls.by('Sheet.appendRow')).toBe(0);
  });

  it('a division removed: its rows go to the archive first, then its tab goes; the menu says so in Thai', () => {
    const health = 'กองสาธารณสุขและสิ่งแวดล้อม';
    const before = records(health);
    const row = rowOf(TAB.divisions, 'HEALTH');
    calls.untracked(() =>
      fakes.session.as(ADMIN, () => fakes.spreadsheet.getSheetByName(TAB.divisions)?.deleteRows(row, 1)),
    );
    menuSyncDivisionTabs();
    expect(fakes.sheets.tabNames()).not.toContain(health);
    const archived = records(TAB.archive).filter((r) => r[HEADER.archivedFrom] === health);
    expect(archived.map((r) => r[HEADER.archivedKey])).toEqual(before.map((r) => r[HEADER.entryKey]));
    expect(archived[0][HEADER.archivedReason]).toBe(SYNC.archiveDivisionGone(health));
    const alert = fakes.ui.lastAlert()!;
    expect(alert.title).toBe(SYNC_MENU.title);
    expect(alert.prompt).toContain(SYNC.orphanRemoved(health));
    expect(alert.prompt).toContain(SYNC.archivedSummary(archived.length));
  });

  it('a division renamed keeps its tab and typed values under the new name, protections and all', () => {
    writeAs(FINANCE, 'กองคลัง', 'G3', 'ข้อความที่กรอกไว้');
    const row = rowOf(TAB.divisions, 'FINANCE');
    writeAs(ADMIN, TAB.divisions, `B${row}`, 'กองการคลัง');
    // and where the measures and milestones name it
    for (const tab of [TAB.measures, TAB.milestones])
      calls.untracked(() =>
        fakes.session.as(ADMIN, () => {
          const range = fakes.spreadsheet.getSheetByName(tab)!.getDataRange();
          range.setValues(
            range
              .getValues()
              .map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^กองคลัง$/m, 'กองการคลัง') : v))),
          );
        }),
      );
    const result = syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(result.renamed).toEqual([['กองคลัง', 'กองการคลัง']]);
    expect(fakes.sheets.tabNames()).toContain('กองการคลัง');
    expect(fakes.sheets.tabNames()).not.toContain('กองคลัง');
    expect(fakes.sheets.cell('กองการคลัง', 'G3').value).toBe('ข้อความที่กรอกไว้');
    expect(fakes.sheets.protections('กองการคลัง').filter((p) => p.type === 'RANGE')).toHaveLength(1);
    expect(() => writeAs(FINANCE, 'กองการคลัง', 'F2', STATUS_LABEL.done)).not.toThrow();
  });

  it('a column an admin added to the right of a division tab is not blanked by a re-sync', () => {
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        fakes.spreadsheet
          .getSheetByName('กองคลัง')
          ?.getRange('L1:L2')
          .setValues([['หมายเหตุ'], ['โทร. 1234']]),
      ),
    );
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(fakes.sheets.cell('กองคลัง', 'L1').value).toBe('หมายเหตุ');
    expect(fakes.sheets.cell('กองคลัง', 'L2').value).toBe('โทร. 1234');
  });

  it('a new division gets a new tab, laid out and protected for its editors', () => {
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        fakes.spreadsheet
          .getSheetByName(TAB.divisions)
          ?.getRange(7, 1, 1, 5)
          .setValues([['AUDIT', 'หน่วยตรวจสอบภายใน', '', 'audit@example.org', 'audit@example.org']]),
      ),
    );
    writeAs(ADMIN, TAB.measures, 'E2', 'สำนักปลัด\nหน่วยตรวจสอบภายใน');
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(records('หน่วยตรวจสอบภายใน').map((r) => r[HEADER.entryKey])).toEqual([
      fakes.sheets.values(TAB.measures)?.[1][0],
    ]);
    expect(fakes.sheets.frozenRows('หน่วยตรวจสอบภายใน')).toBe(1);
    expect(fakes.sheets.protections('หน่วยตรวจสอบภายใน').find((p) => p.type === 'RANGE')?.editors).toContain(
      'audit@example.org',
    );
    expect(fakes.sheets.canEdit('audit@example.org', 'หน่วยตรวจสอบภายใน', 'F2')).toBe(true);
    expect(fakes.sheets.canEdit('audit@example.org', 'กองคลัง', 'F2')).toBe(false);
  });

  it('a division whose editors changed: its protection follows; an unchanged tab is left alone', () => {
    const NEW_EDITOR = 'finance2@example.org';
    // กองคลัง's editors become finance2 only (row 3 of หน่วยงาน is กองคลัง in the example)
    const divisions = fakes.sheets.values(TAB.divisions)!;
    const row = divisions.findIndex((r) => r[1] === 'กองคลัง') + 1;
    const column = divisions[0].indexOf(HEADER.divisionEditors) + 1;
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        fakes.spreadsheet.getSheetByName(TAB.divisions)?.getRange(row, column).setValue(NEW_EDITOR),
      ),
    );
    calls.reset();
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(fakes.sheets.canEdit(NEW_EDITOR, 'กองคลัง', 'F2')).toBe(true);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'F2')).toBe(false);
    // only กองคลัง's two protections were rewritten (sheet + editable range), no other tab's
    expect(calls.by('Protection.setDescription')).toBe(2);
    calls.reset();
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(calls.by('Protection.*')).toBe(0);
    // only the milestones' division dropdown, which follows the division names on every sync
    expect(calls.by('Range.setDataValidation')).toBe(1);
  });

  it('a division tab deleted by hand comes back protected, though nothing else changed', () => {
    calls.untracked(() => fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName('กองคลัง')!));
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'F2')).toBe(true);
    expect(fakes.sheets.canEdit(WORKS, 'กองคลัง', 'F2')).toBe(false);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'A2')).toBe(false);
  });

  it('refreshes the dashboard: a status typed shows in the counts', () => {
    const count = () => {
      const row = fakes.sheets.values(TAB.dashboard)?.find((r) => r[0] === 'กองคลัง')!;
      return row[3]; // done
    };
    const before = count();
    writeAs(FINANCE, 'กองคลัง', 'F2', STATUS_LABEL.done);
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    expect(count()).toBe(Number(before) + 1);
    expect(fakes.sheets.charts(TAB.dashboard)).toHaveLength(1);
  });
});

describe('a column added to the schema for the divisions', () => {
  const remark: ColumnSpec = {
    key: 'divisionRemark',
    header: 'หมายเหตุของกอง',
    type: 'multiline',
    required: false,
    editor: 'division',
    width: 200,
  };
  beforeEach(() => {
    DIVISION_TAB_COLUMNS.push(remark);
  });
  afterEach(() => {
    DIVISION_TAB_COLUMNS.splice(DIVISION_TAB_COLUMNS.indexOf(remark), 1);
  });

  it('is writable by the division alone, and what they type there moves with its row through a re-sync', () => {
    fakes = exampleTracker();
    const header = fakes.sheets.values('กองคลัง')![0];
    const column = String.fromCharCode(65 + header.indexOf(remark.header));
    expect(column).toBe('L');
    const before = (fakes.sheets.values('กองคลัง') ?? []).findIndex((r) => r[0] === 'OIT-03') + 1;
    writeAs(FINANCE, 'กองคลัง', `${column}${before}`, 'รอใบเสนอราคา');
    expect(() => writeAs(WORKS, 'กองคลัง', `${column}${before}`, 'x')).toThrow(ERR.protectedCell);
    // a measure for กองคลัง that sorts first: every row of the tab moves down one
    calls.untracked(() =>
      fakes.session.as(ADMIN, () =>
        fakes.spreadsheet
          .getSheetByName(TAB.measures)
          ?.getRange(13, 1, 1, 7)
          .setValues([['IIT-09', 'IIT', 'ประเด็นใหม่', '- ขั้นตอน', 'กองคลัง', '๑. ติดตาม', 0]]),
      ),
    );
    syncDivisionTabs(fakes.spreadsheet, { now: LATER });
    const after = (fakes.sheets.values('กองคลัง') ?? []).findIndex((r) => r[0] === 'OIT-03') + 1;
    expect(after).toBe(before + 1);
    expect(fakes.sheets.cell('กองคลัง', `${column}${after}`).value).toBe('รอใบเสนอราคา');
    expect(records('กองคลัง').filter((r) => r[remark.header] !== '')).toEqual([
      expect.objectContaining({ [HEADER.entryKey]: 'OIT-03', [remark.header]: 'รอใบเสนอราคา' }),
    ]);
  });
});

// ---------------------------------------------------------------- service calls at 11 / 100 / 1,000 measures

describe('service calls do not grow with the number of measures', () => {
  it('sync at 11, 100 and 1,000 measures', () => {
    const counts: Record<number, number> = {};
    for (const n of [11, 100, 1000]) {
      fakes = installFakes({ user: CLERK, owner: OWNER, editors: [CLERK, ADMIN, FINANCE] });
      seedSpreadsheet(scaledTracker(n));
      setupSpreadsheet(fakes.spreadsheet, { example: false, now: NOW });
      expect(fakes.sheets.values(TAB.measures)?.length).toBe(n + 1);
      calls.reset();
      syncDivisionTabs(fakes.spreadsheet, { now: LATER });
      counts[n] = calls.total();
      uninstallFakes();
    }
    figure(
      `sync: Apps Script service calls at 11 / 100 / 1,000 measures = ${counts[11]} / ${counts[100]} / ${counts[1000]}`,
    );
    expect(counts[100]).toBe(counts[11]);
    expect(counts[1000]).toBe(counts[11]);
  });
});
