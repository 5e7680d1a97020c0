// Columns added to the schema after trackers were made (an `optional` column, src/core/schema.ts): a header
// change is a migration. A fixed tab laid out before the column existed gets it as an inserted column —
// after the nearest column that precedes it in the schema, so the tab reads as the schema lays it out —
// and every cell from there on moves one column right with its column: no cell anybody wrote is
// rewritten. Setup (Apps Script, re-run) and `ita-tracker sync` (the CLI) apply the same list
// (docs/year-cycle.md). A tab with a missing required header (renamed, deleted) is left alone: the sync
// blockers name it.

import type { Cell } from './cells';
import { FIXED_TABS } from './schema';
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
