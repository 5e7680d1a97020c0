// An imported report applied to a workbook: settings from its title, its divisions added, its measures
// in place of the old ones, division tabs re-synced (typed values kept, the rest archived), and each
// imported result filled into the division's row where nothing was typed yet.

import { parseStatus } from './cell-values';
import { type Cell, cellText, idKey, isBlank } from './cells';
import type { ImportResult } from './importer';
import { STATUS_LABEL } from './messages/tabs-headers';
import { type Measure, resultKeyFor } from './model';
import { divisionObject, measureObject, rowOf, settingsObjects, tableOf } from './rows';
import { DIVISIONS_TAB, divisionTab, headersOf, MEASURES_TAB, SETTINGS_TAB } from './schema';
import { type SyncPlan, syncSnapshot } from './sync';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from './workbook';

export interface ImportApplied {
  snapshot: WorkbookSnapshot;
  plan: SyncPlan;
  /** results written into division tabs */
  resultsFilled: number;
  /** results not written because the division had already typed something there */
  resultsKept: number;
}

/** The divisions a report should be matched against: those the workbook already has. */
export const workbookDivisions = (snapshot: WorkbookSnapshot) => parseDivisions(readTable(snapshot, DIVISIONS_TAB));

export function applyImport(snapshot: WorkbookSnapshot, imported: ImportResult, now: Date): ImportApplied {
  const tabs: Record<string, Cell[][]> = { ...snapshot.tabs };

  // settings: the report's title wins for what it states; everything else stays
  const settingsTable = readTable(snapshot, SETTINGS_TAB);
  const current: Record<string, Cell> = {};
  for (const r of settingsTable.rows) current[cellText(r.cells.settingKey)] = r.cells.settingValue;
  const stated: Record<string, Cell> = {};
  if (imported.agencyName) stated.agencyName = imported.agencyName;
  if (imported.district) stated.district = imported.district;
  if (imported.province) stated.province = imported.province;
  if (imported.fiscalYear) stated.fiscalYear = imported.fiscalYear;
  if (imported.round) stated.currentRound = imported.round;
  tabs[SETTINGS_TAB.name] =
    settingsInPlace(snapshot, stated) ?? tableOf(SETTINGS_TAB, settingsObjects({ ...current, ...stated }));

  // divisions: existing rows kept as they are, new names appended
  const existing = workbookDivisions(snapshot);
  const added = imported.divisions.filter((d) => !existing.some((e) => e.code === d.code));
  const divisionRows = snapshot.tabs[DIVISIONS_TAB.name]?.length
    ? snapshot.tabs[DIVISIONS_TAB.name]
    : [headersOf(DIVISIONS_TAB)];
  tabs[DIVISIONS_TAB.name] = [...divisionRows, ...added.map((d) => rowOf(DIVISIONS_TAB, divisionObject(d)))];

  tabs[MEASURES_TAB.name] = measuresInPlace(snapshot, imported.measures);

  const synced = syncSnapshot({ tabs }, now);
  const round = imported.round ?? parseWorkbook(synced.snapshot).tracker.settings.currentRound;
  const resultKey = resultKeyFor(round);
  let resultsFilled = 0;
  let resultsKept = 0;
  for (const result of imported.results) {
    const plan = synced.plan.tabs.find((t) => t.divisionCode === result.divisionCode);
    if (!plan || !result.text) continue;
    const table = readTable(synced.snapshot, divisionTab(plan.tabName));
    const row = table.rows.find((r) => cellText(r.cells.entryKey) === result.measureId);
    if (!row) continue;
    const values = synced.snapshot.tabs[plan.tabName][row.row - 1];
    const resultCol = table.columnIndex[resultKey];
    const statusCol = table.columnIndex.status;
    // never overwrite what a division typed
    if (!isBlank(values[resultCol])) {
      resultsKept++;
      continue;
    }
    values[resultCol] = result.text;
    if (parseStatus(values[statusCol]) === 'not_started') values[statusCol] = STATUS_LABEL.done;
    resultsFilled++;
  }
  return { snapshot: synced.snapshot, plan: synced.plan, resultsFilled, resultsKept };
}

/**
 * The measures tab holding the imported measures, in the tab's own layout: a measure the tab already
 * has (same id, letter case aside) keeps its row's other cells — an admin's formula or link in a column
 * the schema does not know — and only the cells the report states take its values; a new measure is a
 * row of those. The header row stays as it is. A tab without the schema's headers is written afresh.
 */
function measuresInPlace(snapshot: WorkbookSnapshot, measures: readonly Measure[]): Cell[][] {
  const rows = snapshot.tabs[MEASURES_TAB.name];
  const table = readTable(snapshot, MEASURES_TAB);
  if (!rows?.length || table.missingHeaders.length) return tableOf(MEASURES_TAB, measures.map(measureObject));
  const existing = new Map<string, readonly Cell[]>();
  for (const r of table.rows) {
    const k = idKey(r.cells.measureId);
    if (!existing.has(k)) existing.set(k, rows[r.row - 1] ?? []);
  }
  const out: Cell[][] = [[...rows[0]]];
  for (const m of measures) {
    const stated = measureObject(m);
    const row: Cell[] = [...(existing.get(idKey(m.id)) ?? [])];
    for (const c of MEASURES_TAB.columns) {
      if (!(c.key in stated)) continue;
      const v = stated[c.key];
      row[table.columnIndex[c.key]] = v === undefined || v === '' ? null : v;
    }
    out.push(Array.from(row, (v) => v ?? null));
  }
  return out;
}

/**
 * The settings tab with the report's stated values written into their rows' value cells, every other
 * cell (help texts, an admin's notes, the rows' order) as it is; null when a stated setting has no row
 * yet or the tab lacks its headers (then the tab is written from the settings, as for a new workbook).
 */
function settingsInPlace(snapshot: WorkbookSnapshot, stated: Record<string, Cell>): Cell[][] | null {
  const rows = snapshot.tabs[SETTINGS_TAB.name];
  const table = readTable(snapshot, SETTINGS_TAB);
  if (!rows?.length || table.missingHeaders.length) return null;
  const out = rows.map((r) => [...r]);
  for (const [key, value] of Object.entries(stated)) {
    const r = table.rows.find((row) => cellText(row.cells.settingKey) === key);
    if (!r) return null;
    out[r.row - 1][table.columnIndex.settingValue] = value;
  }
  return out;
}
