// In-memory SpreadsheetApp: Spreadsheet, Sheet, Range, Protection, DataValidation(Builder), charts.
// Written from the Apps Script reference (developers.google.com/apps-script/reference/spreadsheet);
// where the fake decides something the reference states, a comment quotes or paraphrases it.
// Every object code under test receives is a counted proxy (see calls.ts); tests inspect state through
// SheetsInspector, which counts nothing.
import type { Cell } from '../../src/core/cells';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { calls, counted } from './calls';
import type { FakeContext, FakeModule } from './context';
import { formatSimpleDate, instantFromWall, instantFromWallAsUtc, wallAsUtc } from './time';

type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;
type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GUser = GoogleAppsScript.Base.User;
type GWrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
type GFontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

// ---------------------------------------------------------------- errors (texts as Sheets gives them)

export const ERR = {
  rows: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columns: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  protectedCell:
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  noPermission: 'You do not have permission to perform that action.',
  outside: 'The coordinates of the range are outside the dimensions of the sheet.',
  startRowTooSmall: 'The starting row of the range is too small.',
  startColumnTooSmall: 'The starting column of the range is too small.',
  numRowsTooSmall: 'The number of rows in the range must be at least 1.',
  numColumnsTooSmall: 'The number of columns in the range must be at least 1.',
  rangeNotFound: 'Range not found',
  sheetExists: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  lastSheet: "You can't remove all the sheets in a document.",
  hideAll: "You can't hide all the sheets in a document.",
  deleteAllRows: 'Sorry, it is not possible to delete all non-frozen rows.',
  cellTooLong: (max: number) => `Your input contains more than the maximum of ${max} characters in a single cell.`,
  listTooLong:
    'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
  noDomain: 'Domain edit is only supported for spreadsheets owned by a Google Workspace domain.',
  unprotectedOnRange: 'Unprotected ranges can only be set on a protected sheet.',
  noUi: 'Cannot call SpreadsheetApp.getUi() from this context.',
} as const;

/** Google Sheets' limit on the characters of one cell. */
export const MAX_CELL_CHARS = 50000;
/** What getValues returns for a formula cell: the fakes do not compute formulas. */
export const FORMULA_PLACEHOLDER = '#ERROR!';

// ---------------------------------------------------------------- enums (string-valued, like Apps Script's toString())

const enumOf = <K extends string>(...names: K[]) =>
  Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [P in K]: P };

export const ProtectionType = enumOf('RANGE', 'SHEET');
export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
export const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
export const ChartType = enumOf(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);

// ---------------------------------------------------------------- A1 notation

export interface Rect {
  /** 0-based first row / column */
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col1: number): string {
  let s = '';
  let n = col1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function rectA1(r: Rect): string {
  const tl = `${columnLetters(r.c0 + 1)}${r.r0 + 1}`;
  if (r.nr === 1 && r.nc === 1) return tl;
  return `${tl}:${columnLetters(r.c0 + r.nc)}${r.r0 + r.nr}`;
}

/** 'B2', 'A1:C3', 'A:C' (whole columns), '2:4' (whole rows), 'A2:C' (to the last row). */
export function parseA1(a1: string, maxRows: number, maxCols: number): Rect {
  const m = /^\$?([A-Za-z]+)?\$?(\d+)?(?::\$?([A-Za-z]+)?\$?(\d+)?)?$/.exec(a1.trim());
  if (!m || (!m[1] && !m[2])) throw new Error(ERR.rangeNotFound);
  const [, c1, r1, c2, r2] = m;
  const single = !a1.includes(':');
  if (single && (!c1 || !r1)) throw new Error(ERR.rangeNotFound);
  const colStart = c1 ? columnNumber(c1) : 1;
  const rowStart = r1 ? Number(r1) : 1;
  if (!single && !c2 && !r2) throw new Error(ERR.rangeNotFound);
  // 'A:C' runs to the last row, '2:4' to the last column, 'A2:C' to the last row
  const colEnd = single ? colStart : c2 ? columnNumber(c2) : maxCols;
  const rowEnd = single ? rowStart : r2 ? Number(r2) : maxRows;
  const top = Math.min(rowStart, rowEnd);
  const left = Math.min(colStart, colEnd);
  if (top < 1 || left < 1) throw new Error(ERR.rangeNotFound);
  return { r0: top - 1, c0: left - 1, nr: Math.abs(rowEnd - rowStart) + 1, nc: Math.abs(colEnd - colStart) + 1 };
}

const overlaps = (a: Rect, b: Rect) =>
  a.r0 < b.r0 + b.nr && b.r0 < a.r0 + a.nr && a.c0 < b.c0 + b.nc && b.c0 < a.c0 + a.nc;
const contains = (outer: Rect, r: number, c: number) =>
  r >= outer.r0 && r < outer.r0 + outer.nr && c >= outer.c0 && c < outer.c0 + outer.nc;

// ---------------------------------------------------------------- cells

export type StoredValue = string | number | boolean | Date;

export interface CellData {
  v: StoredValue;
  /** formula text when the cell holds a formula */
  f?: string;
  note?: string;
  bg?: string;
  nf?: string;
  fw?: string;
  fc?: string;
  ff?: string;
  fs?: number;
  ha?: string;
  va?: string;
  wrap?: boolean;
  ws?: string;
  dv?: FakeDataValidation;
}

const isEmptyValue = (d: CellData | undefined) => !d || (d.v === '' && !d.f);

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * What Sheets stores for a value a script writes with setValue(s): the reference says a value
 * beginning with '=' is a formula; like typing, text that reads as a number, TRUE/FALSE or a date
 * becomes one, and a leading apostrophe keeps the rest as text (the apostrophe is not stored).
 * Text starting with + - @ that is not a number is also taken as a formula (Sheets shows an error),
 * which is exactly what sheetSafe() guards against. A cell formatted as plain text ('@') keeps text.
 */
export function enteredValue(value: unknown, plainText: boolean, tz: string): { v: StoredValue; f?: string } {
  if (value === null || value === undefined) return { v: '' };
  if (value instanceof Date) return { v: new Date(value.getTime()) };
  if (typeof value === 'number' || typeof value === 'boolean') return { v: value };
  const s = typeof value === 'string' ? value : String(value);
  if (s.length > MAX_CELL_CHARS) throw new Error(ERR.cellTooLong(MAX_CELL_CHARS));
  if (s.startsWith("'")) return { v: s.slice(1) };
  if (plainText || s === '') return { v: s };
  if (s.startsWith('=')) return { v: FORMULA_PLACEHOLDER, f: s };
  const t = s.trim();
  if (NUMBER_TEXT.test(t)) return { v: Number(t) };
  if (GROUPED_NUMBER_TEXT.test(t)) return { v: Number(t.replace(/,/g, '')) };
  if (/^[+\-@]/.test(s)) return { v: FORMULA_PLACEHOLDER, f: s };
  if (/^(true|false)$/i.test(t)) return { v: t.toLowerCase() === 'true' };
  const d = ISO_DATE_TEXT.exec(t);
  if (d) {
    const [y, M, day, H, m, sec] = d.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
    const probe = new Date(Date.UTC(y, M - 1, day));
    if (probe.getUTCMonth() === M - 1 && probe.getUTCDate() === day)
      return { v: instantFromWall(tz, y, M, day, H, m, sec) };
  }
  return { v: s };
}

function copyValue(v: StoredValue): StoredValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}

// ---------------------------------------------------------------- data validation

export class FakeDataValidation
  implements Pick<GDataValidation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'>
{
  readonly _api: GDataValidation;
  constructor(
    readonly criteriaType: string,
    readonly criteriaValues: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string,
  ) {
    this._api = counted('DataValidation', this) as unknown as GDataValidation;
  }
  copy(): GDataValidationBuilder {
    return new FakeDataValidationBuilder(this)._api;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): GDataValidationCriteria {
    return this.criteriaType as unknown as GDataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return [...this.criteriaValues];
  }
  getHelpText(): string {
    return this.helpText;
  }
}

type BuilderMethods =
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireDateAfter'
  | 'requireDateBefore'
  | 'requireDateBetween'
  | 'requireDateOnOrAfter'
  | 'requireDateOnOrBefore'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'withCriteria';

/** SpreadsheetApp.newDataValidation(): stores the criteria; the reference's default is "allow invalid" = true. */
export class FakeDataValidationBuilder implements Pick<GDataValidationBuilder, BuilderMethods> {
  readonly _api: GDataValidationBuilder;
  private type = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText = '';
  constructor(from?: FakeDataValidation) {
    if (from) {
      this.type = from.criteriaType;
      this.values = [...from.criteriaValues];
      this.allowInvalid = from.allowInvalid;
      this.helpText = from.helpText;
    }
    this._api = counted('DataValidationBuilder', this) as unknown as GDataValidationBuilder;
  }
  private set(type: string, values: unknown[]): GDataValidationBuilder {
    this.type = type;
    this.values = values;
    return this._api;
  }
  build(): GDataValidation {
    if (!this.type) throw new Error('You must specify a criteria type before building the data validation rule.');
    return new FakeDataValidation(this.type, this.values, this.allowInvalid, this.helpText)._api;
  }
  copy(): GDataValidationBuilder {
    return new FakeDataValidationBuilder(
      new FakeDataValidation(this.type, this.values, this.allowInvalid, this.helpText),
    )._api;
  }
  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }
  getCriteriaType(): GDataValidationCriteria {
    return this.type as unknown as GDataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return [...this.values];
  }
  getHelpText(): string | null {
    return this.helpText === '' ? null : this.helpText;
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): GDataValidationBuilder {
    return this.set(
      'CHECKBOX',
      checked === undefined ? [] : unchecked === undefined ? [checked] : [checked, unchecked],
    );
  }
  requireDate(): GDataValidationBuilder {
    return this.set('DATE_IS_VALID_DATE', []);
  }
  requireDateAfter(date: Date): GDataValidationBuilder {
    return this.set('DATE_AFTER', [date]);
  }
  requireDateBefore(date: Date): GDataValidationBuilder {
    return this.set('DATE_BEFORE', [date]);
  }
  requireDateBetween(start: Date, end: Date): GDataValidationBuilder {
    return this.set('DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date): GDataValidationBuilder {
    return this.set('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date): GDataValidationBuilder {
    return this.set('DATE_ON_OR_BEFORE', [date]);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    return this.set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    return this.set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(n: number): GDataValidationBuilder {
    return this.set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  requireNumberLessThanOrEqualTo(n: number): GDataValidationBuilder {
    return this.set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  requireTextIsEmail(): GDataValidationBuilder {
    return this.set('TEXT_IS_VALID_EMAIL', []);
  }
  requireTextIsUrl(): GDataValidationBuilder {
    return this.set('TEXT_IS_VALID_URL', []);
  }
  /** Reference: requireValueInList(values, showDropdown) — the dropdown shows unless told otherwise. */
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    return this.set('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: GRange, showDropdown = true): GDataValidationBuilder {
    return this.set('VALUE_IN_RANGE', [range, showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.allowInvalid = allowInvalidData;
    return this._api;
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.helpText = helpText;
    return this._api;
  }
  withCriteria(criteria: GDataValidationCriteria, args: any[]): GDataValidationBuilder {
    return this.set(String(criteria), [...args]);
  }
}

// ---------------------------------------------------------------- users

export class FakeUser implements Pick<GUser, 'getEmail'> {
  readonly _api: GUser;
  constructor(readonly email: string) {
    this._api = counted('User', this) as unknown as GUser;
  }
  getEmail(): string {
    return this.email;
  }
}

/** The address of a user or e-mail argument; reading a User the code handed back is the fake's own work, not a call. */
const emailOf = (who: string | GUser): string =>
  (typeof who === 'string'
    ? who
    : typeof (who as { email?: unknown }).email === 'string'
      ? (who as unknown as FakeUser).email
      : who.getEmail()
  )
    .trim()
    .toLowerCase();

// ---------------------------------------------------------------- protection

type ProtectionMethods =
  | 'addEditor'
  | 'addEditors'
  | 'canDomainEdit'
  | 'canEdit'
  | 'getDescription'
  | 'getEditors'
  | 'getProtectionType'
  | 'getRange'
  | 'getUnprotectedRanges'
  | 'isWarningOnly'
  | 'remove'
  | 'removeEditor'
  | 'removeEditors'
  | 'setDescription'
  | 'setDomainEdit'
  | 'setRange'
  | 'setUnprotectedRanges'
  | 'setWarningOnly';

/**
 * A protected range or sheet. What the reference says and the fake enforces:
 * - Range.protect()/Sheet.protect(): until the script changes the editors (add/remove editor, domain edit),
 *   the permissions mirror the spreadsheet's, so the area is in effect still editable by every file editor.
 * - "The spreadsheet owner is always able to edit protected ranges and sheets."
 * - removeEditor(s): "Neither the owner of the spreadsheet nor the current user can be removed."
 * - getEditors/canDomainEdit "throw an exception if the user does not have permission to edit".
 * - setDomainEdit throws when the spreadsheet does not belong to a Workspace domain.
 * - setUnprotectedRanges throws for a protected range (only a protected sheet has unprotected regions).
 * - warning-only protection lets every user edit.
 */
export class FakeProtection implements Pick<GProtection, ProtectionMethods> {
  readonly _api: GProtection;
  description = '';
  warningOnly = false;
  /** null while the permissions still mirror the spreadsheet's */
  editors: Set<string> | null = null;
  domainEdit: boolean;
  unprotected: Rect[] = [];
  removed = false;

  constructor(
    readonly book: FakeSpreadsheet,
    public sheet: FakeSheet,
    readonly type: 'RANGE' | 'SHEET',
    public rect: Rect | null,
  ) {
    this.domainEdit = Boolean(book.ctx.options.domain);
    this._api = counted('Protection', this) as unknown as GProtection;
  }

  /** Who may edit the area (no permission check, no counting). */
  _allows(email: string): boolean {
    const e = email.toLowerCase();
    if (this.removed || this.warningOnly) return true;
    if (e === this.book.owner) return true;
    if (this.editors === null) return this.book._isFileEditor(e);
    if (this.editors.has(e)) return true;
    const domain = this.book.ctx.options.domain;
    return this.domainEdit && !!domain && e.endsWith(`@${domain.toLowerCase()}`) && this.book._isFileEditor(e);
  }

  /** Does it cover cell (r, c) of its sheet (0-based)? */
  _covers(r: number, c: number): boolean {
    if (this.removed) return false;
    if (this.type === 'RANGE') return contains(this.rect as Rect, r, c);
    return !this.unprotected.some((u) => contains(u, r, c));
  }

  _rectOrSheet(): Rect {
    return this.rect ?? { r0: 0, c0: 0, nr: this.sheet.maxRows, nc: this.sheet.maxCols };
  }

  private me(): string {
    return this.book.ctx.users.effective.toLowerCase();
  }

  private requireEdit(): void {
    if (!this._allows(this.me())) throw new Error(ERR.noPermission);
  }

  /** The first change of editors turns the mirrored permissions into an explicit list. */
  private explicit(): Set<string> {
    if (this.editors === null) this.editors = new Set([this.book.owner, ...this.book.editors, this.me()]);
    return this.editors;
  }

  addEditor(who: string | GUser): GProtection {
    this.requireEdit();
    this.explicit().add(emailOf(who));
    return this._api;
  }
  addEditors(emailAddresses: string[]): GProtection {
    this.requireEdit();
    const set = this.explicit();
    for (const e of emailAddresses) set.add(emailOf(e));
    return this._api;
  }
  removeEditor(who: string | GUser): GProtection {
    return this.removeEditors([emailOf(who)]);
  }
  removeEditors(emailAddresses: (string | GUser)[]): GProtection {
    this.requireEdit();
    const set = this.explicit();
    for (const who of emailAddresses) {
      const e = emailOf(who);
      if (e !== this.book.owner && e !== this.me()) set.delete(e);
    }
    return this._api;
  }
  canDomainEdit(): boolean {
    this.requireEdit();
    return Boolean(this.book.ctx.options.domain) && this.domainEdit;
  }
  canEdit(): boolean {
    return this._allows(this.me());
  }
  getDescription(): string {
    return this.description;
  }
  getEditors(): GUser[] {
    this.requireEdit();
    const list = this.editors === null ? [this.book.owner, ...this.book.editors, this.me()] : [...this.editors];
    return [...new Set(list)].map((e) => new FakeUser(e)._api);
  }
  getProtectionType(): GProtectionType {
    return this.type as unknown as GProtectionType;
  }
  getRange(): GRange {
    return new FakeRange(this.sheet, this._rectOrSheet())._api;
  }
  getUnprotectedRanges(): GRange[] {
    return this.type === 'SHEET' ? this.unprotected.map((u) => new FakeRange(this.sheet, u)._api) : [];
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  remove(): void {
    this.requireEdit();
    this.removed = true;
    this.book.protections = this.book.protections.filter((p) => p !== this);
  }
  setDescription(description: string): GProtection {
    this.requireEdit();
    this.description = description;
    return this._api;
  }
  setDomainEdit(editable: boolean): GProtection {
    this.requireEdit();
    if (!this.book.ctx.options.domain) throw new Error(ERR.noDomain);
    this.explicit();
    this.domainEdit = editable;
    return this._api;
  }
  setRange(range: GRange): GProtection {
    this.requireEdit();
    const r = FakeRange._of(range);
    this.sheet = r.sheet;
    if (this.type === 'RANGE') this.rect = { ...r.rect };
    return this._api;
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    this.requireEdit();
    if (this.type !== 'SHEET') throw new Error(ERR.unprotectedOnRange);
    const rects = ranges.map((g) => {
      const r = FakeRange._of(g);
      if (r.sheet !== this.sheet) throw new Error('The range must be on the protected sheet.');
      return { ...r.rect };
    });
    this.unprotected = rects;
    return this._api;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this.requireEdit();
    this.warningOnly = warningOnly;
    return this._api;
  }
}

// ---------------------------------------------------------------- charts

export interface ChartState {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

class FakeChart {
  readonly _api: GEmbeddedChart;
  constructor(
    public state: ChartState,
    readonly sheet: FakeSheet,
  ) {
    this._api = counted('EmbeddedChart', this) as unknown as GEmbeddedChart;
    chartTargets.set(this._api, this);
  }
  getChartId(): number {
    return this.state.id;
  }
  getRanges(): GRange[] {
    return this.state.ranges.map((a1) => this.sheet._range(a1)._api);
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.state.options;
    return counted('ChartOptions', {
      get: (k: string) => options[k] ?? null,
      getOrDefault: (k: string) => options[k] ?? null,
    }) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  modify(): GEmbeddedChartBuilder {
    return new FakeChartBuilder(this.sheet, this.state)._api;
  }
}

/** Sheet.newChart(): a builder that records type, ranges, options and position; build() gives the chart. */
class FakeChartBuilder {
  readonly _api: GEmbeddedChartBuilder;
  private state: ChartState;
  constructor(
    readonly sheet: FakeSheet,
    from?: ChartState,
  ) {
    this.state = from
      ? { ...from, ranges: [...from.ranges], options: { ...from.options } }
      : { id: 0, type: 'COLUMN', ranges: [], options: {}, position: null };
    this._api = counted('EmbeddedChartBuilder', this) as unknown as GEmbeddedChartBuilder;
  }
  private self() {
    return this._api;
  }
  addRange(range: GRange) {
    this.state.ranges.push(FakeRange._of(range)._a1());
    return this.self();
  }
  clearRanges() {
    this.state.ranges = [];
    return this.self();
  }
  removeRange(range: GRange) {
    const a1 = FakeRange._of(range)._a1();
    this.state.ranges = this.state.ranges.filter((r) => r !== a1);
    return this.self();
  }
  setChartType(type: unknown) {
    this.state.type = String(type);
    return this.self();
  }
  setOption(option: string, value: unknown) {
    this.state.options[option] = value;
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown) {
    return this.setOption('legend.position', String(position));
  }
  setNumHeaders(headers: number) {
    return this.setOption('headers', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    return this.setOption('transposeRowsAndColumns', transpose);
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asTableChart() {
    return this.setChartType('TABLE');
  }
  getChartType() {
    return this.state.type;
  }
  getRanges(): GRange[] {
    return this.state.ranges.map((a1) => this.sheet._range(a1)._api);
  }
  build(): GEmbeddedChart {
    return new FakeChart(
      { ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } },
      this.sheet,
    )._api;
  }
}

// ---------------------------------------------------------------- range

type RangeMethods =
  | 'activate'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getHeight'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRow'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getWidth'
  | 'getWrap'
  | 'getWraps'
  | 'getWrapStrategy'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'offset'
  | 'protect'
  | 'setBackground'
  | 'setBackgrounds'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setWrap'
  | 'setWraps'
  | 'setWrapStrategy'
  | 'setWrapStrategies';

export class FakeRange implements Pick<GRange, RangeMethods> {
  readonly _api: GRange;
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    this._api = counted('Range', this) as unknown as GRange;
    fakeOf.set(this._api, this);
  }

  static _of(range: GRange): FakeRange {
    const f = fakeOf.get(range);
    if (!f) throw new Error('The fakes were handed a Range they did not create.');
    return f;
  }

  _a1(): string {
    return rectA1(this.rect);
  }

  // -------------------------------------------------- helpers (not counted)

  private grid<T>(fn: (d: CellData | undefined, r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this.rect.nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < this.rect.nc; j++) row.push(fn(this.sheet._cell(this.rect.r0 + i, this.rect.c0 + j), i, j));
      out.push(row);
    }
    return out;
  }

  private checkDims(data: unknown[][]): void {
    if (!Array.isArray(data)) throw new Error(ERR.rows(0, this.rect.nr));
    if (data.length !== this.rect.nr) throw new Error(ERR.rows(data.length, this.rect.nr));
    for (const row of data) {
      const n = Array.isArray(row) ? row.length : 0;
      if (n !== this.rect.nc) throw new Error(ERR.columns(n, this.rect.nc));
    }
  }

  /** Writes one cell property over the range; the user must be allowed to edit every cell. */
  private write(fn: (d: CellData, i: number, j: number) => void): GRange {
    this.sheet._assertCanEdit(this.rect);
    for (let i = 0; i < this.rect.nr; i++)
      for (let j = 0; j < this.rect.nc; j++) fn(this.sheet._cellForWrite(this.rect.r0 + i, this.rect.c0 + j), i, j);
    return this._api;
  }

  /** Like write, for clearing: cells never written stay absent (a whole-sheet clear stays cheap). */
  private clearing(fn: (d: CellData) => void): GRange {
    this.sheet._assertCanEdit(this.rect);
    const { r0, c0, nr, nc } = this.rect;
    for (let r = r0; r < Math.min(r0 + nr, this.sheet.rows.length); r++) {
      const row = this.sheet.rows[r];
      if (!row) continue;
      for (let c = c0; c < Math.min(c0 + nc, row.length); c++) {
        const d = row[c];
        if (d) fn(d);
      }
    }
    return this._api;
  }

  private first(): CellData | undefined {
    return this.sheet._cell(this.rect.r0, this.rect.c0);
  }

  private tz(): string {
    return this.sheet.book.timeZone;
  }

  // -------------------------------------------------- values

  getValues(): any[][] {
    return this.grid((d) => (d ? copyValue(d.v) : ''));
  }
  getValue(): any {
    const d = this.first();
    return d ? copyValue(d.v) : '';
  }
  getDisplayValues(): string[][] {
    return this.grid((d) => displayText(d, this.tz()));
  }
  getDisplayValue(): string {
    return displayText(this.first(), this.tz());
  }
  getFormulas(): string[][] {
    return this.grid((d) => d?.f ?? '');
  }
  getFormula(): string {
    return this.first()?.f ?? '';
  }

  /** Reference: "Sets a rectangular grid of values (must match dimensions of this range)." */
  setValues(values: any[][]): GRange {
    this.checkDims(values);
    const entered = values.map((row, i) =>
      row.map((v, j) => {
        const d = this.sheet._cell(this.rect.r0 + i, this.rect.c0 + j);
        return enteredValue(v, d?.nf === '@', this.tz());
      }),
    );
    return this.write((d, i, j) => {
      d.v = entered[i][j].v;
      d.f = entered[i][j].f;
    });
  }
  /** Reference: sets the value of the range (every cell of it); '=' starts a formula. */
  setValue(value: any): GRange {
    return this.write((d) => {
      const e = enteredValue(value, d.nf === '@', this.tz());
      d.v = e.v;
      d.f = e.f;
    });
  }
  setFormulas(formulas: string[][]): GRange {
    this.checkDims(formulas);
    return this.write((d, i, j) => {
      const f = formulas[i][j];
      d.f = f ? f : undefined;
      d.v = f ? FORMULA_PLACEHOLDER : '';
    });
  }
  setFormula(formula: string): GRange {
    return this.write((d) => {
      d.f = formula || undefined;
      d.v = formula ? FORMULA_PLACEHOLDER : '';
    });
  }
  insertCheckboxes(): GRange {
    const rule = new FakeDataValidation('CHECKBOX', [], false, '');
    return this.write((d) => {
      d.dv = rule;
      d.v = false;
      d.f = undefined;
    });
  }
  isBlank(): boolean {
    return this.grid((d) => isEmptyValue(d)).every((row) => row.every(Boolean));
  }

  // -------------------------------------------------- clearing

  /** Reference: clear() clears contents and formats; options narrow it (contentsOnly, formatOnly, commentsOnly, validationsOnly). */
  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): GRange {
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    return this.clearing((d) => {
      if (!any || o.contentsOnly) clearContent(d);
      if (!any || o.formatOnly) clearFormat(d);
      if (o.commentsOnly) d.note = undefined;
      if (o.validationsOnly) d.dv = undefined;
    });
  }
  clearContent(): GRange {
    return this.clearing(clearContent);
  }
  clearFormat(): GRange {
    return this.clearing(clearFormat);
  }
  clearNote(): GRange {
    return this.clearing((d) => (d.note = undefined));
  }
  clearDataValidations(): GRange {
    return this.clearing((d) => (d.dv = undefined));
  }

  // -------------------------------------------------- geometry

  getA1Notation(): string {
    return this._a1();
  }
  getRow(): number {
    return this.rect.r0 + 1;
  }
  getColumn(): number {
    return this.rect.c0 + 1;
  }
  getLastRow(): number {
    return this.rect.r0 + this.rect.nr;
  }
  getLastColumn(): number {
    return this.rect.c0 + this.rect.nc;
  }
  getNumRows(): number {
    return this.rect.nr;
  }
  getNumColumns(): number {
    return this.rect.nc;
  }
  getHeight(): number {
    return this.rect.nr;
  }
  getWidth(): number {
    return this.rect.nc;
  }
  getSheet(): GSheet {
    return this.sheet._api;
  }
  /** Reference: Range.getGridId() "Returns the grid ID of the range's parent sheet" (the gid in its URL). */
  getGridId(): number {
    return this.sheet.getSheetId();
  }
  getCell(row: number, column: number): GRange {
    if (row < 1 || column < 1 || row > this.rect.nr || column > this.rect.nc) throw new Error(ERR.outside);
    return new FakeRange(this.sheet, { r0: this.rect.r0 + row - 1, c0: this.rect.c0 + column - 1, nr: 1, nc: 1 })._api;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GRange {
    return this.sheet._rangeAt(
      this.rect.r0 + rowOffset + 1,
      this.rect.c0 + columnOffset + 1,
      numRows ?? this.rect.nr,
      numColumns ?? this.rect.nc,
    )._api;
  }
  activate(): GRange {
    this.sheet.book.active = this.sheet;
    return this._api;
  }
  protect(): GProtection {
    const p = new FakeProtection(this.sheet.book, this.sheet, 'RANGE', { ...this.rect });
    this.sheet.book.protections.push(p);
    return p._api;
  }

  // -------------------------------------------------- notes, formats, validation

  getNote(): string {
    return this.first()?.note ?? '';
  }
  getNotes(): string[][] {
    return this.grid((d) => d?.note ?? '');
  }
  setNote(note: string | null): GRange {
    return this.write((d) => (d.note = note ? String(note) : undefined));
  }
  setNotes(notes: any[][]): GRange {
    this.checkDims(notes);
    return this.write((d, i, j) => (d.note = notes[i][j] ? String(notes[i][j]) : undefined));
  }
  getBackground(): string {
    return this.first()?.bg ?? '#ffffff';
  }
  getBackgrounds(): string[][] {
    return this.grid((d) => d?.bg ?? '#ffffff');
  }
  setBackground(color: string | null): GRange {
    return this.write((d) => (d.bg = color ? color.toLowerCase() : undefined));
  }
  setBackgrounds(colors: Array<Array<string | null>>): GRange {
    this.checkDims(colors);
    return this.write((d, i, j) => (d.bg = colors[i][j] ? String(colors[i][j]).toLowerCase() : undefined));
  }
  getNumberFormat(): string {
    return this.first()?.nf ?? 'General';
  }
  getNumberFormats(): string[][] {
    return this.grid((d) => d?.nf ?? 'General');
  }
  setNumberFormat(numberFormat: string): GRange {
    return this.write((d) => (d.nf = numberFormat));
  }
  setNumberFormats(numberFormats: any[][]): GRange {
    this.checkDims(numberFormats);
    return this.write((d, i, j) => (d.nf = String(numberFormats[i][j])));
  }
  getFontWeight(): GFontWeight {
    return (this.first()?.fw ?? 'normal') as GFontWeight;
  }
  getFontWeights(): GFontWeight[][] {
    return this.grid((d) => (d?.fw ?? 'normal') as GFontWeight);
  }
  setFontWeight(fontWeight: string | null): GRange {
    return this.write((d) => (d.fw = fontWeight ?? undefined));
  }
  setFontWeights(fontWeights: any[][]): GRange {
    this.checkDims(fontWeights);
    return this.write((d, i, j) => (d.fw = fontWeights[i][j] ?? undefined));
  }
  setFontColor(color: string | null): GRange {
    return this.write((d) => (d.fc = color ?? undefined));
  }
  setFontFamily(fontFamily: string | null): GRange {
    return this.write((d) => (d.ff = fontFamily ?? undefined));
  }
  setFontSize(size: number): GRange {
    return this.write((d) => (d.fs = size));
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): GRange {
    return this.write((d) => (d.ha = alignment ?? undefined));
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): GRange {
    return this.write((d) => (d.va = alignment ?? undefined));
  }
  getWrap(): boolean {
    const d = this.first();
    return d?.wrap ?? (d?.ws ? d.ws === 'WRAP' : true);
  }
  getWraps(): boolean[][] {
    return this.grid((d) => d?.wrap ?? (d?.ws ? d.ws === 'WRAP' : true));
  }
  getWrapStrategy(): GWrapStrategy {
    return (this.first()?.ws ?? 'OVERFLOW') as unknown as GWrapStrategy;
  }
  setWrap(isWrapEnabled: boolean): GRange {
    return this.write((d) => {
      d.wrap = isWrapEnabled;
      d.ws = isWrapEnabled ? 'WRAP' : 'OVERFLOW';
    });
  }
  setWraps(isWrapEnabled: any[][]): GRange {
    this.checkDims(isWrapEnabled);
    return this.write((d, i, j) => {
      d.wrap = Boolean(isWrapEnabled[i][j]);
      d.ws = d.wrap ? 'WRAP' : 'OVERFLOW';
    });
  }
  setWrapStrategy(strategy: GWrapStrategy): GRange {
    return this.write((d) => {
      d.ws = String(strategy);
      d.wrap = d.ws === 'WRAP';
    });
  }
  setWrapStrategies(strategies: GWrapStrategy[][]): GRange {
    this.checkDims(strategies);
    return this.write((d, i, j) => {
      d.ws = String(strategies[i][j]);
      d.wrap = d.ws === 'WRAP';
    });
  }
  getDataValidation(): GDataValidation | null {
    return this.first()?.dv?._api ?? null;
  }
  getDataValidations(): (GDataValidation | null)[][] {
    return this.grid((d) => d?.dv?._api ?? null);
  }
  setDataValidation(rule: GDataValidation | null): GRange {
    const dv = rule ? validationOf(rule) : undefined;
    return this.write((d) => (d.dv = dv));
  }
  setDataValidations(rules: (GDataValidation | null)[][]): GRange {
    this.checkDims(rules);
    const dvs = rules.map((row) => row.map((r) => (r ? validationOf(r) : undefined)));
    return this.write((d, i, j) => (d.dv = dvs[i][j]));
  }
}

const fakeOf = new WeakMap<object, FakeRange>();
const chartTargets = new WeakMap<object, FakeChart>();

function validationOf(rule: GDataValidation): FakeDataValidation {
  // the rule is a counted proxy over a FakeDataValidation; read its state without counting
  const dv = calls.untracked(
    () =>
      new FakeDataValidation(
        String(rule.getCriteriaType()),
        rule.getCriteriaValues(),
        rule.getAllowInvalid(),
        rule.getHelpText() ?? '',
      ),
  );
  if (
    dv.criteriaType === 'VALUE_IN_LIST' &&
    Array.isArray(dv.criteriaValues[0]) &&
    (dv.criteriaValues[0] as unknown[]).length > 500
  )
    throw new Error(ERR.listTooLong);
  return dv;
}

function clearContent(d: CellData): void {
  d.v = '';
  d.f = undefined;
}

function clearFormat(d: CellData): void {
  d.bg = d.nf = d.fw = d.fc = d.ff = d.ha = d.va = d.ws = undefined;
  d.fs = undefined;
  d.wrap = undefined;
}

function displayText(d: CellData | undefined, tz: string): string {
  if (!d) return '';
  const v = d.v;
  if (v instanceof Date) {
    const nf = d.nf && /[ymdhs]/i.test(d.nf) ? simpleFromSheetsFormat(d.nf) : 'yyyy-MM-dd';
    try {
      return formatSimpleDate(v, tz, nf);
    } catch {
      return formatSimpleDate(v, tz, 'yyyy-MM-dd');
    }
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

/**
 * A Sheets date format ('dd/mm/yyyy hh:mm', 'd mmmm yyyy', 'dddd') as a SimpleDateFormat pattern:
 * in Sheets 'm' is the month unless it follows an hour or precedes seconds; 'dddd' is the weekday.
 */
export function simpleFromSheetsFormat(nf: string): string {
  const parts = nf.match(/"[^"]*"|\\.|y+|m+|d+|h+|s+|am\/pm|a\/p|[^ymdhs"\\]+/gi) ?? [];
  const out: string[] = [];
  const twelveHour = /am\/pm|a\/p/i.test(nf);
  parts.forEach((p, i) => {
    const lower = p.toLowerCase();
    const prevUnit = parts
      .slice(0, i)
      .reverse()
      .find((x) => /^[ymdhs]/i.test(x))?.[0]
      .toLowerCase();
    const nextUnit = parts
      .slice(i + 1)
      .find((x) => /^[ymdhs]/i.test(x))?.[0]
      .toLowerCase();
    if (p.startsWith('"')) out.push(`'${p.slice(1, -1).replace(/'/g, "''")}'`);
    else if (p.startsWith('\\')) out.push(`'${p.slice(1)}'`);
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? 'yy' : 'yyyy');
    else if (lower[0] === 'm')
      out.push(
        prevUnit === 'h' || nextUnit === 's' ? 'mm'.slice(0, Math.min(2, p.length)) : 'M'.repeat(Math.min(4, p.length)),
      );
    else if (lower[0] === 'd') out.push(p.length >= 3 ? 'E'.repeat(p.length >= 4 ? 4 : 3) : 'd'.repeat(p.length));
    else if (lower[0] === 'h') out.push((twelveHour ? 'h' : 'H').repeat(Math.min(2, p.length)));
    else if (lower[0] === 's') out.push('s'.repeat(Math.min(2, p.length)));
    else if (/^(am\/pm|a\/p)$/i.test(p)) out.push('a');
    else out.push(/[A-Za-z]/.test(p) ? `'${p.replace(/'/g, "''")}'` : p);
  });
  return out.join('');
}

// ---------------------------------------------------------------- sheet

type SheetMethods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'clearNotes'
  | 'deleteColumns'
  | 'deleteRows'
  | 'getCharts'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideSheet'
  | 'insertChart'
  | 'insertColumnsAfter'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isSheetHidden'
  | 'newChart'
  | 'protect'
  | 'removeChart'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setRowHeight'
  | 'setTabColor'
  | 'showColumns'
  | 'showSheet'
  | 'updateChart';

export class FakeSheet implements Pick<GSheet, SheetMethods> {
  readonly _api: GSheet;
  rows: Array<Array<CellData | undefined> | undefined> = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  charts: FakeChart[] = [];

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    public maxRows = 1000,
    public maxCols = 26,
  ) {
    this._api = counted('Sheet', this) as unknown as GSheet;
  }

  // -------------------------------------------------- internals (not counted)

  _cell(r: number, c: number): CellData | undefined {
    return this.rows[r]?.[c];
  }

  _cellForWrite(r: number, c: number): CellData {
    const row = (this.rows[r] ??= []);
    return (row[c] ??= { v: '' });
  }

  _rangeAt(row: number, column: number, numRows = 1, numColumns = 1): FakeRange {
    if (row < 1) throw new Error(ERR.startRowTooSmall);
    if (column < 1) throw new Error(ERR.startColumnTooSmall);
    if (numRows < 1) throw new Error(ERR.numRowsTooSmall);
    if (numColumns < 1) throw new Error(ERR.numColumnsTooSmall);
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxCols) throw new Error(ERR.outside);
    return new FakeRange(this, { r0: row - 1, c0: column - 1, nr: numRows, nc: numColumns });
  }

  _range(a1: string): FakeRange {
    const r = parseA1(a1, this.maxRows, this.maxCols);
    return this._rangeAt(r.r0 + 1, r.c0 + 1, r.nr, r.nc);
  }

  _protections(): FakeProtection[] {
    return this.book.protections.filter((p) => p.sheet === this);
  }

  /** Throws like Sheets when the acting (effective) user may not edit a cell of the rectangle. */
  _assertCanEdit(rect: Rect): void {
    const me = this.book.ctx.users.effective;
    for (const p of this._protections()) {
      if (p._allows(me)) continue;
      const area = p._rectOrSheet();
      if (!overlaps(area, rect)) continue;
      for (let r = rect.r0; r < rect.r0 + rect.nr; r++)
        for (let c = rect.c0; c < rect.c0 + rect.nc; c++) if (p._covers(r, c)) throw new Error(ERR.protectedCell);
    }
  }

  _lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) if (this.rows[r]?.some((d) => !isEmptyValue(d))) return r + 1;
    return 0;
  }

  _lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--)
        if (!isEmptyValue(row[c])) {
          last = c + 1;
          break;
        }
    }
    return last;
  }

  /** Moves protections when rows are inserted (count > 0) or deleted (count < 0) at 0-based row `at`. */
  private shiftRows(at: number, count: number): void {
    const shift = (r: Rect): Rect | null => {
      if (count > 0) {
        if (r.r0 >= at) return { ...r, r0: r.r0 + count };
        if (r.r0 + r.nr > at) return { ...r, nr: r.nr + count };
        return r;
      }
      const del = -count;
      const start = r.r0;
      const end = r.r0 + r.nr; // exclusive
      const keptBefore = Math.max(0, Math.min(end, at) - start);
      const keptAfter = Math.max(0, end - Math.max(start, at + del));
      const nr = keptBefore + keptAfter;
      if (nr === 0) return null;
      return { ...r, r0: start < at ? start : Math.max(at, start - del), nr };
    };
    for (const p of this._protections()) {
      if (p.rect) {
        const moved = shift(p.rect);
        if (moved) p.rect = moved;
        else p.remove();
      }
      p.unprotected = p.unprotected.map(shift).filter((r): r is Rect => r !== null);
    }
  }

  // -------------------------------------------------- identity

  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): GSheet {
    if (this.book.sheets.some((s) => s !== this && s.name === name)) throw new Error(ERR.sheetExists(name));
    this.name = name;
    return this._api;
  }
  getSheetId(): number {
    return this.id;
  }
  getIndex(): number {
    return this.book.sheets.indexOf(this) + 1;
  }
  getParent(): GSpreadsheet {
    return this.book._api;
  }
  activate(): GSheet {
    this.book.active = this;
    return this._api;
  }

  // -------------------------------------------------- ranges

  /** Reference: getRange(row, column, numRows, numColumns) is 1-based; getRange(a1Notation) too. */
  getRange(a: string | number, column?: number, numRows?: number, numColumns?: number): GRange {
    if (typeof a === 'string') return this._range(a)._api;
    if (column === undefined)
      throw new Error("The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.");
    return this._rangeAt(a, column, numRows ?? 1, numColumns ?? 1)._api;
  }
  /** Reference: the range from A1 to (getLastRow, getLastColumn); A1 alone when the sheet is empty. */
  getDataRange(): GRange {
    return this._rangeAt(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()))._api;
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxCols;
  }

  /** Reference: appends a row after the last row with content; the sheet grows when needed. */
  appendRow(rowContents: any[]): GSheet {
    const row = this._lastRow() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxCols) this.maxCols = rowContents.length;
    const range = new FakeRange(this, { r0: row - 1, c0: 0, nr: 1, nc: Math.max(1, rowContents.length) });
    range.setValues([rowContents.length ? rowContents : ['']]);
    return this._api;
  }

  insertRowsAfter(afterPosition: number, howMany: number): GSheet {
    this._assertRowsEditable();
    this.rows.splice(afterPosition, 0, ...new Array<undefined>(howMany).fill(undefined));
    this.maxRows += howMany;
    this.shiftRows(afterPosition, howMany);
    return this._api;
  }
  insertRowsBefore(beforePosition: number, howMany: number): GSheet {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.maxRows) throw new Error(ERR.outside);
    if (howMany >= this.maxRows - this.frozenRows) throw new Error(ERR.deleteAllRows);
    this._assertCanEdit({ r0: rowPosition - 1, c0: 0, nr: howMany, nc: this.maxCols });
    this.rows.splice(rowPosition - 1, howMany);
    this.maxRows -= howMany;
    this.shiftRows(rowPosition - 1, -howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): GSheet {
    this._assertRowsEditable();
    for (const row of this.rows)
      if (row && row.length > afterPosition)
        row.splice(afterPosition, 0, ...new Array<undefined>(howMany).fill(undefined));
    this.maxCols += howMany;
    return this._api;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (columnPosition < 1 || columnPosition + howMany - 1 > this.maxCols) throw new Error(ERR.outside);
    this._assertCanEdit({ r0: 0, c0: columnPosition - 1, nr: this.maxRows, nc: howMany });
    for (const row of this.rows) if (row) row.splice(columnPosition - 1, howMany);
    this.maxCols -= howMany;
  }
  /** Inserting rows or columns changes a protected sheet: only its editors may. */
  private _assertRowsEditable(): void {
    const me = this.book.ctx.users.effective;
    if (this._protections().some((p) => p.type === 'SHEET' && !p._allows(me))) throw new Error(ERR.protectedCell);
  }

  /** Reference: clears the sheet of content and formatting information. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GSheet {
    const all = new FakeRange(this, { r0: 0, c0: 0, nr: this.maxRows, nc: this.maxCols });
    all.clear(options);
    return this._api;
  }
  clearContents(): GSheet {
    new FakeRange(this, { r0: 0, c0: 0, nr: this.maxRows, nc: this.maxCols }).clearContent();
    return this._api;
  }
  clearFormats(): GSheet {
    new FakeRange(this, { r0: 0, c0: 0, nr: this.maxRows, nc: this.maxCols }).clearFormat();
    return this._api;
  }
  clearNotes(): GSheet {
    new FakeRange(this, { r0: 0, c0: 0, nr: this.maxRows, nc: this.maxCols }).clearNote();
    return this._api;
  }

  // -------------------------------------------------- layout

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): GSheet {
    this.columnWidths.set(columnPosition, width);
    return this._api;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this._api;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? 100;
  }
  setRowHeight(rowPosition: number, height: number): GSheet {
    this.rowHeights.set(rowPosition, height);
    return this._api;
  }
  autoResizeColumns(startColumn: number, numColumns: number): GSheet {
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.delete(c);
    return this._api;
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }
  hideSheet(): GSheet {
    if (this.book.sheets.filter((s) => !s.hidden && s !== this).length === 0) throw new Error(ERR.hideAll);
    this.hidden = true;
    return this._api;
  }
  showSheet(): GSheet {
    this.hidden = false;
    return this._api;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): GSheet {
    this.tabColor = color ? color.toLowerCase() : null;
    return this._api;
  }
  getTabColor(): string | null {
    return this.tabColor;
  }

  // -------------------------------------------------- protection

  /** A sheet has at most one sheet protection: protecting it again hands back the one it has. */
  protect(): GProtection {
    const existing = this._protections().find((p) => p.type === 'SHEET');
    if (existing) return existing._api;
    const p = new FakeProtection(this.book, this, 'SHEET', null);
    this.book.protections.push(p);
    return p._api;
  }
  getProtections(type: GProtectionType): GProtection[] {
    return this._protections()
      .filter((p) => p.type === String(type))
      .map((p) => p._api);
  }

  // -------------------------------------------------- charts

  newChart(): GEmbeddedChartBuilder {
    return new FakeChartBuilder(this)._api;
  }
  insertChart(chart: GEmbeddedChart): void {
    const f = chartOf(chart);
    f.state.id = ++this.book.chartSeq;
    this.charts.push(new FakeChart(f.state, this));
  }
  getCharts(): GEmbeddedChart[] {
    return this.charts.map((c) => c._api);
  }
  removeChart(chart: GEmbeddedChart): void {
    const id = calls.untracked(() => chart.getChartId());
    this.charts = this.charts.filter((c) => c.state.id !== id);
  }
  updateChart(chart: GEmbeddedChart): void {
    const f = chartOf(chart);
    const i = this.charts.findIndex((c) => c.state.id === f.state.id);
    if (i >= 0) this.charts[i] = new FakeChart(f.state, this);
  }
}

function chartOf(chart: GEmbeddedChart): FakeChart {
  const f = chartTargets.get(chart);
  if (!f) throw new Error('The fakes were handed a chart they did not build.');
  return f;
}

// ---------------------------------------------------------------- spreadsheet

type SpreadsheetMethods =
  | 'addEditor'
  | 'addEditors'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'getEditors'
  | 'getId'
  | 'getName'
  | 'getNumSheets'
  | 'getOwner'
  | 'getProtections'
  | 'getRange'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'removeEditor'
  | 'rename'
  | 'setActiveSheet'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class FakeSpreadsheet implements Pick<GSpreadsheet, SpreadsheetMethods> {
  readonly _api: GSpreadsheet;
  sheets: FakeSheet[] = [];
  protections: FakeProtection[] = [];
  toasts: { message: string; title: string; timeoutSeconds: number | null }[] = [];
  active: FakeSheet | null = null;
  owner: string;
  editors: string[];
  timeZone: string;
  name: string;
  id: string;
  locale: string;
  chartSeq = 0;
  private sheetSeq = 0;

  constructor(readonly ctx: FakeContext) {
    const o = ctx.options;
    this.owner = (o.owner ?? ctx.users.effective).toLowerCase();
    this.editors = (o.editors ?? []).map((e) => e.toLowerCase());
    this.timeZone = ctx.timeZone;
    this.name = o.spreadsheetName ?? 'ITA tracker';
    this.id = o.spreadsheetId ?? 'fake-spreadsheet-id';
    this.locale = o.spreadsheetLocale ?? 'th_TH';
    this._api = counted('Spreadsheet', this) as unknown as GSpreadsheet;
  }

  _isFileEditor(email: string): boolean {
    const e = email.toLowerCase();
    // whoever runs the script can edit the file (a script bound to a sheet runs for its editors)
    return e === this.owner || this.editors.includes(e) || e === this.ctx.users.effective.toLowerCase();
  }

  _sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  _addSheet(name: string, index?: number, rows = 1000, cols = 26): FakeSheet {
    if (this._sheet(name)) throw new Error(ERR.sheetExists(name));
    const sheet = new FakeSheet(this, name, ++this.sheetSeq === 1 ? 0 : 100000 + this.sheetSeq, rows, cols);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  _removeSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new Error(ERR.lastSheet);
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.protections = this.protections.filter((p) => p.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = newName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  getSheets(): GSheet[] {
    return this.sheets.map((s) => s._api);
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  getSheetByName(name: string): GSheet | null {
    return this._sheet(name)?._api ?? null;
  }
  getActiveSheet(): GSheet {
    return (this.active ?? this.sheets[0])._api;
  }
  setActiveSheet(sheet: GSheet): GSheet {
    const s = this.sheets.find((x) => x._api === sheet);
    if (s) this.active = s;
    return sheet;
  }
  /** Reference: insertSheet() / (index) / (name) / (name, index); the new sheet becomes active. */
  insertSheet(a?: string | number | object, b?: number | object): GSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') {
      name = a;
      if (typeof b === 'number') index = b;
    } else if (typeof a === 'number') index = a;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this._sheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const sheet = this._addSheet(name, index);
    this.active = sheet;
    return sheet._api;
  }
  deleteSheet(sheet: GSheet): void {
    const s = this.sheets.find((x) => x._api === sheet);
    if (!s) throw new Error('Sheet not found');
    // deleting a protected sheet needs edit rights on its protections
    const me = this.ctx.users.effective;
    if (s._protections().some((p) => !p._allows(me))) throw new Error(ERR.protectedCell);
    this._removeSheet(s);
  }
  /** 'Sheet1!A1:B2' or "'Tab name'!A1"; no sheet name means the active sheet. */
  getRange(a1Notation: string): GRange {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(a1Notation);
    if (!m) return (this.active ?? this.sheets[0])._range(a1Notation)._api;
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string);
    const sheet = this._sheet(name);
    if (!sheet) throw new Error(ERR.rangeNotFound);
    return sheet._range(m[3])._api;
  }
  getProtections(type: GProtectionType): GProtection[] {
    return this.protections.filter((p) => p.type === String(type)).map((p) => p._api);
  }
  getOwner(): GUser {
    return new FakeUser(this.owner)._api;
  }
  getEditors(): GUser[] {
    return [this.owner, ...this.editors].map((e) => new FakeUser(e)._api);
  }
  addEditor(who: string | GUser): GSpreadsheet {
    const e = emailOf(who);
    if (e !== this.owner && !this.editors.includes(e)) this.editors.push(e);
    return this._api;
  }
  addEditors(emailAddresses: string[]): GSpreadsheet {
    for (const e of emailAddresses) this.addEditor(e);
    return this._api;
  }
  removeEditor(who: string | GUser): GSpreadsheet {
    const e = emailOf(who);
    this.editors = this.editors.filter((x) => x !== e);
    return this._api;
  }
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.toasts.push({ message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? null });
  }
}

// ---------------------------------------------------------------- SpreadsheetApp

class FakeSpreadsheetApp {
  readonly ProtectionType = ProtectionType;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = WrapStrategy;
  readonly _api: GSpreadsheetApp;
  constructor(readonly book: FakeSpreadsheet) {
    this._api = counted('SpreadsheetApp', this) as unknown as GSpreadsheetApp;
  }
  getActive(): GSpreadsheet {
    return this.book._api;
  }
  getActiveSpreadsheet(): GSpreadsheet {
    return this.book._api;
  }
  getActiveSheet(): GSheet {
    return this.book.getActiveSheet();
  }
  /** Reference: "A script can only interact with the UI for the current instance of an open editor". */
  getUi(): GoogleAppsScript.Base.Ui {
    if (!this.book.ctx.uiAvailable || !this.book.ctx.ui) throw new Error(ERR.noUi);
    return this.book.ctx.ui;
  }
  newDataValidation(): GDataValidationBuilder {
    return new FakeDataValidationBuilder()._api;
  }
  flush(): void {}
  openById(id: string): GSpreadsheet {
    if (id === this.book.id) return this.book._api;
    throw new Error(`The fakes hold one spreadsheet (${this.book.id}); ${id} is not it.`);
  }
}

// ---------------------------------------------------------------- inspection for tests (never counted)

export interface ProtectionInfo {
  type: 'RANGE' | 'SHEET';
  tab: string;
  /** A1 of the protected range ('' for a whole sheet) */
  range: string;
  description: string;
  /** explicit editors, or null while the permissions still mirror the spreadsheet's */
  editors: string[] | null;
  domainEdit: boolean;
  warningOnly: boolean;
  unprotected: string[];
}

export interface CellInfo {
  value: StoredValue;
  formula: string;
  note: string;
  background: string;
  numberFormat: string;
  fontWeight: string;
  wrap: boolean;
  validation: { type: string; values: unknown[]; allowInvalid: boolean; helpText: string } | null;
}

export interface SheetsInspector {
  /** The spreadsheet code under test gets from SpreadsheetApp.getActive() (counted). */
  readonly api: GSpreadsheet;
  tabNames(): string[];
  /** What getDataRange().getValues() returns for a tab (Dates are instants), or undefined if there is no such tab. */
  values(tab: string): StoredValue[][] | undefined;
  /** Every tab in core's convention (Dates as wall clock in UTC), as the adapter would read it. */
  snapshot(): WorkbookSnapshot;
  cell(tab: string, a1: string): CellInfo;
  protections(tab?: string): ProtectionInfo[];
  /** Would a write by `email` to this cell pass the protections? */
  canEdit(email: string, tab: string, a1: string): boolean;
  frozenRows(tab: string): number;
  columnWidth(tab: string, column: number): number;
  isHidden(tab: string): boolean;
  tabColor(tab: string): string | null;
  charts(tab: string): ChartState[];
  maxRows(tab: string): number;
  readonly toasts: { message: string; title: string; timeoutSeconds: number | null }[];
  /** Creates the snapshot's tabs (see seedSpreadsheet in index.ts). */
  seed(snapshot: WorkbookSnapshot, options?: SeedOptions): void;
  /**
   * A person typing into cells (uncounted): values parse as typed, protections apply to the acting
   * user (a refused edit throws Sheets' message and changes nothing), and the result is the event an
   * onEdit trigger receives — value/oldValue only for a single cell, oldValue absent when it was empty.
   */
  typeInto(tab: string, a1: string, values: unknown): GoogleAppsScript.Events.SheetsOnEdit;
  /** The bare model, for what the inspector does not cover. */
  readonly book: FakeSpreadsheet;
}

export interface SeedOptions {
  /** keep tabs the snapshot does not name (default: the spreadsheet ends with exactly the snapshot's tabs) */
  keepOtherTabs?: boolean;
  /** store strings as if typed (numbers, dates, formulas parsed); default: stored literally, as getValues returned them */
  asTyped?: boolean;
}

function inspector(book: FakeSpreadsheet): SheetsInspector {
  const sheet = (tab: string) => {
    const s = book._sheet(tab);
    if (!s)
      throw new Error(`no tab "${tab}" in the fake spreadsheet (tabs: ${book.sheets.map((x) => x.name).join(', ')})`);
    return s;
  };
  const dataValues = (s: FakeSheet): StoredValue[][] => {
    const nr = s._lastRow();
    const nc = s._lastColumn();
    const out: StoredValue[][] = [];
    for (let r = 0; r < Math.max(1, nr); r++) {
      const row: StoredValue[] = [];
      for (let c = 0; c < Math.max(1, nc); c++) {
        const d = s._cell(r, c);
        row.push(d ? copyValue(d.v) : '');
      }
      out.push(row);
    }
    return out;
  };
  return {
    api: book._api,
    book,
    get toasts() {
      return book.toasts;
    },
    tabNames: () => book.sheets.map((s) => s.name),
    values: (tab) => {
      const s = book._sheet(tab);
      return s ? dataValues(s) : undefined;
    },
    snapshot: () => {
      const tabs: Record<string, Cell[][]> = {};
      for (const s of book.sheets)
        tabs[s.name] = dataValues(s).map((row) =>
          row.map((v) => (v instanceof Date ? wallAsUtc(v, book.timeZone) : v)),
        );
      return { tabs };
    },
    cell: (tab, a1) => {
      const s = sheet(tab);
      const r = parseA1(a1, s.maxRows, s.maxCols);
      const d = s._cell(r.r0, r.c0);
      return {
        value: d ? copyValue(d.v) : '',
        formula: d?.f ?? '',
        note: d?.note ?? '',
        background: d?.bg ?? '#ffffff',
        numberFormat: d?.nf ?? 'General',
        fontWeight: d?.fw ?? 'normal',
        wrap: d?.wrap ?? true,
        validation: d?.dv
          ? {
              type: d.dv.criteriaType,
              values: [...d.dv.criteriaValues],
              allowInvalid: d.dv.allowInvalid,
              helpText: d.dv.helpText,
            }
          : null,
      };
    },
    protections: (tab) =>
      book.protections
        .filter((p) => tab === undefined || p.sheet.name === tab)
        .map((p) => ({
          type: p.type,
          tab: p.sheet.name,
          range: p.rect ? rectA1(p.rect) : '',
          description: p.description,
          editors: p.editors === null ? null : [...p.editors].sort(),
          domainEdit: p.domainEdit,
          warningOnly: p.warningOnly,
          unprotected: p.unprotected.map(rectA1),
        })),
    canEdit: (email, tab, a1) => {
      const s = sheet(tab);
      const r = parseA1(a1, s.maxRows, s.maxCols);
      return s._protections().every((p) => p._allows(email) || !p._covers(r.r0, r.c0));
    },
    frozenRows: (tab) => sheet(tab).frozenRows,
    columnWidth: (tab, column) => sheet(tab).columnWidths.get(column) ?? 100,
    isHidden: (tab) => sheet(tab).hidden,
    tabColor: (tab) => sheet(tab).tabColor,
    charts: (tab) => sheet(tab).charts.map((c) => ({ ...c.state })),
    maxRows: (tab) => sheet(tab).maxRows,
    seed: (snapshot, options) => seedBook(book, snapshot, options),
    typeInto: (tab, a1, values) =>
      calls.untracked(() => {
        const range = sheet(tab)._range(a1);
        const single = range.rect.nr === 1 && range.rect.nc === 1;
        const grid = Array.isArray(values) ? (values as unknown[][]) : [[values]];
        const old = single ? range.getDisplayValue() : '';
        range.setValues(grid);
        const event: Record<string, unknown> = {
          range: range._api,
          source: book._api,
          user: new FakeUser(book.ctx.users.active)._api,
          authMode: 'LIMITED',
          triggerUid: '',
        };
        if (single) {
          event.value = range.getDisplayValue();
          if (old !== '') event.oldValue = old;
        }
        return event as unknown as GoogleAppsScript.Events.SheetsOnEdit;
      }),
  };
}

/** Creates (or refills) the snapshot's tabs without counting and without protection checks. */
function seedBook(book: FakeSpreadsheet, snapshot: WorkbookSnapshot, options: SeedOptions = {}): void {
  calls.untracked(() => {
    const names = Object.keys(snapshot.tabs);
    for (const name of names) {
      const values = snapshot.tabs[name];
      const nr = values.length;
      const nc = values.reduce((m, row) => Math.max(m, row.length), 0);
      const existing = book._sheet(name);
      const sheet = existing ?? book._addSheet(name, undefined, Math.max(1000, nr), Math.max(26, nc));
      sheet.rows = [];
      sheet.maxRows = Math.max(sheet.maxRows, nr);
      sheet.maxCols = Math.max(sheet.maxCols, nc);
      values.forEach((row, r) => {
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === '') return;
          const d = sheet._cellForWrite(r, c);
          if (v instanceof Date) d.v = instantFromWallAsUtc(v, book.timeZone);
          else if (options.asTyped) Object.assign(d, enteredValue(v, false, book.timeZone));
          else d.v = v;
        });
      });
    }
    if (!options.keepOtherTabs && names.length > 0) {
      for (const s of [...book.sheets]) if (!names.includes(s.name)) book._removeSheet(s);
      book.sheets.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
    }
    if (!book.active || !book.sheets.includes(book.active)) book.active = book.sheets[0];
  });
}

// ---------------------------------------------------------------- module

export interface SheetsHandles {
  /** The active spreadsheet as code under test sees it (counted). */
  spreadsheet: GSpreadsheet;
  /** Uncounted view of the spreadsheet's state. */
  sheets: SheetsInspector;
}

export function installSheets(ctx: FakeContext): FakeModule<SheetsHandles> {
  const book = new FakeSpreadsheet(ctx);
  calls.untracked(() => {
    book._addSheet('Sheet1');
    book.active = book.sheets[0];
  });
  const view = inspector(book);
  if (ctx.options.snapshot) view.seed(ctx.options.snapshot);
  const app = new FakeSpreadsheetApp(book);
  const charts = { ChartType, Position: enumOf('TOP', 'RIGHT', 'BOTTOM', 'NONE', 'LEFT', 'IN', 'AUTOMATIC') };
  return {
    globals: { SpreadsheetApp: app._api, Charts: charts },
    handles: { spreadsheet: book._api, sheets: view },
  };
}
