// In-memory SpreadsheetApp: Spreadsheet, Sheet, Range, Protection, DataValidation(Builder), charts.
// Written from the Apps Script reference (developers.google.com/apps-script/reference/spreadsheet);
// where the fake decides something the reference states, a comment quotes or paraphrases it.
// Every object code under test receives is a counted proxy (see calls.ts); tests inspect state through
// SheetsInspector, which counts nothing.
//
// The classes live one per file in this folder; this index installs them and re-exports what tests use.
import { calls } from '../calls';
import type { FakeContext, FakeModule } from '../context';
import { ChartType, enumOf } from './enums';
import { inspector, type SheetsInspector } from './inspector';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

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
