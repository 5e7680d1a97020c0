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

/**
 * Every rule, tab by tab (each tab's rules below), then the rules across tabs: look-alike division
 * tabs, the text documents print, the year's framework, holidays not yet announced.
 */
export function validateParsed(parsed: ParsedWorkbook): Problem[] {
  const { tracker, tables } = parsed;
  const ctx = cellContextOf(tracker.settings.fiscalYear, tracker.divisions);
  return [
    ...settingsProblems(parsed, ctx),
    ...divisionsProblems(tables.divisions, ctx),
    ...measuresProblems(tables.measures, ctx),
    ...milestonesProblems(parsed, ctx),
    ...itaResultsProblems(parsed, ctx),
    ...divisionTabsProblems(parsed, ctx),
    // the holidays tab (optional: a tracker made before it existed works with weekends only)
    ...(tables.holidays.present ? checkTable(tables.holidays, ctx) : []),
    ...lookAlikeTabs(parsed),
    // text a document prints: extraction glitches and stray spaces, with the fix (warnings)
    ...documentTextProblems(parsed),
    // the year's ITA framework: a preset that is none, a due date of a round it does not publish
    ...frameworkProblems(parsed),
    // holidays computed, not announced: one warning while any is (src/core/holidays.ts)
    ...unconfirmedHolidays(tables.holidays),
  ];
}

/** A problem at one cell of a tab. */
const at = (tab: string, cell: string, severity: Problem['severity'], code: ProblemCode, message: string): Problem => ({
  tab,
  cell,
  severity,
  code,
  message,
});

/**
 * ตั้งค่า: key/value rows, each value checked by its setting's type; a setting given twice; the
 * current round's due date (what reminders fall back on); keys no setting has.
 */
function settingsProblems(parsed: ParsedWorkbook, ctx: CellContext): Problem[] {
  const st = parsed.tables.settings;
  const problems = checkTable(st, ctx).filter((p) => p.code === 'missing-tab' || p.code === 'missing-header');
  if (!st.present) return problems;
  const tab = st.spec.name;
  const read = readSettingsRows(st);
  const valueCol = st.columnIndex.settingValue;
  const keyAt = (row: number) => a1(Math.max(st.columnIndex.settingKey, 0), row);
  for (const spec of SETTINGS) {
    const r = read[spec.key];
    const cell = r && valueCol >= 0 ? a1(valueCol, r.row) : '';
    problems.push(...place(tab, cell, checkSetting(spec, r ? r.value : null)));
  }
  // the same setting twice: the first row wins, so the second would be silently ignored
  const firstRow = new Map<string, number>();
  for (const row of st.rows) {
    const key = nameText(row.cells.settingKey);
    if (!key) continue;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, row.row);
    else
      problems.push(at(tab, keyAt(row.row), 'error', 'duplicate-setting', INPUT.duplicateSetting(key, keyAt(first))));
  }
  // the current round's due date is what reminders fall back on for rows with none of their own
  const round = parsed.tracker.settings.currentRound;
  const due = read[round === 12 ? 'round12Due' : 'round6Due'];
  if (isBlank(due?.value ?? null))
    problems.push(
      at(
        tab,
        due && valueCol >= 0 ? a1(valueCol, due.row) : '',
        'warning',
        'round-due-blank',
        INPUT.roundDueBlank(round),
      ),
    );
  for (const [key, r] of Object.entries(read))
    if (!SETTINGS.some((s) => s.key === key))
      problems.push(at(tab, keyAt(r.row), 'warning', 'unknown-setting', V.unknownSetting(key)));
  return problems;
}

/**
 * หน่วยงาน: cells, codes and names once each, a notify address (a warning: reminders go to the
 * admins), and a name its tab can take (not a fixed tab's; Excel's 31 characters).
 */
function divisionsProblems(dt: Table, ctx: CellContext): Problem[] {
  const problems = [...checkTable(dt, ctx), ...checkUnique(dt, 'divisionCode'), ...checkUnique(dt, 'divisionName')];
  if (!dt.present) return problems;
  const tab = dt.spec.name;
  const notifyCol = dt.columnIndex.divisionNotify;
  if (notifyCol >= 0)
    for (const row of dt.rows)
      if (isBlank(row.cells.divisionNotify))
        problems.push(
          at(
            tab,
            a1(notifyCol, row.row),
            'warning',
            'no-notify-email',
            V.noNotifyEmail(cellText(row.cells.divisionName) || cellText(row.cells.divisionCode)),
          ),
        );
  // a division's name becomes its tab's name
  const nameCol = dt.columnIndex.divisionName;
  if (nameCol >= 0)
    for (const row of dt.rows) {
      const name = nameText(row.cells.divisionName);
      const cell = a1(nameCol, row.row);
      if (name && isFixedTabName(name))
        problems.push(at(tab, cell, 'error', 'reserved-tab-name', V.reservedTabName(name)));
      else if (name && !fitsExcelTabName(name))
        problems.push(at(tab, cell, 'warning', 'excel-tab-name', V.excelTabName(name, EXCEL_TAB_NAME_MAX)));
    }
  return problems;
}

/** มาตรการ: cells, ids once each, at least one measure. */
function measuresProblems(mt: Table, ctx: CellContext): Problem[] {
  const problems = [...checkTable(mt, ctx), ...checkUnique(mt, 'measureId')];
  if (mt.present && mt.rows.length === 0) problems.push(at(mt.spec.name, '', 'error', 'no-measures', V.noMeasures()));
  return problems;
}

/**
 * กำหนดการ, the milestones (optional tab): cells, ids once each, each under a measure that exists,
 * and no id that is also a measure's (a division row is keyed by either: one id naming both loses a row).
 */
function milestonesProblems(parsed: ParsedWorkbook, ctx: CellContext): Problem[] {
  const ms = parsed.tables.milestones;
  if (!ms.present) return [];
  const tab = ms.spec.name;
  const problems = [...checkTable(ms, ctx), ...checkUnique(ms, 'milestoneId')];
  const measureIds = new Set(parsed.tracker.measures.map((m) => idKey(m.id)));
  const measureCol = ms.columnIndex.milestoneMeasure;
  if (measureCol >= 0)
    for (const row of ms.rows) {
      const id = nameText(row.cells.milestoneMeasure);
      if (id && !measureIds.has(idKey(id)))
        problems.push(at(tab, a1(measureCol, row.row), 'error', 'unknown-measure', V.unknownMeasure(id)));
    }
  const idCol = ms.columnIndex.milestoneId;
  if (idCol >= 0)
    for (const row of ms.rows) {
      const id = nameText(row.cells.milestoneId);
      if (id && measureIds.has(idKey(id)))
        problems.push(at(tab, a1(idCol, row.row), 'error', 'milestone-is-measure', INPUT.milestoneIsMeasure(id)));
    }
  return problems;
}

/**
 * ผลการประเมิน ITA (optional: trackers older than it have none): cells, and one row per (year,
 * indicator), per (year, tool) for a tool's own score, per year for the overall score — a second one
 * would be read or skipped silently by the plan's analysis.
 */
function itaResultsProblems(parsed: ParsedWorkbook, ctx: CellContext): Problem[] {
  const it = parsed.tables.itaResults;
  if (!it.present) return [];
  const problems = checkTable(it, ctx);
  const seen = new Map<string, string>();
  for (const r of parsed.tracker.itaResults) {
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
    if (first) problems.push(at(it.spec.name, here, 'error', 'duplicate-indicator', message(first)));
    else seen.set(k, here);
  }
  return problems;
}

/**
 * Each division's tab: cells, row keys once each, and the row rules of the current round (done needs
 * this round's result …). A missing tab is for sync to create, not an error here.
 */
function divisionTabsProblems(parsed: ParsedWorkbook, ctx: CellContext): Problem[] {
  const round = parsed.tracker.settings.currentRound;
  const problems: Problem[] = [];
  for (const table of Object.values(parsed.tables.divisionTabs)) {
    if (!table.present) continue;
    problems.push(...checkTable(table, ctx), ...checkUnique(table, 'entryKey'));
    if (rowRuleKeys(round).every((k) => table.columnIndex[k] >= 0))
      for (const row of table.rows)
        for (const p of checkRow(table.spec, row.cells, round)) {
          const { column, ...problem } = p;
          problems.push({ tab: table.spec.name, cell: a1(table.columnIndex[column], row.row), ...problem });
        }
  }
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
