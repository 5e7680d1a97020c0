// What every fake service module shares: the options a test installed the fakes with, who is acting,
// and the time zone. One FakeContext per installFakes() call; each service module reads and extends it.
import type { WorkbookSnapshot } from '../../src/core/workbook';
import type { FakeAuthMode } from './auth';

export interface FakeOptions {
  /** Seed the active spreadsheet from a snapshot in core's convention (Dates = wall clock as UTC). */
  snapshot?: WorkbookSnapshot;
  /** Who runs the script: Session's active and effective user (default admin@example.org). */
  user?: string;
  /** A different effective user (an installable trigger runs as the account that created it). */
  effectiveUser?: string;
  /** The spreadsheet's owner, who can always edit protected ranges (default: the user). */
  owner?: string;
  /** Accounts the spreadsheet is shared with for editing (besides the owner). */
  editors?: string[];
  /** A Google Workspace domain owns the spreadsheet: new protections start with domain edit on. */
  domain?: string;
  /** Spreadsheet and script time zone (default Asia/Bangkok, as appsscript.json). */
  timeZone?: string;
  spreadsheetId?: string;
  spreadsheetName?: string;
  spreadsheetLocale?: string;
  scriptId?: string;
  /** The authorization mode the script runs in (default FULL); see ./auth.ts for what each allows. */
  authMode?: FakeAuthMode;
  /**
   * The web app's URL ScriptApp.getService().getUrl() returns; null (the default) before the script is
   * deployed as a web app (reference: "null if the script is not published as a web app").
   */
  webAppUrl?: string | null;
}

export interface UserState {
  active: string;
  effective: string;
}

export interface FakeContext {
  options: FakeOptions;
  users: UserState;
  timeZone: string;
  /** SpreadsheetApp.getUi() throws when false (a time-driven trigger has no UI). */
  uiAvailable: boolean;
  /** Calls this mode refuses throw "You do not have permission to call …" (./auth.ts). */
  authMode: FakeAuthMode;
  /** Set by the script module: the Ui object SpreadsheetApp.getUi() returns. */
  ui?: GoogleAppsScript.Base.Ui;
}

export const DEFAULT_USER = 'admin@example.org';

export function createContext(options: FakeOptions): FakeContext {
  const active = options.user ?? DEFAULT_USER;
  return {
    options,
    users: { active, effective: options.effectiveUser ?? active },
    timeZone: options.timeZone ?? 'Asia/Bangkok',
    uiAvailable: true,
    authMode: options.authMode ?? 'FULL',
  };
}

/** A fake module's contribution: the globals it defines and the handles tests use to steer and inspect it. */
export interface FakeModule<H> {
  globals: Record<string, unknown>;
  handles: H;
}
