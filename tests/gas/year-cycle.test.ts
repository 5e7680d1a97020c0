// The year cycle from the Apps Script menus (fakes): closing a round snapshots it and locks its result
// column, a closed round's regenerated report is the snapshot's text, reopening is recorded, rollover
// refuses while a round is open, and the public page (doGet) is served from its stored copy — counted.

import { ACCESS } from '../../src/core/messages/menu';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE, YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { ROUND_SNAPSHOT_TAB } from '../../src/core/schema';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { doGet, menuRefreshPublicPage } from '../../src/gas/public-page';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet } from '../../src/gas/setup';
import { menuCloseRound, menuReopenRound, menuRollover } from '../../src/gas/year-cycle';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { figure } from '../support/figures';
import { seedText, squeeze } from '../support/seed-report';

const OWNER = 'owner@example.org';
const ADMIN = 'ita-admin@example.org'; // the admin listed in the example's settings
const FINANCE = 'finance@example.org'; // editor of กองคลัง in the example
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));

let fakes: FakeHandles;
afterEach(() => uninstallFakes());

const WEB_APP = 'https://script.google.com/macros/s/AKfy-example/exec';
/** One tab read in one batch: the A1 range of its columns, and its values. */
const READ_ONE_TAB = [
  ['Range.getValues', 1],
  ['Spreadsheet.getRange', 1],
];

function exampleTracker(webAppUrl: string | null = null): FakeHandles {
  const f = installFakes({ user: ADMIN, owner: OWNER, domain: 'example.org', editors: [ADMIN, FINANCE], webAppUrl });
  setupSpreadsheet(f.spreadsheet, { example: true, now: NOW });
  calls.reset();
  return f;
}

const records = (tab: string): Record<string, unknown>[] => {
  const [header, ...rows] = fakes.sheets.values(tab) ?? [[]];
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
};

/** The settings tab's value cell of a key (column C in the example). */
const settingCell = (key: string): string => {
  const row = (fakes.sheets.values(TAB.settings) ?? []).findIndex((r) => r[0] === key);
  return `C${row + 1}`;
};

describe('Apps Script: closing and reopening a round', () => {
  beforeEach(() => {
    fakes = exampleTracker();
  });

  test('close: every division row in the snapshot tab, the round moves on, its result column is admins-only', () => {
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'G3')).toBe(true);
    menuCloseRound();
    expect(fakes.ui.lastAlert()?.prompt).toContain(
      `${YEAR_CYCLE.closedRound('2566', '6', records(ROUND_SNAPSHOT_TAB.name).length)} — ${YEAR_CYCLE.nowRound('12')}`,
    );
    const snap = records(ROUND_SNAPSHOT_TAB.name);
    expect(snap.length).toBeGreaterThan(10);
    expect(snap.find((r) => r[HEADER.entryKey] === 'OIT-03')?.[HEADER.closedBy]).toBe(ADMIN);
    expect(fakes.sheets.cell(TAB.settings, settingCell('currentRound')).value).toBe(12);
    // round 6's result column: admins only; round 12's stays the division's
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'G3')).toBe(false);
    expect(fakes.sheets.canEdit(ADMIN, 'กองคลัง', 'G3')).toBe(true);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'H3')).toBe(true);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'F3')).toBe(true);
    // one read per tab; one write per changed tab (snapshot, log, settings) + the dashboard
    const reads = calls.by('Range.getValues');
    const writes = calls.by('Range.setValues');
    expect(reads).toBe(calls.untracked(() => fakes.spreadsheet.getSheets().length));
    expect(writes).toBe(4);
  });

  test('someone who is not an admin is refused and nothing is written', () => {
    fakes.session.setUser(FINANCE);
    ENTRY_POINTS.menuCloseRound();
    expect(fakes.ui.lastAlert()?.prompt).toBe(ACCESS.denied(YEAR_CYCLE.closeAction, ['admin'], FINANCE));
    expect(records(ROUND_SNAPSHOT_TAB.name)).toEqual([]);
    expect(calls.by('Range.setValues')).toBe(0);
  });

  test('a result changed after closing: the regenerated report is the closed text (the seed report)', () => {
    menuCloseRound();
    const before = fakes.sheets.cell('กองคลัง', 'G3').value;
    expect(String(before)).toContain('กองคลังได้จัดทำแผน');
    fakes.sheets.typeInto('กองคลัง', 'G3', 'แก้ไขภายหลังปิดรอบ');
    // the admin sets the round back to 6 to regenerate its report
    fakes.sheets.typeInto(TAB.settings, settingCell('currentRound'), 6);
    const result = menuGenerateReport();
    expect(result).toBeDefined();
    const text = fakes.docs.documentText(result!.docId);
    expect(text).not.toContain('แก้ไขภายหลังปิดรอบ');
    expect(squeeze(text)).toBe(seedText());
  });

  test('reopen asks why; the log records who and why; the result column is the division’s again', () => {
    menuCloseRound();
    fakes.sheets.typeInto(TAB.settings, settingCell('currentRound'), 6);
    fakes.ui.respond('OK', '   ');
    menuReopenRound();
    expect(fakes.ui.lastAlert()?.prompt).toBe(YEAR_CYCLE.reasonRequired);
    fakes.session.setUser(ADMIN);
    fakes.ui.respond('OK', 'กองคลังขอแก้ไขผล');
    menuReopenRound();
    expect(fakes.ui.lastAlert()?.prompt).toContain(YEAR_CYCLE.reopened('2566', '6', 0).slice(0, 20));
    const log = records(TAB.roundLog);
    expect(log.map((r) => [r[HEADER.logAction], r[HEADER.loggedBy], r[HEADER.logReason]])).toEqual([
      [YEAR_CYCLE.logClose, ADMIN, ''],
      [YEAR_CYCLE.logReopen, ADMIN, 'กองคลังขอแก้ไขผล'],
    ]);
    expect(records(ROUND_SNAPSHOT_TAB.name)).toEqual([]);
    expect(fakes.sheets.canEdit(FINANCE, 'กองคลัง', 'G3')).toBe(true);
  });

  test('rollover refuses while a round is open unless the admin forces it; nothing is written on "no"', () => {
    fakes.ui.respond('YES'); // start the new year?
    fakes.ui.respond('NO'); // rounds 6 and 12 are open: go on anyway?
    menuRollover();
    expect(fakes.ui.lastAlert()?.prompt).toBe(YEAR_CYCLE.rolloverForceConfirm('2566', '12'));
    expect(calls.by('Range.setValues')).toBe(0);
    fakes.ui.respond('YES');
    fakes.ui.respond('YES');
    menuRollover();
    expect(fakes.ui.lastAlert()?.prompt).toContain(YEAR_CYCLE.rolledOver('2566', '2567', 0).slice(0, 25));
    expect(fakes.sheets.cell(TAB.settings, settingCell('fiscalYear')).value).toBe(2567);
    expect(records('กองคลัง').every((r) => r[HEADER.status] === STATUS_LABEL.not_started)).toBe(true);
    expect(records(TAB.archive).length).toBeGreaterThan(10);
  });
});

describe('Apps Script: the public page (doGet)', () => {
  beforeEach(() => {
    fakes = exampleTracker();
  });

  test('before anything is published: the not-ready page names the agency (its settings read in one batch) and what will appear', () => {
    const out = doGet();
    const visit = calls.snapshot();
    const html = calls.untracked(() => out.getContent());
    expect(html).toContain('<h1>เทศบาลตำบลปรุใหญ่</h1>');
    expect(html).toContain(`<p class="notice">${PUBLIC_PAGE.notReady}</p>`);
    expect(html).toContain(`<h2>${PUBLIC_PAGE.notReadyWhat}</h2>`);
    // what will appear, in the order the page will list it, in the agency's numerals
    const soon = [...html.matchAll(/<li><span class="doc">([^<]*)<\/span><\/li>/g)].map((m) => m[1]);
    expect(soon).toEqual([PUBLIC_PAGE.plan, PUBLIC_PAGE.report('๖'), PUBLIC_PAGE.report('๑๒')]);
    expect(html).toContain(PUBLIC_PAGE.notReadyWhen);
    expect(calls.untracked(() => out.getTitle())).toBe(PUBLIC_PAGE.title('เทศบาลตำบลปรุใหญ่'));
    // the settings tab in one read, nothing else of the sheet; no e-mail address on a public page
    expect(Object.entries(visit).filter(([k]) => /^(Spreadsheet|Sheet|Range)\./.test(k))).toEqual(READ_ONE_TAB);
    expect(html).not.toMatch(/[\w.-]+@example\.org/);
  });

  test('the not-ready page escapes the agency name, and without a settings tab is still a page', () => {
    const settings = fakes.sheets.values(TAB.settings) ?? [];
    const row = settings.findIndex((r) => r[0] === 'agencyName') + 1;
    fakes.sheets.typeInto(TAB.settings, `C${row}`, [['<script>alert(1)</script> & "กอง"']]);
    const html = calls.untracked(() => doGet().getContent());
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;กอง&quot;</h1>');
    expect(html).not.toContain('<script>');
    calls.untracked(() => fakes.spreadsheet.deleteSheet(fakes.spreadsheet.getSheetByName(TAB.settings)!));
    const bare = doGet();
    expect(calls.untracked(() => bare.getContent())).toContain(`<h1>${PUBLIC_PAGE.noAgency}</h1>`);
    expect(calls.untracked(() => bare.getTitle())).toBe(PUBLIC_PAGE.title(PUBLIC_PAGE.noAgency));
  });

  test('publishing a report stores the page; a visit then costs 5 calls and reads no sheet', () => {
    const result = menuGenerateReport()!;
    calls.reset();
    const out = doGet();
    const visit = calls.snapshot();
    const total = calls.total();
    const html = calls.untracked(() => out.getContent());
    expect(html).toContain('เทศบาลตำบลปรุใหญ่');
    expect(html).toContain(result.publishedUrl);
    expect(html).toContain(PUBLIC_PAGE.report('๖'));
    expect(html).not.toMatch(/[\w.-]+@example\.org/);
    expect(calls.untracked(() => out.getTitle())).toBe(PUBLIC_PAGE.title('เทศบาลตำบลปรุใหญ่'));
    figure(`doGet, one visit: ${total} service calls ${JSON.stringify(visit)}`);
    expect(total).toBe(5);
    expect(Object.keys(visit).filter((k) => /^(Spreadsheet|Sheet|Range)/.test(k))).toEqual([]);
  });

  test('the menu rebuilds the page from the register (escaped) and shows the web app URL on the dashboard', () => {
    uninstallFakes();
    fakes = exampleTracker(WEB_APP);
    fakes.sheets.typeInto(TAB.reports, 'A2:F2', [
      [2566, 6, 'id', 'https://docs.google.com/x/edit', 'https://example.org/pub?a=<script>alert(1)</script>', ''],
    ]);
    menuRefreshPublicPage();
    const html = doGet().getContent();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('https://example.org/pub?a=&lt;script&gt;');
    expect(fakes.ui.lastAlert()?.prompt).toBe(PUBLIC_PAGE.menuDone(WEB_APP));
    const dashboard = (fakes.sheets.values(TAB.dashboard) ?? []).map((r) => r.filter((c) => c !== ''));
    expect(dashboard).toContainEqual([PUBLIC_PAGE.dashboardLine, WEB_APP]);
  });

  test('not deployed yet: the menu says how, and the dashboard has no link line', () => {
    menuRefreshPublicPage();
    expect(fakes.ui.lastAlert()?.prompt).toContain(PUBLIC_PAGE.notDeployed);
    const dashboard = (fakes.sheets.values(TAB.dashboard) ?? []).flat();
    expect(dashboard).not.toContain(PUBLIC_PAGE.dashboardLine);
  });
});
