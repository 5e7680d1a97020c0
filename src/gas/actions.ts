// THE table of Apps Script actions: every function Apps Script can call (menu items, the first-run
// sidebar and the import dialog through google.script.run, triggers, the web app, simple triggers).
// One row each: its Thai label, how it is reached, who may run it (src/core/access.ts), the lock it
// holds, what a failure does, and its handler. From this table come the menu (src/gas/menu.ts), the
// exported entry points (src/gas/index.ts exports ENTRY_POINTS; scripts/build.mjs writes one top-level
// function per key), the role check and the lock. A menu item or a step naming a function that is not
// a key here does not compile (ActionName).
import { type Access, mayRun, needsDivisions } from '../core/access';
import type { Cell } from '../core/cells';
import { FIRST_RUN } from '../core/messages/first-run';
import { ACCESS, ENTRY_LABEL, MENU } from '../core/messages/menu';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../core/schema';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, currentUserEmail, runAction, showAlert, withDocumentLock } from './context';
import { refreshDashboard } from './dashboard';
import { processReportQueue } from './document-queue';
import { menuDraftMeasures } from './draft-measures';
import { onEdit } from './edit';
import { firstRunStep, menuFirstRun } from './first-run';
import { menuUploadGaruda, uploadGarudaImage } from './garuda';
import { healthCheckHeadless, menuHealthCheck, menuHealthCheckCopy } from './health';
import { importPreviousReportFile, menuImportPreviousReport } from './import';
import { doPost, menuPairLineGroup } from './line';
import { buildMenu, type OpenEvent } from './menu';
import { menuGeneratePlan, menuProposeToExecutive, menuRecordApproval } from './plan';
import { doGet, menuRefreshPublicPage } from './public-page';
import { installReportQueueTrigger } from './queue-trigger';
import { dailyReminders, installReminderTrigger, menuPreviewReminders } from './reminders';
import { menuGenerateReport } from './report';
import { menuSetup } from './setup';
import { readTab, TEXT_ONLY } from './sheetio';
import { menuSyncDivisionTabs } from './sync';
import { menuValidateAll } from './validate';
import { menuCloseRound, menuPastYearReport, menuReopenRound, menuRollover } from './year-cycle';

// biome-ignore lint/suspicious/noExplicitAny: a handler's own parameter types are kept through the generic
type Handler = (...args: any[]) => unknown;

/**
 * How an action is reached:
 * - menu: an item of the tracker's menu (in the table's order); guide: the first-run item (first
 *   until setup has run, then last)
 * - sidebar / dialog: google.script.run from the first-run sidebar or the import dialog
 * - trigger: a time-driven trigger setup installs; editor: run by hand from the script editor
 * - simple: a simple trigger (onOpen, onInstall, onEdit); web: the web app (doGet)
 */
export type Reach = 'menu' | 'guide' | 'sidebar' | 'dialog' | 'trigger' | 'editor' | 'simple' | 'web';

/**
 * The lock an action holds: the document lock for its whole run (told "busy" in Thai after timeoutMs),
 * none, or 'inside': the handler takes a lock over part of its run itself, because its first step must
 * stay outside one (a trigger's one-property "nothing to do", the memo's question asked before locking).
 */
export type Lock = { document: number } | 'none' | 'inside';

export interface ActionRow<H extends Handler = Handler> {
  /** what the user reads: the menu caption, and the action named in "busy" and failure alerts */
  label: string;
  reach: Reach;
  access: Access;
  lock: Lock;
  /** alert: a failure becomes one Thai alert naming the action; caller: it goes to whoever called
   * (the dialog's failure handler shows its message, a trigger's execution log records it) */
  errors: 'alert' | 'caller';
  run: H;
}

const ADMINS: Access = ['admin'];
const ADMINS_AND_EXECUTIVES: Access = ['admin', 'executive'];
const DOCUMENT_LOCK = { document: 30000 };
/** the documents: a click while another is being written says so after 5 s instead of waiting 30 */
const DOCUMENT_LOCK_SHORT = { document: 5000 };

/** A menu row: its label is the menu's caption. */
const menu = <H extends Handler>(
  key: keyof typeof MENU.items,
  row: Pick<ActionRow<H>, 'access' | 'lock' | 'run'>,
): ActionRow<H> & { menuKey: keyof typeof MENU.items } => ({
  ...row,
  label: MENU.items[key],
  reach: 'menu',
  errors: 'alert',
  menuKey: key,
});

/** A row reached some other way than the menu. */
const row = <H extends Handler>(r: ActionRow<H>): ActionRow<H> => r;

/** Every action, the menu's items in the order users see them. */
export const ACTIONS = {
  menuGenerateReport: menu('report', { access: 'anyone', lock: DOCUMENT_LOCK_SHORT, run: menuGenerateReport }),
  menuGeneratePlan: menu('plan', { access: 'anyone', lock: DOCUMENT_LOCK_SHORT, run: menuGeneratePlan }),
  menuDraftMeasures: menu('draftMeasures', { access: ADMINS, lock: DOCUMENT_LOCK, run: menuDraftMeasures }),
  menuProposeToExecutive: menu('propose', { access: 'anyone', lock: 'inside', run: menuProposeToExecutive }),
  menuRecordApproval: menu('approve', {
    access: ADMINS_AND_EXECUTIVES,
    lock: DOCUMENT_LOCK_SHORT,
    run: menuRecordApproval,
  }),
  menuValidateAll: menu('validate', { access: 'anyone', lock: 'none', run: menuValidateAll }),
  menuSyncDivisionTabs: menu('sync', { access: 'anyone', lock: DOCUMENT_LOCK, run: menuSyncDivisionTabs }),
  menuPreviewReminders: menu('previewReminders', { access: 'anyone', lock: 'none', run: menuPreviewReminders }),
  menuImportPreviousReport: menu('importReport', { access: 'anyone', lock: 'none', run: menuImportPreviousReport }),
  menuUploadGaruda: menu('garuda', { access: ADMINS, lock: 'none', run: menuUploadGaruda }),
  menuSetup: menu('setup', { access: 'anyone', lock: DOCUMENT_LOCK, run: menuSetup }),
  menuCloseRound: menu('closeRound', { access: ADMINS, lock: DOCUMENT_LOCK, run: menuCloseRound }),
  menuReopenRound: menu('reopenRound', { access: ADMINS, lock: DOCUMENT_LOCK, run: menuReopenRound }),
  menuRollover: menu('rollover', { access: ADMINS, lock: DOCUMENT_LOCK, run: menuRollover }),
  menuPastYearReport: menu('pastReport', { access: ADMINS, lock: 'inside', run: menuPastYearReport }),
  menuRefreshPublicPage: menu('publicPage', { access: 'anyone', lock: DOCUMENT_LOCK, run: menuRefreshPublicPage }),
  menuPairLineGroup: menu('pairLine', { access: ADMINS, lock: 'none', run: menuPairLineGroup }),
  menuHealthCheck: menu('healthCheck', { access: ADMINS, lock: 'none', run: menuHealthCheck }),
  menuHealthCheckCopy: menu('healthCheckCopy', { access: 'anyone', lock: 'none', run: menuHealthCheckCopy }),
  menuFirstRun: row({
    label: FIRST_RUN.menuItem,
    reach: 'guide',
    access: 'anyone',
    lock: 'none',
    errors: 'alert',
    run: menuFirstRun,
  }),
  firstRunStep: row({
    label: FIRST_RUN.menuItem,
    reach: 'sidebar',
    access: 'anyone',
    lock: 'none',
    errors: 'alert',
    // a step that runs an action runs it as the menu would: its access, its lock
    run: (id: Parameters<typeof firstRunStep>[0]): void =>
      firstRunStep(id, (name): void => {
        ENTRY_POINTS[name]();
      }),
  }),
  importPreviousReportFile: row({
    label: MENU.items.importReport,
    reach: 'dialog',
    access: 'anyone',
    lock: DOCUMENT_LOCK,
    errors: 'caller',
    run: importPreviousReportFile,
  }),
  uploadGarudaImage: row({
    label: MENU.items.garuda,
    reach: 'dialog',
    access: ADMINS,
    lock: DOCUMENT_LOCK,
    errors: 'caller',
    run: uploadGarudaImage,
  }),
  dailyReminders: row({
    label: ENTRY_LABEL.dailyReminders,
    reach: 'trigger',
    access: 'anyone',
    lock: 'inside',
    errors: 'caller',
    run: dailyReminders,
  }),
  processReportQueue: row({
    label: ENTRY_LABEL.reportQueue,
    reach: 'trigger',
    access: 'anyone',
    lock: 'inside',
    errors: 'caller',
    run: processReportQueue,
  }),
  installReminderTrigger: row({
    label: ENTRY_LABEL.installReminderTrigger,
    reach: 'editor',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: installReminderTrigger,
  }),
  installReportQueueTrigger: row({
    label: ENTRY_LABEL.installReportQueueTrigger,
    reach: 'editor',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: installReportQueueTrigger,
  }),
  // the self-test for a maintainer's `clasp run` (no UI there): the report comes back as the run's result
  healthCheckHeadless: row({
    label: ENTRY_LABEL.healthCheckHeadless,
    reach: 'editor',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: healthCheckHeadless,
  }),
  refreshDashboard: row({
    label: ENTRY_LABEL.refreshDashboard,
    reach: 'editor',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: refreshDashboard,
  }),
  // an add-on's onInstall runs in FULL mode right after installation: the same menu, at once
  onOpen: row({
    label: ENTRY_LABEL.onOpen,
    reach: 'simple',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: (e?: OpenEvent): void => buildMenu(e, MENU_ITEMS, FIRST_RUN_ITEM),
  }),
  onInstall: row({
    label: ENTRY_LABEL.onOpen,
    reach: 'simple',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: (e?: OpenEvent): void => buildMenu(e, MENU_ITEMS, FIRST_RUN_ITEM),
  }),
  onEdit: row({
    label: ENTRY_LABEL.onEdit,
    reach: 'simple',
    access: 'anyone',
    lock: 'none',
    errors: 'caller',
    run: onEdit,
  }),
  doGet: row({ label: ENTRY_LABEL.doGet, reach: 'web', access: 'anyone', lock: 'none', errors: 'caller', run: doGet }),
  // LINE's webhook: takes the script lock itself, and never throws (src/gas/line.ts)
  doPost: row({
    label: ENTRY_LABEL.doPost,
    reach: 'web',
    access: 'anyone',
    lock: 'inside',
    errors: 'caller',
    run: doPost,
  }),
};

/** The name of an action: the function Apps Script calls. */
export type ActionName = keyof typeof ACTIONS;

type EntryPoint<H extends Handler> = (...args: Parameters<H>) => ReturnType<H> | undefined;

/** The settings' admins and executives, and (when the access asks) each division's editors: 2 or 4 calls. */
function people(access: Access) {
  const ss = activeSpreadsheet();
  const tabs: Record<string, Cell[][]> = {};
  for (const spec of needsDivisions(access) ? [SETTINGS_TAB, DIVISIONS_TAB] : [SETTINGS_TAB]) {
    const t = readTab(ss, spec, TEXT_ONLY);
    if (t) tabs[spec.name] = t.values;
  }
  const { settings, divisions } = parseWorkbook({ tabs }).tracker;
  return { admins: settings.admins, executives: settings.executives, divisions };
}

/** Whether the acting account may run the row; when not, it is told in Thai who may. */
function permitted(r: ActionRow): boolean {
  if (r.access === 'anyone') return true;
  const me = currentUserEmail();
  if (mayRun(r.access, people(r.access), me)) return true;
  showAlert(ACCESS.denied(r.label, r.access, me));
  return false;
}

/** The function Apps Script calls for a row: access, then the lock, then the handler; failures as the row says. */
export function entryPoint<H extends Handler>(r: ActionRow<H>): EntryPoint<H> {
  const lock = r.lock;
  const guarded = (...args: Parameters<H>): ReturnType<H> | undefined => {
    if (!permitted(r)) return undefined;
    const go = () => r.run(...args) as ReturnType<H>;
    return typeof lock === 'object' ? withDocumentLock(r.label, go, lock.document) : go();
  };
  return r.errors === 'alert' ? (...args) => runAction(r.label, () => guarded(...args)) : guarded;
}

type EntryPoints = { [K in ActionName]: EntryPoint<(typeof ACTIONS)[K]['run']> };

/** Every action as Apps Script calls it, by name. */
export const ENTRY_POINTS: EntryPoints = Object.fromEntries(
  Object.entries(ACTIONS).map(([name, r]) => [name, entryPoint(r as ActionRow)]),
) as EntryPoints;

/** A menu item: [caption, the function it runs]. */
export type MenuItem = readonly [string, ActionName];

/** The menu's items in the order users see them (the table's menu rows, in order). */
export const MENU_ITEMS: readonly MenuItem[] = (Object.keys(ACTIONS) as ActionName[])
  .filter((name) => ACTIONS[name].reach === 'menu')
  .map((name) => [ACTIONS[name].label, name] as const);

/** The first-run item: first while the sheet is not set up, last afterwards. */
export const FIRST_RUN_ITEM: MenuItem = [ACTIONS.menuFirstRun.label, 'menuFirstRun'];
