// Menu "ตรวจสุขภาพระบบ" through the Apps Script fakes: on a healthy tracker (after setup) every check
// passes; each check's condition broken in the fakes gives its Thai line, the other checks still run,
// and nothing in the tracker's tabs changes — only the log tab gets the run's lines.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATETIME_FORMAT } from '../../src/core/formats';
import { healthLineText } from '../../src/core/health';
import { HEALTH, HEALTH_DATE_SAMPLE } from '../../src/core/messages/health';
import { HEALTH_LEFTOVERS, HEALTH_SYNC_LOCK } from '../../src/core/messages/health-sync-lock';
import { ACCESS, MENU } from '../../src/core/messages/menu';
import { QUEUE_TRIGGER } from '../../src/core/messages/queue-trigger';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { SETUP } from '../../src/core/messages/setup';
import { SYNC_MENU } from '../../src/core/messages/sync';
import { APP_VERSION } from '../../src/core/version';
import { ENTRY_POINTS, MENU_ITEMS } from '../../src/gas/actions';
import { menuHealthCheck, menuHealthCheckCopy, runHealthCheck } from '../../src/gas/health';
import { MANIFEST_SCOPES } from '../../src/gas/health/scopes';
import { readBackProblems, scratchModel } from '../../src/gas/health/scratch-doc';
import { installReminderTrigger } from '../../src/gas/reminders';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { captureConsole } from '../support/console-capture';

const ADMIN = 'ita-admin@example.org'; // the template's admin
const NOW = new Date(Date.UTC(2023, 2, 20, 9, 0));
const ROOT = join(__dirname, '..', '..');

let fakes: FakeHandles;

/** A tracker as setup leaves it: example data, division tabs protected, folder, trigger. */
function healthyTracker(options: { spreadsheetLocale?: string; editors?: string[] } = {}): FakeHandles {
  const f = installFakes({ user: ADMIN, ...options });
  calls.untracked(() => setupSpreadsheet(f.spreadsheet, { example: true, now: NOW }));
  calls.reset();
  return f;
}

const folderId = (f: FakeHandles): string =>
  (f.sheets.values('ตั้งค่า') ?? []).find((r) => r[0] === 'reportFolderId')?.[2] as string;

/** Everything in the spreadsheet but the log tab: values, protections, triggers. */
function trackerState(f: FakeHandles) {
  return calls.untracked(() => {
    const tabs = f.sheets.snapshot().tabs;
    delete tabs[HEALTH.logTab];
    return {
      tabs,
      names: f.sheets.tabNames().filter((n) => n !== HEALTH.logTab),
      protections: f.sheets.protections().filter((p) => p.tab !== HEALTH.logTab),
    };
  });
}

const lineOf = (run: ReturnType<typeof runHealthCheck>, id: string) => {
  const line = run.report.lines.find((l) => l.id === id);
  if (!line) throw new Error(`no line ${id}`);
  return line;
};

/** Runs the check and asserts the tracker's tabs did not change; returns the run. */
function runUnchanged(f: FakeHandles, options: { sendTestMail?: boolean } = {}) {
  const before = trackerState(f);
  const run = runHealthCheck(f.spreadsheet, options);
  expect(trackerState(f)).toEqual(before);
  return run;
}

/** Every line but `id` passes: a broken condition shows in its own check only (unless said). */
const othersPass = (run: ReturnType<typeof runHealthCheck>, ...ids: string[]) =>
  expect(run.report.lines.filter((l) => !ids.includes(l.id) && l.outcome !== 'pass').map(healthLineText)).toEqual([]);

afterEach(() => uninstallFakes());

describe('a healthy tracker', () => {
  beforeEach(() => {
    fakes = healthyTracker();
  });

  test('every check passes, in the order listed, and nothing but the log tab changes', () => {
    const run = runUnchanged(fakes);
    expect(run.report.lines.map((l) => [l.id, l.outcome])).toEqual([
      ['scopes', 'pass'],
      ['services', 'pass'],
      ['folder', 'pass'],
      ['scratchDoc', 'pass'],
      ['locale', 'pass'],
      ['protections', 'pass'],
      ['syncLock', 'pass'],
      ['leftoverProtections', 'pass'],
      ['triggers', 'pass'],
      ['queueTrigger', 'pass'],
      ['mail', 'pass'],
      ['line', 'pass'],
      ['lockProperties', 'pass'],
    ]);
    expect(lineOf(run, 'folder').found).toContain(HEALTH.folder.admins([ADMIN]));
    expect(lineOf(run, 'triggers').found).toBe(HEALTH.triggers.ok(ADMIN));
    expect(lineOf(run, 'locale').found).toBe(HEALTH.locale.ok('th_TH', 'Asia/Bangkok', HEALTH_DATE_SAMPLE.text));
  });

  test('the log tab gets a header and one row per check: time, who, check, ผล, found, what to do', () => {
    runHealthCheck(fakes.spreadsheet);
    runHealthCheck(fakes.spreadsheet);
    const log = fakes.sheets.values(HEALTH.logTab) ?? [];
    expect(log[0]).toEqual([...HEALTH.logHeaders]);
    expect(log).toHaveLength(1 + 2 * 13);
    expect(log[1][0]).toBeInstanceOf(Date); // the date probe typed there was written over
    expect(fakes.sheets.cell(HEALTH.logTab, 'A2').numberFormat).toBe(DATETIME_FORMAT);
    expect(log.slice(1).map((r) => [r[1], r[3], r[5]])).toEqual(
      Array.from({ length: 26 }, () => [ADMIN, HEALTH.outcome.pass, HEALTH.nothingToDo]),
    );
    expect(log[1][2]).toBe(HEALTH.scopes.title);
  });

  test('the scratch document and its PDF end in the trash; the public sees nothing of them', () => {
    runHealthCheck(fakes.spreadsheet);
    const scratch = [...fakes.drive.store.files.values()].filter((f) => f.name.startsWith(HEALTH.scratchDoc.docName));
    expect(scratch.map((f) => [f.mimeType, f.trashed, f.parents])).toEqual([
      ['application/vnd.google-apps.document', true, [folderId(fakes)]],
      ['application/pdf', true, [folderId(fakes)]],
    ]);
    const doc = scratch[0];
    expect(doc.revisions[doc.revisions.length - 1]).toMatchObject({ published: true, publishAuto: false });
  });

  test('no e-mail unless asked; asked, one test e-mail to the admin, one recipient of the quota', () => {
    const quota = fakes.mail.quota;
    runHealthCheck(fakes.spreadsheet);
    expect(fakes.mail.sent).toHaveLength(0);
    const run = runUnchanged(fakes, { sendTestMail: true });
    expect(fakes.mail.sent.map((m) => [m.to, m.subject])).toEqual([[[ADMIN], HEALTH.mail.testSubject]]);
    expect(fakes.mail.quota).toBe(quota - 1);
    expect(lineOf(run, 'mail').found).toContain(HEALTH.mail.sent(ADMIN));
  });

  test('the menu asks about the test e-mail, shows one line per check and the developer JSON', () => {
    fakes.ui.respond('NO');
    const run = menuHealthCheck();
    expect(run).toBeDefined();
    const dialog = fakes.ui.lastDialog();
    expect(dialog?.title).toBe(HEALTH.title);
    expect(dialog?.html).toContain(HEALTH.summary(13, 0, 0));
    for (const line of run!.report.lines) expect(dialog?.html).toContain(line.title);
    expect(dialog?.html).toContain(HEALTH.copyButton);
    // the JSON a maintainer gets: versions, locale, zone, scopes, each check's outcome
    menuHealthCheckCopy();
    const copy = fakes.ui.lastDialog()?.html ?? '';
    const json = JSON.parse(
      copy
        .replace(/^[\s\S]*<textarea[^>]*>/, '')
        .replace(/<\/textarea>[\s\S]*$/, '')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    expect(json).toMatchObject({
      appVersion: APP_VERSION,
      spreadsheetLocale: 'th_TH',
      spreadsheetTimeZone: 'Asia/Bangkok',
      scriptTimeZone: 'Asia/Bangkok',
      scopesGranted: [...MANIFEST_SCOPES],
    });
    expect(json.checks.map((c: { id: string; outcome: string }) => c.outcome)).toEqual(Array(13).fill('pass'));
  });

  test('someone who is not an admin is refused, and nothing is written', () => {
    const before = calls.untracked(() => fakes.sheets.snapshot());
    fakes.session.setUser('finance@example.org');
    expect(ENTRY_POINTS.menuHealthCheck()).toBeUndefined();
    expect(fakes.ui.lastAlert()?.prompt).toBe(ACCESS.denied(HEALTH.menu, ['admin'], 'finance@example.org'));
    expect(calls.untracked(() => fakes.sheets.snapshot())).toEqual(before);
  });

  test('a check that throws is its own ไม่ผ่าน line with the error; the checks after it still run', () => {
    fakes.drive.faults.failAt('Drive.Files.list', 1, 'Service error: Drive');
    const run = runUnchanged(fakes);
    const line = lineOf(run, 'services');
    expect(healthLineText(line)).toBe(
      `ไม่ผ่าน · ${HEALTH.services.title}: ${HEALTH.services.noAnswer('Service error: Drive')} — ${HEALTH.services.noAnswerTodo}`,
    );
    expect(line.error).toBe('Service error: Drive');
    othersPass(run, 'services');
    expect(run.report.lines).toHaveLength(13);
  });

  test('a check that throws outright (a service missing mid-run) still gives every line', () => {
    const original = MailApp.getRemainingDailyQuota;
    (MailApp as unknown as Record<string, unknown>).getRemainingDailyQuota = () => {
      throw new Error('Exception: Service unavailable: Gmail');
    };
    try {
      const { value: run, logged } = captureConsole('error', () => runUnchanged(fakes));
      // the execution log has the throw itself (with its stack), the report its text
      expect(logged).toEqual(['Error: Exception: Service unavailable: Gmail']);
      const line = lineOf(run, 'mail');
      expect(line.outcome).toBe('fail');
      expect(line.found).toBe(HEALTH.threw('Exception: Service unavailable: Gmail').found);
      othersPass(run, 'mail');
    } finally {
      (MailApp as unknown as Record<string, unknown>).getRemainingDailyQuota = original;
    }
  });
});

describe('each check, its condition broken', () => {
  test('a scope left unticked on the consent screen', () => {
    fakes = healthyTracker();
    fakes.auth.deny('https://www.googleapis.com/auth/drive.file');
    const run = runUnchanged(fakes);
    expect(healthLineText(lineOf(run, 'scopes'))).toBe(
      `ไม่ผ่าน · ${HEALTH.scopes.title}: ยังไม่ได้รับสิทธิ์: https://www.googleapis.com/auth/drive.file — ${HEALTH.scopes.missingTodo}`,
    );
    othersPass(run, 'scopes');
  });

  test('the report folder unreachable for this admin (drive.file is per user)', () => {
    fakes = healthyTracker();
    const id = folderId(fakes);
    fakes.drive.limitAppAccess(id, ['someone-else@example.org']);
    const run = runUnchanged(fakes);
    expect(healthLineText(lineOf(run, 'folder'))).toBe(
      `ไม่ผ่าน · ${HEALTH.folder.title}: ${HEALTH.folder.unreachable(id)} — ${HEALTH.folder.unreachableTodo}`,
    );
    expect(lineOf(run, 'folder').error).toBe(`API call to drive.files.get failed with error: File not found: ${id}.`);
    // the scratch document needs the folder: it says so instead of failing mid-way
    expect(healthLineText(lineOf(run, 'scratchDoc'))).toBe(
      `ไม่ผ่าน · ${HEALTH.scratchDoc.title}: ${HEALTH.scratchDoc.skipped} — ${HEALTH.scratchDoc.skippedTodo}`,
    );
    othersPass(run, 'folder', 'scratchDoc');
  });

  test('run by an admin who is not the folder’s owner: the folder is the owner’s to check, their documents go through the owner’s queue — never clear the folder id', () => {
    const other = 'deputy@example.org';
    fakes = healthyTracker({ editors: [other] });
    const id = folderId(fakes);
    const files = () => calls.untracked(() => fakes.drive.store.files.size);
    const before = files();
    // not in the template's protections (the journey's second admin is: every line passes there)
    const denied = ['Error: You do not have permission to perform that action.'];
    const { value: run, logged } = captureConsole('error', () => fakes.session.as(other, () => runUnchanged(fakes)));
    expect(logged).toEqual(denied);
    expect(healthLineText(lineOf(run, 'folder'))).toBe(
      `ผ่าน · ${HEALTH.folder.title}: ${HEALTH.folder.ownersQueue(ADMIN, id)}`,
    );
    // the report's path for this admin is the owner's queue: nothing is created with this admin's grant
    expect(healthLineText(lineOf(run, 'scratchDoc'))).toBe(
      `ผ่าน · ${HEALTH.scratchDoc.title}: ${HEALTH.scratchDoc.ownersQueue(ADMIN)}`,
    );
    expect(files()).toBe(before);
    othersPass(run, 'protections');
    // the owner's queue trigger not on record: nothing would make this admin's documents; the owner reruns setup
    calls.untracked(() => PropertiesService.getScriptProperties().deleteProperty('queueTrigger'));
    const { value: noQueue, logged: again } = captureConsole('error', () =>
      fakes.session.as(other, () => runUnchanged(fakes)),
    );
    expect(again).toEqual(denied);
    expect(healthLineText(lineOf(noQueue, 'folder'))).toBe(
      `ไม่ผ่าน · ${HEALTH.folder.title}: ${HEALTH.folder.ownersQueueMissing(ADMIN)} — ${HEALTH.folder.ownersQueueMissingTodo(ADMIN)}`,
    );
    expect(noQueue.report.lines.map(healthLineText).join('\n')).not.toContain(HEALTH.folder.unreachableTodo);
  });

  test('the report folder in a shared drive: probed as the report probes it (supportsAllDrives), it passes, and so does the scratch document written there', () => {
    fakes = healthyTracker();
    fakes.drive.moveToSharedDrive(folderId(fakes));
    const run = runUnchanged(fakes);
    expect(lineOf(run, 'folder')).toMatchObject({ outcome: 'pass' });
    expect(lineOf(run, 'folder').found).toContain(HEALTH.folder.sharedDriveOk(HEALTH_FOLDER));
    expect(lineOf(run, 'scratchDoc')).toMatchObject({ outcome: 'pass', found: HEALTH.scratchDoc.ok });
    othersPass(run);
  });

  test('a shared drive of 150 members: an admin listed past permissions.list’s first page (100) is found, not warned about', () => {
    fakes = healthyTracker();
    const members = Array.from({ length: 150 }, (_, i) => `member${i}@example.org`);
    fakes.drive.moveToSharedDrive(folderId(fakes), 'drive-big', members);
    calls.untracked(() => {
      const settings = fakes.spreadsheet.getSheetByName('ตั้งค่า')!;
      const row = settings
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'admins');
      settings.getRange(row + 1, 3).setValue(`${ADMIN}, member140@example.org`);
    });
    const line = lineOf(runHealthCheck(fakes.spreadsheet), 'folder');
    expect(line.found).toContain(HEALTH.folder.admins([ADMIN, 'member140@example.org']));
    expect(line.found).not.toContain(HEALTH.folder.adminsMissing(['member140@example.org']));
  });

  test('Drive leaves an unset publishAuto out of its answer: the scratch document still passes (omitted = false)', () => {
    fakes = healthyTracker();
    const revisions = Drive!.Revisions as unknown as Record<string, (...a: unknown[]) => Record<string, unknown>>;
    const get = revisions.get;
    revisions.get = (...a: unknown[]) => {
      const { publishAuto: _omitted, ...rest } = get(...a);
      return rest;
    };
    try {
      const run = runUnchanged(fakes);
      expect(lineOf(run, 'scratchDoc')).toMatchObject({ outcome: 'pass', found: HEALTH.scratchDoc.ok });
    } finally {
      revisions.get = get;
    }
  });

  test('the scratch document has a table per area, each with its header row pinned (as documents.get says it)', () => {
    fakes = healthyTracker();
    runHealthCheck(fakes.spreadsheet);
    const doc = [...fakes.drive.store.files.values()].find(
      (f) => f.mimeType === 'application/vnd.google-apps.document' && f.name === HEALTH.scratchDoc.docName,
    )!;
    const read = Docs!.Documents.get(doc.id) as unknown as Record<string, unknown>;
    const model = scratchModel();
    expect(model.sections).toHaveLength(2);
    expect(readBackProblems(read, model)).toEqual([]);
    // the second table's header not pinned: said, naming the table
    const content = (
      read.body as { content: { table?: { tableRows: { tableRowStyle: Record<string, unknown> }[] } }[] }
    ).content;
    delete content.filter((e) => e.table)[1].table!.tableRows[0].tableRowStyle.tableHeader;
    expect(readBackProblems(read, model)).toEqual([HEALTH.scratchDoc.what.pinned(2)]);
  });

  test('an admin the folder is not shared with is named (a warning: the report still works)', () => {
    fakes = healthyTracker();
    // a second admin in the settings tab (uncounted, as a person typing), not shared on the folder
    calls.untracked(() => {
      const settings = fakes.spreadsheet.getSheetByName('ตั้งค่า')!;
      const values = settings.getDataRange().getValues();
      const row = values.findIndex((r) => r[0] === 'admins');
      settings.getRange(row + 1, 3).setValue(`${ADMIN}, second-admin@example.org`);
    });
    const run = runHealthCheck(fakes.spreadsheet);
    const line = lineOf(run, 'folder');
    expect(line.outcome).toBe('warn');
    expect(line.found).toContain(HEALTH.folder.adminsMissing(['second-admin@example.org']));
    expect(line.todo).toBe(HEALTH.folder.adminsMissingTodo);
    // not yet on the division tabs' protections either (setup puts them there): one line for all tabs
    const divisionTabs = [
      ...new Set(
        fakes.sheets
          .protections()
          .filter((p) => p.description === SETUP.protectDivisionEditable)
          .map((p) => p.tab),
      ),
    ];
    expect(divisionTabs).toHaveLength(5);
    expect(healthLineText(lineOf(run, 'protections'))).toBe(
      `ไม่ผ่าน · ${HEALTH.protections.title}: ${HEALTH.protections.adminsMissing(divisionTabs, ['second-admin@example.org'])} — ${HEALTH.protections.todo}`,
    );
    fakes.drive.share(folderId(fakes), 'second-admin@example.org');
    expect(lineOf(runHealthCheck(fakes.spreadsheet), 'folder').outcome).toBe('pass');
  });

  test('publishing refused by the Workspace policy; the scratch files are trashed all the same', () => {
    fakes = healthyTracker();
    fakes.drive.setPublishingPolicy('domainOnly');
    const run = runUnchanged(fakes);
    const why = 'API call to drive.revisions.update failed with error: Insufficient permissions for this file';
    expect(healthLineText(lineOf(run, 'scratchDoc'))).toBe(
      // the refusal the report itself would show (its very call: publishHead)
      `ไม่ผ่าน · ${HEALTH.scratchDoc.title}: ${REPORT_DRIVE.publishRefused(why)} — ${HEALTH.scratchDoc.publishRefusedTodo}`,
    );
    const scratch = [...fakes.drive.store.files.values()].filter((f) => f.name.startsWith(HEALTH.scratchDoc.docName));
    expect(scratch.map((f) => f.trashed)).toEqual([true, true]);
    othersPass(run, 'scratchDoc');
  });

  test('an en_US spreadsheet: the help text’s date does not parse as a date', () => {
    fakes = healthyTracker();
    fakes.sheets.book.locale = 'en_US';
    const run = runUnchanged(fakes);
    expect(healthLineText(lineOf(run, 'locale'))).toBe(
      `ไม่ผ่าน · ${HEALTH.locale.title}: ${HEALTH.locale.wrongLocale('en_US')} · ${HEALTH.locale.notADate(HEALTH_DATE_SAMPLE.text, '"31/3/2023"')} — ${HEALTH.locale.todo}`,
    );
    othersPass(run, 'locale');
  });

  test('a spreadsheet in another time zone', () => {
    fakes = healthyTracker();
    calls.untracked(() => fakes.spreadsheet.setSpreadsheetTimeZone('Europe/London'));
    const run = runHealthCheck(fakes.spreadsheet);
    expect(lineOf(run, 'locale').found).toBe(HEALTH.locale.wrongZone('Europe/London', 'Asia/Bangkok'));
  });

  test('a division’s editor missing from its tab’s protection', () => {
    fakes = healthyTracker();
    const division = 'กองคลัง';
    const protection = fakes.sheets.book.protections.find(
      (p) => p.sheet.name === division && p.description === SETUP.protectDivisionEditable,
    )!;
    const removed = [...(protection.editors ?? [])].find((e) => e !== ADMIN)!;
    protection.editors?.delete(removed);
    const run = runUnchanged(fakes);
    expect(healthLineText(lineOf(run, 'protections'))).toBe(
      `ไม่ผ่าน · ${HEALTH.protections.title}: ${HEALTH.protections.editorsMissing(division, [removed])} — ${HEALTH.protections.todo}`,
    );
    othersPass(run, 'protections');
  });

  test('the daily trigger owned by an admin who was removed', () => {
    fakes = healthyTracker();
    fakes.triggers.clear();
    fakes.session.as('former-admin@example.org', () => installReminderTrigger());
    const run = runUnchanged(fakes);
    expect(healthLineText(lineOf(run, 'triggers'))).toBe(
      `ไม่ผ่าน · ${HEALTH.triggers.title}: ${HEALTH.triggers.ownerRemoved('former-admin@example.org')} — ${HEALTH.triggers.ownerRemovedTodo('former-admin@example.org')}`,
    );
    othersPass(run, 'triggers', 'queueTrigger'); // the queue trigger went with the others
  });

  test('no daily trigger at all, and two of them', () => {
    fakes = healthyTracker();
    fakes.triggers.clear();
    expect(healthLineText(lineOf(runHealthCheck(fakes.spreadsheet), 'triggers'))).toBe(
      `ไม่ผ่าน · ${HEALTH.triggers.title}: ${HEALTH.triggers.none} — ${HEALTH.triggers.noneTodo}`,
    );
    calls.untracked(() => {
      for (let i = 0; i < 2; i++) ScriptApp.newTrigger('dailyReminders').timeBased().everyDays(1).create();
    });
    expect(lineOf(runHealthCheck(fakes.spreadsheet), 'triggers').found).toBe(HEALTH.triggers.many(2));
  });

  test('no mail quota left today', () => {
    fakes = healthyTracker();
    fakes.mail.quota = 0;
    const run = runUnchanged(fakes, { sendTestMail: true });
    expect(healthLineText(lineOf(run, 'mail'))).toBe(
      `ไม่ผ่าน · ${HEALTH.mail.title}: ${HEALTH.mail.zero} — ${HEALTH.mail.zeroTodo}`,
    );
    expect(fakes.mail.sent).toHaveLength(0);
    othersPass(run, 'mail');
  });

  test('the document lock held by another run', () => {
    fakes = healthyTracker();
    const held = fakes.locks.hold('document');
    const run = runUnchanged(fakes);
    held.release();
    expect(healthLineText(lineOf(run, 'lockProperties'))).toBe(
      `ไม่ผ่าน · ${HEALTH.lockProperties.title}: ${HEALTH.lockProperties.lockBusy} — ${HEALTH.lockProperties.lockBusyTodo}`,
    );
    othersPass(run, 'lockProperties');
  });

  test('the advanced services turned off', () => {
    fakes = healthyTracker();
    const { Drive } = globalThis as unknown as { Drive: unknown };
    delete (globalThis as Record<string, unknown>).Drive;
    try {
      const run = runHealthCheck(fakes.spreadsheet);
      expect(lineOf(run, 'services').found).toBe(HEALTH.services.off(['Drive API v3']));
      expect(lineOf(run, 'folder').outcome).toBe('fail');
      expect(run.report.lines).toHaveLength(13);
    } finally {
      (globalThis as Record<string, unknown>).Drive = Drive;
    }
  });
});

const HEALTH_FOLDER = 'รายงานมาตรการ ITA';

describe('issue 22: the sync lock path, leftover locks and the queue trigger’s owner', () => {
  test('sync’s row lock is tried on the log tab and removed: a Gmail-owned sheet and a Workspace sheet each say which they are', () => {
    fakes = healthyTracker();
    const gmail = runUnchanged(fakes);
    expect(lineOf(gmail, 'syncLock')).toMatchObject({ outcome: 'pass', found: HEALTH_SYNC_LOCK.ok(false) });
    expect(fakes.sheets.protections(HEALTH.logTab)).toEqual([]);
    uninstallFakes();
    fakes = installFakes({ user: ADMIN, world: 'workspace' });
    calls.untracked(() => setupSpreadsheet(fakes.spreadsheet, { example: true, now: NOW }));
    const workspace = runUnchanged(fakes);
    expect(lineOf(workspace, 'syncLock')).toMatchObject({ outcome: 'pass', found: HEALTH_SYNC_LOCK.ok(true) });
    expect(fakes.sheets.protections(HEALTH.logTab)).toEqual([]);
  });

  test('a row lock an interrupted sync left behind is listed with its tab and rows', () => {
    fakes = healthyTracker();
    calls.untracked(() =>
      fakes.spreadsheet.getSheetByName('กองคลัง')!.getRange('5:6').protect().setDescription(SYNC_MENU.lockDescription),
    );
    const run = runUnchanged(fakes);
    const line = lineOf(run, 'leftoverProtections');
    expect(line).toMatchObject({ outcome: 'fail', todo: HEALTH_LEFTOVERS.foundTodo });
    // the rows as the range names them (A1 notation), on the tab, with what the lock was
    expect(line.found).toMatch(
      new RegExp(
        `^${HEALTH_LEFTOVERS.found([]).replace(/[()]/g, '.')}กองคลัง!A?5:Z?6 \\(${HEALTH_LEFTOVERS.whatSync}\\)$`,
      ),
    );
    othersPass(run, 'leftoverProtections');
  });

  test('the queue trigger’s owner is named, also to another admin, who is warned about a stray trigger of their own', () => {
    fakes = healthyTracker();
    expect(lineOf(runUnchanged(fakes), 'queueTrigger').found).toBe(QUEUE_TRIGGER.check.ok(ADMIN, { minutes: 5 }));
    const other = 'deputy@example.org';
    // deputy is an admin but no editor of the division tabs' protections: that check throws and logs
    const { value: asOther, logged } = captureConsole('error', () =>
      fakes.session.as(other, () => runHealthCheck(fakes.spreadsheet)),
    );
    expect(logged).toEqual(['Error: You do not have permission to perform that action.']);
    expect(lineOf(asOther, 'protections').outcome).toBe('fail');
    expect(lineOf(asOther, 'queueTrigger')).toMatchObject({
      outcome: 'pass',
      found: QUEUE_TRIGGER.check.others(ADMIN),
    });
    fakes.session.as(other, () => ScriptApp.newTrigger('processReportQueue').timeBased().everyMinutes(1).create());
    const { value: stray, logged: strayLogged } = captureConsole('error', () =>
      fakes.session.as(other, () => runHealthCheck(fakes.spreadsheet)),
    );
    expect(strayLogged).toEqual(logged);
    expect(lineOf(stray, 'queueTrigger')).toMatchObject({
      outcome: 'warn',
      found: QUEUE_TRIGGER.check.strays(1, ADMIN),
    });
  });
});

test('the headless entry (clasp run healthCheckHeadless) runs every check without a UI and answers the report', () => {
  fakes = healthyTracker();
  fakes.ui.setAvailable(false);
  const report = ENTRY_POINTS.healthCheckHeadless();
  expect(report?.lines.map((l) => l.outcome)).toEqual(Array(13).fill('pass'));
  expect(fakes.mail.sent).toEqual([]); // no test e-mail from a headless run
  expect((fakes.sheets.values(HEALTH.logTab) ?? []).length).toBe(14);
});

describe('what the checks assume', () => {
  test('the scopes the check asks about are the manifest’s', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
    expect([...MANIFEST_SCOPES].sort()).toEqual([...manifest.oauthScopes].sort());
  });
  test('the version the developer JSON names is package.json’s', () => {
    expect(APP_VERSION).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
  test('the date the locale check types is the help text’s example', () => {
    expect(SETUP.help.date).toContain(HEALTH_DATE_SAMPLE.text);
  });
  test('both menu items are in the menu', () => {
    expect(MENU_ITEMS.map(([, fn]) => fn)).toEqual(expect.arrayContaining(['menuHealthCheck', 'menuHealthCheckCopy']));
    expect(MENU.items.healthCheck).toBe(HEALTH.menu);
  });
});
