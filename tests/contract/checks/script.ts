// The script's own services: locks, the UI outside a menu click, the trigger quota, authorization
// modes and consent, mail quota, UrlFetchApp's answers.
import { authorizedScopes } from '../../../src/gas/adapters/script';
import { type Contract, fakesOnly, refuses, same } from '../contract';

const DENIED = /You do not have permission to call/;
const QUOTAS = 'https://developers.google.com/apps-script/guides/services/quotas';

export const SCRIPT_CONTRACTS: Contract[] = [
  {
    behaviour:
      'a lock another execution holds: tryLock answers false when its time is up, waitLock throws "Lock timeout"',
    reference:
      'https://developers.google.com/apps-script/reference/lock/lock#tryLock(Integer) ("returns false if the lock could not be acquired") and #waitLock(Integer) ("throws an exception if the lock could not be acquired")',
    live: 'needs a second execution holding the lock at the same time',
    check(fakes) {
      const held = fakesOnly(fakes).locks.hold('script');
      try {
        same(LockService.getScriptLock().tryLock(100), false, 'tryLock');
        refuses(() => LockService.getScriptLock().waitLock(100), /Lock timeout/, 'waitLock');
      } finally {
        held.release();
      }
      const lock = LockService.getScriptLock();
      same(lock.tryLock(100), true, 'once released');
      lock.releaseLock();
    },
  },
  {
    behaviour: 'outside a person’s click (a trigger, the Apps Script API) SpreadsheetApp.getUi() throws',
    reference:
      'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getUi() ("A script can only interact with the UI for the current instance of an open editor")',
    live: true,
    check(fakes) {
      // clasp run calls the script through the Apps Script API, where there is no editor open either
      fakes?.ui.setAvailable(false);
      refuses(() => SpreadsheetApp.getUi(), /Cannot call SpreadsheetApp\.getUi\(\) from this context/, 'getUi');
    },
  },
  {
    behaviour: 'an account may install at most 20 triggers in one script; the 21st is refused',
    reference: `${QUOTAS} ("Triggers: 20 / user / script")`,
    live: true,
    check() {
      const made: GoogleAppsScript.Script.Trigger[] = [];
      try {
        const room = 20 - ScriptApp.getProjectTriggers().length;
        for (let i = 0; i < room; i++)
          made.push(ScriptApp.newTrigger('contractNoop').timeBased().everyHours(1).create());
        refuses(
          () => made.push(ScriptApp.newTrigger('contractNoop').timeBased().everyHours(1).create()),
          /too many triggers/,
          'the 21st trigger',
        );
      } finally {
        for (const t of made) ScriptApp.deleteTrigger(t);
      }
    },
  },
  {
    behaviour:
      'AuthMode NONE (an add-on not yet used in the file) builds its menu and nothing else: the spreadsheet and the properties are refused',
    reference:
      'https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle ("Authorization modes": NONE "does not allow access to any services that require authorization")',
    live: 'clasp run always runs in FULL mode',
    check(fakes) {
      fakesOnly(fakes).auth.as('NONE', () => {
        SpreadsheetApp.getUi().createAddonMenu().addItem('เริ่มต้นใช้งาน', 'contractNoop').addToUi();
        refuses(() => SpreadsheetApp.getActive(), DENIED, 'SpreadsheetApp.getActive');
        refuses(() => PropertiesService.getDocumentProperties(), DENIED, 'PropertiesService');
      });
    },
  },
  {
    behaviour:
      'granular consent: a scope the person left unticked is missing from getAuthorizedScopes(), and the status asks for authorization again',
    reference:
      'https://developers.google.com/apps-script/reference/script/authorization-info#getAuthorizedScopes() and https://developers.google.com/apps-script/concepts/scopes (granular consent)',
    live: 'needs a person who left a scope unticked on the consent screen',
    check(fakes) {
      const send = 'https://www.googleapis.com/auth/script.send_mail';
      fakesOnly(fakes).auth.deny(send);
      same(authorizedScopes([send]) ?? [], [], 'authorized scopes (the app’s facade)');
      same(
        String(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()),
        'REQUIRED',
        'status',
      );
    },
  },
  {
    behaviour:
      'the mail quota counts recipients, is the account’s (another script’s sending spends it too), and past it sendEmail throws and sends nothing',
    reference: `${QUOTAS} ("Email recipients per day": 100 consumer, 1,500 Workspace; past a quota "your script throws an exception"); https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()`,
    live: 'would send real mail and spend the account’s quota',
    check(fakes) {
      const f = fakesOnly(fakes);
      f.mail.quota = 3;
      MailApp.sendEmail({ to: 'a@example.org,b@example.org', subject: 's', body: 'b' });
      same(MailApp.getRemainingDailyQuota(), 1, 'after two recipients');
      f.mail.spendBeforeNextSend(1);
      refuses(
        () => MailApp.sendEmail('c@example.org', 's', 'b'),
        /Service invoked too many times for one day: email/,
        'past the quota',
      );
      same(f.mail.sent.length, 1, 'messages sent');
    },
  },
  {
    behaviour:
      'UrlFetchApp: an answer of 400 or more throws "Request failed … returned code n" unless muteHttpExceptions, which returns it to read',
    reference:
      'https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app#fetch(String,Object) ("muteHttpExceptions: If true the fetch doesn\'t throw an exception if the response code indicates failure")',
    live: true,
    check(fakes) {
      // the one host the manifest allows (urlFetchWhitelist); without a token LINE answers 401
      fakes?.urlFetch.route((req) =>
        req.url.startsWith('https://api.line.me/')
          ? { status: 401, body: '{"message":"Authorization header required."}' }
          : undefined,
      );
      const url = 'https://api.line.me/v2/bot/info';
      refuses(
        () => UrlFetchApp.fetch(url),
        /Request failed for https:\/\/api\.line\.me\S* returned code 401/,
        'unmuted',
      );
      same(UrlFetchApp.fetch(url, { muteHttpExceptions: true }).getResponseCode(), 401, 'muted');
    },
  },
  {
    behaviour:
      'Utilities.formatDate writes an instant in the time zone asked for, with SimpleDateFormat’s letters (yyyy-MM-dd HH:mm, EEE)',
    reference:
      'https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String) (formats "as described in the Java SE SimpleDateFormat class")',
    live: true,
    check() {
      const instant = new Date(Date.UTC(2023, 2, 31, 17, 30));
      same(
        [
          Utilities.formatDate(instant, 'Asia/Bangkok', 'yyyy-MM-dd HH:mm'),
          Utilities.formatDate(instant, 'UTC', 'yyyy-MM-dd HH:mm'),
          Utilities.formatDate(instant, 'Asia/Bangkok', 'EEE'),
        ],
        ['2023-04-01 00:30', '2023-03-31 17:30', 'Sat'],
        'formatted',
      );
    },
  },
  {
    behaviour: 'ScriptApp.getService().getUrl() is null while the script is not deployed as a web app',
    reference:
      'https://developers.google.com/apps-script/reference/script/service#getUrl() ("Returns the URL of the web app, if it has been deployed; otherwise returns null")',
    live: 'whether the test script is also deployed as a web app is the maintainer’s choice',
    check() {
      same(ScriptApp.getService().getUrl(), null, 'the URL before deployment');
    },
  },
];
