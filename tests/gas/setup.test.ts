// Setup "ตั้งค่าระบบ" through the Apps Script fakes: every tab from the template, what a person sees
// (frozen headers, dropdowns with Thai help, dates, protections), the daily trigger, and that a
// second run changes nothing at all.

import { DASHBOARD } from '../../src/core/messages/dashboard';
import { APP } from '../../src/core/messages/menu';
import { REPORT } from '../../src/core/messages/report';
import { SETUP } from '../../src/core/messages/setup';
import { SYNC } from '../../src/core/messages/sync';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { V } from '../../src/core/messages/validation';
import { FIXED_TABS, MEASURES_TAB, SETTINGS } from '../../src/core/schema';
import { TEMPLATE_MANIFEST, templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { menuSetup, setupSpreadsheet, setupSummary } from '../../src/gas/setup';
import { readWorkbook } from '../../src/gas/sheetio';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

const OWNER = 'owner@example.org';
const ME = 'clerk@example.org';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0)); // wall clock, 20 March 2023 09:00

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ user: ME, owner: OWNER, editors: [ME, 'finance@example.org', 'ita-admin@example.org'] });
});
afterEach(() => uninstallFakes());

/** The whole observable state of the fake spreadsheet: tabs, cells (values, notes, formats, validations), layout, protections, charts, triggers. */
function state(f: FakeHandles) {
  return calls.untracked(() => {
    const book = f.sheets.book;
    const clean = (v: unknown) => JSON.parse(JSON.stringify(v, (k, x) => (k.startsWith('_') ? undefined : x)));
    return {
      tabs: book.sheets.map((s) => ({
        name: s.name,
        rows: clean(s.rows),
        frozenRows: s.frozenRows,
        widths: [...s.columnWidths.entries()],
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        charts: clean(s.charts.map((c) => c.state)),
      })),
      protections: f.sheets.protections(),
      triggers: f.triggers.list(),
      properties: [...f.properties.script.entries(), ...f.properties.document.entries()],
      driveFiles: [...f.drive.store.files.values()].map((x) => ({ id: x.id, name: x.name, mimeType: x.mimeType })),
    };
  });
}

describe('a new spreadsheet', () => {
  it('gets every template tab with headers, frozen header row, schema widths; the blank Sheet1 goes', () => {
    fakes.ui.respond('NO');
    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    const fixedNames = FIXED_TABS.map((t) => t.name);
    expect(fakes.sheets.tabNames()).toEqual(fixedNames);
    expect(result.created).toEqual(fixedNames);
    expect(result.removedBlank).toEqual(['Sheet1']);
    expect(fakes.sheets.values(TAB.measures)).toEqual([MEASURES_TAB.columns.map((c) => c.header)]);
    expect(fakes.sheets.frozenRows(TAB.measures)).toBe(1);
    expect(fakes.sheets.cell(TAB.measures, 'A1').fontWeight).toBe('bold');
    MEASURES_TAB.columns.forEach((c, i) => {
      expect(fakes.sheets.columnWidth(TAB.measures, i + 1)).toBe(c.width);
    });
    // default settings, nothing of the example
    const settings = fakes.sheets.values(TAB.settings)!;
    expect(settings.find((r) => r[0] === 'reminderOffsets')?.[2]).toBe('14, 7, 1');
    expect(settings.find((r) => r[0] === 'agencyName')?.[2]).toBe('');
    expect(fakes.ui.alerts[0].prompt).toBe(SETUP.askExample);
    expect(fakes.ui.alerts[0].buttons).toBe('YES_NO');
  });

  it('installs exactly one daily 08:00 reminder trigger, also after three runs', () => {
    fakes.ui.respond('NO');
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    const triggers = fakes.triggers.list();
    // besides the report owner's queue trigger (one, every 5 minutes: tests/gas/queue-trigger.test.ts), also exactly one
    expect(triggers.filter((t) => t.handler === 'dailyReminders')).toHaveLength(1);
    expect(triggers.filter((t) => t.handler === 'processReportQueue')).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'dailyReminders', eventType: 'CLOCK', atHour: 8, everyDays: 1 });
  });

  it('with the example: the seed’s measures, divisions and each division’s tab, protected and validated', () => {
    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW }); // the fake answers YES
    expect(fakes.sheets.tabNames()).toEqual(TEMPLATE_MANIFEST.map((t) => t.name));
    expect(result.exampleTabs).toEqual(expect.arrayContaining([TAB.measures, TAB.divisions, 'กองคลัง']));
    expect(fakes.sheets.values(TAB.measures)?.length).toBe(12); // header + the seed's 11 measures
    const finance = fakes.sheets.values('กองคลัง')!;
    expect(finance[0]).toContain(HEADER.status);
    expect(finance.length).toBeGreaterThan(1);
  });
});

describe('what people see in the cells', () => {
  beforeEach(() => setupSpreadsheet(fakes.spreadsheet, { now: NOW }));

  it('status is a dropdown of the three statuses that refuses anything else, with Thai help', () => {
    const v = fakes.sheets.cell('กองคลัง', 'F2').validation!;
    expect(v.type).toBe('VALUE_IN_LIST');
    expect(v.values[0]).toEqual([STATUS_LABEL.not_started, STATUS_LABEL.in_progress, STATUS_LABEL.done]);
    expect(v.allowInvalid).toBe(false);
    expect(v.helpText).toBe(SETUP.help.status);
    // the whole column below the header, not only the rows there today
    expect(fakes.sheets.cell('กองคลัง', 'F900').validation?.type).toBe('VALUE_IN_LIST');
    expect(fakes.sheets.cell('กองคลัง', 'F1').validation).toBeNull();
  });

  it('evidence must be a URL, due dates real dates shown dd/mm/yyyy, areas IIT/EIT/OIT', () => {
    expect(fakes.sheets.cell('กองคลัง', 'I2').validation).toMatchObject({
      type: 'TEXT_IS_VALID_URL',
      allowInvalid: false,
      helpText: SETUP.help.url,
    });
    expect(fakes.sheets.cell(TAB.milestones, 'E2').validation).toMatchObject({
      type: 'DATE_IS_VALID_DATE',
      allowInvalid: false,
      helpText: SETUP.help.date,
    });
    expect(fakes.sheets.cell(TAB.milestones, 'E2').numberFormat).toBe('dd/mm/yyyy');
    expect(fakes.sheets.cell(TAB.measures, 'B5').validation).toMatchObject({
      type: 'VALUE_IN_LIST',
      values: [['IIT', 'EIT', 'OIT'], true],
    });
    // the milestone's division: a dropdown of the division names
    const names = fakes.sheets
      .values(TAB.divisions)
      ?.slice(1)
      .map((r) => r[1]);
    expect(fakes.sheets.cell(TAB.milestones, 'C2').validation?.values[0]).toEqual(names);
  });

  it('settings: each value row has the rule of its setting (BE fiscal year, round 6/12, dates, numerals)', () => {
    const rows = fakes.sheets.values(TAB.settings)!;
    const at = (key: string) =>
      fakes.sheets.cell(TAB.settings, `C${rows.findIndex((r) => r[0] === key) + 1}`).validation;
    expect(at('fiscalYear')).toMatchObject({
      type: 'NUMBER_BETWEEN',
      values: [2400, 2800],
      helpText: SETUP.help.fiscalYear,
    });
    expect(at('currentRound')).toMatchObject({ type: 'VALUE_IN_LIST', values: [['6', '12'], true] });
    expect(at('round6Due')?.type).toBe('DATE_IS_VALID_DATE');
    expect(at('numerals')?.values[0]).toEqual(['เลขไทย', 'เลขอารบิก']);
    expect(at('agencyName')).toBeNull();
  });

  it('the dashboard has its table and one chart', () => {
    const dash = fakes.sheets.values(TAB.dashboard)!;
    expect(dash[0][0]).toBe(DASHBOARD.title);
    expect(fakes.sheets.charts(TAB.dashboard)).toHaveLength(1);
  });
});

describe('idempotence', () => {
  it('a second run (example loaded on the first) changes nothing: tabs, values, validations, protections, charts, triggers', () => {
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    const first = state(fakes);
    const alerts = fakes.ui.alerts.length;
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(state(fakes)).toEqual(first);
    expect(fakes.ui.alerts.length).toBe(alerts); // not asked again: the measures are there
  });

  it('a second run after an empty first run changes nothing either (answered NO twice)', () => {
    fakes.ui.respond('NO');
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    const first = state(fakes);
    fakes.ui.respond('NO');
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(state(fakes)).toEqual(first);
  });

  it('keeps a tracker already in use: typed values stay, the example goes only into empty tabs', () => {
    seedSpreadsheet({
      tabs: {
        [TAB.settings]: [
          ['รหัส', 'รายการ', 'ค่า', 'คำอธิบาย'],
          ['agencyName', 'ชื่อหน่วยงาน', 'เทศบาลเมืองทดสอบ', ''],
        ],
        [TAB.measures]: [MEASURES_TAB.columns.map((c) => c.header)],
      },
    });
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    const settings = fakes.sheets.values(TAB.settings)!;
    expect(settings[1][2]).toBe('เทศบาลเมืองทดสอบ');
    // every other setting gets its row (key, label, help) with no value: the example's values stay out
    expect(settings.slice(1).map((r) => r[0])).toEqual([
      'agencyName',
      ...SETTINGS.map((s) => s.key).filter((k) => k !== 'agencyName'),
    ]);
    expect(settings.slice(2).filter((r) => r[2] !== '' && r[2] !== null && r[0] !== 'reportFolderId')).toEqual([]);
    expect(fakes.sheets.values(TAB.measures)?.length).toBe(12);
  });
});

describe('a workbook sync must not touch', () => {
  it('a division tab whose result header was renamed: setup leaves its rows as they are and says which tab', () => {
    setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW });
    const header = fakes.sheets.values('กองคลัง')![0];
    const column = header.indexOf(HEADER.result6) + 1;
    calls.untracked(() => fakes.spreadsheet.getSheetByName('กองคลัง')!.getRange(1, column).setValue('ผลรอบหก'));
    const before = fakes.sheets.values('กองคลัง');
    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(fakes.sheets.values('กองคลัง')).toEqual(before);
    expect(result.syncRefused?.[0]).toBe(SYNC.refused);
    expect(setupSummary(result)).toContain(V.missingHeader('กองคลัง', HEADER.result6));
  });
});

describe('the report folder', () => {
  it('is created once in Drive by the app and its id kept in the settings tab', () => {
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    const folders = [...fakes.drive.store.files.values()].filter(
      (x) => x.mimeType === 'application/vnd.google-apps.folder',
    );
    expect(folders).toHaveLength(1);
    expect(folders[0].name).toBe(REPORT.folderName);
    const row = fakes.sheets.values(TAB.settings)?.find((r) => r[0] === 'reportFolderId')!;
    expect(row[2]).toBe(folders[0].id);
  });

  it('without the Drive advanced service, setup still finishes and says what to turn on', () => {
    delete (globalThis as Record<string, unknown>).Drive;
    fakes.ui.respond('NO');
    menuSetup();
    expect(fakes.ui.lastAlert()?.prompt).toContain(REPORT.servicesMissing);
    expect(fakes.ui.lastAlert()?.prompt).toContain(SETUP.done);
    expect(fakes.triggers.list()).toHaveLength(1);
  });
});

describe('the menu item', () => {
  it('runs under the document lock and ends with a Thai summary', () => {
    fakes.ui.respond('NO');
    ENTRY_POINTS.menuSetup();
    expect(fakes.locks.attempts).toEqual([expect.objectContaining({ lock: 'document', acquired: true })]);
    expect(fakes.ui.lastAlert()?.prompt).toContain(SETUP.done);
    expect(fakes.ui.lastAlert()?.prompt).toContain(SETUP.createdTabs(FIXED_TABS.map((t) => t.name)));
  });

  it('says so in Thai when another run holds the lock, and changes nothing', () => {
    const held = fakes.locks.hold('document');
    ENTRY_POINTS.menuSetup();
    held.release();
    expect(fakes.ui.lastAlert()?.prompt).toBe(APP.busy(SETUP.action));
    expect(fakes.sheets.tabNames()).toEqual(['Sheet1']);
  });
});

describe('a tracker set up before the ตัวชี้วัด ITA column (issue 23): setup run again inserts it', () => {
  it('the column goes in after ลำดับ as an inserted column: every other cell (an admin’s own column too) moves with its column, none is rewritten', () => {
    const example = templateSnapshot({ example: true });
    const measures = example.tabs[TAB.measures];
    const at = measures[0].indexOf(HEADER.measureIndicators);
    expect(at).toBeGreaterThan(0);
    // the old layout: no ตัวชี้วัด ITA, and a column of the admin's own notes to its right
    const old = measures.map((row, r) => [...row.slice(0, at), ...row.slice(at + 1), r === 0 ? 'หมายเหตุ' : `โน้ต ${r}`]);
    seedSpreadsheet({ tabs: { ...example.tabs, [TAB.measures]: old } });
    const before = parseWorkbook({ tabs: { ...example.tabs, [TAB.measures]: old } });
    expect(before.tables.measures.columnIndex.measureIndicators).toBe(-1);

    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(setupSummary(result).split('\n')).toContain(
      'แท็บ "มาตรการ": แทรกคอลัมน์ "ตัวชี้วัด ITA" เป็นคอลัมน์ H (คอลัมน์เดิมตั้งแต่ H เลื่อนไปทางขวาพร้อมข้อมูล ไม่มีค่าใดถูกเขียนทับ)',
    );
    const after = fakes.sheets.values(TAB.measures)!;
    expect(after[0]).toEqual([...MEASURES_TAB.columns.map((c) => c.header), 'หมายเหตุ']);
    expect(after.map((row) => [...row.slice(0, at), ...row.slice(at + 1)])).toEqual(old);
    expect(after.slice(1).every((row) => row[at] === '' || row[at] === null)).toBe(true);
    // run again: nothing more inserted
    expect(setupSpreadsheet(fakes.spreadsheet, { now: NOW }).columnsInserted).toBeUndefined();
    expect(fakes.sheets.values(TAB.measures)![0]).toEqual(after[0]);
  });
});

describe('a tracker set up before a setting existed: setup run again gives it its row', () => {
  it('the rows for กรอบการประเมิน ITA and กำหนดการ ITA ที่ประกาศแล้ว are appended, values blank; every other cell and every setting reads as before', () => {
    const example = templateSnapshot({ example: true });
    const gone = ['itaFramework', 'itaCalendarDates'];
    const old = example.tabs[TAB.settings].filter((r) => !gone.includes(String(r[0])));
    const oldTabs = { ...example.tabs, [TAB.settings]: old };
    seedSpreadsheet({ tabs: oldTabs });
    const settingsBefore = parseWorkbook({ tabs: oldTabs }).tracker.settings;

    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(setupSummary(result).split('\n')).toContain(
      'แท็บ "ตั้งค่า": เพิ่มแถวค่าตั้งที่ยังไม่มีไว้ท้ายแท็บ: กรอบการประเมิน ITA, กำหนดการ ITA ที่ประกาศแล้ว (ค่าว่าง = ค่าเริ่มต้น ไม่มีค่าเดิมใดถูกเขียนทับ)',
    );
    const after = fakes.sheets.values(TAB.settings)!;
    const blank = (c: unknown) => (c === '' || c === null ? '' : c);
    // key, label and help of every row as they were (the values: setup's own folder id aside, as before)
    const text = (rows: unknown[][]) => rows.map((r) => [r[0], r[1], r[3]].map(blank));
    expect(text(after.slice(0, old.length))).toEqual(text(old));
    const spec = (key: string) => SETTINGS.find((s) => s.key === key)!;
    expect(after.slice(old.length).map((r) => r.map(blank))).toEqual(
      gone.map((k) => [k, spec(k).label, '', spec(k).help]),
    );
    const settingsAfter = parseWorkbook(readWorkbook(fakes.spreadsheet)).tracker.settings;
    expect({ ...settingsAfter, reportFolderId: '' }).toEqual(settingsBefore);
    // run again: nothing more appended
    expect(setupSpreadsheet(fakes.spreadsheet, { now: NOW }).columnsInserted).toBeUndefined();
    expect(fakes.sheets.values(TAB.settings)!.length).toBe(after.length);
  });
});
