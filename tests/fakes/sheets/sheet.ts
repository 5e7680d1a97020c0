// Sheet: its grid, rows and columns, protections and charts.
import { calls, counted, unwrap } from '../calls';
import { overlaps, parseA1, type Rect } from './a1';
import { type CellData, isEmptyValue } from './cells';
import { chartOf, FakeChart, FakeChartBuilder } from './charts';
import { ERR } from './errors';
import { FakeProtection } from './protection';
import { FakeRange } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

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
  | 'moveRows'
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

  /**
   * Reference (Sheet.insertRowsAfter / insertRowsBefore / deleteRows): rows are inserted or removed as
   * wholes and everything below shifts, so an edit made in a row below stays with its row; a protected
   * range spanning the insert grows, one whose rows are all deleted goes.
   */
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
  /**
   * Reference (Sheet.moveRows(rowSpec, destinationIndex), and the Sheets API's MoveDimensionRequest it
   * stands for): every row the range spans moves, with its cells, to 1-based `destinationIndex` counted
   * BEFORE the move; the rows in between shift to make room ("given A1..A5 of 0,1,2,3,4, moving 1 and 2
   * to index 4 gives 0,3,1,2,4"). A move is structural: an edit made in a moved row stays with its row.
   * Protections move with their rows.
   */
  moveRows(rowSpec: GRange, destinationIndex: number): void {
    this._assertRowsEditable();
    const rect = (unwrap(rowSpec) as unknown as FakeRange).rect;
    const from = rect.r0;
    const count = rect.nr;
    const to = destinationIndex - 1; // 0-based, before-move coordinates
    if (to < 0 || to > this.maxRows) throw new Error(ERR.outside);
    if (to >= from && to <= from + count) return; // onto itself: nothing moves
    // row index before → after, for protections
    const order: number[] = [];
    for (let r = 0; r < this.maxRows; r++) order.push(r);
    const moved = order.splice(from, count);
    order.splice(to > from ? to - count : to, 0, ...moved);
    const after = new Map(order.map((r, i) => [r, i]));
    const rows: typeof this.rows = [];
    order.forEach((r, i) => {
      if (this.rows[r]) rows[i] = this.rows[r];
    });
    this.rows = rows;
    const remap = (x: Rect): Rect => {
      const mapped = [];
      for (let r = x.r0; r < x.r0 + x.nr; r++) mapped.push(after.get(r) ?? r);
      const r0 = Math.min(...mapped);
      return { ...x, r0, nr: Math.max(...mapped) - r0 + 1 };
    };
    for (const p of this._protections()) {
      if (p.rect) p.rect = remap(p.rect);
      p.unprotected = p.unprotected.map(remap);
    }
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
