// Year over year, write side: close a round (snapshot its results, move the current round on), reopen it
// (recorded with who and why), and start the next fiscal year in the same workbook. Each operation takes
// the workbook's values and returns the new values of the tabs it changes: the Node store writes the
// whole snapshot, Apps Script writes only the changed tabs (one setValues each). Nothing is ever dropped:
// what a division typed goes to the archive before it is cleared.

import type { Problem } from './cell-rules';
import { type Cell, cellDate, cleanText, idKey, isBlank } from './cells';
import { closedRoundRows, snapshotRowsMissing, yearStatus, yearStatusText } from './closed-rounds';
import { frameworkOf, presetForYear, publishesRound, roundDueIso } from './framework';
import { STATUS_LABEL } from './messages/tabs-headers';
import { formatProblem } from './messages/validation';
import { YEAR_CYCLE } from './messages/year-cycle';
import { resultKeyFor } from './model';
import {
  ARCHIVE_TAB,
  divisionOwnedColumns,
  headersOf,
  MEASURES_TAB,
  MILESTONES_TAB,
  ROUND_LOG_TAB,
  ROUND_SNAPSHOT_TAB,
  SETTINGS,
  SETTINGS_TAB,
  snapshotMeasureKey,
  type TabSpec,
} from './schema';
import { readSettingsRows } from './settings-tab';
import { archiveRow } from './sync';
import { divisionTabMismatch } from './sync-blockers';
import { BE_YEAR_THRESHOLD, isoOf, parseIso, type Round, wallDateFromIso } from './thai';
import { validateParsed } from './validate';
import { headerKey, type ParsedWorkbook, parseWorkbook, readTable, type WorkbookSnapshot } from './workbook';

export interface YearCycleChange {
  /** the whole workbook after the operation (tabs not changed are the same arrays) */
  snapshot: WorkbookSnapshot;
  /** the tabs whose values changed, to write back */
  changedTabs: string[];
  /** what to tell the user (Thai) */
  message: string;
}

export type YearCycleResult =
  | ({ ok: true } & YearCycleChange)
  | {
      ok: false;
      message: string;
      /** blocking problems, when that is why */
      problems?: Problem[];
      /** rollover only: the rounds still open, so a UI can offer to force */
      openRounds?: Round[];
    };

export interface Actor {
  /** the agency's wall clock (core's convention) */
  now: Date;
  /** who acts: an e-mail in Apps Script, the OS user or "ita-tracker" offline */
  by: string;
}

/** Errors that make a whole-workbook change unsafe: a tab or header it must find is missing, or a division's tab would be a fixed tab. */
const UNSAFE_CODES: ReadonlySet<Problem['code']> = new Set(['missing-tab', 'missing-header', 'reserved-tab-name']);

/**
 * The errors on which a change to the workbook is refused, untouched. Rollover refuses on the unsafe
 * ones only (a bad value in a cell is archived as typed, so it cannot be lost); closing a round refuses on
 * every error, as the report does: only what could be published is closed.
 */
export function blockingProblems(parsed: ParsedWorkbook, scope: 'unsafe' | 'all'): Problem[] {
  return validateParsed(parsed).filter((p) => p.severity === 'error' && (scope === 'all' || UNSAFE_CODES.has(p.code)));
}

const refused = (message: string, extra: Omit<Extract<YearCycleResult, { ok: false }>, 'ok' | 'message'> = {}) =>
  ({ ok: false, message, ...extra }) as const;

const blocked = (problems: Problem[]): YearCycleResult =>
  refused([YEAR_CYCLE.blockedByErrors(problems.length), ...problems.slice(0, 20).map(formatProblem)].join('\n'), {
    problems,
  });

/**
 * What stops the report of a round: the workbook's errors, as validate finds them. A closed round's report
 * prints its snapshot, so what is typed on the division tabs since does not stop it (validate still warns
 * where they differ); the other tabs' errors do. The report of an earlier year (after rollover) is built
 * from its snapshot alone: only the settings' errors stop it, and a round not closed, or whose snapshot rows
 * were deleted by hand, is refused.
 */
export function reportBlockers(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  round: Round,
  year?: number,
): Problem[] {
  const s = parsed.tracker.settings;
  const fy = year ?? s.fiscalYear;
  const errors = validateParsed(parsed).filter((p) => p.severity === 'error');
  const closed = closedRoundRows(snapshot, fy, round).length > 0;
  const missing = snapshotRowsMissing(snapshot, { year: fy, round });
  if (fy > s.fiscalYear)
    return [problemOf('round-not-closed', YEAR_CYCLE.futureYear(String(fy), String(s.fiscalYear)))];
  if (fy < s.fiscalYear) {
    const notClosed = closed
      ? []
      : [
          problemOf(
            'round-not-closed',
            YEAR_CYCLE.pastRoundNotClosed(String(fy), String(round), closedRoundsText(snapshot, fy)),
          ),
        ];
    return [...errors.filter((p) => p.tab === SETTINGS_TAB.name), ...notClosed, ...missing];
  }
  if (!closed) return [...errors, ...missing];
  const divisionTabs = new Set(Object.values(parsed.tables.divisionTabs).map((t) => t.spec.name));
  return [...errors.filter((p) => !divisionTabs.has(p.tab)), ...missing];
}

const problemOf = (code: Problem['code'], message: string): Problem => ({
  tab: ROUND_SNAPSHOT_TAB.name,
  cell: '',
  severity: 'error',
  code,
  message,
});

/** "6, 12" : the rounds of a year that are closed. */
const closedRoundsText = (snapshot: WorkbookSnapshot, fy: number): string =>
  ([6, 12] as const).filter((r) => closedRoundRows(snapshot, fy, r).length > 0).join(', ');

// ---------------------------------------------------------------- rows by header

/** A tab's values to change: a copy of what is there, or its header row when the tab is missing. */
const valuesOf = (snapshot: WorkbookSnapshot, spec: TabSpec): Cell[][] =>
  (snapshot.tabs[spec.name]?.length ? snapshot.tabs[spec.name] : [headersOf(spec)]).map((r) => r.slice());

/** A tab's values to change, with the schema's headers it lacks added at the end of row 1 (a tab older than a column). */
function valuesWithHeaders(snapshot: WorkbookSnapshot, spec: TabSpec): Cell[][] {
  const values = valuesOf(snapshot, spec);
  const have = new Set(values[0].map(headerKey));
  for (const c of spec.columns) if (!have.has(headerKey(c.header))) values[0].push(c.header);
  return values;
}

/** Rows laid out under the tab's own header (columns found by header text; a missing header is left out). */
function appendRows(values: Cell[][], spec: TabSpec, objects: ReadonlyArray<Record<string, Cell>>): void {
  const { columnIndex } = readTable({ tabs: { [spec.name]: values } }, spec);
  const width = Math.max(values[0]?.length ?? 0, 1);
  for (const o of objects) {
    const row: Cell[] = new Array(width).fill(null);
    // blank is null in every store (rows.ts' rowOf does the same)
    for (const c of spec.columns)
      if (columnIndex[c.key] >= 0) row[columnIndex[c.key]] = o[c.key] === '' ? null : (o[c.key] ?? null);
    values.push(row);
  }
}

/** Settings values written where the settings tab keeps them; a setting without a row gets one. */
function withSettings(values: Cell[][], updates: Record<string, Cell>): void {
  const table = readTable({ tabs: { [SETTINGS_TAB.name]: values } }, SETTINGS_TAB);
  const read = readSettingsRows(table);
  const valueCol = table.columnIndex.settingValue;
  const missing: Record<string, Cell>[] = [];
  for (const [key, value] of Object.entries(updates)) {
    const at = read[key];
    if (at && valueCol >= 0) {
      const row = values[at.row - 1];
      while (row.length <= valueCol) row.push(null);
      row[valueCol] = value;
    } else {
      const spec = SETTINGS.find((s) => s.key === key);
      missing.push({
        settingKey: key,
        settingLabel: spec?.label ?? '',
        settingValue: value,
        settingHelp: spec?.help ?? '',
      });
    }
  }
  appendRows(values, SETTINGS_TAB, missing);
}

const logRow = (actor: Actor, action: string, fiscalYear: number, round: Round | null, reason = '') => ({
  loggedAt: actor.now,
  loggedBy: actor.by,
  logAction: action,
  fiscalYear,
  round,
  logReason: reason,
});

const change = (snapshot: WorkbookSnapshot, changed: Record<string, Cell[][]>, message: string): YearCycleResult => ({
  ok: true,
  snapshot: { tabs: { ...snapshot.tabs, ...changed } },
  changedTabs: Object.keys(changed),
  message,
});

// ---------------------------------------------------------------- close and reopen

/**
 * The measures tab's cells of a measure as snapshot cells, handed out once per measure (its first
 * division row carries them): the report of the closed round prints the measures as they were.
 */
function measureTextsOnce(parsed: ParsedWorkbook): (measureId: string) => Record<string, Cell> {
  const given = new Set<string>();
  const byId = new Map(parsed.tables.measures.rows.map((row) => [idKey(row.cells.measureId), row] as const));
  return (measureId) => {
    const key = idKey(measureId);
    const row = byId.get(key);
    if (!row || given.has(key)) return {};
    given.add(key);
    const cells: Record<string, Cell> = {};
    for (const c of MEASURES_TAB.columns)
      if (c.key !== 'measureId') cells[snapshotMeasureKey(c.key)] = row.cells[c.key];
    return cells;
  };
}

/**
 * Closes a round (default: the settings' current round) of the settings' fiscal year: every division
 * row's status, the round's result and evidence go to the snapshot tab with when and by whom; the current
 * round moves from 6 to 12 (after 12 the year is ready to roll over). Refuses on a workbook with errors,
 * on a round already closed, and when no division tab holds a row.
 */
export function closeRound(snapshot: WorkbookSnapshot, actor: Actor, round?: Round): YearCycleResult {
  const parsed = parseWorkbook(snapshot);
  const s = parsed.tracker.settings;
  const r: Round = round ?? s.currentRound;
  const fy = s.fiscalYear;
  if (closedRoundRows(snapshot, fy, r).length) return refused(YEAR_CYCLE.alreadyClosed(String(fy), String(r)));
  // the round's own rules: the report of round r must be publishable as it stands
  const settingsRound = { ...parsed, tracker: { ...parsed.tracker, settings: { ...s, currentRound: r } } };
  const errors = blockingProblems(settingsRound, 'all');
  if (errors.length) return blocked(errors);
  const entries = parsed.tracker.entries.filter((e) => e.key !== '');
  if (entries.length === 0) return refused(YEAR_CYCLE.nothingToClose(String(fy), String(r)));

  const snapshotValues = valuesWithHeaders(snapshot, ROUND_SNAPSHOT_TAB);
  const measureTexts = measureTextsOnce(parsed);
  appendRows(
    snapshotValues,
    ROUND_SNAPSHOT_TAB,
    entries.map((e) => ({
      fiscalYear: fy,
      round: r,
      divisionCode: e.divisionCode,
      entryKey: e.key,
      // the cells as typed: the report of this round reads them back through the same parsing
      status: e.owned.status,
      snapshotResult: e.owned[resultKeyFor(r)],
      evidenceUrl: e.owned.evidenceUrl,
      closedAt: actor.now,
      closedBy: actor.by,
      ...(e.kind === 'measure' ? measureTexts(e.key) : {}),
    })),
  );
  const log = valuesWithHeaders(snapshot, ROUND_LOG_TAB);
  appendRows(log, ROUND_LOG_TAB, [{ ...logRow(actor, YEAR_CYCLE.logClose, fy, r), logRows: entries.length }]);
  const changed: Record<string, Cell[][]> = {
    [ROUND_SNAPSHOT_TAB.name]: snapshotValues,
    [ROUND_LOG_TAB.name]: log,
  };
  // the current round moves on to the framework's next round (closing the last leaves it: the year is closed)
  const framework = frameworkOf(s);
  const next = framework.rounds.find((x) => x > r);
  if (next !== undefined && s.currentRound === r) {
    const settings = valuesOf(snapshot, SETTINGS_TAB);
    withSettings(settings, { currentRound: next });
    changed[SETTINGS_TAB.name] = settings;
  }
  const status = yearStatus({ tabs: { ...snapshot.tabs, ...changed } }, parsed.tracker);
  const message = [
    YEAR_CYCLE.closedRound(String(fy), String(r), entries.length),
    ...(publishesRound(framework, r) ? [] : [YEAR_CYCLE.internalRound(String(fy), String(r))]),
    ...(next !== undefined && s.currentRound === r ? [`— ${YEAR_CYCLE.nowRound(String(next))}`] : []),
    `— ${yearStatusText(status)}`,
  ].join(' ');
  return change(snapshot, changed, message);
}

/**
 * Reopens a closed round: its snapshot rows move to the archive (with the reason), the log records who
 * and why, and the settings' current round becomes that round, so the divisions can correct it. The
 * round must be closed again before its next report is built from new results.
 */
export function reopenRound(snapshot: WorkbookSnapshot, actor: Actor, round: Round, reason: string): YearCycleResult {
  const parsed = parseWorkbook(snapshot);
  const fy = parsed.tracker.settings.fiscalYear;
  // cleanText: a reason of zero-width characters or no-break spaces only is no reason
  const why = cleanText(reason);
  if (why === '') return refused(YEAR_CYCLE.reasonRequired);
  const rows = closedRoundRows(snapshot, fy, round);
  if (rows.length === 0) return refused(YEAR_CYCLE.notClosed(String(fy), String(round)));

  const gone = new Set(rows.map((r) => r.row));
  const snapshotValues = valuesOf(snapshot, ROUND_SNAPSHOT_TAB).filter((_, i) => !gone.has(i + 1));
  const archive = valuesOf(snapshot, ARCHIVE_TAB);
  const archiveReason = YEAR_CYCLE.reopenArchiveReason(fy, round, why);
  for (const row of rows)
    archive.push(archiveRow(ROUND_SNAPSHOT_TAB.name, row, archiveReason, actor.now, ROUND_SNAPSHOT_TAB.columns));
  const log = valuesWithHeaders(snapshot, ROUND_LOG_TAB);
  appendRows(log, ROUND_LOG_TAB, [logRow(actor, YEAR_CYCLE.logReopen, fy, round, why)]);
  const settings = valuesOf(snapshot, SETTINGS_TAB);
  withSettings(settings, { currentRound: round });
  return change(
    snapshot,
    {
      [ROUND_SNAPSHOT_TAB.name]: snapshotValues,
      [ARCHIVE_TAB.name]: archive,
      [ROUND_LOG_TAB.name]: log,
      [SETTINGS_TAB.name]: settings,
    },
    YEAR_CYCLE.reopened(String(fy), String(round), rows.length),
  );
}

// ---------------------------------------------------------------- the next fiscal year

/** The same calendar date one year on; 29 February becomes 28 February. */
export function nextYearIso(iso: string): string {
  const { y, m, d } = parseIso(iso);
  return isoOf(y + 1, m, m === 2 && d === 29 ? 28 : d);
}

/** A date cell one year on (a real date in every store); a cell that is not a date stays as it is. */
const nextYearCell = (c: Cell): Cell => {
  const iso = isBlank(c) ? null : cellDate(c);
  return iso ? wallDateFromIso(nextYearIso(iso)) : c;
};

/** What a row nobody has typed in shows in a division's own column: "not started" as its status, else blank. */
const untyped = (type: string): Cell => (type === 'status' ? STATUS_LABEL.not_started : null);

export interface RolloverOptions {
  /** the fiscal year to start (BE); default the settings' year + 1. The current year: nothing to do. */
  year?: number;
  /** start it even while a round of the current year is not closed */
  force?: boolean;
}

/**
 * Starts the next fiscal year in place: every division row that holds a typed value goes to the archive
 * (the year as the reason) and its own cells are cleared; measures stay; milestone and division-tab due
 * dates move one year on; the round due dates come from the new year; the settings' year and round are
 * set. The register, the e-mail log, the snapshot tab and the log keep their history. Refuses while a round
 * of the current year is open (unless forced) and on a workbook with errors; the same year twice: no change.
 */
export function rollover(snapshot: WorkbookSnapshot, actor: Actor, options: RolloverOptions = {}): YearCycleResult {
  const parsed = parseWorkbook(snapshot);
  const fy = parsed.tracker.settings.fiscalYear;
  if (fy < BE_YEAR_THRESHOLD) return refused(YEAR_CYCLE.rolloverNoYear);
  const target = options.year ?? fy + 1;
  if (target === fy) return change(snapshot, {}, YEAR_CYCLE.rolloverAlready(String(fy)));
  if (target !== fy + 1) return refused(YEAR_CYCLE.rolloverBadYear(String(fy), String(target)));
  const errors = blockingProblems(parsed, 'unsafe');
  if (errors.length) return blocked(errors);
  // division tabs that do not match the divisions would carry last year's results over: never, even forced
  const mismatch = divisionTabMismatch(parsed, snapshot);
  if (mismatch.length)
    return refused([YEAR_CYCLE.rolloverTabMismatch(mismatch.length), ...mismatch.map(formatProblem)].join('\n'), {
      problems: mismatch,
    });
  const status = yearStatus(snapshot, parsed.tracker);
  const statusText = yearStatusText(status);
  const open = status.yearClosed ? [] : [status.last];
  if (open.length && !options.force) return refused(YEAR_CYCLE.rolloverYearOpen(statusText), { openRounds: open });
  const nextFramework = presetForYear(target);
  const changed: Record<string, Cell[][]> = {};
  const archive = valuesOf(snapshot, ARCHIVE_TAB);
  const reason = YEAR_CYCLE.rolloverArchiveReason(fy, target);
  const owned = divisionOwnedColumns();
  let archived = 0;
  for (const table of Object.values(parsed.tables.divisionTabs)) {
    if (!table.present) continue;
    const values = snapshot.tabs[table.spec.name].map((r) => r.slice());
    for (const row of table.rows) {
      const cells = values[row.row - 1];
      if (owned.some((c) => !isBlank(row.cells[c.key]))) {
        archive.push(archiveRow(table.spec.name, row, reason, actor.now));
        archived++;
      }
      for (const c of owned) {
        const ci = table.columnIndex[c.key];
        if (ci >= 0) cells[ci] = untyped(c.type);
      }
      const due = table.columnIndex.due;
      if (due >= 0) cells[due] = nextYearCell(cells[due] ?? null);
    }
    changed[table.spec.name] = values;
  }
  if (archived) changed[ARCHIVE_TAB.name] = archive;

  const milestones = parsed.tables.milestones;
  if (milestones.present && milestones.columnIndex.due >= 0) {
    const values = snapshot.tabs[MILESTONES_TAB.name].map((r) => r.slice());
    for (const row of milestones.rows) {
      const ci = milestones.columnIndex.due;
      values[row.row - 1][ci] = nextYearCell(values[row.row - 1][ci] ?? null);
    }
    changed[MILESTONES_TAB.name] = values;
  }

  const settings = valuesOf(snapshot, SETTINGS_TAB);
  // the new year's framework (chosen by its year: a preset picked for the old year does not carry over)
  const due = (r: Round): Cell => {
    const iso = roundDueIso(nextFramework, target, r);
    return iso ? wallDateFromIso(iso) : null;
  };
  withSettings(settings, {
    fiscalYear: target,
    currentRound: nextFramework.rounds[0],
    round6Due: due(6),
    round12Due: due(12),
    ...(parsed.tracker.settings.itaFramework ? { itaFramework: null } : {}),
    ...(parsed.tracker.settings.itaItemCodes ? { itaItemCodes: null } : {}),
    ...(parsed.tracker.settings.itaCalendarDates ? { itaCalendarDates: null } : {}),
  });
  changed[SETTINGS_TAB.name] = settings;
  const log = valuesWithHeaders(snapshot, ROUND_LOG_TAB);
  appendRows(log, ROUND_LOG_TAB, [
    logRow(
      actor,
      YEAR_CYCLE.logRollover,
      target,
      null,
      open.length || status.openUsed.length ? YEAR_CYCLE.rolloverForcedNote(statusText) : '',
    ),
  ]);
  changed[ROUND_LOG_TAB.name] = log;
  const done = YEAR_CYCLE.rolledOver(String(fy), String(target), archived);
  return change(snapshot, changed, status.openUsed.length || open.length ? `${done}\n${statusText}` : done);
}
