// DataValidation and its builder (SpreadsheetApp.newDataValidation()).
import { calls, counted } from '../calls';
import { ERR } from './errors';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GDataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type GDataValidationBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type GDataValidationCriteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

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

export function validationOf(rule: GDataValidation): FakeDataValidation {
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
