// Setup's Apps Script service calls (menu ตั้งค่าระบบ on the bench's tracker: 11 measures, 5 divisions,
// as `npm run bench` counts it), pinned per service, so a call added back fails here and names its
// service; and flat as rows grow (10× the measures on the same divisions: the same calls). Issue 21's
// budget is ≤ 450 (460 before the run's account, script properties and validation rules were shared).

import { generateTracker } from '../../bench/generate';
import { ENTRY_POINTS } from '../../src/gas/actions';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';

function setupCalls(measures: number, divisions: number) {
  installFakes({ user: 'admin@example.org', owner: 'admin@example.org' });
  seedSpreadsheet(generateTracker(measures, divisions));
  calls.reset();
  ENTRY_POINTS.menuSetup();
  const n = { total: calls.total(), byService: calls.snapshot() };
  uninstallFakes();
  return n;
}

test('setup on 11 measures / 5 divisions: 438 service calls, the same at 110 measures', () => {
  const small = setupCalls(11, 5);
  expect(small.byService).toEqual({
    // the action: the document lock, the spreadsheet, its locale and zone (Asia/Bangkok: a fixed offset,
    // no Utilities call), the closing alert
    'LockService.getDocumentLock': 1,
    'Lock.tryLock': 1,
    'Lock.releaseLock': 1,
    'SpreadsheetApp.getActive': 1,
    'Spreadsheet.getSpreadsheetLocale': 1,
    'Spreadsheet.getSpreadsheetTimeZone': 1,
    'SpreadsheetApp.getUi': 1,
    'Ui.alert': 1,
    // who is running and the script properties: once for every step (protections, folder, triggers)
    'Session.getEffectiveUser': 1,
    'User.getEmail': 1,
    'PropertiesService.getScriptProperties': 1,
    'Properties.getProperty': 4,
    'Properties.setProperty': 3,
    // sync's protection stamps (document properties: one read, one write)
    'PropertiesService.getDocumentProperties': 1,
    'Properties.getProperties': 1,
    'Properties.setProperties': 1,
    // the tabs: listed once, each read once (getDataRange + getValues), sizes
    'Spreadsheet.getSheets': 1,
    'Spreadsheet.getSheetByName': 2,
    'Sheet.getName': 17,
    'Sheet.getDataRange': 17,
    'Range.getValues': 17,
    'Sheet.getLastRow': 13,
    'Sheet.getLastColumn': 1,
    'Sheet.getMaxRows': 14,
    'Sheet.getMaxColumns': 1,
    'Sheet.getRange': 39,
    'Range.setValue': 1,
    'Range.setValues': 1,
    'Range.setFontWeights': 1,
    // validation rules: one per column type for the whole run (fixed and division tabs share them)
    'SpreadsheetApp.newDataValidation': 11,
    'DataValidationBuilder.setAllowInvalid': 11,
    'DataValidationBuilder.setHelpText': 11,
    'DataValidationBuilder.build': 11,
    'DataValidationBuilder.requireValueInList': 5,
    'DataValidationBuilder.requireDate': 2,
    'DataValidationBuilder.requireNumberBetween': 1,
    'DataValidationBuilder.requireNumberGreaterThanOrEqualTo': 2,
    'DataValidationBuilder.requireTextIsUrl': 1,
    'Range.setDataValidation': 16,
    'Range.setDataValidations': 1,
    'Range.setNumberFormat': 14,
    // protections: 12 fixed tabs and 5 division tabs (sheet + editable columns), 6 calls each (lockDown)
    'Sheet.getProtections': 22,
    'Sheet.protect': 17,
    'Range.protect': 5,
    'Protection.setUnprotectedRanges': 5,
    'Protection.setDescription': 22,
    'Protection.addEditor': 22,
    'Protection.getEditors': 22,
    'Protection.removeEditors': 22,
    'Protection.canDomainEdit': 22,
    'Protection.addEditors': 22,
    // the dashboard's chart
    'Sheet.getCharts': 1,
    'Sheet.newChart': 1,
    'EmbeddedChartBuilder.asColumnChart': 1,
    'EmbeddedChartBuilder.addRange': 1,
    'EmbeddedChartBuilder.setStacked': 1,
    'EmbeddedChartBuilder.setTitle': 1,
    'EmbeddedChartBuilder.setPosition': 1,
    'EmbeddedChartBuilder.build': 1,
    'Sheet.insertChart': 1,
    // the report folder, the two triggers (daily reminders, the owner's queue)
    'Drive.Files.create': 1,
    'ScriptApp.getProjectTriggers': 2,
    'ScriptApp.newTrigger': 2,
    'TriggerBuilder.timeBased': 2,
    'ClockTriggerBuilder.atHour': 1,
    'ClockTriggerBuilder.nearMinute': 1,
    'ClockTriggerBuilder.everyDays': 1,
    'ClockTriggerBuilder.inTimezone': 1,
    'ClockTriggerBuilder.everyMinutes': 1,
    'ClockTriggerBuilder.create': 2,
    'Trigger.getHandlerFunction': 1,
    'Trigger.getUniqueId': 1,
  });
  expect(small.total).toBe(438);
  expect(small.total).toBeLessThanOrEqual(450);
  // ten times the rows, the same divisions: not one call more
  expect(setupCalls(110, 5)).toEqual(small);
});
