// What a person may type where: tab protections, data validation and formats, all derived from the
// schema (who edits a column, its type). Every function here costs a fixed number of service calls
// per tab, whatever the number of rows: it works on whole column ranges, never cell by cell.
import { isEmail } from '../core/cells';
import { allowedValues, displayFormat, FISCAL_YEAR_RANGE } from '../core/formats';
import { SETUP } from '../core/messages/setup';
import { type ColumnSpec, divisionOwnedKeys, SETTINGS, type SettingType, type TabSpec } from '../core/schema';
import type { SettingsRead } from '../core/settings-tab';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
/** the account running the operation: looked up once per operation, not once per protection */
type User = GoogleAppsScript.Base.User;

/*
 * Columns of a division tab its own editors may write: its owned columns (divisionOwnedKeys), the
 * updated at/by stamps included. The stamps must be writable by them because onEdit is a simple
 * trigger, and a simple trigger runs as the person editing (it cannot write where that person cannot);
 * the cost is that a division editor could also type a stamp by hand, which only misleads about their own rows.
 */

/** Runs of adjacent 0-based column indexes: [2,3,4,7] → [[2,3],[7,1]] as [start, length]. */
export function columnRuns(indexes: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(indexes.filter((i) => i >= 0))].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const i of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  }
  return runs;
}

const validEmails = (emails: readonly string[]): string[] => [
  ...new Set(emails.map((e) => e.trim().toLowerCase()).filter(isEmail)),
];

/**
 * The one way this tracker locks a range or a sheet to a list of editors (fixed tabs, division tabs,
 * a closed round's result column, sync's row lock: every lock calls this, none repeats it). The
 * documented Protection pattern (developers.google.com/apps-script/reference/spreadsheet/protection,
 * its sample): make sure the effective user is an editor before removing the others (else removing a
 * group they belong to throws), remove every other editor in one call, turn domain edit off only where
 * the domain allows it (on a sheet a consumer/Gmail account owns, setDomainEdit throws, so the sample
 * guards it with canDomainEdit()); then add the accounts that may edit, in one call, as lower-case
 * e-mail addresses (a name typed where an address belongs is left out, never passed to Sheets).
 * Calls: 5, 6 with domain edit turned off, +1 when there is anyone to add.
 */
export function lockDown(protection: Protection, editors: readonly string[], description: string, me: User): void {
  protection.setDescription(description);
  protection.addEditor(me);
  protection.removeEditors(protection.getEditors());
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
  const list = validEmails(editors);
  if (list.length) protection.addEditors(list);
}

/** Runs of adjacent 1-based rows: [4, 6, 7] → [[4, 1], [6, 2]] as [first row, count]. */
export const rowRuns = (rows: readonly number[]): Array<[number, number]> =>
  columnRuns(rows.map((r) => r - 1)).map(([r0, n]) => [r0 + 1, n]);

/**
 * Sync's temporary lock on rows it is about to remove: one protection per run of adjacent rows (whole
 * rows, every column), so no kept row between two removed ones is ever locked; only the account running
 * sync (and the owner, whom Sheets always lets through) may write there until the rows are deleted.
 * Locked by lockDown (domain edit off only where the domain allows it). Calls: 7–8 per run.
 */
export function lockRowsForRemoval(sheet: Sheet, rows: readonly number[], description: string, me: User): void {
  for (const [first, count] of rowRuns(rows)) {
    const lock = sheet.getRange(`${first}:${first + count - 1}`).protect();
    lockDown(lock, [], description, me);
  }
}

/**
 * Removes every lock with sync's description on the tab: those of this run once their rows are gone
 * (a protection whose rows are all deleted may go with them, or linger on what is left), and any left by
 * an earlier run that stopped half-way. Calls: 1 + one getDescription per range protection + one remove each.
 */
export function removeRowLocks(sheet: Sheet, description: string): number {
  let removed = 0;
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE))
    if (p.getDescription() === description) {
      p.remove();
      removed++;
    }
  return removed;
}

/** A fixed tab (settings, divisions, measures, …, dashboard): the whole sheet for admins only. */
export function protectFixedTab(
  sheet: Sheet,
  admins: readonly string[],
  me: User = Session.getEffectiveUser(),
  name: string = sheet.getName(),
): void {
  const protection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  lockDown(protection, admins, SETUP.protectFixed(name), me);
}

/** Rows 2..last of the sheet (grown to at least 2 rows): the body under the header. */
function bodyRange(sheet: Sheet, column0: number, numColumns: number, maxRows: number): Range {
  return sheet.getRange(2, column0 + 1, Math.max(1, maxRows - 1), numColumns);
}

function ensureBody(sheet: Sheet): number {
  const maxRows = sheet.getMaxRows();
  if (maxRows >= 2) return maxRows;
  sheet.insertRowsAfter(maxRows, 2 - maxRows);
  return 2;
}

/**
 * A division's tab. Setting unprotected ranges on a protected sheet would open those ranges to
 * everyone who can edit the file; so the sheet protection (admins only) leaves the editable columns
 * out, and a range protection on each run of editable columns lets only the division's editors and
 * the admins write there. Re-applying reuses the protections the tab already has (no duplicates).
 * columnIndex: column key → 0-based index of that column on this tab (found by header). name: the
 * tab's name when the caller knows it (one getName less). Returns the tab's row count after.
 */
export function protectDivisionTab(
  sheet: Sheet,
  columnIndex: Readonly<Record<string, number>>,
  divisionEditors: readonly string[],
  admins: readonly string[],
  me: User = Session.getEffectiveUser(),
  name: string = sheet.getName(),
): number {
  const maxRows = ensureBody(sheet);
  const ranges = columnRuns(divisionOwnedKeys().map((k) => columnIndex[k] ?? -1)).map(([c0, n]) =>
    bodyRange(sheet, c0, n, maxRows),
  );

  const sheetProtection = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  lockDown(sheetProtection, admins, SETUP.protectDivision(name), me);
  sheetProtection.setUnprotectedRanges(ranges);

  const description = SETUP.protectDivisionEditable;
  const existing = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === description);
  ranges.forEach((range, i) => {
    const reused = existing[i];
    if (reused) reused.setRange(range);
    lockDown(reused ?? range.protect(), [...divisionEditors, ...admins], description, me);
  });
  for (const extra of existing.slice(ranges.length)) extra.remove();
  // the tab's size now (ensureBody may have grown it): sync's stamp, without asking again
  return maxRows;
}

// ---------------------------------------------------------------- data validation and formats

export interface RuleContext {
  /** division names for the milestone's division dropdown */
  divisionNames: readonly string[];
  /**
   * Rules already built in this operation, by column type: a DataValidation can be set on any number
   * of ranges, so fifty division tabs share one status rule instead of building fifty (5 calls each).
   */
  built?: Map<string, DataValidation | null>;
}

const list = (values: readonly string[], help: string): DataValidation =>
  SpreadsheetApp.newDataValidation()
    .requireValueInList([...values], true)
    .setAllowInvalid(false)
    .setHelpText(help)
    .build();

/**
 * The Sheets rule for a column type, or null where Sheets cannot check it (multi-line lists of
 * names or e-mails, ids, free text): onEdit and "ตรวจสอบข้อมูล" check those with the core rules.
 * allowInvalid false: Sheets refuses the entry and shows the Thai help text.
 */
export function ruleFor(column: ColumnSpec, ctx: RuleContext): DataValidation | null {
  const b = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  switch (column.type) {
    case 'area':
    case 'status':
    case 'round':
      return list(allowedValues(column.type) ?? [], SETUP.help[column.type]);
    case 'date':
      return b().requireDate().setHelpText(SETUP.help.date).build();
    case 'url':
      return b().requireTextIsUrl().setHelpText(SETUP.help.url).build();
    case 'division':
      return ctx.divisionNames.length ? list(ctx.divisionNames, SETUP.help.division) : null;
    case 'integer':
      return b().requireNumberGreaterThanOrEqualTo(0).setHelpText(SETUP.help.integer).build();
    default:
      return null;
  }
}

function cachedRule(column: ColumnSpec, ctx: RuleContext): DataValidation | null {
  if (!ctx.built) return ruleFor(column, ctx);
  if (!ctx.built.has(column.type)) ctx.built.set(column.type, ruleFor(column, ctx));
  return ctx.built.get(column.type) ?? null;
}

/**
 * Validation on every column people type into (not the system's columns) and date formats on every
 * date column, over rows 2..last of the sheet: one setDataValidation / setNumberFormat per column.
 */
export function applyColumnRules(
  sheet: Sheet,
  spec: TabSpec,
  columnIndex: Readonly<Record<string, number>>,
  ctx: RuleContext,
  /** the tab's row count when the caller has just made sure of it (protectDivisionTab returns it) */
  knownMaxRows?: number,
): void {
  const maxRows = knownMaxRows ?? ensureBody(sheet);
  for (const column of spec.columns) {
    const ci = columnIndex[column.key] ?? -1;
    if (ci < 0) continue;
    const format = displayFormat(column.type);
    const rule = column.editor === 'system' ? null : cachedRule(column, ctx);
    if (!format && !rule) continue;
    const range = bodyRange(sheet, ci, 1, maxRows);
    if (format) range.setNumberFormat(format);
    if (rule) range.setDataValidation(rule);
  }
}

/**
 * The settings tab holds one setting per row, so its value column gets a rule per row (by the
 * setting's type), in one setDataValidations. rows: where each setting key sits (1-based rows).
 */
export function applySettingsRules(sheet: Sheet, valueColumn0: number, read: SettingsRead, lastRow: number): void {
  if (valueColumn0 < 0 || lastRow < 2) return;
  const byRow = new Map<number, (typeof SETTINGS)[number]>();
  for (const s of SETTINGS) {
    const r = read[s.key];
    if (r) byRow.set(r.row, s);
  }
  const b = () => SpreadsheetApp.newDataValidation().setAllowInvalid(false);
  const cache = new Map<string, DataValidation>();
  const ruleOf = (type: SettingType, key: string): DataValidation | null => {
    const id = key === 'fiscalYear' ? key : type;
    if (cache.has(id)) return cache.get(id) as DataValidation;
    let rule: DataValidation | null = null;
    if (key === 'fiscalYear')
      rule = b()
        .requireNumberBetween(FISCAL_YEAR_RANGE.min, FISCAL_YEAR_RANGE.max)
        .setHelpText(SETUP.help.fiscalYear)
        .build();
    else if (type === 'round' || type === 'numerals') rule = list(allowedValues(type) ?? [], SETUP.help[type]);
    else if (type === 'date') rule = b().requireDate().setHelpText(SETUP.help.date).build();
    else if (type === 'integer')
      rule = b().requireNumberGreaterThanOrEqualTo(0).setHelpText(SETUP.help.integer).build();
    if (rule) cache.set(id, rule);
    return rule;
  };
  const rules: (DataValidation | null)[][] = [];
  for (let row = 2; row <= lastRow; row++) {
    const s = byRow.get(row);
    rules.push([s ? ruleOf(s.type, s.key) : null]);
  }
  sheet.getRange(2, valueColumn0 + 1, lastRow - 1, 1).setDataValidations(rules);
}

/** A tab the tracker just created: header row frozen and bold, columns as wide as the schema says. */
export function layoutNewTab(sheet: Sheet, spec: TabSpec): void {
  if (spec.columns.length === 0) return;
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, spec.columns.length).setFontWeight('bold');
  spec.columns.forEach((c, i) => {
    sheet.setColumnWidth(i + 1, c.width);
  });
}
