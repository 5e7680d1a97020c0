// Simple triggers: what a script run without the person's authorization may do and learn.
import { type Contract, fakesOnly, refuses, same } from '../contract';

const SIMPLE_TRIGGERS = 'https://developers.google.com/apps-script/guides/triggers ("Restrictions")';
const USER_EMAIL = 'https://developers.google.com/apps-script/reference/base/user#getEmail()';
const EDIT_EVENT = 'https://developers.google.com/apps-script/guides/triggers/events#edit ("user … if available")';

/** A division tab with one header row, where a person types. */
function tab(): void {
  const ss = SpreadsheetApp.getActive();
  const sheet = ss.getSheetByName('กองคลัง') ?? ss.insertSheet('กองคลัง');
  sheet.getRange(1, 1, 1, 2).setValues([['รหัส', 'ผล']]);
}

/** Who the edit event and Session name when `editor` types into a cell (run as the simple trigger). */
function namedWhenTyping(fakes: ReturnType<typeof fakesOnly>, editor: string): [string, string] {
  tab();
  let seen: [string, string] = ['?', '?'];
  fakes.session.as(editor, () =>
    fakes.sheets.edit('กองคลัง', 'B2', 'ทำแล้ว', (e) => {
      seen = [e.user.getEmail(), Session.getActiveUser().getEmail()];
    }),
  );
  return seen;
}

export const TRIGGER_CONTRACTS: Contract[] = [
  {
    behaviour:
      'onEdit on a Gmail-owned sheet: neither the event’s user nor Session.getActiveUser() gives the editor’s e-mail',
    reference: `${USER_EMAIL}; ${EDIT_EVENT}`,
    live: 'needs a person typing into the sheet: a simple trigger cannot be started by clasp run',
    check(fakes) {
      same(namedWhenTyping(fakesOnly(fakes), 'finance@gmail.com'), ['', ''], 'who the trigger is told');
    },
  },
  {
    behaviour:
      'onEdit on a Workspace sheet: an editor of the same domain is named by the event and by Session; one from outside is not',
    reference: `${USER_EMAIL} ("these restrictions generally do not apply if the developer … belongs to the same Google Workspace domain as the user")`,
    world: { world: 'workspace', domain: 'pru-yai.go.th' },
    live: 'needs people of the domain typing into the sheet',
    check(fakes) {
      const f = fakesOnly(fakes);
      same(
        namedWhenTyping(f, 'finance@pru-yai.go.th'),
        ['finance@pru-yai.go.th', 'finance@pru-yai.go.th'],
        'same domain',
      );
      same(namedWhenTyping(f, 'clerk@gmail.com'), ['', ''], 'another domain');
    },
  },
  {
    behaviour:
      'a simple trigger (LIMITED) reads and writes its own sheet, and may not send mail, open other files or touch triggers',
    reference: `${SIMPLE_TRIGGERS}: "They cannot access services that require authorization … can modify the file they are bound to, but cannot access other files"; https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle ("Authorization modes")`,
    live: 'clasp run always runs in FULL mode: a simple trigger’s mode cannot be asked for',
    check(fakes) {
      tab();
      fakesOnly(fakes).auth.as('LIMITED', () => {
        const sheet = SpreadsheetApp.getActive().getSheetByName('กองคลัง') as GoogleAppsScript.Spreadsheet.Sheet;
        sheet.getRange('A2').setValue('OIT-01');
        same(sheet.getRange('A2').getValue(), 'OIT-01', 'its own sheet');
        const denied = /You do not have permission to call/;
        refuses(() => MailApp.sendEmail('a@example.org', 's', 'b'), denied, 'MailApp.sendEmail');
        refuses(() => MailApp.getRemainingDailyQuota(), denied, 'MailApp.getRemainingDailyQuota');
        refuses(() => DocumentApp.create('x'), denied, 'DocumentApp.create');
        refuses(() => Drive?.Files.list({}), denied, 'Drive.Files.list');
        refuses(() => ScriptApp.getProjectTriggers(), denied, 'ScriptApp.getProjectTriggers');
        refuses(() => ScriptApp.newTrigger('f'), denied, 'ScriptApp.newTrigger');
      });
    },
  },
];
