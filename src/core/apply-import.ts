// An imported report applied to a workbook: settings from its title, its divisions added, its measures
// in place of the old ones, division tabs re-synced (typed values kept, the rest archived), and each
// imported result filled into the division's row where nothing was typed yet.

import { parseStatus } from './cell-values';
import { type Cell, cellText, isBlank } from './cells';
import type { ImportResult } from './importer';
import { STATUS_LABEL } from './messages/tabs-headers';
import { resultKeyFor } from './model';
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
  tabs[SETTINGS_TAB.name] = tableOf(SETTINGS_TAB, settingsObjects({ ...current, ...stated }));

  // divisions: existing rows kept as they are, new names appended
  const existing = workbookDivisions(snapshot);
  const added = imported.divisions.filter((d) => !existing.some((e) => e.code === d.code));
  const divisionRows = snapshot.tabs[DIVISIONS_TAB.name]?.length
    ? snapshot.tabs[DIVISIONS_TAB.name]
    : [headersOf(DIVISIONS_TAB)];
  tabs[DIVISIONS_TAB.name] = [...divisionRows, ...added.map((d) => rowOf(DIVISIONS_TAB, divisionObject(d)))];

  tabs[MEASURES_TAB.name] = tableOf(MEASURES_TAB, imported.measures.map(measureObject));

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
