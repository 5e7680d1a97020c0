// Menu "ปรับปรุงแท็บหน่วยงาน": core plans every division tab (merge by key, archive what no longer
// belongs) as structural steps; this adapter applies them. Divisions keep typing while it runs, so it
// never writes a cell a division owns in a row that stays: rows come and go with insertRowsAfter and
// deleteRows and change places with moveRows (Sheets keeps an edit in its row through those), and only
// sync-owned cells that differ are written, in blocks. Rows about to be removed are locked first, then
// read again, so what was typed in them up to the lock reaches the archive. Calls: O(tabs + changes).
// See docs/sync.md.

import type { Problem } from '../core/cell-rules';
import type { Cell } from '../core/cells';
import { offsetClock } from '../core/clock';
import { SETUP } from '../core/messages/setup';
import { SYNC, SYNC_MENU } from '../core/messages/sync';
import { ARCHIVE_TAB, DIVISION_TAB_COLUMNS, divisionTab, headersOf, MILESTONES_TAB } from '../core/schema';
import { archiveRowOf, NO_SYNC, planSync, type SyncPlan } from '../core/sync';
import { syncBlockers } from '../core/sync-blockers';
import { isoFromWallDate } from '../core/thai';
import { type ParsedWorkbook, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { activeSpreadsheet, showAlert } from './context';
import { PUBLIC_URL_PROPERTY, writeDashboard } from './dashboard';
import {
  applyColumnRules,
  layoutNewTab,
  lockDown,
  lockRowsForRemoval,
  protectDivisionTab,
  type RuleContext,
  removeRowLocks,
} from './protect';
import { ensureSheet, fromSheet, readWorkbook, toSheet, writeTable, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SyncResult {
  plan: SyncPlan;
  parsed: ParsedWorkbook;
  /** old tab name → new, for divisions that were renamed */
  renamed: Array<[string, string]>;
  /** why sync did nothing: errors that make its plan unsafe (empty when it ran) */
  refused: Problem[];
}

/** Document properties, one per division tab: a hash of the inputs its protections were last applied from. */
const STAMP_PREFIX = 'ita.protected:';

/** FNV-1a, 32 bits: a short stamp (a property value is limited to 9 KB; a tab's inputs can be longer). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What a division tab's protections and validations depend on; a change in any of them re-applies them. */
const protectionStamp = (tab: string, editors: readonly string[], admins: readonly string[], maxRows: number): string =>
  hash(
    JSON.stringify([
      tab,
      [...editors].map((e) => e.toLowerCase()).sort(),
      [...admins].map((e) => e.toLowerCase()).sort(),
      maxRows,
      headersOf(divisionTab(tab)),
    ]),
  );

/** Column key → 0-based index on a division tab as sync writes it (the schema's order). */
const divisionColumnIndex = (): Record<string, number> =>
  Object.fromEntries(DIVISION_TAB_COLUMNS.map((c, i) => [c.key, i]));

/** What every step of one sync shares: the spreadsheet, its plan and how to reach its tabs. */
interface SyncRun {
  ss: Spreadsheet;
  snapshot: WorkbookSnapshot;
  tracker: ParsedWorkbook['tracker'];
  plan: SyncPlan;
  now: Date;
  offsetMs: number;
  force: boolean;
  /** a tab by name, from the caller's listing when it has one (no getSheetByName) */
  listed: (name: string) => Sheet | null;
  /** the account running sync, looked up once, on first need */
  me: () => GoogleAppsScript.Base.User;
  /** validation rules built in this operation, by column type (one status rule for every tab) */
  rules: NonNullable<RuleContext['built']>;
}

export interface SyncOptions {
  snapshot?: WorkbookSnapshot;
  now?: Date;
  force?: boolean;
  offsetMs?: number;
  /** the tabs as the caller listed them just before (setup): a tab found there needs no getSheetByName */
  sheets?: ReadonlyMap<string, Sheet>;
  /** the account running, when the caller has looked it up already (setup) */
  me?: () => GoogleAppsScript.Base.User;
  /** the validation rules the caller built already (setup's, for the fixed tabs), shared by column type */
  rules?: RuleContext['built'];
}

/**
 * Division tabs, protections, validations and the dashboard brought in line with the divisions and
 * measures. snapshot: the workbook already read (setup passes its own); now: the wall clock
 * (core's convention) for the archive's dates. The steps, in order: lock what goes and read it again,
 * the archive, every division tab's structural steps, the tabs no division uses, protections and
 * validations, the dashboard.
 */
export function syncDivisionTabs(ss: Spreadsheet, options: SyncOptions = {}): SyncResult {
  const offsetMs = options.offsetMs ?? zoneOffsetMs(ss);
  const snapshot = options.snapshot ?? readWorkbook(ss);
  const now = options.now ?? offsetClock(offsetMs).now();
  const parsed = parseWorkbook(snapshot);
  const refused = syncBlockers(parsed, snapshot);
  if (refused.length) return { plan: NO_SYNC, parsed, renamed: [], refused };
  let effectiveUser: GoogleAppsScript.Base.User | null = null;
  const run: SyncRun = {
    ss,
    snapshot,
    tracker: parsed.tracker,
    plan: planSync(parsed, snapshot, now),
    now,
    offsetMs,
    force: Boolean(options.force),
    listed: (name) => options.sheets?.get(name) ?? ss.getSheetByName(name),
    me:
      options.me ??
      (() => {
        if (!effectiveUser) effectiveUser = Session.getEffectiveUser();
        return effectiveUser;
      }),
    rules: options.rules ?? new Map(),
  };
  const { fresh, locked } = lockWhatGoes(run);
  const archive = archiveRows(run, fresh);
  writeArchive(run, archive);
  const { sheets, renamed, renewed } = applyTabs(run, locked);
  removeOrphanTabs(run, renamed);
  const publicUrl = protectTabs(run, sheets, renewed);
  writeDashboard(
    ss,
    { ...run.tracker, entries: run.plan.tabs.flatMap((t) => t.entries) },
    { offsetMs, today: isoFromWallDate(now), publicUrl },
  );
  return { plan: { ...run.plan, archive }, parsed, renamed, refused: [] };
}

/**
 * 1. Rows about to go, and tabs no division uses: locked (only the admins may edit), then read again,
 * so the archive gets what was typed in them up to the lock; an edit after it is refused, not lost.
 * fresh: those second reads by tab; locked: division tabs (by their name after sync) that got a lock,
 * removed once their rows are gone.
 */
function lockWhatGoes(run: SyncRun): { fresh: Map<string, Cell[][]>; locked: Set<string> } {
  const { ss, plan } = run;
  const fresh = new Map<string, Cell[][]>();
  const locked = new Set<string>();
  const lockedRead = (sheet: Sheet): Cell[][] =>
    sheet
      .getDataRange()
      .getValues()
      .map((r) => r.map((v) => fromSheet(v, run.offsetMs)));
  for (const tab of plan.tabs) {
    const source = tab.renamedFrom ?? tab.tabName;
    const doomed = tab.removed.filter((r) => r.reason !== null).map((r) => r.row);
    if (!doomed.length) continue;
    const sheet = ss.getSheetByName(source);
    if (!sheet) continue; // not on the sheet (yet): archived from what was handed in
    // whole rows ('5:7'), every column a person may type in; one lock per run of adjacent rows
    lockRowsForRemoval(sheet, doomed, SYNC_MENU.lockDescription, run.me());
    locked.add(tab.tabName);
    fresh.set(source, lockedRead(sheet));
  }
  const carriedAway = new Set(plan.tabs.map((t) => t.renamedFrom).filter(Boolean));
  for (const name of plan.orphanTabs) {
    if (carriedAway.has(name)) continue;
    const sheet = ss.getSheetByName(name);
    if (!sheet) continue;
    // its sheet protection (admins only, set by protectDivisionTab) now covers the editable columns too;
    // a tab whose protection was removed by hand gets one, locked the one way every lock is
    const sheetLock = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    if (sheetLock) sheetLock.setUnprotectedRanges([]);
    else lockDown(sheet.protect(), run.tracker.settings.admins, SETUP.protectDivision(name), run.me());
    fresh.set(name, lockedRead(sheet));
  }
  return { fresh, locked };
}

/** The archive's rows from the second reads (what was handed in where there was none), in the plan's order. */
function archiveRows(run: SyncRun, fresh: ReadonlyMap<string, Cell[][]>): Cell[][] {
  const { plan, snapshot, now } = run;
  const archive: Cell[][] = [];
  for (const tab of plan.tabs) {
    const source = tab.renamedFrom ?? tab.tabName;
    const values = fresh.get(source) ?? snapshot.tabs[source];
    if (values)
      for (const r of tab.removed)
        if (r.reason !== null) archive.push(archiveRowOf(source, values[0], values[r.row - 1] ?? [], r.reason, now));
  }
  const carriedAway = new Set(plan.tabs.map((t) => t.renamedFrom).filter(Boolean));
  for (const name of plan.orphanTabs) {
    if (carriedAway.has(name)) continue;
    const values = fresh.get(name) ?? snapshot.tabs[name];
    if (values)
      for (let r = 1; r < values.length; r++)
        if (values[r].some((c) => c !== null && c !== ''))
          archive.push(archiveRowOf(name, values[0], values[r], SYNC.archiveDivisionGone(name), now));
  }
  return archive;
}

/** 2. The archive: one setValues, appended under what is there (created with its header if missing). */
function writeArchive(run: SyncRun, archive: Cell[][]): void {
  if (!archive.length) return;
  const existing = run.snapshot.tabs[ARCHIVE_TAB.name];
  const { sheet, created } = ensureSheet(run.ss, ARCHIVE_TAB.name);
  const rows = created || !existing || existing.length === 0 ? [headersOf(ARCHIVE_TAB), ...archive] : archive;
  const start = created || !existing ? 1 : existing.length + 1;
  writeTable(sheet, rows, start, { width: ARCHIVE_TAB.columns.length, offsetMs: run.offsetMs });
  if (created) layoutNewTab(sheet, ARCHIVE_TAB);
}

/**
 * 3. Every division tab: renamed with its division, created whole, or changed by structural steps.
 * renewed: tabs created or renamed now, protected whatever their stamp says (a tab deleted by hand and
 * made anew has none).
 */
function applyTabs(
  run: SyncRun,
  locked: ReadonlySet<string>,
): { sheets: Map<string, Sheet>; renamed: Array<[string, string]>; renewed: Set<string> } {
  const { ss, plan, offsetMs } = run;
  const toCells = (row: readonly Cell[]) => row.map((c) => toSheet(c, offsetMs));
  const sheets = new Map<string, Sheet>();
  const renamed: Array<[string, string]> = [];
  const renewed = new Set<string>();
  for (const tab of plan.tabs) {
    const from = tab.renamedFrom;
    const old = from ? ss.getSheetByName(from) : null;
    let sheet: Sheet | null = null;
    let steps = tab.steps;
    if (from && old && !ss.getSheetByName(tab.tabName)) {
      // a renamed division keeps its tab (notes, formats, column widths, what is typed) under the new name
      sheet = old.setName(tab.tabName);
      renamed.push([from, tab.tabName]);
      renewed.add(tab.tabName);
    } else if (!tab.created) sheet = run.listed(tab.tabName);
    if (!sheet) {
      // no tab to change (a new division, or a snapshot handed in ahead of the sheet): nobody can type
      // in a tab that does not exist yet, so it is written whole and laid out
      const made = ensureSheet(ss, tab.tabName);
      sheet = made.sheet;
      writeTable(sheet, tab.values, 1, { clearBelow: true, width: DIVISION_TAB_COLUMNS.length, offsetMs });
      if (made.created) layoutNewTab(sheet, divisionTab(tab.tabName));
      renewed.add(tab.tabName);
      steps = [];
    }
    sheets.set(tab.tabName, sheet);
    applySteps(sheet, steps, toCells);
    // the rows it locked are gone: no lock may outlive sync (the division types in every kept row)
    if (locked.has(tab.tabName)) removeRowLocks(sheet, SYNC_MENU.lockDescription);
  }
  return { sheets, renamed, renewed };
}

/** 4. Tabs no division uses: removed only now that their rows are in the archive (or carried over). */
function removeOrphanTabs(run: SyncRun, renamed: ReadonlyArray<[string, string]>): void {
  const renamedAway = new Set(renamed.map(([f]) => f));
  for (const name of run.plan.orphanTabs) {
    if (renamedAway.has(name)) continue;
    const sheet = run.ss.getSheetByName(name);
    if (sheet) run.ss.deleteSheet(sheet);
  }
}

/**
 * 5. Protections and validations on every division tab; the milestones' division dropdown. They cost
 * ~40 calls a tab, so a tab whose protection inputs are what they were at the last sync (its editors,
 * the admins, its size, the schema) is left as it is; setup (force) re-applies everything. Returns the
 * stored public page's URL, read with the stamps (the dashboard shows it).
 */
function protectTabs(run: SyncRun, sheets: ReadonlyMap<string, Sheet>, renewed: ReadonlySet<string>): string {
  const { tracker, plan } = run;
  const admins = tracker.settings.admins;
  const divisionNames = tracker.divisions.map((d) => d.name).filter((n) => n !== '');
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperties();
  const stamps: Record<string, string> = {};
  const rules = { divisionNames, built: run.rules };
  const columnIndex = divisionColumnIndex();
  for (const tab of plan.tabs) {
    const sheet = sheets.get(tab.tabName) as Sheet;
    const division = tracker.divisions.find((d) => d.code === tab.divisionCode);
    const editors = division?.editors ?? [];
    const key = STAMP_PREFIX + tab.tabName;
    // forced (setup): everything is re-applied, so only the stamp after counts
    if (!run.force) {
      const stamp = protectionStamp(tab.tabName, editors, admins, sheet.getMaxRows());
      stamps[key] = stamp;
      if (!renewed.has(tab.tabName) && stored[key] === stamp) continue;
    }
    // what protectDivisionTab may have grown (a tab needs a body row to protect) is in the size it returns
    const maxRows = protectDivisionTab(sheet, columnIndex, editors, admins, run.me(), tab.tabName);
    applyColumnRules(sheet, divisionTab(tab.tabName), columnIndex, rules, maxRows);
    stamps[key] = protectionStamp(tab.tabName, editors, admins, maxRows);
  }
  if (Object.entries(stamps).some(([k, v]) => stored[k] !== v)) properties.setProperties(stamps);
  const milestones = run.listed(MILESTONES_TAB.name);
  if (milestones) {
    const table = readTable(run.snapshot, MILESTONES_TAB);
    const divisionColumn = MILESTONES_TAB.columns.filter((c) => c.type === 'division');
    applyColumnRules(milestones, { ...MILESTONES_TAB, columns: divisionColumn }, table.columnIndex, rules);
  }
  return stored[PUBLIC_URL_PROPERTY] ?? '';
}

/**
 * A tab's structural steps on the sheet. Deletes, moves and inserts change rows as wholes (an edit
 * landing meanwhile stays in its row); inserted rows are written whole in the same step (nobody can
 * have typed in them); updates write sync-owned cells only.
 */
function applySteps(
  sheet: Sheet,
  steps: SyncPlan['tabs'][number]['steps'],
  toCells: (r: readonly Cell[]) => unknown[],
): void {
  const deleted = steps.filter((s) => s.op === 'delete').reduce((n, s) => n + s.count, 0);
  // Sheets refuses to delete every row under the frozen header: keep one blank row
  if (deleted > 0) {
    const max = sheet.getMaxRows();
    if (deleted >= max - 1) sheet.insertRowsAfter(max, 1);
  }
  for (const step of steps) {
    if (step.op === 'delete') sheet.deleteRows(step.row, step.count);
    else if (step.op === 'header') {
      const max = sheet.getMaxColumns();
      const last = step.column + step.headers.length - 1;
      if (last > max) sheet.insertColumnsAfter(max, last - max);
      sheet.getRange(1, step.column, 1, step.headers.length).setValues([step.headers]);
    } else if (step.op === 'move') sheet.moveRows(sheet.getRange(step.row, 1, step.count, 1), step.to);
    else if (step.op === 'insert') {
      sheet.insertRowsAfter(step.after, step.rows.length);
      sheet.getRange(step.after + 1, 1, step.rows.length, step.rows[0].length).setValues(step.rows.map(toCells));
    } else
      sheet
        .getRange(step.row, step.column, step.values.length, step.values[0].length)
        .setValues(step.values.map(toCells));
  }
}

/** The lines the menu shows after a sync. */
export function syncSummary(result: SyncResult): string[] {
  const { plan, renamed } = result;
  if (result.refused.length)
    return [SYNC.refused, ...result.refused.map((p) => SYNC.problemAt(p.tab, p.cell, p.message))];
  const lines = plan.tabs.map((t) =>
    SYNC.tabSummary(t.tabName, t.entries.length, t.created && !renamed.some(([, to]) => to === t.tabName)),
  );
  for (const [from, to] of renamed) lines.push(SYNC_MENU.renamed(from, to));
  if (plan.archive.length) lines.push(SYNC.archivedSummary(plan.archive.length));
  for (const name of plan.orphanTabs) if (!renamed.some(([f]) => f === name)) lines.push(SYNC.orphanRemoved(name));
  for (const t of plan.tabs) if (t.extraHeaders.length) lines.push(SYNC.extraColumns(t.tabName, t.extraHeaders));
  return lines;
}

/** Menu "ปรับปรุงแท็บหน่วยงาน": holds the document lock so two admins cannot sync at once. */
export function menuSyncDivisionTabs(): void {
  const result = syncDivisionTabs(activeSpreadsheet());
  if (result.refused.length) showAlert(syncSummary(result).join('\n'));
  else if (result.parsed.tracker.divisions.length === 0) showAlert(SYNC_MENU.noDivisions);
  else showAlert(syncSummary(result).join('\n'), SYNC_MENU.title);
}
