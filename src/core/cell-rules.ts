// The rules for one cell and one division row: onEdit checks a single edit with these without
// reading the whole workbook, and validate.ts applies them to every table.

import {
  matchDivision,
  parseArea,
  parseBeYear,
  parseIndicatorNumbers,
  parseRound,
  parseScore,
  parseStatus,
  parseWholeNumber,
  splitResponsible,
} from './cell-values';
import {
  type Cell,
  cellInteger,
  cellList,
  cellText,
  controlCharCount,
  invisibleIn,
  isBlank,
  isEmail,
  isHttpUrl,
  isSheetError,
  nameText,
  readDate,
  tooLong,
} from './cells';
import { INPUT } from './messages/input-safety';
import { ITA_V } from './messages/plan';
import { V } from './messages/validation';
import { resultKeyFor, type Tracker } from './model';
import { type ColumnSpec, ID_PATTERN, MAX_CELL_CHARS, type TabSpec } from './schema';
import { BE_YEAR_THRESHOLD, fiscalYearWindow, formatThaiDate, hasThaiDigits, type Round } from './thai';

export type Severity = 'error' | 'warning';

/** Every problem's code: part of `validate --json`, so a code, once out, keeps its meaning. */
export type ProblemCode =
  // one cell
  | 'required'
  | 'too-long'
  | 'error-value'
  | 'control-chars'
  | 'formula-text'
  | 'bad-id'
  | 'bad-area'
  | 'bad-status'
  | 'bad-round'
  | 'bad-number'
  | 'thai-digits'
  | 'be-year'
  | 'bad-date'
  | 'date-outside-fy'
  | 'bad-url'
  | 'bad-email'
  // the reminder rhythm's settings (docs/reminders.md)
  | 'bad-weekday'
  | 'weekend-weekday'
  | 'due-soon-range'
  | 'unknown-division'
  | 'bad-score'
  | 'bad-year'
  // settings
  | 'fiscal-year-ce'
  | 'bad-numerals'
  | 'unknown-setting'
  | 'bad-yesno'
  | 'bad-choice'
  // tabs and tables
  | 'missing-tab'
  | 'missing-header'
  | 'duplicate-id'
  | 'no-notify-email'
  | 'reserved-tab-name'
  | 'excel-tab-name'
  | 'no-measures'
  | 'unknown-measure'
  | 'milestone-is-measure'
  | 'tab-name-invisible'
  | 'duplicate-setting'
  | 'too-small'
  | 'round-due-blank'
  | 'duplicate-indicator'
  | 'bad-indicator'
  | 'unknown-indicator'
  | 'weak-indicator-no-measure'
  | 'no-ita-scores'
  // across the cells of a row
  | 'done-without-result'
  // a closed round (issue 14): a division tab differs from what was closed
  | 'closed-round-changed'
  // a closing on record whose snapshot rows were deleted by hand; a report asked of a round not closed
  | 'closed-round-rows-missing'
  | 'round-not-closed'
  // the year's ITA framework (src/core/framework-checks.ts)
  | 'unknown-framework'
  | 'round-not-in-framework'
  | 'ita-calendar-date'
  | 'holiday-unconfirmed'
  // text that reaches a document (src/core/document-text.ts): an extraction glitch or a stray space
  | 'thai-text';

export interface Problem {
  tab: string;
  /** A1 cell, or '' for a whole tab */
  cell: string;
  severity: Severity;
  code: ProblemCode;
  message: string;
}

/** A problem before it is placed on a tab and cell. */
export type CellProblem = Omit<Problem, 'tab' | 'cell'>;

export interface CellContext {
  divisions: Tracker['divisions'];
  /** fiscal year (BE) for the due-date window, 0 = unknown */
  fiscalYear: number;
}

/** The cell rules' context. A CE fiscal year is its own error: the due-date window is then unknown rather than wrong everywhere. */
export const cellContextOf = (fiscalYear: number, divisions: Tracker['divisions']): CellContext => ({
  divisions,
  fiscalYear: fiscalYear > BE_YEAR_THRESHOLD ? fiscalYear : 0,
});

/** Formula-looking text that a sheet would evaluate; "- item" list lines are ordinary text. */
const formulaLike = (s: string): boolean => /^(=|\+|@|-(?!\s))/.test(s) && !/^[-+]?\d/.test(s);

/**
 * The rules for one cell, by its column type. Used for whole-workbook validation and for onEdit.
 * Returns problems without tab/cell; the caller places them.
 */
export function checkCell(column: ColumnSpec, value: Cell, ctx: CellContext): CellProblem[] {
  const out: CellProblem[] = [];
  const err = (code: ProblemCode, message: string) => out.push({ severity: 'error', code, message });
  const warn = (code: ProblemCode, message: string) => out.push({ severity: 'warning', code, message });
  if (isBlank(value)) {
    if (column.required && column.editor !== 'system') err('required', V.required(column.header));
    else if (column.required && column.type === 'id') err('required', V.required(column.header));
    return out;
  }
  // a value that names something is read as the tracker compares it (see nameText)
  const text = column.type === 'id' || column.type === 'division' ? nameText(value) : cellText(value);
  // what cleanText removed, named when a message quotes the value: it looks right but is not
  const hidden = typeof value === 'string' ? invisibleIn(value) : '';
  const unseen = hidden ? INPUT.invisibleNote(hidden) : '';
  // #N/A and its kind are a formula's failure, not a value: no other rule reads them as one
  if (isSheetError(value)) {
    err('error-value', V.errorValue(cellText(value)));
    return out;
  }
  if (typeof value === 'string') {
    if (tooLong(value)) err('too-long', V.tooLong(value.length, MAX_CELL_CHARS));
    const controls = controlCharCount(value);
    if (controls) warn('control-chars', V.controlChars(controls));
    if (formulaLike(value.trim())) warn('formula-text', V.formulaText(value.trim().slice(0, 40)));
  }
  switch (column.type) {
    case 'id':
      if (!ID_PATTERN.test(text)) err('bad-id', V.badId(text) + unseen);
      break;
    case 'area':
      if (!parseArea(value)) err('bad-area', V.badArea(text));
      break;
    case 'status':
      if (!parseStatus(value)) err('bad-status', V.badStatus(text));
      break;
    case 'round':
      if (!parseRound(value)) err('bad-round', V.badRound(text));
      break;
    case 'integer':
      if (cellInteger(value) === null) {
        if (typeof value === 'string' && hasThaiDigits(value)) err('thai-digits', V.thaiDigits(text));
        else err('bad-number', V.badNumber(text));
      }
      break;
    case 'date': {
      const r = readDate(value);
      if (!r.ok) {
        if (r.reason === 'be-year') err('be-year', V.beYearInDate(r.text, r.suggestedIso));
        else if (r.reason === 'thai-digits') err('thai-digits', V.thaiDigits(r.text));
        else err('bad-date', V.badDate(r.text));
      } else if (r.iso && ctx.fiscalYear > 0) {
        const w = fiscalYearWindow(ctx.fiscalYear);
        if (r.iso < w.start || r.iso > w.end)
          warn('date-outside-fy', V.dateOutsideFiscalYear(formatThaiDate(r.iso, 'arabic'), String(ctx.fiscalYear)));
      }
      break;
    }
    case 'score':
      if (parseScore(value) === null) err('bad-score', ITA_V.badScore(text));
      break;
    case 'beYear':
      if (parseBeYear(value) === null) err('bad-year', ITA_V.badYear(text));
      break;
    case 'number':
      if (parseWholeNumber(value) === null) err('bad-number', V.badNumber(text));
      break;
    case 'indicators':
      for (const token of parseIndicatorNumbers(value).bad) warn('bad-indicator', ITA_V.badIndicator(token));
      break;
    case 'url':
      if (!isHttpUrl(text)) err('bad-url', V.badUrl(text));
      break;
    case 'emails':
      for (const e of cellList(value)) if (!isEmail(e)) err('bad-email', V.badEmail(e));
      break;
    case 'divisions':
      for (const name of splitResponsible(value, ctx.divisions))
        if (matchDivision(name, ctx.divisions) === null) err('unknown-division', V.unknownDivision(name) + unseen);
      break;
    case 'division':
      if (matchDivision(text, ctx.divisions) === null) err('unknown-division', V.unknownDivision(text) + unseen);
      break;
    default:
      break;
  }
  return out;
}

/** The columns checkRow reads: a change in one of them re-checks them all (onEdit). */
export const rowRuleKeys = (round: Round): string[] => ['status', resultKeyFor(round)];

/**
 * The rules across the cells of one division row, for onEdit and the whole workbook alike: a "done"
 * needs this round's result. Each problem names the column it belongs on.
 */
export function checkRow(
  spec: TabSpec,
  cells: Readonly<Record<string, Cell>>,
  round: Round,
): (CellProblem & { column: string })[] {
  const resultKey = resultKeyFor(round);
  if (parseStatus(cells.status ?? null) !== 'done' || !isBlank(cells[resultKey])) return [];
  const header = spec.columns.find((c) => c.key === resultKey)?.header ?? resultKey;
  return [
    {
      column: resultKey,
      severity: 'error',
      code: 'done-without-result',
      message: V.doneWithoutResult(header),
    },
  ];
}
