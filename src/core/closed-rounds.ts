// Closed rounds, read side: which rounds of a fiscal year are closed (they have rows in the snapshot tab),
// the tracker a closed round's report is built from (the snapshot's results, not today's cells), and the
// warnings `validate` gives where a division tab no longer says what was closed. The write side (close,
// reopen, rollover) is year-cycle.ts.

import type { Problem } from './cell-rules';
import { parseRound, parseStatus } from './cell-values';
import { a1, type Cell, cellInteger, cellText, idKey, isBlank } from './cells';
import { type Framework, frameworkForYear, frameworkOf, lastRound } from './framework';
import { YEAR_CYCLE } from './messages/year-cycle';
import { type DivisionEntry, type Measure, ROUNDS, resultKeyFor, type Tracker } from './model';
import { MEASURES_TAB, ROUND_LOG_TAB, ROUND_SNAPSHOT_TAB, snapshotMeasureKey } from './schema';
import type { Table, TableRow } from './table';
import type { Round } from './thai';
import { ownedFields, type ParsedWorkbook, parseMeasures, readTable, type WorkbookSnapshot } from './workbook';

/** The snapshot rows of one closed round; none when the round is open (never closed, or reopened). */
export function closedRoundRows(snapshot: WorkbookSnapshot, fiscalYear: number, round: Round): TableRow[] {
  const table = readTable(snapshot, ROUND_SNAPSHOT_TAB);
  return table.rows.filter(
    (r) => cellInteger(r.cells.fiscalYear) === fiscalYear && parseRound(r.cells.round) === round,
  );
}

/** The closed (fiscal year, round)s of the years before `fiscalYear`, newest first: what a past year's report is made of. */
export function closedRoundsBefore(
  snapshot: WorkbookSnapshot,
  fiscalYear: number,
): Array<{ year: number; round: Round }> {
  const seen = new Map<string, { year: number; round: Round }>();
  for (const r of readTable(snapshot, ROUND_SNAPSHOT_TAB).rows) {
    const year = cellInteger(r.cells.fiscalYear);
    const round = parseRound(r.cells.round);
    if (year !== null && round !== null && year < fiscalYear) seen.set(`${year}/${round}`, { year, round });
  }
  return [...seen.values()].sort((a, b) => b.year - a.year || b.round - a.round);
}

export const isRoundClosed = (snapshot: WorkbookSnapshot, fiscalYear: number, round: Round): boolean =>
  closedRoundRows(snapshot, fiscalYear, round).length > 0;

/** A snapshot row as the division's own cells of that round (status, the round's result, evidence). */
const ownedCellsOf = (row: TableRow, round: Round): Record<string, Cell> => ({
  status: row.cells.status,
  [resultKeyFor(round)]: row.cells.snapshotResult,
  evidenceUrl: row.cells.evidenceUrl,
});

/** The measures as the snapshot rows of a closed round keep them (rows closed before they did: none). */
function snapshotMeasures(rows: readonly TableRow[], divisions: Tracker['divisions']): Measure[] {
  const measureRows: TableRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const key = idKey(r.cells.entryKey);
    if (
      seen.has(key) ||
      MEASURES_TAB.columns.every((c) => c.key === 'measureId' || isBlank(r.cells[snapshotMeasureKey(c.key)]))
    )
      continue;
    seen.add(key);
    const cells: Record<string, Cell> = { measureId: r.cells.entryKey };
    for (const c of MEASURES_TAB.columns) if (c.key !== 'measureId') cells[c.key] = r.cells[snapshotMeasureKey(c.key)];
    measureRows.push({ row: r.row, cells });
  }
  const table: Table = { spec: MEASURES_TAB, present: true, columnIndex: {}, missingHeaders: [], rows: measureRows };
  return parseMeasures(table, divisions);
}

export interface ClosedRoundTracker {
  /** the tracker the report of (year, round) is built from */
  tracker: Tracker;
  /** the round is closed: its results (and, where kept, its measures) are the snapshot's */
  closed: boolean;
  /** what the report says about where its text comes from (Thai) */
  warnings: string[];
}

/**
 * The tracker the report of (year, round) is built from. For a closed round: the settings of that year
 * and round, every division entry from the snapshot (so regenerating publishes the text that was closed)
 * and the measures as the snapshot kept them at closing (a snapshot older than that: today's measures, with
 * a warning). For an open round of the current year: the tracker as read. Divisions are today's.
 */
export function closedRoundTracker(
  snapshot: WorkbookSnapshot,
  tracker: Tracker,
  year: number,
  round: Round,
): ClosedRoundTracker {
  const rows = closedRoundRows(snapshot, year, round);
  if (rows.length === 0) return { tracker, closed: false, warnings: [] };
  const kept = snapshotMeasures(rows, tracker.divisions);
  const keptIds = new Set(kept.map((m) => idKey(m.id)));
  const warnings: string[] = [];
  // measures no snapshot row keeps (closed before snapshots kept them): today's text of that id
  const today = tracker.measures.filter(
    (m) => !keptIds.has(idKey(m.id)) && rows.some((r) => idKey(r.cells.entryKey) === idKey(m.id)),
  );
  if (today.length) warnings.push(YEAR_CYCLE.snapshotWithoutMeasures(year, round, today.map((m) => m.id).join(', ')));
  const measures = [...kept, ...today];
  const entries = rows.map((r): DivisionEntry => {
    const divisionCode = cellText(r.cells.divisionCode);
    const key = cellText(r.cells.entryKey);
    const current = tracker.entries.find((e) => e.divisionCode === divisionCode && e.key === key);
    const measure = measures.find((m) => idKey(m.id) === idKey(key));
    const milestone = measure ? undefined : tracker.milestones.find((m) => idKey(m.id) === idKey(key));
    const measureId = measure?.id ?? milestone?.measureId ?? key;
    return {
      divisionCode,
      key: measure?.id ?? key,
      kind: measure || !milestone ? 'measure' : 'milestone',
      measureId,
      area: measure?.area ?? current?.area ?? '',
      issue: current?.issue ?? '',
      task: current?.task ?? '',
      due: current?.due ?? null,
      ...ownedFields(ownedCellsOf(r, round)),
    };
  });
  const settings = { ...tracker.settings, fiscalYear: year, currentRound: round };
  return { tracker: { ...tracker, settings, measures, entries }, closed: true, warnings };
}

/** The round a report of a year is of when none is asked: the current round this year, the year's last round before. */
export function reportRoundOf(settings: Tracker['settings'], year: number): Round {
  return year === settings.fiscalYear ? settings.currentRound : lastRound(frameworkForYear(settings, year));
}

/** The tracker a round of the current year's report is built from (closedRoundTracker of the settings' year). */
export function trackerForRound(
  snapshot: WorkbookSnapshot,
  tracker: Tracker,
  round: Round,
): { tracker: Tracker; closed: boolean } {
  const r = closedRoundTracker(snapshot, tracker, tracker.settings.fiscalYear, round);
  return r.closed ? { tracker: { ...r.tracker, settings: tracker.settings }, closed: true } : r;
}

const sameText = (a: Cell | undefined, b: Cell | undefined): boolean =>
  cellText(a).replace(/\s+/g, ' ').trim() === cellText(b).replace(/\s+/g, ' ').trim();

/** The closings on record in the log, per (year, round): the rows the last close wrote (null: not logged), unless reopened since. */
function closingsOnRecord(
  snapshot: WorkbookSnapshot,
): Map<string, { year: number; round: Round; rows: number | null }> {
  const out = new Map<string, { year: number; round: Round; rows: number | null }>();
  for (const r of readTable(snapshot, ROUND_LOG_TAB).rows) {
    const year = cellInteger(r.cells.fiscalYear);
    const round = parseRound(r.cells.round);
    if (year === null || round === null) continue;
    const action = cellText(r.cells.logAction);
    const key = `${year}/${round}`;
    if (action === YEAR_CYCLE.logClose) out.set(key, { year, round, rows: cellInteger(r.cells.logRows) });
    else if (action === YEAR_CYCLE.logReopen) out.delete(key);
  }
  return out;
}

/**
 * Snapshot rows deleted by hand (issue 26, class 8): a closing on record whose snapshot holds fewer rows
 * than it wrote, naming the snapshot tab, the year and the round. Validate warns; the report of that
 * (year, round) is refused (severity 'error' when asked with `only`).
 */
export function snapshotRowsMissing(snapshot: WorkbookSnapshot, only?: { year: number; round: Round }): Problem[] {
  const problems: Problem[] = [];
  for (const c of closingsOnRecord(snapshot).values()) {
    if (only && (only.year !== c.year || only.round !== c.round)) continue;
    const left = closedRoundRows(snapshot, c.year, c.round).length;
    if (c.rows === null ? left > 0 : left >= c.rows) continue;
    problems.push({
      tab: ROUND_SNAPSHOT_TAB.name,
      cell: '',
      severity: only ? 'error' : 'warning',
      code: 'closed-round-rows-missing',
      message: YEAR_CYCLE.snapshotRowsMissing(c.year, c.round, c.rows, left),
    });
  }
  return problems;
}

/**
 * Warnings for the closed rounds: a division tab's status, result or evidence of the current year that
 * differs from what was closed, at its cell (the report of that round keeps the closed value), and snapshot
 * rows deleted by hand (snapshotRowsMissing).
 */
export function closedRoundDrift(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook): Problem[] {
  const { tracker, tables } = parsed;
  const fy = tracker.settings.fiscalYear;
  const problems: Problem[] = [];
  for (const round of [6, 12] as const) {
    for (const snap of closedRoundRows(snapshot, fy, round)) {
      const table = tables.divisionTabs[cellText(snap.cells.divisionCode)];
      if (!table?.present) continue;
      const key = idKey(snap.cells.entryKey);
      const row = table.rows.find((r) => idKey(r.cells.entryKey) === key);
      if (!row) continue;
      const resultKey = resultKeyFor(round);
      const pairs: Array<[string, Cell, boolean]> = [
        ['status', snap.cells.status, parseStatus(row.cells.status) === parseStatus(snap.cells.status)],
        [resultKey, snap.cells.snapshotResult, sameText(row.cells[resultKey], snap.cells.snapshotResult)],
        ['evidenceUrl', snap.cells.evidenceUrl, sameText(row.cells.evidenceUrl, snap.cells.evidenceUrl)],
      ];
      for (const [column, was, same] of pairs) {
        const ci = table.columnIndex[column];
        if (same || ci < 0) continue;
        problems.push({
          tab: table.spec.name,
          cell: a1(ci, row.row),
          severity: 'warning',
          code: 'closed-round-changed',
          message: YEAR_CYCLE.drift(fy, round, key, isBlank(was) ? '' : cellText(was)),
        });
      }
    }
  }
  return [...problems, ...snapshotRowsMissing(snapshot)];
}

/** Where a year stands: which rounds are closed, whether the year is, and what is left open. */
export interface YearStatus {
  fiscalYear: number;
  framework: Framework;
  /** closed rounds, in order */
  closed: Round[];
  /** the framework's last round is closed: the next year can start */
  yearClosed: boolean;
  /** the round that closes the year */
  last: Round;
  /** rounds before the last that the year used (a result typed or a report in the register) and did not close */
  openUsed: Round[];
}

/** A round the year used: a division typed a result for it, or its report is in the register. */
function roundUsed(tracker: Tracker, fy: number, round: Round): boolean {
  const key = resultKeyFor(round);
  return (
    tracker.entries.some((e) => e[key].trim() !== '') ||
    tracker.reports.some((r) => r.kind !== 'plan' && r.fiscalYear === fy && r.round === round)
  );
}

/** The year's status by its framework: closing the last round closes the year. */
export function yearStatus(snapshot: WorkbookSnapshot, tracker: Tracker): YearStatus {
  const fy = tracker.settings.fiscalYear;
  const framework = frameworkOf(tracker.settings);
  const last = lastRound(framework);
  const closed = ROUNDS.filter((r) => isRoundClosed(snapshot, fy, r));
  const openUsed = ROUNDS.filter((r) => r < last && !closed.includes(r) && roundUsed(tracker, fy, r));
  return { fiscalYear: fy, framework, closed, yearClosed: closed.includes(last), last, openUsed };
}

/** The one sentence close-round and rollover both give about what remains of the year. */
export function yearStatusText(status: YearStatus): string {
  const fy = String(status.fiscalYear);
  const warn = status.openUsed.map((r) => YEAR_CYCLE.openRoundWarning(fy, String(r))).join(' ');
  const main = status.yearClosed ? YEAR_CYCLE.yearClosed(fy) : YEAR_CYCLE.yearOpen(fy, String(status.last));
  return warn ? `${main} ${warn}` : main;
}
