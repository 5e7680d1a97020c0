// Menu "เริ่มต้นใช้งาน": a sidebar listing the five first-run steps, each ticked from what this
// spreadsheet holds, each open step with a button (google.script.run → firstRunStep) that runs it.
// A copy of the template arrives with its tabs and example data but without protections, a report
// folder or a trigger (see docs/install.md): this is where a clerk finds out what is left.
import { type FirstRunStepId, firstRunHtml, firstRunSteps } from '../core/first-run';
import { FIRST_RUN } from '../core/messages/first-run';
import { SETUP } from '../core/messages/setup';
import { DIVISIONS_TAB, SETTINGS_TAB } from '../core/schema';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, showAlert, ui } from './context';
import { installReminderTrigger, REMINDER_HANDLER, REMINDER_OWNER_PROPERTY } from './reminders';
import { readWorkbook } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The entry point the sidebar's buttons call (a top-level function in dist/Code.js). */
export const FIRST_RUN_SERVER_FUNCTION = 'firstRunStep';

/**
 * Setup has run in this file: the settings tab carries its protection. Cheap enough for onOpen in
 * AuthMode.LIMITED (document access only; no trigger or user lookup there).
 */
export function isSetUp(ss: Spreadsheet): boolean {
  const settings = ss.getSheetByName(SETTINGS_TAB.name);
  return !!settings && settings.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0;
}

/** One read per tab, the settings tab's protection and the user's triggers. */
export function firstRunFacts(ss: Spreadsheet) {
  const snapshot = readWorkbook(ss);
  const { tracker } = parseWorkbook(snapshot);
  let reminderTrigger: boolean | null;
  try {
    const mine = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === REMINDER_HANDLER);
    // another admin's trigger is the tracker's one (setup installs no second): known only by its record
    const owner = mine
      ? ''
      : (PropertiesService.getScriptProperties().getProperty(REMINDER_OWNER_PROPERTY) ?? '').toLowerCase();
    reminderTrigger = mine || (!!owner && tracker.settings.admins.some((a) => a.toLowerCase() === owner));
  } catch {
    // not authorised for script.scriptapp yet: shown as "cannot tell", never as done
    reminderTrigger = null;
  }
  return {
    tabs: Object.keys(snapshot.tabs),
    settingsProtected: snapshot.tabs[SETTINGS_TAB.name] !== undefined && isSetUp(ss),
    tracker,
    reminderTrigger,
  };
}

export function firstRunPage(ss: Spreadsheet): string {
  return firstRunHtml(firstRunSteps(firstRunFacts(ss)), FIRST_RUN_SERVER_FUNCTION);
}

function showFirstRun(ss: Spreadsheet): void {
  const u = ui();
  const html = firstRunPage(ss);
  if (!u) return;
  u.showSidebar(HtmlService.createHtmlOutput(html).setTitle(FIRST_RUN.title));
}

/** Menu "เริ่มต้นใช้งาน". */
export function menuFirstRun(): void {
  showFirstRun(activeSpreadsheet());
}

function openTab(ss: Spreadsheet, name: string): void {
  const sheet = ss.getSheetByName(name);
  if (sheet) ss.setActiveSheet(sheet);
  ss.toast(FIRST_RUN.opened(name), FIRST_RUN.title);
}

/** The actions a step runs, as the menu runs them (src/gas/actions.ts passes them in). */
export type StepAction = 'menuSetup' | 'menuGenerateReport';

/** A sidebar button: runs one step, then shows the sidebar again with the steps re-checked. */
export function firstRunStep(id: FirstRunStepId, run: (action: StepAction) => void): void {
  const ss = activeSpreadsheet();
  switch (id) {
    case 'setup':
      run('menuSetup');
      break;
    case 'divisions':
      openTab(ss, SETTINGS_TAB.name);
      break;
    case 'editors':
      openTab(ss, DIVISIONS_TAB.name);
      break;
    case 'report':
      run('menuGenerateReport');
      break;
    case 'reminders':
      ss.toast(installReminderTrigger() ? SETUP.triggerReady : FIRST_RUN.remindersAlready, FIRST_RUN.title);
      break;
    default:
      showAlert(FIRST_RUN.unknownStep(String(id)));
      return;
  }
  showFirstRun(ss);
}
