// Every rule over the workbook, in one place for both runtimes: the menu "ตรวจสอบข้อมูล", onEdit,
// the CLI `validate`, and the report's blocking check all call these.

import {
  type CellContext,
  type CellProblem,
  cellContextOf,
  checkCell,
  checkRow,
  type Problem,
  type ProblemCode,
  rowRuleKeys,
} from './cell-rules';
import { parseScore, parseYesNo } from './cell-values';
import { a1, type Cell, cellInteger, cellText, cleanText, idKey, invisibleIn, isBlank, nameText } from './cells';
import { closedRoundDrift } from './closed-rounds';
import { documentTextProblems } from './document-text';
import { frameworkProblems } from './framework-checks';
import { unconfirmedHolidays } from './holidays';
import { INPUT } from './messages/input-safety';
import { ITA_V } from './messages/plan';
import { RHYTHM_VALIDATION, WEEKDAY_LABEL } from './messages/reminder-rhythm';
import { V } from './messages/validation';
import {
  type ColumnSpec,
  EXCEL_TAB_NAME_MAX,
  fitsExcelTabName,
  isFixedTabName,
  SETTINGS,
  type SettingSpec,
} from './schema';
import { parseNumerals, parseOffsets, readSettingsRows } from './settings-tab';
import type { Table } from './table';
import { BE_YEAR_THRESHOLD, toArabicDigits, toBE } from './thai';
import { type ParsedWorkbook, parseWorkbook, type WorkbookSnapshot } from './workbook';
import { parseWeekday } from './working-days';

/** How a setting's value is checked: as a cell of this column type, plus the setting's own rules. */
const SETTING_COLUMN_TYPE: Partial<Record<SettingSpec['type'], ColumnSpec['type']>> = {
  integer: 'integer',
  score: 'score',
  round: 'round',
  date: 'date',
  emails: 'emails',
};

function checkSetting(spec: SettingSpec, typed: Cell): CellProblem[] {
  // a number setting in Thai digits is read as the number it is (parseSettings does), so no error
  const value = spec.type === 'integer' && typeof typed === 'string' ? toArabicDigits(typed) : typed;
  const column: ColumnSpec = {
    key: spec.key,
    header: spec.label,
    type: SETTING_COLUMN_TYPE[spec.type] ?? 'text',
    // a setting with a default is never missing
    required: spec.required && spec.defaultValue === '',
    editor: 'admin',
    width: 0,
  };
  const out = checkCell(column, value, { divisions: [], fiscalYear: 0 });
  if (out.some((p) => p.severity === 'error') || isBlank(value)) return out;
  const err = (code: ProblemCode, message: string) => out.push({ severity: 'error', code, message });
  const text = cellText(value);
  if (spec.min !== undefined) {
    const n = cellInteger(typeof value === 'string' ? toArabicDigits(value) : value);
    if (n !== null && n < spec.min) err('too-small', INPUT.tooSmall(text, spec.min));
  }
  if (spec.key === 'fiscalYear') {
    const n = cellInteger(value) as number;
    if (n < BE_YEAR_THRESHOLD) err('fiscal-year-ce', V.fiscalYearCE(n, toBE(n)));
  }
  if (spec.type === 'offsets' && !parseOffsets(typeof value === 'string' ? toArabicDigits(value) : value))
    err('bad-number', V.badNumber(text));
  if (spec.type === 'numerals' && !parseNumerals(value)) err('bad-numerals', V.badNumerals(text));
  if (spec.type === 'weekday') {
    const day = parseWeekday(text);
    if (day === null) err('bad-weekday', RHYTHM_VALIDATION.badWeekday(text));
    else if (day === 0 || day === 6) err('weekend-weekday', RHYTHM_VALIDATION.weekendWeekday(WEEKDAY_LABEL[day]));
  }
  if (spec.key === 'dueSoonDays') {
    const n = cellInteger(value) as number;
    if (n < 1 || n > 14) err('due-soon-range', RHYTHM_VALIDATION.dueSoonRange(text));
  }
  if (spec.type === 'yesno' && parseYesNo(value) === null) err('bad-yesno', V.badYesNo(text));
  if (spec.key === 'itaPassMark' && parseScore(value) === null) err('bad-score', ITA_V.badScore(text));
  return out;
}

const place = (tab: string, cell: string, ps: CellProblem[]): Problem[] => ps.map((p) => ({ tab, cell, ...p }));

/** Structural problems (missing tab or header) and every cell rule of one table. */
function checkTable(table: Table, ctx: CellContext): Problem[] {
  const tab = table.spec.name;
  if (!table.present) return [{ tab, cell: '', severity: 'error', code: 'missing-tab', message: V.missingTab(tab) }];
  const out: Problem[] = table.missingHeaders.map((h) => ({
    tab,
    cell: '',
    severity: 'error' as const,
    code: 'missing-header',
    message: V.missingHeader(tab, h),
  }));
  for (const row of table.rows)
    for (const column of table.spec.columns) {
      const ci = table.columnIndex[column.key];
      if (ci < 0) continue;
      out.push(...place(tab, a1(ci, row.row), checkCell(column, row.cells[column.key], ctx)));
    }
  return out;
}

/**
 * Duplicate values of one column: each repeat is reported at its own cell, naming the first. Ids
 * compare by idKey (letter case does not count), other values as cleaned text; the message names
 * the column, so a repeated name is not called a code.
 */
function checkUnique(table: Table, key: string): Problem[] {
  const ci = table.columnIndex[key];
  const column = table.spec.columns.find((c) => c.key === key);
  if (ci < 0 || !column) return [];
  const isId = column.type === 'id';
  const seen = new Map<string, { cell: string; text: string }>();
  const out: Problem[] = [];
  for (const row of table.rows) {
    const text = nameText(row.cells[key]);
    const v = isId ? idKey(text) : text;
    if (v === '') continue;
    const here = a1(ci, row.row);
    const first = seen.get(v);
    if (!first) {
      seen.set(v, { cell: here, text });
      continue;
    }
    const message = !isId
      ? INPUT.duplicateValue(column.header, text, first.cell)
      : first.text === text
        ? V.duplicateId(text, first.cell)
        : INPUT.duplicateIdCase(text, first.cell, first.text);
    out.push({ tab: table.spec.name, cell: here, severity: 'error', code: 'duplicate-id', message });
  }
  return out;
}

export function validateParsed(parsed: ParsedWorkbook): Problem[] {
  const { tracker, tables } = parsed;
  const ctx = cellContextOf(tracker.settings.fiscalYear, tracker.divisions);
  const problems: Problem[] = [];

  // settings: key/value rows, each value checked by its setting's type
  const st = tables.settings;
  problems.push(...checkTable(st, ctx).filter((p) => p.code === 'missing-tab' || p.code === 'missing-header'));
  if (st.present) {
    const read = readSettingsRows(st);
    const valueCol = st.columnIndex.settingValue;
    const keyCol = st.columnIndex.settingKey;
    for (const spec of SETTINGS) {
      const r = read[spec.key];
      const cell = r && valueCol >= 0 ? a1(valueCol, r.row) : '';
      problems.push(...place(st.spec.name, cell, checkSetting(spec, r ? r.value : null)));
    }
    // the same setting twice: the first row wins, so the second would be silently ignored
    const firstRow = new Map<string, number>();
    for (const row of st.rows) {
      const key = nameText(row.cells.settingKey);
      if (!key) continue;
      const first = firstRow.get(key);
      if (first === undefined) firstRow.set(key, row.row);
      else
        problems.push({
          tab: st.spec.name,
          cell: a1(Math.max(keyCol, 0), row.row),
          severity: 'error',
          code: 'duplicate-setting',
          message: INPUT.duplicateSetting(key, a1(Math.max(keyCol, 0), first)),
        });
    }
    // the current round's due date is what reminders fall back on for rows with none of their own
    const round = tracker.settings.currentRound;
    const dueKey = round === 12 ? 'round12Due' : 'round6Due';
    const due = read[dueKey];
    if (isBlank(due?.value ?? null))
      problems.push({
        tab: st.spec.name,
        cell: due && valueCol >= 0 ? a1(valueCol, due.row) : '',
        severity: 'warning',
        code: 'round-due-blank',
        message: INPUT.roundDueBlank(round),
      });
    for (const [key, r] of Object.entries(read))
      if (!SETTINGS.some((s) => s.key === key))
        problems.push({
          tab: st.spec.name,
          cell: a1(Math.max(keyCol, 0), r.row),
          severity: 'warning',
          code: 'unknown-setting',
          message: V.unknownSetting(key),
        });
  }

  // divisions
  const dt = tables.divisions;
  problems.push(...checkTable(dt, ctx), ...checkUnique(dt, 'divisionCode'), ...checkUnique(dt, 'divisionName'));
  if (dt.present && dt.columnIndex.divisionNotify >= 0)
    for (const row of dt.rows)
      if (isBlank(row.cells.divisionNotify))
        problems.push({
          tab: dt.spec.name,
          cell: a1(dt.columnIndex.divisionNotify, row.row),
          severity: 'warning',
          code: 'no-notify-email',
          message: V.noNotifyEmail(cellText(row.cells.divisionName) || cellText(row.cells.divisionCode)),
        });

  // a division's name becomes its tab's name
  if (dt.present && dt.columnIndex.divisionName >= 0)
    for (const row of dt.rows) {
      const name = nameText(row.cells.divisionName);
      const cell = a1(dt.columnIndex.divisionName, row.row);
      if (name && isFixedTabName(name))
        problems.push({
          tab: dt.spec.name,
          cell,
          severity: 'error',
          code: 'reserved-tab-name',
          message: V.reservedTabName(name),
        });
      else if (name && !fitsExcelTabName(name))
        problems.push({
          tab: dt.spec.name,
          cell,
          severity: 'warning',
          code: 'excel-tab-name',
          message: V.excelTabName(name, EXCEL_TAB_NAME_MAX),
        });
    }

  // measures
  const mt = tables.measures;
  problems.push(...checkTable(mt, ctx), ...checkUnique(mt, 'measureId'));
  if (mt.present && mt.rows.length === 0)
    problems.push({ tab: mt.spec.name, cell: '', severity: 'error', code: 'no-measures', message: V.noMeasures() });

  // milestones: optional tab
  const ms = tables.milestones;
  if (ms.present) {
    problems.push(...checkTable(ms, ctx), ...checkUnique(ms, 'milestoneId'));
    const measureIds = new Set(tracker.measures.map((m) => idKey(m.id)));
    const ci = ms.columnIndex.milestoneMeasure;
    if (ci >= 0)
      for (const row of ms.rows) {
        const id = nameText(row.cells.milestoneMeasure);
        if (id && !measureIds.has(idKey(id)))
          problems.push({
            tab: ms.spec.name,
            cell: a1(ci, row.row),
            severity: 'error',
            code: 'unknown-measure',
            message: V.unknownMeasure(id),
          });
      }
    // a division row is keyed by measure id or milestone id: one id naming both loses a row
    const idCol = ms.columnIndex.milestoneId;
    if (idCol >= 0)
      for (const row of ms.rows) {
        const id = nameText(row.cells.milestoneId);
        if (id && measureIds.has(idKey(id)))
          problems.push({
            tab: ms.spec.name,
            cell: a1(idCol, row.row),
            severity: 'error',
            code: 'milestone-is-measure',
            message: INPUT.milestoneIsMeasure(id),
          });
      }
  }

  // last year's ITA results: optional tab (trackers older than it have none)
  const it = tables.itaResults;
  if (it.present) {
    problems.push(...checkTable(it, ctx));
    // one row per (year, indicator); per (year, tool) for a tool's own score; per year for the overall
    // score — a second one would be read or skipped silently by the plan's analysis
    const seen = new Map<string, string>();
    for (const r of tracker.itaResults) {
      const year = String(r.year);
      const [k, column, message] =
        r.indicator !== null
          ? [
              `${r.year}/${r.indicator}`,
              'itaIndicator',
              (f: string) => ITA_V.duplicateIndicator(year, String(r.indicator), f),
            ]
          : r.tool !== null
            ? [`${r.year}/${r.tool}`, 'itaTool', (f: string) => ITA_V.duplicateTool(year, String(r.tool), f)]
            : [`${r.year}/overall`, 'itaYear', (f: string) => ITA_V.duplicateOverall(year, f)];
      const ci = it.columnIndex[column];
      if (ci < 0 || !r.year) continue;
      const here = a1(ci, r.row);
      const first = seen.get(k);
      if (first)
        problems.push({
          tab: it.spec.name,
          cell: here,
          severity: 'error',
          code: 'duplicate-indicator',
          message: message(first),
        });
      else seen.set(k, here);
    }
  }

  // division tabs: a missing one is for sync to create, not an error here
  const round = tracker.settings.currentRound;
  for (const [, table] of Object.entries(tables.divisionTabs)) {
    if (!table.present) continue;
    problems.push(...checkTable(table, ctx), ...checkUnique(table, 'entryKey'));
    if (rowRuleKeys(round).every((k) => table.columnIndex[k] >= 0))
      for (const row of table.rows)
        for (const p of checkRow(table.spec, row.cells, round)) {
          const { column, ...problem } = p;
          problems.push({ tab: table.spec.name, cell: a1(table.columnIndex[column], row.row), ...problem });
        }
  }
  // the holidays tab (optional: a tracker made before it existed works with weekends only)
  if (tables.holidays.present) problems.push(...checkTable(tables.holidays, ctx));

  problems.push(...lookAlikeTabs(parsed));
  // text a document prints: extraction glitches and stray spaces, with the fix (warnings)
  problems.push(...documentTextProblems(parsed));
  // the year's ITA framework: a preset that is none, a due date of a round it does not publish
  problems.push(...frameworkProblems(parsed));
  // holidays computed, not announced: one warning while any is (src/core/holidays.ts)
  problems.push(...unconfirmedHolidays(tables.holidays));
  return problems;
}

/**
 * A division whose tab is missing while a tab differs from its name only by invisible characters
 * ("กองคลัง " with a trailing space): the tab is not read as the division's, so the report would show
 * nothing for it. An error naming the difference; renaming the tab fixes it.
 */
function lookAlikeTabs(parsed: ParsedWorkbook): Problem[] {
  const out: Problem[] = [];
  for (const d of parsed.tracker.divisions) {
    if (!d.name || parsed.tables.divisionTabs[d.code]?.present !== false) continue;
    const tab = (parsed.tabNames ?? []).find((n) => n !== d.name && cleanText(n) === d.name);
    if (tab)
      out.push({
        tab,
        cell: '',
        severity: 'error',
        code: 'tab-name-invisible',
        message: INPUT.tabNameInvisible(tab, d.name, invisibleIn(tab)),
      });
  }
  return out;
}

/** Every rule, and where a closed round's snapshot is in the workbook, how the division tabs drifted from it. */
export function validateWorkbook(snapshot: WorkbookSnapshot): Problem[] {
  const parsed = parseWorkbook(snapshot);
  return [...validateParsed(parsed), ...closedRoundDrift(snapshot, parsed)];
}

export const hasErrors = (problems: readonly Problem[]): boolean => problems.some((p) => p.severity === 'error');
