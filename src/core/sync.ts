// The division-tab plan: which rows each division's tab must hold (measures and milestones it is
// responsible for), merged by key with what the division already typed. Rows that no longer belong
// move to the archive with the reason; nothing a division typed is ever dropped.
import { a1, type Cell, cellDateTime, cellText, isBlank } from './cells';
import { STATUS_LABEL, SYNC, SYNC_CLI, V } from './messages';
import type { Division, DivisionEntry, Tracker } from './model';
import { entryObject, type RowObject, rowOf } from './rows';
import {
  ARCHIVE_TAB,
  type ColumnSpec,
  DIVISION_TAB_COLUMNS,
  DIVISIONS_TAB,
  divisionOwnedColumns,
  divisionOwnedKeys,
  divisionTab,
  FIXED_TABS,
  headersOf,
  isFixedTabName,
  SETTINGS_TAB,
} from './schema';
import type { Problem } from './validate';
import type { ParsedWorkbook, Table, TableRow, WorkbookSnapshot } from './workbook';
import { columnsByHeader, headerKey, ownedFields, parseWorkbook, readTable } from './workbook';

/** What a row nobody has typed in shows in a division's own column: "not started" as its status, else blank. */
const untypedCell = (c: ColumnSpec): Cell => (c.type === 'status' ? STATUS_LABEL.not_started : null);

/** A division's own cells of a planned row, before anyone typed: one per owned column of the schema. */
const untypedOwned = (): Record<string, Cell> =>
  Object.fromEntries(divisionOwnedColumns().map((c) => [c.key, untypedCell(c)]));

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

export interface DivisionTabPlan {
  divisionCode: string;
  tabName: string;
  /** header row + one row per entry, in measure order (the schema's columns): what the tab holds after sync */
  values: Cell[][];
  /** for a tab that exists: how to get there without writing what a division owns */
  steps: TabStep[];
  /** snapshot rows (1-based) of the tab the steps start from that are archived then deleted, with why */
  removed: Array<{ row: number; reason: string | null }>;
  /** headers a person added beside the schema's (kept, never written) */
  extraHeaders: string[];
  entries: DivisionEntry[];
  /** the tab did not exist under this name */
  created: boolean;
  /** the division was renamed: its old tab's rows were carried over (the old tab is in orphanTabs) */
  renamedFrom?: string;
}

export interface SyncPlan {
  tabs: DivisionTabPlan[];
  /** rows for the archive tab, in its column order (no header) */
  archive: Cell[][];
  /** division-like tabs that no division uses any more: their rows are in `archive`, or carried over to a renamed division's tab */
  orphanTabs: string[];
}

/** An empty plan: what a refused sync did. */
export const NO_SYNC: SyncPlan = { tabs: [], archive: [], orphanTabs: [] };

/** Does the plan change anything at all? (Nothing to write when it does not.) */
export const planChanges = (plan: SyncPlan): boolean =>
  plan.archive.length > 0 || plan.orphanTabs.length > 0 || plan.tabs.some((t) => t.created || t.steps.length > 0);

/** The plan in Thai, one line per change (sync --dry-run, and the refusal's context). */
export function describePlan(plan: SyncPlan): string[] {
  const lines: string[] = [];
  for (const t of plan.tabs) {
    const what: string[] = [];
    if (t.renamedFrom) what.push(SYNC_CLI.stepRename(t.renamedFrom));
    if (t.created && !t.renamedFrom) what.push(SYNC_CLI.stepCreate(t.entries.length));
    for (const s of t.steps)
      what.push(
        s.op === 'delete'
          ? SYNC_CLI.stepDelete(s.row, s.count)
          : s.op === 'move'
            ? SYNC_CLI.stepMove(s.row, s.to)
            : s.op === 'insert'
              ? SYNC_CLI.stepInsert(s.after, s.rows.length)
              : s.op === 'header'
                ? SYNC_CLI.stepHeader(s.headers)
                : SYNC_CLI.stepUpdate(s.row, s.values.length),
      );
    for (const w of what.length ? what : [SYNC_CLI.noChange]) lines.push(SYNC_CLI.dryRunStep(t.tabName, w));
    if (t.extraHeaders.length) lines.push(SYNC.extraColumns(t.tabName, t.extraHeaders));
  }
  if (plan.archive.length) lines.push(SYNC.archivedSummary(plan.archive.length));
  for (const name of plan.orphanTabs)
    if (!plan.tabs.some((t) => t.renamedFrom === name)) lines.push(SYNC.orphanRemoved(name));
  return lines;
}

/** What a division must report on: every measure it is responsible for, each followed by its milestones. */
export function plannedEntries(
  tracker: Pick<Tracker, 'measures' | 'milestones' | 'settings'>,
  division: Division,
): DivisionEntry[] {
  const out: DivisionEntry[] = [];
  const roundDue = tracker.settings.roundDue[tracker.settings.currentRound];
  const blank = ownedFields(untypedOwned());
  for (const m of tracker.measures) {
    const responsible = m.responsibleCodes.includes(division.code);
    const milestones = tracker.milestones.filter(
      (ms) => ms.measureId === m.id && (ms.divisionCode === division.code || (ms.divisionCode === '' && responsible)),
    );
    if (responsible)
      out.push({
        ...blank,
        divisionCode: division.code,
        key: m.id,
        kind: 'measure',
        measureId: m.id,
        area: m.area,
        issue: m.issue,
        task: m.steps.join('\n'),
        due: roundDue,
      });
    for (const ms of milestones)
      out.push({
        ...blank,
        divisionCode: division.code,
        key: ms.id,
        kind: 'milestone',
        measureId: m.id,
        area: m.area,
        issue: m.issue,
        task: ms.task,
        due: ms.due,
      });
  }
  return out;
}

/** A table row as JSON keyed by the given columns (the year cycle archives its own tabs' rows with it). */
export function archiveRow(
  tabName: string,
  row: TableRow,
  reason: string,
  now: Date,
  columns: readonly ColumnSpec[] = DIVISION_TAB_COLUMNS,
): Cell[] {
  const obj: Record<string, string> = {};
  for (const c of columns) {
    const v = row.cells[c.key];
    if (!isBlank(v)) obj[c.header] = c.type === 'date' || c.type === 'datetime' ? cellDateTime(v) : cellText(v);
  }
  return rowOf(ARCHIVE_TAB, {
    archivedAt: now,
    archivedFrom: tabName,
    archivedKey: cellText(row.cells.entryKey),
    archivedReason: reason,
    archivedRow: JSON.stringify(obj),
  } as RowObject);
}

/**
 * A row as JSON keyed by header, so the archive keeps it whatever the columns become: every cell the
 * row has under a header, the schema's and any column a person added beside them.
 */
export function archiveRowOf(
  tabName: string,
  header: readonly Cell[],
  raw: readonly Cell[],
  reason: string,
  now: Date,
): Cell[] {
  const obj: Record<string, string> = {};
  const columns = columnsByHeader(tabName, header);
  let key = '';
  header.forEach((h, i) => {
    const v = raw[i];
    const name = cellText(h);
    if (columns[i]?.key === 'entryKey') key = cellText(v);
    if (isBlank(v) || name === '') return;
    const type = columns[i]?.type;
    obj[name] = type === 'date' || type === 'datetime' ? cellDateTime(v) : cellText(v);
  });
  return rowOf(ARCHIVE_TAB, {
    archivedAt: now,
    archivedFrom: tabName,
    archivedKey: key,
    archivedReason: reason,
    archivedRow: JSON.stringify(obj),
  } as RowObject);
}

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
function structuralSteps(
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

function mergeTab(
  division: Division,
  planned: DivisionEntry[],
  table: Table | undefined,
  raw: readonly Cell[][] | undefined,
  now: Date,
  archive: Cell[][],
): DivisionTabPlan {
  const tabName = division.name;
  const existing = new Map<string, TableRow>();
  // a carried-over (renamed) tab keeps its old name until this sync renames it
  const sourceTab = table?.spec.name ?? tabName;
  const header = raw?.[0] ?? [];
  const removed: DivisionTabPlan['removed'] = [];
  const toArchive = (row: TableRow, reason: string) => {
    archive.push(archiveRowOf(sourceTab, header, raw?.[row.row - 1] ?? [], reason, now));
    removed.push({ row: row.row, reason });
  };
  for (const row of table?.rows ?? []) {
    const key = cellText(row.cells.entryKey);
    const reason = key === '' ? SYNC.archiveNoKey : existing.has(key) ? SYNC.archiveDuplicate(key) : null;
    if (reason) toArchive(row, reason);
    else existing.set(key, row);
  }
  const keptRow = new Map<string, number>();
  const entries = planned.map((p): DivisionEntry => {
    const row = existing.get(p.key);
    if (!row) return p;
    existing.delete(p.key);
    keptRow.set(p.key, row.row);
    // every owned cell as typed, whatever its column (an unreadable status too); blank ones as planned
    const kept: Record<string, Cell> = {};
    for (const k of Object.keys(p.owned)) kept[k] = isBlank(row.cells[k]) ? p.owned[k] : row.cells[k];
    return { ...p, ...ownedFields(kept) };
  });
  const spec = divisionTab(tabName);
  const values: Cell[][] = [headersOf(spec), ...entries.map((e) => rowOf(spec, entryObject(e)))];
  for (const [key, row] of existing) toArchive(row, SYNC.archiveNotResponsible(key));
  // blank rows between the table's rows go too (nothing to archive): the tab ends as one block
  const used = new Set((table?.rows ?? []).map((r) => r.row));
  const lastUsed = Math.max(1, ...used);
  for (let r = 2; r < lastUsed; r++) if (!used.has(r)) removed.push({ row: r, reason: null });
  // what sync writes in a kept row is not the division's: their owned cells stay what they are now
  const renumbered = new Map<string, number>();
  const gone = removed.map((r) => r.row);
  for (const [key, at] of keptRow) renumbered.set(key, at - gone.filter((g) => g < at).length);
  const present = !!table?.present;
  let steps: TabStep[] = [];
  if (present && raw && table) {
    // a schema column the tab lacks gets its header after the last one (validation refused the tab
    // when that looks like a renamed header instead: see syncBlockers)
    const width = header.length;
    const added = table.spec.columns.filter((c) => table.columnIndex[c.key] < 0);
    const columnIndex = { ...table.columnIndex };
    added.forEach((c, i) => {
      columnIndex[c.key] = width + i;
    });
    const widened = raw.map((r, i) => (i === 0 ? [...r, ...added.map((c) => c.header)] : r));
    steps = [
      ...(added.length ? [{ op: 'header' as const, column: width + 1, headers: added.map((c) => c.header) }] : []),
      ...structuralSteps({ ...table, columnIndex }, widened, gone, entries, renumbered, keptRow),
    ];
  }
  const known = new Set(DIVISION_TAB_COLUMNS.map((c) => headerKey(c.header)));
  const extraHeaders = header.map(cellText).filter((h) => h !== '' && !known.has(headerKey(h)));
  return { divisionCode: division.code, tabName, values, entries, created: !present, steps, removed, extraHeaders };
}

/**
 * Plans every division tab from the parsed workbook. `otherTabs` are the workbook's tab names, so that
 * division tabs left behind by a removed or renamed division are found and their rows archived.
 */
export function planSync(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot, now: Date): SyncPlan {
  const { tracker, tables } = parsed;
  const allTabs: Record<string, Table | undefined> = divisionLikeTables(snapshot);
  const archive: Cell[][] = [];
  const tabs: DivisionTabPlan[] = [];
  // a division named like a fixed tab gets no tab (validation says why): its tab would overwrite that tab
  const divisions = tracker.divisions.filter(
    (d, i, all) => d.code && d.name && !isFixedTabName(d.name) && all.findIndex((o) => o.name === d.name) === i,
  );
  const names = new Set(divisions.map((d) => d.name));
  const orphans = Object.entries(allTabs).filter(
    (entry): entry is [string, Table] =>
      !names.has(entry[0]) && !!entry[1]?.present && entry[1].missingHeaders.length === 0,
  );
  const planned = new Map(divisions.map((d) => [d.code, plannedEntries(tracker, d)]));
  // A renamed division: its old tab is an orphan whose rows are the keys the division is planned to
  // hold. Carry that tab over (its typed values stay live) when exactly one orphan fits best.
  const carried = new Map<string, Table>();
  for (const d of divisions) {
    if (tables.divisionTabs[d.code]?.present) continue;
    const keys = new Set((planned.get(d.code) ?? []).map((e) => e.key));
    const scored = orphans
      .filter(([name]) => ![...carried.values()].some((t) => t.spec.name === name))
      .map(([, t]) => ({ t, overlap: t.rows.filter((r) => keys.has(cellText(r.cells.entryKey))).length }))
      .filter((x) => x.overlap > 0)
      .sort((a, b) => b.overlap - a.overlap);
    if (scored.length && (scored.length === 1 || scored[0].overlap > scored[1].overlap))
      carried.set(d.code, scored[0].t);
  }
  for (const d of divisions) {
    const from = carried.get(d.code);
    const table = from ?? tables.divisionTabs[d.code];
    const plan = mergeTab(d, planned.get(d.code) ?? [], table, snapshot.tabs[table?.spec.name ?? d.name], now, archive);
    tabs.push(from ? { ...plan, created: true, renamedFrom: from.spec.name } : plan);
  }
  const carriedNames = new Set([...carried.values()].map((t) => t.spec.name));
  const orphanTabs: string[] = [];
  for (const [name, table] of orphans) {
    orphanTabs.push(name);
    if (!carriedNames.has(name))
      for (const row of table.rows)
        archive.push(
          archiveRowOf(
            name,
            snapshot.tabs[name][0],
            snapshot.tabs[name][row.row - 1],
            SYNC.archiveDivisionGone(name),
            now,
          ),
        );
  }
  return { tabs, archive, orphanTabs };
}

/** Division-like tabs of a snapshot: every tab that is not one of the fixed tabs, read as a division tab. */
export function divisionLikeTables(snapshot: WorkbookSnapshot): Record<string, Table> {
  const fixed = new Set(FIXED_TABS.map((t) => t.name));
  const out: Record<string, Table> = {};
  for (const name of Object.keys(snapshot.tabs))
    if (!fixed.has(name)) out[name] = readTable(snapshot, divisionTab(name));
  return out;
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

/**
 * What makes a sync plan unsafe: a missing or renamed required tab or header (sync would read every
 * division row as unplanned and archive it), a division named like a fixed tab, a tab named like a
 * division or fixed tab but for invisible characters, a division tab with a renamed header (its
 * typed cells would not be found). Sync refuses, untouched, while any is there. Thai, with tab and cell.
 */
export function syncBlockers(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  // structural checks only (no cell rules): the same messages validation gives, at a fraction of its cost
  const out: Problem[] = [];
  const { tables } = parsed;
  const error = (tab: string, cell: string, code: Problem['code'], message: string) =>
    out.push({ tab, cell, severity: 'error', code, message });
  const known = new Set(DIVISION_TAB_COLUMNS.map((c) => headerKey(c.header)));
  const unknownHeaders = (tab: string) =>
    (snapshot.tabs[tab]?.[0] ?? []).map(cellText).filter((h) => h !== '' && !known.has(headerKey(h)));
  // required tabs: without one, every division row would look unplanned and be archived
  for (const t of [tables.settings, tables.divisions, tables.measures]) {
    if (!t.present) error(t.spec.name, '', 'missing-tab', V.missingTab(t.spec.name));
    else for (const h of t.missingHeaders) error(t.spec.name, '', 'missing-header', V.missingHeader(t.spec.name, h));
  }
  // milestones are optional, but a milestones tab with a renamed header would drop every milestone row
  if (tables.milestones.present)
    for (const h of tables.milestones.missingHeaders)
      error(tables.milestones.spec.name, '', 'missing-header', V.missingHeader(tables.milestones.spec.name, h));
  // a division named like a fixed tab: its tab would be that tab
  const nameColumn = tables.divisions.columnIndex.divisionName;
  if (nameColumn >= 0)
    for (const row of tables.divisions.rows) {
      const name = cellText(row.cells.divisionName);
      if (name && isFixedTabName(name))
        error(tables.divisions.spec.name, a1(nameColumn, row.row), 'reserved-tab-name', V.reservedTabName(name));
    }
  // a division tab lacking a schema column gets it added, unless a header there is one sync does not
  // know: then it is most likely that column renamed, and what is typed under it would be lost
  for (const t of Object.values(tables.divisionTabs))
    if (t.present && t.missingHeaders.length && unknownHeaders(t.spec.name).length)
      for (const h of t.missingHeaders) error(t.spec.name, '', 'missing-header', V.missingHeader(t.spec.name, h));
  out.push(...nearMissTabs(parsed, snapshot));
  return out;
}

/**
 * The blockers among the tabs a command read (Apps Script's remind reads settings, divisions,
 * milestones, the log and the division tabs, not the measures): a division tab with a renamed status
 * header would read every row as not started and send the wrong reminders.
 */
export function blockersAmongRead(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  const read = new Set([...Object.keys(snapshot.tabs), SETTINGS_TAB.name, DIVISIONS_TAB.name]);
  return syncBlockers(parsed, snapshot).filter((p) => read.has(p.tab));
}

/**
 * Tabs whose name differs from a division's or a fixed tab's only by spaces or invisible characters
 * ("กองคลัง " beside "กองคลัง", "ตั้งค่า " for the settings): read as nobody's, sync would archive and
 * delete them. Named, never renamed or dropped.
 */
export function nearMissTabs(parsed: ParsedWorkbook, snapshot: WorkbookSnapshot): Problem[] {
  const out: Problem[] = [];
  const wanted = [...FIXED_TABS.map((t) => t.name), ...parsed.tracker.divisions.map((d) => d.name).filter(Boolean)];
  for (const name of Object.keys(snapshot.tabs)) {
    if (wanted.includes(name)) continue;
    const like = wanted.find((w) => looseName(w) === looseName(name));
    if (like)
      out.push({ tab: name, cell: '', severity: 'error', code: 'missing-tab', message: SYNC.nearMissTab(name, like) });
  }
  return out;
}

/** A tab name as it looks: no surrounding or zero-width spaces, NFC, the sara am composed. */
const looseName = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A plan applied to a snapshot (the Node store and tests): each existing tab changed by its steps, new
 * tabs whole, the archive appended, orphan tabs removed. The snapshot may have changed since the plan
 * was made (someone typed meanwhile): the steps write no cell a division owns in a row that stays.
 */
export function applyPlan(snapshot: WorkbookSnapshot, plan: SyncPlan): WorkbookSnapshot {
  const tabs: Record<string, Cell[][]> = {};
  const carried = new Set(plan.tabs.map((t) => t.renamedFrom).filter(Boolean));
  for (const [name, values] of Object.entries(snapshot.tabs))
    if (!plan.orphanTabs.includes(name) && !carried.has(name)) tabs[name] = values;
  for (const t of plan.tabs) {
    const from = snapshot.tabs[t.renamedFrom ?? t.tabName];
    tabs[t.tabName] = t.created && !t.renamedFrom ? t.values : applySteps(from ?? [], t.steps);
  }
  if (plan.archive.length) {
    const existing = tabs[ARCHIVE_TAB.name] ?? [headersOf(ARCHIVE_TAB)];
    tabs[ARCHIVE_TAB.name] = [...existing, ...plan.archive];
  }
  return { tabs };
}

/** Sync on a snapshot: plan, then apply. */
export function syncSnapshot(snapshot: WorkbookSnapshot, now: Date): { snapshot: WorkbookSnapshot; plan: SyncPlan } {
  const plan = planSync(parseWorkbook(snapshot), snapshot, now);
  return { snapshot: applyPlan(snapshot, plan), plan };
}
