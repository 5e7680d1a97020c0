// The tracker's menu in the bound sheet (or the add-on's menu under Extensions), built from the actions
// table (src/gas/actions.ts: its menu rows, in order, and the first-run item).
//
// onOpen runs in every authorization mode (developers.google.com/workspace/add-ons/concepts/
// editor-auth-lifecycle): AuthMode.NONE (an add-on not yet used in this file) may only build the menu,
// so there it touches nothing else and puts "เริ่มต้นใช้งาน" first; LIMITED (a bound script's simple
// trigger) may read this spreadsheet, so there the first-run item comes first only until setup has run.
import { MENU } from '../core/messages/menu';
import { builtAsAddon } from './build-flags';
import { isSetUp } from './first-run';

export type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode } | undefined;

/** [caption, the function the item runs] */
type Item = readonly [string, string];

/** onOpen and onInstall: the menu's items, the first-run guide first while the sheet is not set up. */
export function buildMenu(e: OpenEvent, items: readonly Item[], guide: Item): void {
  const none = e?.authMode !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  const ui = SpreadsheetApp.getUi();
  // only an add-on ever runs in NONE; a bound script gets its own menu in the menu bar
  const menu = none || builtAsAddon() ? ui.createAddonMenu() : ui.createMenu(MENU.title);
  // first while the sheet is not set up; afterwards last, still there for the steps that remain
  const guideFirst = none || !setUpSafely();
  if (guideFirst) menu.addItem(guide[0], guide[1]);
  for (const [caption, fn] of items) menu.addItem(caption, fn);
  if (!guideFirst) menu.addItem(guide[0], guide[1]);
  menu.addToUi();
}

function setUpSafely(): boolean {
  try {
    return isSetUp(SpreadsheetApp.getActive());
  } catch {
    // a mode that may not read the file: offer the guide rather than fail the whole menu
    return false;
  }
}
