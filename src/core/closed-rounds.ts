// Closed rounds, read side: which rounds of a fiscal year are closed (they have rows in the snapshot tab),
// the tracker a closed round's report is built from (the snapshot's results, not today's cells), and the
// warnings `validate` gives where a division tab no longer says what was closed. The write side (close,
// reopen, rollover) is year-cycle.ts.

import type { Problem } from './cell-rules';
import { parseRound, parseStatus } from './cell-values';
import { a1, type Cell, cellInteger, cellText, idKey, isBlank } from './cells';
import { type Framework, frameworkOf, lastRound } from './framework';
import { YEAR_CYCLE } from './messages/year-cycle';
import { type DivisionEntry, ROUNDS, resultKeyFor, type Tracker } from './model';
import { ROUND_SNAPSHOT_TAB } from './schema';
import type { TableRow } from './table';
import type { Round } from './thai';
import { ownedFields, type ParsedWorkbook, readTable, type WorkbookSnapshot } from './workbook';

/** The snapshot rows of one closed round; none when the round is open (never closed, or reopened). */
export function closedRoundRows(snapshot: WorkbookSnapshot, fiscalYear: number, round: Round): TableRow[] {
  const table = readTable(snapshot, ROUND_SNAPSHOT_TAB);
  return table.rows.filter(
    (r) => cellInteger(r.cells.fiscalYear) === fiscalYear && parseRound(r.cells.round) === round,
  );
}

export const isRoundClosed = (snapshot: WorkbookSnapshot, fiscalYear: number, round: Round): boolean =>
  closedRoundRows(snapshot, fiscalYear, round).length > 0;

/** A snapshot row as the division's own cells of that round (status, the round's result, evidence). */
const ownedCellsOf = (row: TableRow, round: Round): Record<string, Cell> => ({
  status: row.cells.status,
  [resultKeyFor(round)]: row.cells.snapshotResult,
  evidenceUrl: row.cells.evidenceUrl,
});

/**
 * The tracker a round's report is built from: for a closed round, every division entry is the
 * snapshot's (so regenerating publishes the text that was closed); for an open round, the tracker as read.
 * Measures, divisions and settings are today's: a closed round freezes what the divisions reported.
 */
export function trackerForRound(
  snapshot: WorkbookSnapshot,
  tracker: Tracker,
  round: Round,
): { tracker: Tracker; closed: boolean } {
  const rows = closedRoundRows(snapshot, tracker.settings.fiscalYear, round);
  if (rows.length === 0) return { tracker, closed: false };
  const entries = rows.map((r): DivisionEntry => {
    const divisionCode = cellText(r.cells.divisionCode);
    const key = cellText(r.cells.entryKey);
    const current = tracker.entries.find((e) => e.divisionCode === divisionCode && e.key === key);
    const milestone = tracker.milestones.find((m) => m.id === key);
    const measureId = milestone ? milestone.measureId : key;
    return {
      divisionCode,
      key,
      kind: milestone ? 'milestone' : 'measure',
      measureId,
      area: current?.area ?? tracker.measures.find((m) => m.id === measureId)?.area ?? '',
      issue: current?.issue ?? '',
      task: current?.task ?? '',
      due: current?.due ?? null,
      ...ownedFields(ownedCellsOf(r, round)),
    };
  });
  return { tracker: { ...tracker, entries }, closed: true };
}

const sameText = (a: Cell | undefined, b: Cell | undefined): boolean =>
  cellText(a).replace(/\s+/g, ' ').trim() === cellText(b).replace(/\s+/g, ' ').trim();

/**
 * Warnings for the current fiscal year's closed rounds: a division tab's status, result or evidence that
 * differs from what was closed, at its cell. The report of that round keeps the closed value.
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
  return problems;
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
