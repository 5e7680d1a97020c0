// Why apart: the row-level steps (and applying them to values) are mechanics the plan only calls.
import { type Cell, cellText, isBlank } from './cells';
import type { DivisionEntry } from './model';
import { entryObject } from './rows';
import { type ColumnSpec, DIVISION_TAB_COLUMNS, divisionOwnedKeys } from './schema';
import type { Table } from './table';

/** One structural change to an existing division tab (1-based rows, valid when the step runs). */
export type TabStep =
  /** rows removed: their values are in the archive first */
  | { op: 'delete'; row: number; count: number }
  /** Sheet.moveRows semantics: `to` is the destination counted before the move */
  | { op: 'move'; row: number; count: number; to: number }
  /** new rows inserted after `after`, written whole (the tab's width, its columns' order) */
  | { op: 'insert'; after: number; rows: Cell[][] }
  /** sync-owned cells only, from `column` (1-based) */
  | { op: 'update'; row: number; column: number; values: Cell[][] }
  /** headers of schema columns the tab does not have yet (a column added to the schema), in row 1 from `column` */
  | { op: 'header'; column: number; headers: string[] };

/** Two cells as a sheet shows them: blank is blank, dates by instant, the rest by text. */
const sameCell = (a: Cell | undefined, b: Cell | undefined): boolean => {
  if (isBlank(a) && isBlank(b)) return true;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return cellText(a) === cellText(b) && typeof a === typeof b;
};

/** The columns sync writes in an existing row: every division-tab column that is not the division's own. */
export const syncOwnedColumns = (): ColumnSpec[] => {
  const owned = new Set(divisionOwnedKeys());
  return DIVISION_TAB_COLUMNS.filter((c) => !owned.has(c.key));
};

/** Indices in increasing order whose values form a longest increasing run (the rows a reorder leaves in place). */
function longestIncreasing(xs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(xs.length).fill(-1);
  for (let i = 0; i < xs.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tails[mid]] < xs[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) out.add(i);
  return out;
}

/**
 * The structural steps that turn an existing division tab into its planned rows without writing a
 * cell the division owns in a row that stays: rows removed (archived first), kept rows moved into
 * measure order, new rows inserted whole, and sync-owned cells written only where they differ.
 * Row numbers are 1-based and valid at the moment each step runs, steps in order.
 */
export function structuralSteps(
  table: Table,
  values: readonly Cell[][],
  removedRows: readonly number[],
  entries: DivisionEntry[],
  keptRow: Map<string, number>,
  snapshotRow: Map<string, number>,
): TabStep[] {
  const steps: TabStep[] = [];
  const width = Math.max(values[0]?.length ?? 0, 1);
  // 1. removals, bottom-up so each row number is still the snapshot's; runs of adjacent rows at once
  const removed = [...removedRows].sort((a, b) => b - a);
  for (let i = 0; i < removed.length; ) {
    let j = i;
    while (j + 1 < removed.length && removed[j + 1] === removed[j] - 1) j++;
    steps.push({ op: 'delete', row: removed[j], count: j - i + 1 });
    i = j + 1;
  }
  // rows that stay (keptRow: where each is once the removals are done), in their order on the sheet
  const plannedIndex = new Map(entries.map((e, i) => [e.key, i]));
  const cur = [...keptRow.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  // 2. moves: rows off the longest run already in measure order go right after their predecessor
  const desired = entries.map((e) => e.key).filter((k) => keptRow.has(k));
  const stable = longestIncreasing(cur.map((k) => plannedIndex.get(k) as number));
  const stableKeys = new Set([...stable].map((i) => cur[i]));
  for (let i = 0; i < desired.length; i++) {
    const key = desired[i];
    if (stableKeys.has(key)) continue;
    const from = cur.indexOf(key);
    const target = i === 0 ? 0 : cur.indexOf(desired[i - 1]) + 1; // before-move position
    if (target === from || target === from + 1) continue;
    steps.push({ op: 'move', row: from + 2, count: 1, to: target + 2 });
    cur.splice(from, 1);
    cur.splice(target > from ? target - 1 : target, 0, key);
  }
  // 3. new rows, top-down: everything above a run is in its final place already
  const ci = table.columnIndex;
  const fullRow = (e: DivisionEntry): Cell[] => {
    const obj = entryObject(e) as Record<string, Cell>;
    const out: Cell[] = new Array(width).fill(null);
    for (const c of DIVISION_TAB_COLUMNS) if (ci[c.key] >= 0) out[ci[c.key]] = obj[c.key] ?? null;
    return out;
  };
  for (let i = 0; i < entries.length; ) {
    if (keptRow.has(entries[i].key)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < entries.length && !keptRow.has(entries[j + 1].key)) j++;
    steps.push({ op: 'insert', after: i + 1, rows: entries.slice(i, j + 1).map(fullRow) });
    i = j + 1;
  }
  // 4. sync-owned cells of kept rows that differ: one block per run of adjacent sync-owned columns
  const syncCols = syncOwnedColumns()
    .map((c) => ({ key: c.key, at: ci[c.key] }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  const runs: (typeof syncCols)[] = [];
  for (const c of syncCols) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].at === c.at - 1) last.push(c);
    else runs.push([c]);
  }
  for (const run of runs) {
    let first = -1;
    let lastRow = -1;
    entries.forEach((e, i) => {
      const at = snapshotRow.get(e.key);
      if (at === undefined) return;
      const obj = entryObject(e) as Record<string, Cell>;
      const raw = values[at - 1] ?? [];
      if (run.some((c) => !sameCell(raw[c.at], obj[c.key]))) {
        if (first < 0) first = i;
        lastRow = i;
      }
    });
    if (first < 0) continue;
    const block = entries.slice(first, lastRow + 1).map((e) => {
      const obj = entryObject(e) as Record<string, Cell>;
      return run.map((c) => obj[c.key] ?? null);
    });
    steps.push({ op: 'update', row: first + 2, column: run[0].at + 1, values: block });
  }
  return steps;
}

/** The steps of one tab applied to its values (the Node store and tests; Apps Script applies them to the sheet). */
export function applySteps(values: readonly Cell[][], steps: readonly TabStep[]): Cell[][] {
  const rows = values.map((r) => [...r]);
  for (const step of steps) {
    if (step.op === 'delete') rows.splice(step.row - 1, step.count);
    else if (step.op === 'move') {
      const moved = rows.splice(step.row - 1, step.count);
      const to = step.to - 1;
      rows.splice(to > step.row - 1 ? to - step.count : to, 0, ...moved);
    } else if (step.op === 'insert') rows.splice(step.after, 0, ...step.rows.map((r) => [...r]));
    else if (step.op === 'update')
      step.values.forEach((block, i) => {
        const row = (rows[step.row - 1 + i] ??= []);
        block.forEach((v, j) => {
          row[step.column - 1 + j] = v;
        });
      });
    else {
      const header = (rows[0] ??= []);
      step.headers.forEach((h, j) => {
        header[step.column - 1 + j] = h;
      });
    }
  }
  return rows;
}
