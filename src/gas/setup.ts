// Menu "ตั้งค่าระบบ": turns a plain spreadsheet into the tracker. Creates every missing tab from the
// template (headers, default settings; the seed's example data if asked, into empty tabs only), lays
// new tabs out (frozen header, widths), sets data validation and date formats from the schema,
// protects every tab, builds the division tabs and the dashboard, and installs one trigger of each
// kind (the daily reminders; the folder owner's queue). Idempotent: a second run finds everything in
// place and changes nothing.
import { type Cell, columnLetter } from '../core/cells';
import {
  type ColumnInsert,
  missingColumns,
  missingSettingRows,
  withColumnInserts,
  withSettingRows,
} from '../core/column-migrations';
import { LOCALE } from '../core/messages/locale';
import { SETUP } from '../core/messages/setup';
import { SYNC } from '../core/messages/sync';
import { divisionTab, FIXED_TABS, MEASURES_TAB, SETTINGS_TAB, type TabSpec } from '../core/schema';
import { readSettingsRows } from '../core/settings-tab';
import { TEMPLATE_MANIFEST, type TemplateTab, templateSnapshot } from '../core/template';
import { fiscalYearOf, isoFromWallDate } from '../core/thai';
import { parseWorkbook, type WorkbookSnapshot } from '../core/workbook';
import { activeSpreadsheet, confirm, type RunAccount, runAccount, showAlert } from './context';
import { writeDashboard } from './dashboard';
import { applyColumnRules, applySettingsRules, layoutNewTab, protectFixedTab, type RuleContext } from './protect';
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
  /** columns the schema gained since the tab was made, inserted by this run (Thai lines) */
  columnsInserted?: string[];
}

/** A new spreadsheet's own first tab ("Sheet1", "ชีต1", "แผ่นงาน1"): removed by setup when still blank. */
const BLANK_DEFAULT_TAB = /^(Sheet|ชีต|แผ่นงาน)\s?\d+$/;

const specOf = (tab: TemplateTab): TabSpec | null =>
  tab.division !== undefined ? divisionTab(tab.name) : (FIXED_TABS.find((t) => t.name === tab.name) ?? null);

/**
 * Setup, step by step: the locale, the template's tabs, the blank default tab, the fixed tabs' rules and
 * protections, the report folder, the division tabs (or the dashboard), the triggers.
 */
export function setupSpreadsheet(ss: Spreadsheet, options: SetupOptions = {}): SetupResult {
  const localeChangedFrom = ensureThaiLocale(ss);
  const offsetMs = zoneOffsetMs(ss);
  const tabs = presentTabs(ss);
  // the example only makes sense for a tracker without measures: ask then, never later
  const measuresEmpty = tabs.lastRow(MEASURES_TAB.name) <= 1;
  const example = measuresEmpty && (options.example ?? confirm(SETUP.askExample));
  const result: SetupResult = {
    created: [],
    exampleTabs: [],
    removedBlank: [],
    triggerInstalled: false,
    localeChangedFrom,
  };
  createTemplateTabs(ss, tabs, example, offsetMs, result);
  result.removedBlank = removeBlankDefaultTab(ss, tabs);

  // rules and protections on the fixed tabs, from what is in them now; who is running, the script
  // properties and every validation rule built are shared by the steps below (asked once, not per step)
  const account = runAccount();
  // a fixed tab laid out before a column existed (ตัวชี้วัด ITA on มาตรการ) gets it as an inserted column
  const read = readSheets(tabs.present, offsetMs);
  const inserts = missingColumns(read);
  insertColumns(tabs.present, inserts, offsetMs);
  if (inserts.length)
    result.columnsInserted = inserts.map((i) => SYNC.columnInserted(i.tab, i.header, columnLetter(i.at)));
  // and a settings tab made before a setting existed gets its row (blank value: it reads as before)
  const withColumns = withColumnInserts(read, inserts);
  const settingRows = missingSettingRows(withColumns);
  const settingsSheet = settingRows ? tabs.present.get(settingRows.tab) : undefined;
  if (settingRows && settingsSheet) {
    writeTable(settingsSheet, settingRows.rows, settingRows.startRow, { offsetMs });
    result.columnsInserted = [
      ...(result.columnsInserted ?? []),
      SYNC.settingsAdded(settingRows.tab, settingRows.labels.join(', ')),
    ];
  }
  const snapshot = withSettingRows(withColumns, settingsSheet ? settingRows : null);
  const { tracker, tables } = parseWorkbook(snapshot);
  const divisionNames = tracker.divisions.map((d) => d.name).filter((n) => n !== '');
  const rules = { divisionNames, built: new Map() };
  applyFixedTabRules(tabs.present, snapshot, tracker, tables, account, rules);
  Object.assign(result, setupReportFolder(ss, tracker, tables, account));

  // division tabs (with their protections and validation) and the dashboard
  // setup re-applies every protection and validation, even where sync would find them unchanged
  if (tracker.divisions.length) {
    const synced = syncDivisionTabs(ss, {
      snapshot,
      now: options.now,
      force: true,
      offsetMs,
      sheets: tabs.present,
      me: account.user,
      rules: rules.built,
    });
    // a workbook sync refuses (a renamed header, a division named like a fixed tab…) is left as it is, and said
    if (synced.refused.length) result.syncRefused = syncSummary(synced);
  } else writeDashboard(ss, tracker, { offsetMs, today: options.now?.toISOString().slice(0, 10) });

  installTriggers(result, tracker.settings.admins, account);
  return result;
}

/**
 * The schema's columns a fixed tab lacks, inserted where the schema places them (src/core/column-migrations.ts):
 * one insertColumnsAfter and one header write each, so every cell from there on moves right with its column.
 */
function insertColumns(present: Map<string, Sheet>, inserts: readonly ColumnInsert[], offsetMs: number): void {
  for (const ins of inserts) {
    const sheet = present.get(ins.tab);
    if (!sheet) continue;
    sheet.insertColumnsAfter(ins.at, 1);
    writeTable(sheet, [[ins.header]], 1, { column: ins.at + 1, offsetMs });
  }
}

/**
 * Typed dates parse by the spreadsheet's locale: "31/3/2023", as the help text says, is a date in th_TH
 * (day first) and text in en_US, which the date rule (allowInvalid false) would then refuse. The rules
 * assume th_TH, so setup sets it (Sheets keeps CE years in every locale). Answers the locale it had when
 * that was another.
 */
function ensureThaiLocale(ss: Spreadsheet): string | undefined {
  const locale = ss.getSpreadsheetLocale();
  if (locale === LOCALE.expected) return undefined;
  ss.setSpreadsheetLocale(LOCALE.expected);
  return locale;
}

/** The spreadsheet's tabs by name, and each one's last row, read once when first asked. */
interface PresentTabs {
  present: Map<string, Sheet>;
  lastRow(name: string): number;
}

function presentTabs(ss: Spreadsheet): PresentTabs {
  const present = new Map<string, Sheet>();
  for (const sheet of ss.getSheets()) present.set(sheet.getName(), sheet);
  const lastRowOf = new Map<string, number>();
  return {
    present,
    lastRow(name) {
      if (!lastRowOf.has(name)) lastRowOf.set(name, present.get(name)?.getLastRow() ?? 0);
      return lastRowOf.get(name) as number;
    },
  };
}

/**
 * Every missing tab from the template (headers, default settings; the example's rows when asked, into
 * empty tabs only), each new one laid out (frozen header, widths).
 */
function createTemplateTabs(
  ss: Spreadsheet,
  tabs: PresentTabs,
  example: boolean,
  offsetMs: number,
  result: Pick<SetupResult, 'created' | 'exampleTabs'>,
): void {
  // an empty tracker's holidays tab starts with this fiscal year's fixed-date holidays
  const template = templateSnapshot({ example, fiscalYear: fiscalYearOf(isoFromWallDate(new Date())) });
  for (const tab of TEMPLATE_MANIFEST) {
    if (tab.division !== undefined && !example) continue;
    const spec = specOf(tab);
    const rows: Cell[][] = template.tabs[tab.name] ?? [];
    let sheet = tabs.present.get(tab.name);
    const created = !sheet;
    if (!sheet) {
      sheet = ss.insertSheet(tab.name, ss.getNumSheets());
      tabs.present.set(tab.name, sheet);
      result.created.push(tab.name);
    }
    const last = created ? 0 : tabs.lastRow(tab.name);
    // only into empty tabs: nothing there, or a header row alone while the example has rows
    const fill = last === 0 || (last === 1 && example && rows.length > 1);
    if (fill && rows.length) {
      writeTable(sheet, rows, 1, { offsetMs });
      if (example && rows.length > 1) result.exampleTabs.push(tab.name);
    }
    if (fill && spec) layoutNewTab(sheet, spec);
  }
}

/** The spreadsheet's own blank first tab goes once the tracker's tabs are there; answers the names removed. */
function removeBlankDefaultTab(ss: Spreadsheet, tabs: PresentTabs): string[] {
  const removed: string[] = [];
  for (const [name, sheet] of tabs.present)
    if (
      BLANK_DEFAULT_TAB.test(name) &&
      tabs.lastRow(name) === 0 &&
      sheet.getLastColumn() === 0 &&
      tabs.present.size > 1
    ) {
      ss.deleteSheet(sheet);
      tabs.present.delete(name);
      removed.push(name);
    }
  return removed;
}

type Parsed = ReturnType<typeof parseWorkbook>;

/** Data validation, date formats and the admins-only protection of every fixed tab, from what is in it. */
function applyFixedTabRules(
  present: Map<string, Sheet>,
  snapshot: WorkbookSnapshot,
  tracker: Parsed['tracker'],
  tables: Parsed['tables'],
  account: RunAccount,
  rules: RuleContext,
): void {
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
    protectFixedTab(sheet, tracker.settings.admins, account.user(), spec.name);
  }
}

/**
 * The report folder: created once by this app (drive.file reaches only what the app created), its id kept
 * in the settings tab; report generation reuses it. Setup checks the id it finds still opens: a copied
 * tracker holds the original's id, which the copy's script cannot reach. Without Drive setup still
 * finishes, and says why (the report menu says the same when it is used).
 */
function setupReportFolder(
  ss: Spreadsheet,
  tracker: Parsed['tracker'],
  tables: Parsed['tables'],
  account: RunAccount,
): Pick<SetupResult, 'reportFolderId' | 'reportFolderProblem'> {
  const folderRow = tables.settings.present ? (readSettingsRows(tables.settings).reportFolderId?.row ?? null) : null;
  if (folderRow === null) return {};
  try {
    return {
      reportFolderId: ensureReportFolder(
        ss,
        tracker.settings.reportFolderId,
        folderRow,
        tables.settings.columnIndex.settingValue,
        true,
        account,
      ),
    };
  } catch (e) {
    return { reportFolderProblem: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * One trigger of each kind, whoever runs setup: the daily reminders (the recorded owner's while still an
 * admin) and, once the folder exists, the queue — the folder owner's, who generates other admins'
 * documents (see docs/admins-and-drive.md).
 */
function installTriggers(
  result: Pick<SetupResult, 'reminderTrigger' | 'triggerInstalled' | 'reportFolderId' | 'queueTrigger'>,
  admins: readonly string[],
  account: RunAccount,
): void {
  result.reminderTrigger = setupReminderTrigger(admins, account);
  result.triggerInstalled = result.reminderTrigger.installed;
  if (result.reportFolderId) {
    adoptReportFolder(result.reportFolderId, account);
    result.queueTrigger = installQueueTrigger(account);
  }
}

export function setupSummary(result: SetupResult): string {
  const lines: string[] = [result.created.length ? SETUP.createdTabs(result.created) : SETUP.nothingCreated];
  if (result.exampleTabs.length) lines.push(SETUP.exampleLoaded(result.exampleTabs.length));
  if (result.reportFolderProblem) lines.push(result.reportFolderProblem);
  if (result.localeChangedFrom !== undefined) lines.push(LOCALE.changed(result.localeChangedFrom));
  if (result.columnsInserted) lines.push(...result.columnsInserted);
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
