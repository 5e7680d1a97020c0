// Columns added to the schema after trackers were made (an `optional` column, src/core/schema.ts): a header
// change is a migration. A fixed tab laid out before the column existed gets it as an inserted column —
// after the nearest column that precedes it in the schema, so the tab reads as the schema lays it out —
// and every cell from there on moves one column right with its column: no cell anybody wrote is
// rewritten. Setup (Apps Script, re-run) and `ita-tracker sync` (the CLI) apply the same list
// (docs/year-cycle.md). A tab with a missing required header (renamed, deleted) is left alone: the sync
// blockers name it.

import type { Cell } from './cells';
import { FIXED_TABS, SETTINGS, SETTINGS_TAB } from './schema';
import { readSettingsRows } from './settings-tab';
import { headerKey, readTable, type WorkbookSnapshot } from './workbook';

export interface ColumnInsert {
  tab: string;
  key: string;
  header: string;
  /** 0-based index the new column takes; the columns from it on move one to the right */
  at: number;
}

/** The optional columns the fixed tabs lack, in the order to insert them (each `at` counts the ones before). */
export function missingColumns(snapshot: WorkbookSnapshot): ColumnInsert[] {
  const out: ColumnInsert[] = [];
  for (const spec of FIXED_TABS) {
    const values = snapshot.tabs[spec.name];
    if (!values?.length) continue;
    const table = readTable(snapshot, spec);
    if (table.missingHeaders.length) continue;
    const header = (values[0] ?? []).map(headerKey);
    spec.columns.forEach((c, i) => {
      if (!c.optional || header.includes(headerKey(c.header))) return;
      const before = spec.columns
        .slice(0, i)
        .map((p) => header.indexOf(headerKey(p.header)))
        .filter((x) => x >= 0);
      let last = header.length;
      while (last > 0 && header[last - 1] === '') last--;
      // a header row with nothing in it is no layout to migrate
      if (!before.length && last === 0) return;
      const at = before.length ? Math.max(...before) + 1 : last;
      out.push({ tab: spec.name, key: c.key, header: c.header, at });
      header.splice(at, 0, headerKey(c.header));
    });
  }
  return out;
}

/** The snapshot as it reads once the columns are inserted (what setup goes on with, without reading again). */
export function withColumnInserts(snapshot: WorkbookSnapshot, inserts: readonly ColumnInsert[]): WorkbookSnapshot {
  if (!inserts.length) return snapshot;
  const tabs = { ...snapshot.tabs };
  for (const ins of inserts) {
    const values = (tabs[ins.tab] ?? []).map((row, r) => {
      if (r > 0 && row.length <= ins.at) return row;
      const out: Cell[] = [...row];
      while (out.length < ins.at) out.push(null);
      out.splice(ins.at, 0, r === 0 ? ins.header : null);
      return out;
    });
    tabs[ins.tab] = values;
  }
  return { tabs };
}

/**
 * Settings added to the schema after a tracker was made have no row in its settings tab: the admin has
 * nowhere to type them (กรอบการประเมิน ITA, กำหนดการ ITA ที่ประกาศแล้ว …). Each is appended below the
 * last row — key, label and help in their columns, the value left blank — so the tab reads exactly as
 * before (a blank value is the setting's default, as a missing row was). Setup and `ita-tracker sync`
 * append them; a settings tab without its key header is left to the sync blockers.
 */
export interface SettingRowsAppend {
  tab: string;
  /** 1-based row the first appended row goes to */
  startRow: number;
  rows: Cell[][];
  labels: string[];
}

export function missingSettingRows(snapshot: WorkbookSnapshot): SettingRowsAppend | null {
  const values = snapshot.tabs[SETTINGS_TAB.name];
  if (!values?.length) return null;
  const table = readTable(snapshot, SETTINGS_TAB);
  if (table.missingHeaders.length) return null;
  const present = readSettingsRows(table);
  const missing = SETTINGS.filter((s) => !(s.key in present));
  if (!missing.length) return null;
  const width = Math.max(values[0].length, ...Object.values(table.columnIndex).map((c) => c + 1));
  const at = (key: string) => table.columnIndex[key] ?? -1;
  let last = values.length;
  while (last > 1 && values[last - 1].every((c) => c === null || c === '')) last--;
  const rows = missing.map((s) => {
    const row: Cell[] = new Array(width).fill(null);
    row[at('settingKey')] = s.key;
    if (at('settingLabel') >= 0) row[at('settingLabel')] = s.label;
    if (at('settingHelp') >= 0) row[at('settingHelp')] = s.help;
    return row;
  });
  return { tab: SETTINGS_TAB.name, startRow: last + 1, rows, labels: missing.map((s) => s.label) };
}

/** The snapshot as it reads once the setting rows are appended. */
export function withSettingRows(snapshot: WorkbookSnapshot, append: SettingRowsAppend | null): WorkbookSnapshot {
  if (!append) return snapshot;
  const values = snapshot.tabs[append.tab].slice(0, append.startRow - 1);
  return { tabs: { ...snapshot.tabs, [append.tab]: [...values, ...append.rows] } };
}
