// Apps Script entry points. Every function exported here becomes a top-level function in dist/Code.js
// (scripts/build.mjs appends the wrappers), so menus, triggers and google.script.run can find it.
// One export line per module; the logic lives in src/core and the adapters beside this file.

export { refreshDashboard } from './dashboard';
export { onEdit } from './edit';
export { firstRunStep, menuFirstRun } from './first-run';
export { menuHealthCheck, menuHealthCheckCopy } from './health';
export { importPreviousReportFile, menuImportPreviousReport } from './import';
export { onInstall, onOpen } from './menu';
export { menuGeneratePlan, menuProposeToExecutive, menuRecordApproval } from './plan';
export { doGet, menuRefreshPublicPage } from './public-page';
export { dailyReminders, installReminderTrigger, menuPreviewReminders } from './reminders';
export { menuGenerateReport } from './report';
export { menuSetup } from './setup';
export { menuSyncDivisionTabs } from './sync';
export { menuValidateAll } from './validate';
export { menuCloseRound, menuReopenRound, menuRollover } from './year-cycle';
