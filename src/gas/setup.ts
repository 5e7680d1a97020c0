// Menu "ตั้งค่าระบบ": turns a plain spreadsheet into the tracker. Creates every missing tab from the
// template (headers, default settings; the seed's example data if asked, into empty tabs only), lays
// new tabs out (frozen header, widths), sets data validation and date formats from the schema,
// protects every tab, builds the division tabs and the dashboard, and installs the daily reminder
// trigger. Idempotent: a second run finds everything in place and changes nothing.
import type { Cell } from '../core/cells';
import { LOCALE } from '../core/messages/locale';
import { SETUP } from '../core/messages/setup';
import { divisionTab, FIXED_TABS, MEASURES_TAB, SETTINGS_TAB, type TabSpec } from '../core/schema';
import { readSettingsRows } from '../core/settings-tab';
import { TEMPLATE_MANIFEST, type TemplateTab, templateSnapshot } from '../core/template';
import { fiscalYearOf, isoFromWallDate } from '../core/thai';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, confirm, showAlert } from './context';
import { writeDashboard } from './dashboard';
import { applyColumnRules, applySettingsRules, layoutNewTab, protectFixedTab } from './protect';
import { installQueueTrigger, type QueueTriggerResult } from './queue-trigger';
import { type ReminderTriggerResult, setupReminderTrigger } from './reminders';
import { adoptReportFolder, ensureReportFolder } from './report-drive';
import { readSheets, writeTable, zoneOffsetMs } from './sheetio';
import { syncDivisionTabs, syncSummary } from './sync';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupOptions {
  /** load the example data: true/false, or undefined to ask (only while the measures tab is empty) */
  example?: boolean;
  /** the wall clock (core's convention), for the archive and the dashboard */
  now?: Date;
}

export interface SetupResult {
  created: string[];
  /** tabs that were empty and got the example's rows */
  exampleTabs: string[];
  removedBlank: string[];
  triggerInstalled: boolean;
  /** the Drive folder reports go to, once it exists */
  reportFolderId?: string;
  /** why the folder could not be made (e.g. the Drive advanced service is off), in Thai */
  reportFolderProblem?: string;
  /** the locale the spreadsheet had when setup changed it to th_TH */
  localeChangedFrom?: string;
  /** why sync left the division tabs as they were (Thai lines with tab and cell) */
  syncRefused?: string[];
  /** the one daily reminder trigger: whose it is, and whether this run made or removed one */
  reminderTrigger?: ReminderTriggerResult;
  /** the queue's one trigger: whose it is, and whether this run made or removed one */
  queueTrigger?: QueueTriggerResult;
}

/** A new spreadsheet's own first tab ("Sheet1", "ชีต1", "แผ่นงาน1"): removed by setup when still blank. */
const BLANK_DEFAULT_TAB = /^(Sheet|ชีต|แผ่นงาน)\s?\d+$/;

const specOf = (tab: TemplateTab): TabSpec | null =>
  tab.division !== undefined ? divisionTab(tab.name) : (FIXED_TABS.find((t) => t.name === tab.name) ?? null);

export function setupSpreadsheet(ss: Spreadsheet, options: SetupOptions = {}): SetupResult {
  // Typed dates parse by the spreadsheet's locale: "31/3/2023", as the help text says, is a date in
  // th_TH (day first) and text in en_US, which the date rule (allowInvalid false) would then refuse.
  // The rules assume th_TH, so setup sets it (Sheets keeps CE years in every locale).
  const locale = ss.getSpreadsheetLocale();
  const localeChangedFrom = locale === LOCALE.expected ? undefined : locale;
  if (localeChangedFrom !== undefined) ss.setSpreadsheetLocale(LOCALE.expected);
  const offsetMs = zoneOffsetMs(ss);
  const present = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) present.set(sheet.getName(), sheet);
  const lastRowOf = new Map<string, number>();
  const lastRow = (name: string): number => {
    if (!lastRowOf.has(name)) lastRowOf.set(name, present.get(name)?.getLastRow() ?? 0);
    return lastRowOf.get(name) as number;
  };

  // the example only makes sense for a tracker without measures: ask then, never later
  const measuresEmpty = lastRow(MEASURES_TAB.name) <= 1;
  const example = measuresEmpty && (options.example ?? confirm(SETUP.askExample));
  // an empty tracker's holidays tab starts with this fiscal year's fixed-date holidays
  const template = templateSnapshot({ example, fiscalYear: fiscalYearOf(isoFromWallDate(new Date())) });

  const result: SetupResult = {
    created: [],
    exampleTabs: [],
    removedBlank: [],
    triggerInstalled: false,
    localeChangedFrom,
  };
  for (const tab of TEMPLATE_MANIFEST) {
    if (tab.division !== undefined && !example) continue;
    const spec = specOf(tab);
    const rows: Cell[][] = template.tabs[tab.name] ?? [];
    let sheet = present.get(tab.name);
    const created = !sheet;
    if (!sheet) {
      sheet = ss.insertSheet(tab.name, ss.getNumSheets());
      present.set(tab.name, sheet);
      result.created.push(tab.name);
    }
    const last = created ? 0 : lastRow(tab.name);
    // only into empty tabs: nothing there, or a header row alone while the example has rows
    const fill = last === 0 || (last === 1 && example && rows.length > 1);
    if (fill && rows.length) {
      writeTable(sheet, rows, 1, { offsetMs });
      if (example && rows.length > 1) result.exampleTabs.push(tab.name);
    }
    if (fill && spec) layoutNewTab(sheet, spec);
  }

  // the spreadsheet's own blank first tab goes once the tracker's tabs are there
  for (const [name, sheet] of present)
    if (BLANK_DEFAULT_TAB.test(name) && lastRow(name) === 0 && sheet.getLastColumn() === 0 && present.size > 1) {
      ss.deleteSheet(sheet);
      present.delete(name);
      result.removedBlank.push(name);
    }

  // rules and protections on the fixed tabs, from what is in them now
  const snapshot = readSheets(present, offsetMs);
  const parsed = parseWorkbook(snapshot);
  const { tracker, tables } = parsed;
  const divisionNames = tracker.divisions.map((d) => d.name).filter((n) => n !== '');
  const tablesByName = new Map(
    [
      tables.settings,
      tables.divisions,
      tables.measures,
      tables.milestones,
      tables.reports,
      tables.emailLog,
      tables.itaResults,
    ].map((t) => [t.spec.name, t]),
  );
  const me = Session.getEffectiveUser();
  const rules = { divisionNames, built: new Map() };
  for (const spec of FIXED_TABS) {
    const sheet = present.get(spec.name);
    if (!sheet) continue;
    const table = tablesByName.get(spec.name);
    if (table && spec.columns.length) applyColumnRules(sheet, spec, table.columnIndex, rules);
    if (spec.name === SETTINGS_TAB.name && table)
      applySettingsRules(
        sheet,
        table.columnIndex.settingValue,
        readSettingsRows(table),
        snapshot.tabs[spec.name]?.length ?? 0,
      );
    protectFixedTab(sheet, tracker.settings.admins, me, spec.name);
  }

  // the report folder: created once by this app (drive.file reaches only what the app created), its
  // id kept in the settings tab; report generation reuses it. Setup checks the id it finds still opens:
  // a copied tracker holds the original's id, which the copy's script cannot reach
  const folderRow = tables.settings.present ? (readSettingsRows(tables.settings).reportFolderId?.row ?? null) : null;
  if (folderRow !== null) {
    try {
      result.reportFolderId = ensureReportFolder(
        ss,
        tracker.settings.reportFolderId,
        folderRow,
        tables.settings.columnIndex.settingValue,
        true,
      );
    } catch (e) {
      // setup still finishes without Drive; the report menu says the same when it is used
      result.reportFolderProblem = e instanceof Error ? e.message : String(e);
    }
  }

  // division tabs (with their protections and validation) and the dashboard
  // setup re-applies every protection and validation, even where sync would find them unchanged
  if (tracker.divisions.length) {
    const synced = syncDivisionTabs(ss, { snapshot, now: options.now, force: true, offsetMs, sheets: present });
    // a workbook sync refuses (a renamed header, a division named like a fixed tab…) is left as it is, and said
    if (synced.refused.length) result.syncRefused = syncSummary(synced);
  } else writeDashboard(ss, tracker, { offsetMs, today: options.now?.toISOString().slice(0, 10) });

  result.reminderTrigger = setupReminderTrigger(tracker.settings.admins);
  result.triggerInstalled = result.reminderTrigger.installed;
  // the account that owns the report folder generates other admins' documents (see docs/admins-and-drive.md):
  // one queue trigger, that account's, whoever runs setup
  if (result.reportFolderId) {
    adoptReportFolder(result.reportFolderId);
    result.queueTrigger = installQueueTrigger();
  }
  return result;
}

export function setupSummary(result: SetupResult): string {
  const lines: string[] = [result.created.length ? SETUP.createdTabs(result.created) : SETUP.nothingCreated];
  if (result.exampleTabs.length) lines.push(SETUP.exampleLoaded(result.exampleTabs.length));
  if (result.reportFolderProblem) lines.push(result.reportFolderProblem);
  if (result.localeChangedFrom !== undefined) lines.push(LOCALE.changed(result.localeChangedFrom));
  if (result.syncRefused) lines.push(...result.syncRefused);
  lines.push(result.reminderTrigger?.line ?? SETUP.triggerReady);
  if (result.queueTrigger?.line) lines.push(result.queueTrigger.line);
  lines.push(SETUP.done);
  return lines.join('\n');
}

/** Menu "ตั้งค่าระบบ". */
export function menuSetup(): void {
  const result = setupSpreadsheet(activeSpreadsheet());
  showAlert(setupSummary(result));
}
