// The tracker's menu in the bound sheet (or the add-on's menu under Extensions). Labels live in
// src/core/messages/menu.ts; each item names an entry point.
//
// onOpen runs in every authorization mode (developers.google.com/workspace/add-ons/concepts/
// editor-auth-lifecycle): AuthMode.NONE (an add-on not yet used in this file) may only build the menu,
// so there it touches nothing else and puts "เริ่มต้นใช้งาน" first; LIMITED (a bound script's simple
// trigger) may read this spreadsheet, so there the first-run item comes first only until setup has run.
import { FIRST_RUN } from '../core/messages/first-run';
import { MENU } from '../core/messages/menu';
import { isSetUp } from './first-run';

/** Menu items in the order users see them: [label key, entry function name]. */
export const MENU_ITEMS: ReadonlyArray<readonly [keyof typeof MENU.items, string]> = [
  ['report', 'menuGenerateReport'],
  ['plan', 'menuGeneratePlan'],
  ['propose', 'menuProposeToExecutive'],
  ['approve', 'menuRecordApproval'],
  ['validate', 'menuValidateAll'],
  ['sync', 'menuSyncDivisionTabs'],
  ['previewReminders', 'menuPreviewReminders'],
  ['importReport', 'menuImportPreviousReport'],
  ['setup', 'menuSetup'],
  ['closeRound', 'menuCloseRound'],
  ['reopenRound', 'menuReopenRound'],
  ['rollover', 'menuRollover'],
  ['publicPage', 'menuRefreshPublicPage'],
  ['healthCheck', 'menuHealthCheck'],
  ['healthCheckCopy', 'menuHealthCheckCopy'],
];

/** The first-run item: first while the sheet is not set up, last afterwards. */
export const FIRST_RUN_ITEM = [FIRST_RUN.menuItem, 'menuFirstRun'] as const;

// Set by the build (esbuild define) when building the Editor add-on: scripts/build.mjs, ITA_ADDON=1.
declare const ITA_ADDON: boolean | undefined;
const builtAsAddon = (): boolean => typeof ITA_ADDON !== 'undefined' && ITA_ADDON === true;

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

export function onOpen(e?: OpenEvent): void {
  const none = e?.authMode !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  const ui = SpreadsheetApp.getUi();
  // only an add-on ever runs in NONE; a bound script gets its own menu in the menu bar
  const menu = none || builtAsAddon() ? ui.createAddonMenu() : ui.createMenu(MENU.title);
  // first while the sheet is not set up; afterwards last, still there for the steps that remain
  const guideFirst = none || !setUpSafely();
  if (guideFirst) menu.addItem(FIRST_RUN_ITEM[0], FIRST_RUN_ITEM[1]);
  for (const [label, fn] of MENU_ITEMS) menu.addItem(MENU.items[label], fn);
  if (!guideFirst) menu.addItem(FIRST_RUN_ITEM[0], FIRST_RUN_ITEM[1]);
  menu.addToUi();
}

/** An add-on's onInstall runs in FULL mode right after installation: the same menu, at once. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

function setUpSafely(): boolean {
  try {
    return isSetUp(SpreadsheetApp.getActive());
  } catch {
    // a mode that may not read the file: offer the guide rather than fail the whole menu
    return false;
  }
}
