// THE in-memory Apps Script fakes (one module for every test; extend it, never fork it).
//
//   const fakes = installFakes({ snapshot, user: 'admin@example.org', editors: [...] });
//   onOpen();                                  // code under test uses the globals
//   fakes.ui.menus, fakes.sheets.values('มาตรการ'), fakes.calls.by('Range.getValues')
//   uninstallFakes();                          // in afterEach
//
// Each service lives in its own file and contributes { globals, handles } through a FakeModule.
// EXTENSION POINT — to add a service (DocumentApp/Docs in docs.ts, Drive in drive.ts, MailApp in mail.ts):
//   1. write tests/fakes/<service>.ts exporting install<Service>(ctx): FakeModule<<Service>Handles>
//      (count calls with counted('ClassName', obj) from calls.ts; read users/time zone from ctx);
//   2. import it below, add it to MODULES and its handles type to FakeHandles (one line each).
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { allowedIn, type FakeAuthMode, permissionDenied } from './auth';
import { type CallCounter, calls } from './calls';
import { createContext, type FakeContext, type FakeModule, type FakeOptions } from './context';
import { type DocsHandles, installDocs } from './docs';
import { type DriveHandles, installDrive } from './drive';
import { installMail, type MailHandles } from './mail';
import { installScript, type ScriptHandles } from './script';
import { installSheets, type SheetsHandles } from './sheets';
import type { SeedOptions, SheetsInspector } from './sheets/inspector';
import { installUrlFetch, type UrlFetchHandles } from './url-fetch';

/** What installFakes() hands a test: every service module's handles, plus the call counter. */
export type FakeHandles = {
  calls: CallCounter;
  context: FakeContext;
  globals: Record<string, unknown>;
  /** The authorization mode calls run in: what onOpen gets as e.authMode, enforced on every call. */
  auth: { mode: FakeAuthMode; as<T>(mode: FakeAuthMode, fn: () => T): T };
} & ScriptHandles &
  SheetsHandles &
  MailHandles &
  UrlFetchHandles & { docs: DocsHandles; drive: DriveHandles };
// & DocsHandles & DriveHandles & MailHandles   ← other services add theirs here

/** Installed in this order: the script module first (Session, Ui) because the sheets module reads them. */
const MODULES: ReadonlyArray<(ctx: FakeContext) => FakeModule<object>> = [
  installScript,
  installSheets,
  installMail,
  installUrlFetch,
  // Drive before Docs: a document is a Drive file (one store per installation); handles under .drive / .docs
  (ctx) => ((m) => ({ globals: m.globals, handles: { drive: m.handles } }))(installDrive(ctx)),
  (ctx) => ((m) => ({ globals: m.globals, handles: { docs: m.handles } }))(installDocs(ctx)),
  // installDocs, installDrive, installMail   ← and here
];

let installed: { handles: FakeHandles; names: string[] } | null = null;

/** Puts every fake on globalThis (SpreadsheetApp, Session, ScriptApp, LockService, …) and resets the call count. */
export function installFakes(options: FakeOptions = {}): FakeHandles {
  if (installed) uninstallFakes();
  const context = createContext(options);
  const globals: Record<string, unknown> = {};
  const handles: Record<string, unknown> = {};
  for (const install of MODULES) {
    const m = install(context);
    Object.assign(globals, m.globals);
    Object.assign(handles, m.handles);
  }
  Object.assign(globalThis, globals);
  calls.reset();
  calls.guard = (name) => {
    if (!allowedIn(context.authMode, name)) throw new Error(permissionDenied(name));
  };
  // one auth handle: the mode calls run in (./auth.ts) and granular consent (deny a scope, ./script.ts)
  const consent = (handles as { auth: { deny(scope: string): void; readonly denied: string[] } }).auth;
  const auth: FakeHandles['auth'] = {
    deny: (scope) => consent.deny(scope),
    get denied() {
      return consent.denied;
    },
    get mode() {
      return context.authMode;
    },
    set mode(mode) {
      context.authMode = mode;
    },
    as(mode, fn) {
      const before = context.authMode;
      context.authMode = mode;
      try {
        return fn();
      } finally {
        context.authMode = before;
      }
    },
  };
  const all = { ...handles, calls, context, globals, auth } as FakeHandles;
  installed = { handles: all, names: Object.keys(globals) };
  return all;
}

/** Removes the fakes' globals. */
export function uninstallFakes(): void {
  if (!installed) return;
  for (const name of installed.names) delete (globalThis as Record<string, unknown>)[name];
  calls.guard = null;
  installed = null;
}

/** The handles of the current installation (throws when none). */
export function currentFakes(): FakeHandles {
  if (!installed) throw new Error('installFakes() first');
  return installed.handles;
}

/**
 * Creates the snapshot's tabs in the installed fake spreadsheet — uncounted, bypassing protections.
 * Snapshot values are in core's convention (Dates = wall clock as UTC; stored as the instant in the
 * sheet's zone, so readWorkbook() gives the same snapshot back). By default the spreadsheet ends with
 * exactly the snapshot's tabs, in its order, and strings are stored literally (as getValues returned them).
 */
export function seedSpreadsheet(snapshot: WorkbookSnapshot, options?: SeedOptions): SheetsInspector {
  const { sheets } = currentFakes();
  sheets.seed(snapshot, options);
  return sheets;
}
