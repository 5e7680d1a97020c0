// The division-tab plan: which rows each division's tab must hold (measures and milestones it is
// responsible for), merged by key with what the division already typed. Rows that no longer belong
// move to the archive with the reason; nothing a division typed is ever dropped.
import { type Cell, cellDateTime, cellText, isBlank } from './cells';
import { STATUS_LABEL, SYNC } from './messages';
import type { Division, DivisionEntry, Tracker } from './model';
import { entryObject, type RowObject, rowOf } from './rows';
import {
  ARCHIVE_TAB,
  type ColumnSpec,
  DIVISION_TAB_COLUMNS,
  divisionOwnedColumns,
  divisionOwnedKeys,
  divisionTab,
  FIXED_TABS,
  headersOf,
  isFixedTabName,
} from './schema';
import type { ParsedWorkbook, Table, TableRow, WorkbookSnapshot } from './workbook';
import { ownedFields, parseWorkbook, readTable } from './workbook';

/** What a row nobody has typed in shows in a division's own column: "not started" as its status, else blank. */
const untypedCell = (c: ColumnSpec): Cell => (c.type === 'status' ? STATUS_LABEL.not_started : null);

/** A division's own cells of a planned row, before anyone typed: one per owned column of the schema. */
const untypedOwned = (): Record<string, Cell> =>
  Object.fromEntries(divisionOwnedColumns().map((c) => [c.key, untypedCell(c)]));

export interface DivisionTabPlan {
  divisionCode: string;
  tabName: string;
  /** header row + one row per entry, in measure order */
  values: Cell[][];
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

const typedSomething = (row: TableRow): boolean => divisionOwnedKeys().some((k) => !isBlank(row.cells[k]));

/** A row as JSON keyed by header, so the archive keeps it whatever the columns become. */
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

function mergeTab(
  division: Division,
  planned: DivisionEntry[],
  table: Table | undefined,
  now: Date,
  archive: Cell[][],
): DivisionTabPlan {
  const tabName = division.name;
  const existing = new Map<string, TableRow>();
  // a carried-over (renamed) tab keeps its old name until this sync renames it
  const sourceTab = table?.spec.name ?? tabName;
  for (const row of table?.rows ?? []) {
    const key = cellText(row.cells.entryKey);
    const reason = key === '' ? SYNC.archiveNoKey : existing.has(key) ? SYNC.archiveDuplicate(key) : null;
    if (reason) {
      archive.push(archiveRow(sourceTab, row, reason, now));
      continue;
    }
    existing.set(key, row);
  }
  const entries = planned.map((p): DivisionEntry => {
    const row = existing.get(p.key);
    if (!row) return p;
    existing.delete(p.key);
    // every owned cell as typed, whatever its column (an unreadable status too); blank ones as planned
    const kept: Record<string, Cell> = {};
    for (const k of Object.keys(p.owned)) kept[k] = isBlank(row.cells[k]) ? p.owned[k] : row.cells[k];
    return { ...p, ...ownedFields(kept) };
  });
  const spec = divisionTab(tabName);
  const values: Cell[][] = [headersOf(spec), ...entries.map((e) => rowOf(spec, entryObject(e)))];
  for (const [key, row] of existing)
    if (typedSomething(row) || key) archive.push(archiveRow(sourceTab, row, SYNC.archiveNotResponsible(key), now));
  return { divisionCode: division.code, tabName, values, entries, created: !table?.present };
}

/**
 * Plans every division tab from the parsed workbook. `otherTabs` are the workbook's tab names, so that
 * division tabs left behind by a removed or renamed division are found and their rows archived.
 */
export function planSync(parsed: ParsedWorkbook, allTabs: Record<string, Table | undefined>, now: Date): SyncPlan {
  const { tracker, tables } = parsed;
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
    const plan = mergeTab(d, planned.get(d.code)!, from ?? tables.divisionTabs[d.code], now, archive);
    tabs.push(from ? { ...plan, created: true, renamedFrom: from.spec.name } : plan);
  }
  const carriedNames = new Set([...carried.values()].map((t) => t.spec.name));
  const orphanTabs: string[] = [];
  for (const [name, table] of orphans) {
    orphanTabs.push(name);
    if (!carriedNames.has(name))
      for (const row of table.rows) archive.push(archiveRow(name, row, SYNC.archiveDivisionGone(name), now));
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

/** Sync on a snapshot (the Node store and tests): division tabs rewritten, archive appended, orphan tabs removed. */
export function syncSnapshot(snapshot: WorkbookSnapshot, now: Date): { snapshot: WorkbookSnapshot; plan: SyncPlan } {
  const parsed = parseWorkbook(snapshot);
  const plan = planSync(parsed, divisionLikeTables(snapshot), now);
  const tabs: Record<string, Cell[][]> = {};
  for (const [name, values] of Object.entries(snapshot.tabs)) if (!plan.orphanTabs.includes(name)) tabs[name] = values;
  for (const t of plan.tabs) tabs[t.tabName] = t.values;
  if (plan.archive.length) {
    const existing = tabs[ARCHIVE_TAB.name] ?? [headersOf(ARCHIVE_TAB)];
    tabs[ARCHIVE_TAB.name] = [...existing, ...plan.archive];
  }
  return { snapshot: { tabs }, plan };
}
