// The division-tab plan: which rows each division's tab must hold (measures and milestones it is
// responsible for), merged by key with what the division already typed. Rows that no longer belong
// move to the archive with the reason; nothing a division typed is ever dropped.
import { type Cell, cellDateTime, cellText, idKey, isBlank } from './cells';
import { SYNC, SYNC_CLI } from './messages/sync';
import { STATUS_LABEL } from './messages/tabs-headers';
import type { Division, DivisionEntry, Milestone, Tracker } from './model';
import { entryObject, type RowObject, rowOf } from './rows';
import {
  ARCHIVE_TAB,
  type ColumnSpec,
  DIVISION_TAB_COLUMNS,
  divisionOwnedColumns,
  divisionTab,
  FIXED_TABS,
  headersOf,
  isFixedTabName,
} from './schema';
import { applySteps, structuralSteps, type TabStep } from './sync-steps';
import type { Table, TableRow } from './table';
import type { ParsedWorkbook, WorkbookSnapshot } from './workbook';
import { columnsByHeader, headerKey, ownedFields, parseWorkbook, readTable } from './workbook';

// the steps and the blockers live apart; importers keep reading them from here

/** What a row nobody has typed in shows in a division's own column: "not started" as its status, else blank. */
const untypedCell = (c: ColumnSpec): Cell => (c.type === 'status' ? STATUS_LABEL.not_started : null);

/** A division's own cells of a planned row, before anyone typed: one per owned column of the schema. */
const untypedOwned = (): Record<string, Cell> =>
  Object.fromEntries(divisionOwnedColumns().map((c) => [c.key, untypedCell(c)]));

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
  // each measure's milestones in the tab's order, grouped once (not a search of every milestone per measure)
  const byMeasure = new Map<string, Milestone[]>();
  for (const ms of tracker.milestones) {
    const list = byMeasure.get(ms.measureId);
    if (list) list.push(ms);
    else byMeasure.set(ms.measureId, [ms]);
  }
  for (const m of tracker.measures) {
    const responsible = m.responsibleCodes.includes(division.code);
    const milestones = (byMeasure.get(m.id) ?? []).filter(
      (ms) => ms.divisionCode === division.code || (ms.divisionCode === '' && responsible),
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
  // keys compare as ids do everywhere (idKey: no letter case, no invisible characters): a row typed
  // "eit-01" is EIT-01's row, kept, and its key cell written back as the measures tab spells it
  for (const row of table?.rows ?? []) {
    const key = idKey(row.cells.entryKey);
    const typed = cellText(row.cells.entryKey);
    const reason = key === '' ? SYNC.archiveNoKey : existing.has(key) ? SYNC.archiveDuplicate(typed) : null;
    if (reason) toArchive(row, reason);
    else existing.set(key, row);
  }
  const keptRow = new Map<string, number>();
  const entries = planned.map((p): DivisionEntry => {
    const row = existing.get(idKey(p.key));
    if (!row) return p;
    existing.delete(idKey(p.key));
    keptRow.set(p.key, row.row);
    // every owned cell as typed, whatever its column (an unreadable status too); blank ones as planned
    const kept: Record<string, Cell> = {};
    for (const k of Object.keys(p.owned)) kept[k] = isBlank(row.cells[k]) ? p.owned[k] : row.cells[k];
    return { ...p, ...ownedFields(kept) };
  });
  const spec = divisionTab(tabName);
  const values: Cell[][] = [headersOf(spec), ...entries.map((e) => rowOf(spec, entryObject(e)))];
  for (const row of existing.values()) toArchive(row, SYNC.archiveNotResponsible(cellText(row.cells.entryKey)));
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
    const keys = new Set((planned.get(d.code) ?? []).map((e) => idKey(e.key)));
    const scored = orphans
      .filter(([name]) => ![...carried.values()].some((t) => t.spec.name === name))
      .map(([, t]) => ({ t, overlap: t.rows.filter((r) => keys.has(idKey(r.cells.entryKey))).length }))
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
