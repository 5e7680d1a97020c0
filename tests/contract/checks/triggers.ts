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
      const f = fakesOnly(fakes);
      f.calls.reset();
      f.auth.as('LIMITED', () => {
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
      // the fakes keep each refusal, caught or not, so a test sees code that swallows one and carries on
      same(
        f.calls.refused(),
        [
          'MailApp.sendEmail',
          'MailApp.getRemainingDailyQuota',
          'DocumentApp.create',
          'Drive.Files.list',
          'ScriptApp.getProjectTriggers',
          'ScriptApp.newTrigger',
        ],
        'the refusals the fakes recorded',
      );
    },
  },
];

TRIGGER_CONTRACTS.push({
  behaviour:
    'onOpen of a bound script runs as a simple trigger, LIMITED, and its event says so (with the file as source); an add-on not yet used in the file runs it in NONE, where even the file is refused',
  reference: `${SIMPLE_TRIGGERS}; https://developers.google.com/apps-script/guides/triggers/events#open; https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle ("Authorization modes")`,
  live: 'opening the sheet runs onOpen; clasp run cannot',
  check(fakes) {
    const f = fakesOnly(fakes);
    const denied = /You do not have permission to call/;
    let seen: unknown[] = [];
    f.sheets.open((e) => {
      seen = [String(e.authMode), e.source?.getId() === SpreadsheetApp.getActive().getId()];
      refuses(() => MailApp.getRemainingDailyQuota(), denied, 'mail in LIMITED');
    });
    same(seen, ['LIMITED', true], 'the bound script’s onOpen');
    f.sheets.open((e) => {
      seen = [String(e.authMode), e.source === undefined];
      refuses(() => SpreadsheetApp.getActive(), denied, 'the file in NONE');
    }, 'NONE');
    same(seen, ['NONE', true], 'an add-on’s first onOpen');
    same(f.auth.mode, 'FULL', 'the mode after onOpen returned');
  },
});

const INSTALLABLE = 'https://developers.google.com/apps-script/guides/triggers/installable';

TRIGGER_CONTRACTS.push(
  {
    behaviour:
      'an installable trigger belongs to the account that created it: getProjectTriggers() lists only this account’s',
    reference: `${INSTALLABLE} ("always run under the account of the person who created them"; "A given account cannot see triggers installed from a second account"); https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()`,
    live: 'needs a second account',
    check(fakes) {
      const f = fakesOnly(fakes);
      f.session.as('other-admin@gmail.com', () =>
        ScriptApp.newTrigger('processReportQueue').timeBased().everyMinutes(5).create(),
      );
      same(ScriptApp.getProjectTriggers().length, 0, 'triggers this account sees');
      same(
        f.triggers.list().map((t) => t.owner),
        ['other-admin@gmail.com'],
        'who owns the one trigger',
      );
    },
  },
  {
    behaviour: 'a time-driven trigger runs every 1, 5, 10, 15 or 30 minutes; other minute counts are refused',
    reference: 'https://developers.google.com/apps-script/reference/script/clock-trigger-builder#everyMinutes(Integer)',
    live: true,
    check() {
      const t = ScriptApp.newTrigger('contractNoop').timeBased().everyMinutes(5).create();
      try {
        refuses(
          () => ScriptApp.newTrigger('contractNoop').timeBased().everyMinutes(7).create(),
          /./,
          'every 7 minutes',
        );
      } finally {
        ScriptApp.deleteTrigger(t);
      }
    },
  },
  {
    behaviour:
      'an Editor add-on’s time-driven trigger runs at most hourly: every N minutes is refused, every hour is not',
    reference: `${INSTALLABLE} ("Add-ons can use a time-driven trigger once per hour at most")`,
    world: { addon: true },
    live: 'the live test sheet runs the bound script, not the add-on',
    check() {
      refuses(
        () => ScriptApp.newTrigger('processReportQueue').timeBased().everyMinutes(5).create(),
        /once per hour/,
        'every 5 minutes',
      );
      const t = ScriptApp.newTrigger('processReportQueue').timeBased().everyHours(1).create();
      ScriptApp.deleteTrigger(t);
    },
  },
);
