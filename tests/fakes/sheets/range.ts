// Range: reads and writes of values, formats, notes, validation; protections checked on every write.
import { counted } from '../calls';
import { type Rect, rectA1 } from './a1';
import { type CellData, clearContent, clearFormat, copyValue, displayText, enteredValue, isEmptyValue } from './cells';
import { FakeDataValidation, validationOf } from './data-validation';
import { ERR, FORMULA_PLACEHOLDER } from './errors';
import { FakeProtection } from './protection';
import type { FakeSheet } from './sheet';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GWrapStrategy = GoogleAppsScript.Spreadsheet.WrapStrategy;
type GFontWeight = GoogleAppsScript.Spreadsheet.FontWeight;

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
        return enteredValue(v, d?.nf === '@', this.tz(), this.sheet.book.locale);
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
      const e = enteredValue(value, d.nf === '@', this.tz(), this.sheet.book.locale);
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
