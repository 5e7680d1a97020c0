// onOpen in every authorization mode (the fakes refuse what each mode may not call), onInstall, and the
// first-run sidebar "เริ่มต้นใช้งาน": each step ticked from what the sheet holds, each open step's button.
import { FIRST_RUN } from '../../src/core/messages/first-run';
import { MENU } from '../../src/core/messages/menu';
import { SETUP } from '../../src/core/messages/setup';
import { TAB } from '../../src/core/messages/tabs-headers';
import { templateSnapshot } from '../../src/core/template';
import { ENTRY_POINTS, FIRST_RUN_ITEM, MENU_ITEMS } from '../../src/gas/actions';
import { firstRunPage, menuFirstRun } from '../../src/gas/first-run';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

const ME = 'clerk@pru-yai.go.th';
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const ITEMS = MENU_ITEMS.map(([caption, functionName]) => ({ caption, functionName }));
const { onOpen, onInstall, firstRunStep } = ENTRY_POINTS;
const GUIDE = { caption: FIRST_RUN_ITEM[0], functionName: FIRST_RUN_ITEM[1] };

let fakes: FakeHandles;
beforeEach(() => {
  fakes = installFakes({ user: ME, editors: [ME] });
});
afterEach(() => {
  delete (globalThis as Record<string, unknown>).ITA_ADDON;
  uninstallFakes();
});

/** A template copy: the example's tabs and rows, nothing set up. */
const seedTemplateCopy = () => seedSpreadsheet(templateSnapshot({ example: true }));

/** Replaces every example.org address in the settings and divisions tabs (what the clerk types in). */
function giveRealPeople() {
  calls.untracked(() => {
    for (const tab of [TAB.settings, TAB.divisions]) {
      const sheet = fakes.spreadsheet.getSheetByName(tab)!;
      const range = sheet.getDataRange();
      range.setValues(
        range
          .getValues()
          .map((row) => row.map((v) => (typeof v === 'string' ? v.replace(/example\.org/g, 'pru-yai.go.th') : v))),
      );
    }
  });
}

describe('onOpen in each authorization mode', () => {
  it('the fakes refuse in NONE what needs authorisation, and in LIMITED what reaches beyond the file', () => {
    fakes.auth.mode = 'NONE';
    expect(() => SpreadsheetApp.getActive()).toThrow(/You do not have permission to call SpreadsheetApp.getActive/);
    expect(() => PropertiesService.getDocumentProperties()).toThrow(/permission/);
    fakes.auth.mode = 'LIMITED';
    expect(() => SpreadsheetApp.getActive().getSheets()).not.toThrow();
    expect(() => ScriptApp.getProjectTriggers()).toThrow(/permission to call ScriptApp.getProjectTriggers/);
    // who runs it is asked, and withheld: a Gmail-owned sheet's simple trigger names no one
    expect(Session.getEffectiveUser().getEmail()).toBe('');
    expect(() => MailApp.getRemainingDailyQuota()).toThrow(/permission/);
  });

  it('NONE (an add-on not yet used in this file): only the add-on menu, with the guide first', () => {
    seedTemplateCopy();
    calls.reset();
    fakes.sheets.open(onOpen, 'NONE');
    expect(fakes.ui.menus).toEqual([{ title: '(add-on)', items: [GUIDE, ...ITEMS] }]);
    // nothing but building the menu
    expect(
      Object.keys(calls.snapshot()).every((k) => /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(k)),
    ).toBe(true);
  });

  it('LIMITED (the bound script opening): the tracker menu; the guide first until setup has run, then last; only the sheet and the menu touched', () => {
    seedTemplateCopy();
    fakes.sheets.open(onOpen);
    expect(fakes.ui.menus).toEqual([{ title: MENU.title, items: [GUIDE, ...ITEMS] }]);

    setupSpreadsheet(fakes.spreadsheet, { example: false, now: NOW });
    calls.reset();
    fakes.sheets.open(onOpen);
    expect(fakes.ui.menus).toEqual([{ title: MENU.title, items: [...ITEMS, GUIDE] }]);
    // a simple trigger may not reach other files, mail or triggers (guides/triggers, Restrictions):
    // onOpen asks nothing of them — nothing refused (and swallowed) on the way to the menu
    expect(calls.refused()).toEqual([]);
    expect(
      Object.keys(calls.snapshot()).filter(
        (k) => !/^(SpreadsheetApp|Spreadsheet|Sheet|Range|Protection|Ui|Menu)\./.test(k),
      ),
    ).toEqual([]);
  });

  it('FULL, and onInstall (FULL, right after an add-on is installed) builds the same menu', () => {
    onOpen({ authMode: ScriptApp.AuthMode.FULL });
    expect(fakes.ui.menus).toEqual([{ title: MENU.title, items: [GUIDE, ...ITEMS] }]);
    fakes.ui.menus.length = 0;
    onInstall({ authMode: ScriptApp.AuthMode.FULL });
    expect(fakes.ui.menus).toEqual([{ title: MENU.title, items: [GUIDE, ...ITEMS] }]);
  });

  it('built as the add-on (ITA_ADDON), LIMITED and FULL also use the add-on menu', () => {
    (globalThis as Record<string, unknown>).ITA_ADDON = true;
    fakes.sheets.open(onOpen);
    expect(fakes.ui.menus.map((m) => m.title)).toEqual(['(add-on)']);
  });
});

/** The sidebar's steps: [label, state] as a person reads them. */
function stepsShown(html: string): [string, string][] {
  return [...html.matchAll(/<span class="label">([^<]*)<\/span><span class="state">([^<]*)<\/span>/g)].map((m) => [
    m[1],
    m[2],
  ]);
}

describe('the first-run sidebar', () => {
  const labels = Object.values(FIRST_RUN.steps).map((s) => s.label);

  it('on a fresh copy of the template: every step open, each with its button and what is missing', () => {
    seedTemplateCopy();
    menuFirstRun();
    const sidebar = fakes.ui.lastDialog()!;
    expect(sidebar.kind).toBe('sidebar');
    expect(sidebar.title).toBe(FIRST_RUN.title);
    expect(stepsShown(sidebar.html)).toEqual(labels.map((l) => [l, FIRST_RUN.openMark]));
    expect([...sidebar.html.matchAll(/data-step="(\w+)"/g)].map((m) => m[1])).toEqual([
      'setup',
      'divisions',
      'editors',
      'report',
      'reminders',
    ]);
    expect(sidebar.html).toContain(FIRST_RUN.steps.setup.notProtected.replace(/"/g, '&quot;'));
    expect(sidebar.html).toContain('กองคลัง'); // a division still on example.org addresses
    expect(sidebar.html).toContain('google.script.run');
    expect(sidebar.html).toContain(".firstRunStep(this.getAttribute('data-step'))");
  });

  it('ticks each step once the sheet holds it, and its button goes', () => {
    seedTemplateCopy();
    firstRunStep('setup'); // the button: setup, its summary, then the sidebar again
    expect(fakes.ui.alerts.some((a) => a.prompt.includes(SETUP.done))).toBe(true);
    let shown = stepsShown(fakes.ui.lastDialog()!.html);
    expect(shown[0]).toEqual([labels[0], FIRST_RUN.doneMark]);
    // setup installed the reminder trigger: that step is done too
    expect(shown[4]).toEqual([labels[4], FIRST_RUN.doneMark]);
    expect(fakes.ui.lastDialog()!.html).not.toContain('data-step="setup"');

    giveRealPeople();
    firstRunStep('report');
    shown = stepsShown(fakes.ui.lastDialog()!.html);
    expect(shown).toEqual(labels.map((l) => [l, FIRST_RUN.doneMark]));
    expect(fakes.ui.lastDialog()!.html).toContain(FIRST_RUN.allDone);
    expect(fakes.ui.lastDialog()!.html).not.toContain('<button');
  });

  it('the reminders button installs the trigger once; the tab buttons open their tab', () => {
    seedTemplateCopy();
    firstRunStep('reminders');
    firstRunStep('reminders');
    expect(fakes.triggers.list().map((t) => t.handler)).toEqual(['dailyReminders']);
    firstRunStep('editors');
    expect(calls.untracked(() => fakes.spreadsheet.getActiveSheet().getName())).toBe(TAB.divisions);
  });

  it('escapes what the sheet holds', () => {
    seedTemplateCopy();
    calls.untracked(() =>
      fakes.spreadsheet
        .getSheetByName(TAB.divisions)!
        .getRange('B2:E2')
        .setValues([['<img src=x onerror=alert(1)>', 'x', '', '']]),
    );
    const html = firstRunPage(fakes.spreadsheet);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('opens from the menu (FULL); the fakes would refuse it in a LIMITED simple trigger', () => {
    seedTemplateCopy();
    expect(() => fakes.auth.as('LIMITED', () => firstRunPageShown())).toThrow(/permission/);
    function firstRunPageShown() {
      SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(firstRunPage(SpreadsheetApp.getActive())));
    }
  });
});

describe('a copy of a tracker already in use', () => {
  it('setup replaces the report folder id the copy carried (its script cannot reach that folder)', () => {
    seedTemplateCopy();
    const theirs = fakes.drive.addForeignFile('รายงาน ITA', 'application/vnd.google-apps.folder');
    calls.untracked(() => {
      const sheet = fakes.spreadsheet.getSheetByName(TAB.settings)!;
      const row = sheet
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'reportFolderId');
      sheet.getRange(row + 1, 3).setValue(theirs);
    });
    const result = setupSpreadsheet(fakes.spreadsheet, { now: NOW });
    expect(result.reportFolderId).toBeTruthy();
    expect(result.reportFolderId).not.toBe(theirs);
    expect(fakes.sheets.values(TAB.settings)!.find((r) => r[0] === 'reportFolderId')?.[2]).toBe(result.reportFolderId);
  });
});
