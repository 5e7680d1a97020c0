// Menu "ตรวจสุขภาพระบบ" (admins): runs every check against the live services, one Thai line each,
// shows them in a dialog and appends them to the log tab; "คัดลอกผลสำหรับผู้พัฒนา" shows the last run
// as JSON for a maintainer. A check that fails or throws never stops the others. Nothing in the
// tracker's tabs changes: the only sheet written is the log tab (the locale check types its sample
// date into the log row that is written over right after).
import type { Cell } from '../../core/cells';
import { DATETIME_FORMAT } from '../../core/formats';
import {
  type CheckResult,
  copyBoxHtml,
  developerJson,
  fail,
  type HealthLine,
  type HealthReport,
  healthDialogHtml,
  healthLogRows,
} from '../../core/health';
import { HEALTH } from '../../core/messages/health';
import { HEALTH_LEFTOVERS, HEALTH_SYNC_LOCK } from '../../core/messages/health-sync-lock';
import { LINE_HEALTH } from '../../core/messages/line';
import { QUEUE_TRIGGER } from '../../core/messages/queue-trigger';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../../core/schema';
import { parseSettings } from '../../core/settings-tab';
import { APP_VERSION } from '../../core/version';
import { parseDivisions, readTable } from '../../core/workbook';
import { activeSpreadsheet, confirm, currentUserEmail, showAlert, showDialog } from '../context';
import { ensureSheet, ensureSize, readTabs } from '../sheetio';
import { errorText, type HealthCheck, type HealthContext } from './context';
import { checkFolder } from './folder';
import { checkLine } from './line';
import { checkLocale } from './locale';
import { checkLockAndProperties } from './lock-properties';
import { checkMail } from './mail';
import { checkProtections } from './protections';
import { checkQueueTrigger } from './queue-trigger';
import { checkScopes, MANIFEST_SCOPES } from './scopes';
import { checkScratchDocument } from './scratch-doc';
import { checkServices } from './services';
import { checkLeftoverProtections, checkSyncLock } from './sync-lock';
import { checkTriggers } from './triggers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The checks in the order they run (the folder check before the scratch document, which uses it). */
export const HEALTH_CHECKS: ReadonlyArray<readonly [keyof typeof TITLES, HealthCheck]> = [
  ['scopes', checkScopes],
  ['services', checkServices],
  ['folder', checkFolder],
  ['scratchDoc', checkScratchDocument],
  ['locale', checkLocale],
  ['protections', checkProtections],
  ['syncLock', checkSyncLock],
  ['leftoverProtections', checkLeftoverProtections],
  ['triggers', checkTriggers],
  ['queueTrigger', checkQueueTrigger],
  ['mail', checkMail],
  ['line', checkLine],
  ['lockProperties', checkLockAndProperties],
];

const TITLES = {
  scopes: HEALTH.scopes.title,
  services: HEALTH.services.title,
  folder: HEALTH.folder.title,
  scratchDoc: HEALTH.scratchDoc.title,
  locale: HEALTH.locale.title,
  protections: HEALTH.protections.title,
  syncLock: HEALTH_SYNC_LOCK.title,
  leftoverProtections: HEALTH_LEFTOVERS.title,
  triggers: HEALTH.triggers.title,
  queueTrigger: QUEUE_TRIGGER.check.title,
  mail: HEALTH.mail.title,
  line: LINE_HEALTH.title,
  lockProperties: HEALTH.lockProperties.title,
} as const;

const LAST_RUN_PROPERTY = 'healthCheckLastRun';
const lower = (xs: readonly string[]) => xs.map((x) => x.trim().toLowerCase()).filter(Boolean);

/** The settings and divisions the checks need: two tabs, one read each. */
function readTracker(ss: Spreadsheet) {
  const snapshot = readTabs(ss, [SETTINGS_TAB.name, DIVISIONS_TAB.name]);
  const settings = parseSettings(readTable(snapshot, SETTINGS_TAB));
  const divisions = parseDivisions(readTable(snapshot, DIVISIONS_TAB));
  return { settings, divisions };
}

/** One check, never throwing: a throw becomes its ไม่ผ่าน line with the error text. */
function runOne(id: string, check: HealthCheck, ctx: HealthContext): HealthLine {
  const started = Date.now();
  let result: CheckResult;
  try {
    result = check(ctx);
  } catch (e) {
    console.error(e);
    const t = HEALTH.threw(errorText(e));
    result = fail(t.found, t.todo, errorText(e));
  }
  return {
    id,
    title: TITLES[id as keyof typeof TITLES],
    outcome: result.outcome,
    found: result.found,
    todo: result.todo ?? HEALTH.nothingToDo,
    ...(result.error ? { error: result.error } : {}),
    ms: Date.now() - started,
  };
}

export interface HealthRun {
  report: HealthReport;
  /** where the log went, or why it could not be written (Thai) */
  logNote: string;
}

/** Runs every check and appends the lines to the log tab. */
export function runHealthCheck(
  ss: Spreadsheet,
  options: { sendTestMail?: boolean } = {},
  tracker: ReturnType<typeof readTracker> = readTracker(ss),
): HealthRun {
  const startedAt = new Date();
  const me = currentUserEmail().toLowerCase();
  const { settings, divisions } = tracker;
  const { sheet: log, created } = ensureSheet(ss, HEALTH.logTab);
  if (created || log.getLastRow() === 0)
    log.getRange(1, 1, 1, HEALTH.logHeaders.length).setValues([[...HEALTH.logHeaders]]);
  const nextRow = Math.max(2, log.getLastRow() + 1);
  let owner = '';
  try {
    owner = ss.getOwner()?.getEmail().toLowerCase() ?? '';
  } catch {
    // a shared-drive spreadsheet has no owner
  }
  const ctx: HealthContext = {
    ss,
    me,
    owner,
    admins: lower(settings.admins),
    divisions,
    reportFolderId: settings.reportFolderId,
    sendTestMail: options.sendTestMail === true,
    probeCell: () => log.getRange(nextRow, 1),
  };
  const lines = HEALTH_CHECKS.map(([id, check]) => runOne(id, check, ctx));
  const report: HealthReport = {
    startedAt: startedAt.toISOString(),
    user: me,
    environment: {
      appVersion: APP_VERSION,
      scriptId: ScriptApp.getScriptId(),
      spreadsheetLocale: ss.getSpreadsheetLocale(),
      spreadsheetTimeZone: ss.getSpreadsheetTimeZone(),
      scriptTimeZone: Session.getScriptTimeZone(),
      scopesRequested: [...MANIFEST_SCOPES],
      scopesGranted: ctx.grantedScopes ?? [],
    },
    lines,
  };
  let logNote = HEALTH.loggedTo(HEALTH.logTab);
  try {
    const rows: Cell[][] = healthLogRows(report, startedAt);
    ensureSize(log, nextRow + rows.length - 1, HEALTH.logHeaders.length);
    log.getRange(nextRow, 1, rows.length, HEALTH.logHeaders.length).setValues(rows);
    // the time column shows the time too (the date typed by the locale check gave its cell a date format)
    log.getRange(nextRow, 1, rows.length, 1).setNumberFormat(DATETIME_FORMAT);
  } catch (e) {
    logNote = HEALTH.logFailed(errorText(e));
  }
  try {
    PropertiesService.getUserProperties().setProperty(LAST_RUN_PROPERTY, developerJson(report));
  } catch (e) {
    console.error(e); // over the 9 KB a value may hold: the dialog still has the JSON
  }
  return { report, logNote };
}

/** Menu "ตรวจสุขภาพระบบ": admins only (anyone while no admin is set yet), checked by src/gas/actions.ts. */
export function menuHealthCheck(): HealthRun | undefined {
  const ss = activeSpreadsheet();
  const tracker = readTracker(ss);
  const run = runHealthCheck(ss, { sendTestMail: confirm(HEALTH.askTestMail) }, tracker);
  showDialog(healthDialogHtml(run.report, run.logNote), HEALTH.title, { width: 760, height: 640 });
  return run;
}

/** Menu "คัดลอกผลสำหรับผู้พัฒนา": the last run of this user as JSON, with a copy button. */
export function menuHealthCheckCopy(): void {
  const json = PropertiesService.getUserProperties().getProperty(LAST_RUN_PROPERTY);
  if (!json) {
    showAlert(HEALTH.noLastRun);
    return;
  }
  showDialog(`<div style="font-family:Sarabun,sans-serif;font-size:14px">${copyBoxHtml(json)}</div>`, HEALTH.copyMenu, {
    width: 640,
    height: 320,
  });
}

/**
 * The self-test without a UI, for `clasp run healthCheckHeadless` (npm run test:live:gas,
 * docs/live-checks.md): every check, no test e-mail, the lines logged to the log tab as from the menu;
 * answers the developer report (the JSON "คัดลอกผลสำหรับผู้พัฒนา" shows) for the caller to print.
 */
export function healthCheckHeadless(): HealthReport {
  return runHealthCheck(activeSpreadsheet(), { sendTestMail: false }).report;
}
