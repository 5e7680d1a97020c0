// Spreadsheet and SpreadsheetApp.
import { counted } from '../calls';
import type { FakeContext } from '../context';
import { FakeDataValidationBuilder } from './data-validation';
import { DataValidationCriteria, ProtectionType, WrapStrategy } from './enums';
import { ERR } from './errors';
import { emailOf, type FakeProtection, FakeUser } from './protection';
import { FakeSheet } from './sheet';

type GSpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;
type GProtection = GoogleAppsScript.Spreadsheet.Protection;
type GProtectionType = GoogleAppsScript.Spreadsheet.ProtectionType;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GUser = GoogleAppsScript.Base.User;

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
  | 'setSpreadsheetLocale'
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
  /** Reference: setSpreadsheetLocale(locale) "Sets the spreadsheet locale." (typed dates parse by it) */
  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
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

export class FakeSpreadsheetApp {
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
