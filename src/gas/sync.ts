// Menu "ปรับปรุงแท็บหน่วยงาน": core plans every division tab (merge by key, archive what no longer
// belongs); this adapter only moves data. Service calls are O(tabs): one read per tab, one setValues
// per division tab (trailing rows blanked in the same write), one setValues for the archive.

import { offsetClock } from '../core/clock';
import { SYNC, SYNC_MENU } from '../core/messages';
import { ARCHIVE_TAB, DIVISION_TAB_COLUMNS, divisionTab, headersOf, MILESTONES_TAB } from '../core/schema';
import { type DivisionTabPlan, divisionLikeTables, planSync, type SyncPlan } from '../core/sync';
import { isoFromWallDate } from '../core/thai';
import { type ParsedWorkbook, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { activeSpreadsheet, runAction, showAlert, withDocumentLock } from './context';
import { PUBLIC_URL_PROPERTY, writeDashboard } from './dashboard';
import { applyColumnRules, layoutNewTab, protectDivisionTab } from './protect';
import { ensureSheet, readWorkbook, writeTable, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SyncResult {
  plan: SyncPlan;
  parsed: ParsedWorkbook;
  /** old tab name → new, for divisions that were renamed */
  renamed: Array<[string, string]>;
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

/**
 * Division tabs, protections, validations and the dashboard brought in line with the divisions and
 * measures. snapshot: the workbook already read (setup passes its own); now: the wall clock
 * (core's convention) for the archive's dates.
 */
export function syncDivisionTabs(
  ss: Spreadsheet,
  options: { snapshot?: WorkbookSnapshot; now?: Date; force?: boolean } = {},
): SyncResult {
  const offsetMs = zoneOffsetMs(ss);
  const snapshot = options.snapshot ?? readWorkbook(ss);
  const now = options.now ?? offsetClock(offsetMs).now();
  const parsed = parseWorkbook(snapshot);
  const plan = planSync(parsed, divisionLikeTables(snapshot), now);
  const { tracker } = parsed;
  const renamed: Array<[string, string]> = [];

  // 1. every division tab: one setValues each
  const sheets = new Map<string, Sheet>();
  /** tabs created or renamed now: protected whatever their stamp says (a tab deleted by hand and made anew has none) */
  const fresh = new Set<string>();
  for (const tab of plan.tabs) {
    const from = (tab as DivisionTabPlan & { renamedFrom?: string }).renamedFrom;
    let sheet: Sheet;
    let created = false;
    const old = from ? ss.getSheetByName(from) : null;
    if (from && old && !ss.getSheetByName(tab.tabName)) {
      // a renamed division keeps its tab (notes, formats, column widths) under the new name
      sheet = old.setName(tab.tabName);
      renamed.push([from, tab.tabName]);
    } else {
      const made = ensureSheet(ss, tab.tabName);
      sheet = made.sheet;
      created = made.created;
    }
    // the schema's columns only: a column a person added to the right keeps its cells (sync writes
    // rows in measure order, so such a column is theirs to keep in line; nothing in it is lost)
    writeTable(sheet, tab.values, 1, { clearBelow: true, width: DIVISION_TAB_COLUMNS.length, offsetMs });
    if (created) layoutNewTab(sheet, divisionTab(tab.tabName));
    if (created || from) fresh.add(tab.tabName);
    sheets.set(tab.tabName, sheet);
  }

  // 2. the archive: one setValues, appended under what is there (created with its header if missing)
  if (plan.archive.length) {
    const existing = snapshot.tabs[ARCHIVE_TAB.name];
    const { sheet, created } = ensureSheet(ss, ARCHIVE_TAB.name);
    const rows =
      created || !existing || existing.length === 0 ? [headersOf(ARCHIVE_TAB), ...plan.archive] : plan.archive;
    const start = created || !existing ? 1 : existing.length + 1;
    writeTable(sheet, rows, start, { width: ARCHIVE_TAB.columns.length, offsetMs });
    if (created) layoutNewTab(sheet, ARCHIVE_TAB);
  }

  // 3. tabs no division uses: removed only now that their rows are in the archive (or carried over)
  const renamedAway = new Set(renamed.map(([f]) => f));
  for (const name of plan.orphanTabs) {
    if (renamedAway.has(name)) continue;
    const sheet = ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }

  // 4. protections and validations on every division tab; the milestones' division dropdown.
  // They cost ~40 calls a tab, so a tab whose protection inputs are what they were at the last sync
  // (its editors, the admins, its size, the schema) is left as it is; setup re-applies everything.
  const admins = tracker.settings.admins;
  const divisionNames = tracker.divisions.map((d) => d.name).filter((n) => n !== '');
  const properties = PropertiesService.getDocumentProperties();
  const stored = properties.getProperties();
  const stamps: Record<string, string> = {};
  const me = Session.getEffectiveUser();
  const rules = { divisionNames, built: new Map() };
  const columnIndex = divisionColumnIndex();
  for (const tab of plan.tabs) {
    const sheet = sheets.get(tab.tabName) as Sheet;
    const division = tracker.divisions.find((d) => d.code === tab.divisionCode);
    const editors = division?.editors ?? [];
    const key = STAMP_PREFIX + tab.tabName;
    const stamp = protectionStamp(tab.tabName, editors, admins, sheet.getMaxRows());
    stamps[key] = stamp;
    if (!options.force && !fresh.has(tab.tabName) && stored[key] === stamp) continue;
    protectDivisionTab(sheet, columnIndex, editors, admins, me);
    applyColumnRules(sheet, divisionTab(tab.tabName), columnIndex, rules);
    // what protectDivisionTab may have grown (a tab needs a body row to protect)
    stamps[key] = protectionStamp(tab.tabName, editors, admins, sheet.getMaxRows());
  }
  if (Object.entries(stamps).some(([k, v]) => stored[k] !== v)) properties.setProperties(stamps);
  const milestones = ss.getSheetByName(MILESTONES_TAB.name);
  if (milestones) {
    const table = readTable(snapshot, MILESTONES_TAB);
    const divisionColumn = MILESTONES_TAB.columns.filter((c) => c.type === 'division');
    applyColumnRules(milestones, { ...MILESTONES_TAB, columns: divisionColumn }, table.columnIndex, { divisionNames });
  }

  // 5. the dashboard from the rows just written
  writeDashboard(
    ss,
    { ...tracker, entries: plan.tabs.flatMap((t) => t.entries) },
    { offsetMs, today: isoFromWallDate(now), publicUrl: stored[PUBLIC_URL_PROPERTY] ?? '' },
  );
  return { plan, parsed, renamed };
}

/** The lines the menu shows after a sync. */
export function syncSummary(result: SyncResult): string[] {
  const { plan, renamed } = result;
  const lines = plan.tabs.map((t) =>
    SYNC.tabSummary(t.tabName, t.entries.length, t.created && !renamed.some(([, to]) => to === t.tabName)),
  );
  for (const [from, to] of renamed) lines.push(SYNC_MENU.renamed(from, to));
  if (plan.archive.length) lines.push(SYNC.archivedSummary(plan.archive.length));
  for (const name of plan.orphanTabs) if (!renamed.some(([f]) => f === name)) lines.push(SYNC.orphanRemoved(name));
  return lines;
}

/** Menu "ปรับปรุงแท็บหน่วยงาน": holds the document lock so two admins cannot sync at once. */
export function menuSyncDivisionTabs(): void {
  runAction(SYNC_MENU.action, () =>
    withDocumentLock(SYNC_MENU.action, () => {
      const result = syncDivisionTabs(activeSpreadsheet());
      if (result.parsed.tracker.divisions.length === 0) showAlert(SYNC_MENU.noDivisions);
      else showAlert(syncSummary(result).join('\n'), SYNC_MENU.title);
    }),
  );
}
