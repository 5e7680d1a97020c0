// Issue 22, reproduction 3: every admin who ran setup installed an every-minute queue trigger of their
// own, which could never reach the owner's folder. Now the tracker has one queue trigger, the report
// folder owner's, whoever runs setup: every 5 minutes (288 runs a day, not 1,440); hourly in the add-on
// build (24), with the wait said in the "queued" dialog.
import { DOCUMENT_LABEL } from '../../src/core/messages/plan';
import { QUEUE_TRIGGER, runsPerDay } from '../../src/core/messages/queue-trigger';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { SETUP } from '../../src/core/messages/setup';
import { SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { processReportQueue, REPORT_QUEUE_HANDLER } from '../../src/gas/document-queue';
import { QUEUE_TRIGGER_KEY } from '../../src/gas/queue-trigger';
import { REMINDER_HANDLER } from '../../src/gas/reminders';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet, setupSummary } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import type { FakeOptions } from '../fakes/context';

const A = 'a.admin@gmail.com';
const B = 'b.admin@gmail.com';
const C = 'c.admin@gmail.com';

afterEach(() => {
  uninstallFakes();
  delete (globalThis as { ITA_ADDON?: boolean }).ITA_ADDON;
});

function tracker(options: FakeOptions = {}): FakeHandles {
  const fakes = installFakes({ user: A, owner: A, editors: [B, C], ...options });
  seedSpreadsheet(templateSnapshot({ example: true }));
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, [A, B, C].join(', '));
  return fakes;
}

const setupAs = (fakes: FakeHandles, who: string) =>
  fakes.session.as(who, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
const queueTriggers = (fakes: FakeHandles) => fakes.triggers.list().filter((t) => t.handler === REPORT_QUEUE_HANDLER);

test('three admins run setup: one queue trigger, the folder owner’s, every 5 minutes, and one reminder trigger; the others are told whose they are', () => {
  const fakes = tracker();
  const first = setupAs(fakes, A);
  expect(first.queueTrigger).toMatchObject({ owner: A, installed: true });
  expect(setupSummary(first)).toContain(QUEUE_TRIGGER.installed({ minutes: 5 }));
  // B set up with an older version once: an every-minute trigger of B's own, which never reached A's folder
  fakes.session.as(B, () => ScriptApp.newTrigger(REPORT_QUEUE_HANDLER).timeBased().everyMinutes(1).create());
  fakes.session.as(B, () => ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyDays(1).create());

  const second = setupAs(fakes, B);
  const third = setupAs(fakes, C);
  expect(queueTriggers(fakes)).toHaveLength(1);
  expect(queueTriggers(fakes)[0]).toMatchObject({ owner: A, everyMinutes: 5, eventType: 'CLOCK' });
  expect(second.queueTrigger).toMatchObject({ owner: A, installed: false, removed: 1 });
  expect(setupSummary(second)).toContain(QUEUE_TRIGGER.othersOwner(A));
  expect(setupSummary(second)).toContain(QUEUE_TRIGGER.removedMine(1));
  expect(setupSummary(second)).toContain(SETUP.reminderTriggerRemovedMine(1));
  expect(setupSummary(third)).toContain(QUEUE_TRIGGER.othersOwner(A));

  // the owner again: kept, not doubled
  expect(setupAs(fakes, A).queueTrigger).toMatchObject({ installed: false, removed: 0 });
  expect(queueTriggers(fakes)).toHaveLength(1);
  // one daily reminder trigger too, A's: B and C are told whose it is, and B's from the older setup goes
  expect(
    fakes.triggers
      .list()
      .filter((t) => t.handler === REMINDER_HANDLER)
      .map((t) => t.owner),
  ).toEqual([A]);
  expect(setupSummary(second)).toContain(SETUP.reminderTriggerOthers(A));
  expect(setupSummary(third)).toContain(SETUP.reminderTriggerOthers(A));
  // what the rate costs the owner's daily trigger runtime
  expect(runsPerDay({ minutes: 5 })).toBe(288);
  expect(runsPerDay({ minutes: 1 })).toBe(1440);
});

test('an admin who was removed owned the reminder trigger: the next admin’s setup takes it over', () => {
  const fakes = tracker();
  setupAs(fakes, A);
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.session.as(A, () => fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, [B, C].join(', ')));
  expect(setupAs(fakes, B).reminderTrigger).toMatchObject({ owner: B, installed: true });
  expect(setupAs(fakes, C).reminderTrigger).toMatchObject({ owner: B, installed: false });
  expect(
    fakes.triggers
      .list()
      .filter((t) => t.handler === REMINDER_HANDLER)
      .map((t) => t.owner),
  ).toEqual([A, B]); // A's own is A's to remove (no account can delete another's); the health check says so
});

test('a stray queue trigger of another admin (an older setup) leaves the requests to the owner’s and removes itself', () => {
  const fakes = tracker();
  setupAs(fakes, A);
  // B ran setup with an older version once, and never again: an every-minute queue trigger of B's own
  fakes.session.as(B, () => ScriptApp.newTrigger(REPORT_QUEUE_HANDLER).timeBased().everyMinutes(1).create());
  expect(fakes.session.as(B, () => menuGenerateReport())).toBeUndefined(); // queued for A
  const fire = (who: string) => {
    fakes.ui.setAvailable(false);
    try {
      return fakes.session.as(who, () => processReportQueue());
    } finally {
      fakes.ui.setAvailable(true);
    }
  };
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  // B's fires first: nothing taken (B's grant cannot reach A's folder), no failure mail, B's trigger gone
  expect(fire(B)).toBeUndefined();
  expect(log).toHaveBeenCalledWith(QUEUE_TRIGGER.strayRemoved(A));
  log.mockRestore();
  expect(fakes.mail.sent).toEqual([]);
  expect(queueTriggers(fakes).map((t) => t.owner)).toEqual([A]);
  // A's runs the request: the report is made, and B gets the links
  const made = fire(A);
  expect(made?.kind).toBe('report');
  expect(fakes.mail.sent.map((m) => m.to)).toEqual([[B]]);
  expect(fakes.drive.publishedContent(made!.docId)).toBe(fakes.docs.documentText(made!.docId));
});

test('the owner’s every-minute trigger from an older setup is replaced by one every 5 minutes', () => {
  const fakes = tracker();
  setupAs(fakes, A);
  fakes.triggers.clear();
  fakes.properties.script.delete(QUEUE_TRIGGER_KEY);
  fakes.session.as(A, () => ScriptApp.newTrigger(REPORT_QUEUE_HANDLER).timeBased().everyMinutes(1).create());
  const again = setupAs(fakes, A);
  expect(again.queueTrigger).toMatchObject({ installed: true, removed: 1 });
  expect(queueTriggers(fakes).map((t) => [t.owner, t.everyMinutes])).toEqual([[A, 5]]);
});

test('the add-on build installs its queue trigger hourly, and another admin’s dialog says the wait is about an hour', () => {
  (globalThis as { ITA_ADDON?: boolean }).ITA_ADDON = true;
  const fakes = tracker({ addon: true });
  setupAs(fakes, A);
  expect(queueTriggers(fakes).map((t) => [t.owner, t.everyHours, t.everyMinutes])).toEqual([[A, 1, undefined]]);
  expect(runsPerDay({ hours: 1 })).toBe(24);
  fakes.session.as(B, () => menuGenerateReport());
  expect(fakes.ui.lastDialog()?.html).toContain(
    REPORT_DRIVE.queuedDocument(DOCUMENT_LABEL.report, A, QUEUE_TRIGGER.wait({ hours: 1 })),
  );
  expect(fakes.ui.lastDialog()?.html).toContain('ภายในประมาณ 1 ชั่วโมง');
});
