// What each Apps Script authorization mode lets a script call, enforced on every counted call.
// From the editor add-on authorization guide (developers.google.com/workspace/add-ons/concepts/
// editor-auth-lifecycle, "Authorization modes") and the ScriptApp.AuthMode reference:
//  - NONE: "does not allow access to any services that require authorization" — an add-on's onOpen
//    in a file where it has not been used yet. UI: create menu items only; no document, no properties,
//    user data: locale only. Logger and Utilities work.
//  - LIMITED: a bound script's (or an enabled add-on's) onOpen/onEdit simple trigger: the bound document,
//    the UI, properties; no service that reaches the user's other data or sends anything (Drive, Docs,
//    Mail, triggers): "They cannot access services that require authorization … can modify the file
//    they are bound to, but cannot access other files" (developers.google.com/apps-script/guides/triggers,
//    "Restrictions"); who the person is, only as the user reference allows (./context.ts identityVisible).
//  - FULL: everything the manifest's scopes grant (a menu click, a sidebar's google.script.run, a trigger).
// The refusal reads as Apps Script's: "You do not have permission to call X. Required permissions: …".

export type FakeAuthMode = 'NONE' | 'LIMITED' | 'FULL';

/** NONE: only these calls (building a menu, logging, pure utilities). */
const NONE_ALLOWS = [
  /^SpreadsheetApp\.getUi$/,
  /^Ui\.create(Addon)?Menu$/,
  /^Menu\./,
  /^Logger\./,
  /^Utilities\./,
  /^Session\.(getActiveUserLocale|getScriptTimeZone)$/,
];

/**
 * LIMITED: everything but these (other files, mail, triggers). Session's users are not refused: they
 * come back with a blank e-mail unless the person is of the sheet's Workspace domain (./script.ts).
 */
const LIMITED_REFUSES = [
  /^Session\.getTemporaryActiveUserKey$/,
  /^ScriptApp\.(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger|getOAuthToken)$/,
  /^(TriggerBuilder|ClockTriggerBuilder|SpreadsheetTriggerBuilder|Trigger)\./,
  /^(MailApp|DocumentApp|Drive\.|Docs\.)/,
  // UrlFetchApp needs authorization, which a simple trigger does not have (guides/triggers, Restrictions)
  /^UrlFetchApp\./,
  /^Ui\.(showSidebar|showModalDialog|showModelessDialog)$/,
];

/** The scope the refusal names (the manifest's scope for that service). */
function scopeFor(call: string): string {
  if (/^(SpreadsheetApp|Spreadsheet|Sheet|Range)\b/.test(call))
    return 'https://www.googleapis.com/auth/spreadsheets.currentonly';
  if (/^(Session)\./.test(call)) return 'https://www.googleapis.com/auth/userinfo.email';
  if (/^(MailApp)\./.test(call)) return 'https://www.googleapis.com/auth/script.send_mail';
  if (/^(UrlFetchApp)\./.test(call)) return 'https://www.googleapis.com/auth/script.external_request';
  if (/^(Drive)\./.test(call)) return 'https://www.googleapis.com/auth/drive.file';
  if (/^(Docs|DocumentApp)\b/.test(call)) return 'https://www.googleapis.com/auth/documents';
  if (/^(Ui)\./.test(call)) return 'https://www.googleapis.com/auth/script.container.ui';
  return 'https://www.googleapis.com/auth/script.scriptapp';
}

export const permissionDenied = (call: string) =>
  `You do not have permission to call ${call}. Required permissions: ${scopeFor(call)}`;

/** Whether a counted call '<Class>.<method>' may run in the mode. */
export function allowedIn(mode: FakeAuthMode, call: string): boolean {
  if (mode === 'FULL') return true;
  if (mode === 'NONE') return NONE_ALLOWS.some((re) => re.test(call));
  return !LIMITED_REFUSES.some((re) => re.test(call));
}
