// What every fake service module shares: the options a test installed the fakes with, who is acting,
// and the time zone. One FakeContext per installFakes() call; each service module reads and extends it.
import type { WorkbookSnapshot } from '../../src/core/workbook';
import type { FakeAuthMode } from './auth';

/**
 * The world a test runs in. The default is the strictest one the reference documents, the one most
 * agencies have: a sheet owned by a consumer (Gmail) account, so no domain (Protection.setDomainEdit
 * throws, canDomainEdit() is false; reference, class Protection), and drive.file grants per user (each
 * account reaches only the files the app created or opened for it; developers.google.com/workspace/drive/
 * api/guides/api-specific-auth, "drive.file"). 'workspace' asks by name for a Google Workspace domain
 * (example.org unless `domain` says otherwise): new protections start with domain edit on.
 */
export type FakeWorld = 'gmail' | 'workspace';

export interface FakeOptions {
  /** 'gmail' (default): no domain; 'workspace': the domain `domain` or example.org. */
  world?: FakeWorld;
  /**
   * drive.file grants: 'per-user' (default) — a file the app creates is reachable with the app by its
   * creator only (others, even shared on it, get 404); 'shared' — the kinder world, by name.
   */
  driveGrants?: 'per-user' | 'shared';
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
  /**
   * The script runs as an Editor add-on: a time-driven trigger may run at most hourly ("Add-ons can use a
   * time-driven trigger once per hour at most", developers.google.com/apps-script/guides/triggers/
   * installable, "Time-driven triggers"): everyMinutes(n).create() throws.
   */
  addon?: boolean;
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
/** The domain of installFakes({ world: 'workspace' }) when the test names none. */
export const WORKSPACE_DOMAIN = 'example.org';

/**
 * Whether Google tells a script that runs without the person's authorization (a simple trigger's
 * onEdit/onOpen, AuthMode LIMITED) who that person is. Reference, class User getEmail(): "the user's
 * email address is not available in any context that allows a script to run without that user's
 * authorization, like a simple onOpen(e) or onEdit(e) trigger … However, these restrictions generally
 * do not apply if the developer runs the script themselves or belongs to the same Google Workspace
 * domain as the user" (developers.google.com/apps-script/reference/base/user#getEmail()). The strict
 * reading: only an account of the sheet's own Workspace domain is named; a Gmail-owned sheet names no one.
 */
export function identityVisible(ctx: FakeContext, email: string): boolean {
  const domain = ctx.options.domain?.toLowerCase();
  return !!domain && email.toLowerCase().endsWith(`@${domain}`);
}

export function createContext(given: FakeOptions): FakeContext {
  const options: FakeOptions =
    given.world === 'workspace' && !given.domain ? { ...given, domain: WORKSPACE_DOMAIN } : given;
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
