// Issue 11 §2: any admin can generate, regenerate and publish any (FY, round). Drive's drive.file
// grant is per user and file, so the folder and documents the app created for admin A are out of the
// other admins' reach: their clicks queue, A's trigger generates, everyone gets the links by e-mail,
// and the folder is shared with every admin so the register's links open for them all.
import { DOCUMENT_LABEL } from '../../src/core/messages/plan';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { processReportQueue, REPORT_QUEUE_HANDLER } from '../../src/gas/document-queue';
import { menuGenerateReport } from '../../src/gas/report';
import { REPORT_OWNER_KEY } from '../../src/gas/report-drive';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { captureConsole } from '../support/console-capture';

const A = 'a.admin@example.org';
const B = 'b.admin@example.org';
const C = 'c.admin@example.org';

afterEach(() => uninstallFakes());

/** The owner's every-minute trigger firing: runs as the account that created it, without a UI. */
function ownersTriggerFires(fakes: FakeHandles) {
  const trigger = fakes.triggers.list().find((t) => t.handler === REPORT_QUEUE_HANDLER);
  expect(trigger).toBeDefined();
  fakes.ui.setAvailable(false);
  try {
    return fakes.session.as(trigger!.owner, () => processReportQueue());
  } finally {
    fakes.ui.setAvailable(true);
  }
}

const setAdmins = (fakes: FakeHandles, emails: string[]) => {
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === 'admins') + 1;
  fakes.session.as(A, () => fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, emails.join(', ')));
};

const registerRows = (fakes: FakeHandles) =>
  (fakes.sheets.values(REPORTS_TAB.name) ?? []).slice(1).filter((r) => r.some((c) => c !== ''));

test('setup as admin A, generate as admin B, regenerate as admin C after A left the admins: one public URL, links open for every admin', () => {
  const snap = templateSnapshot({ example: true });
  const fakes = installFakes({ user: A, owner: A, editors: [B, C] });
  fakes.drive.store.grantsPerUser = true; // drive.file: each admin's grant reaches only what the app made for them
  seedSpreadsheet(snap);
  setAdmins(fakes, [A, B, C]);
  fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));

  // B asks: told it is queued (nothing in B's Drive grant can reach A's folder)
  expect(fakes.session.as(B, () => menuGenerateReport())).toBeUndefined();
  expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.report));
  const first = ownersTriggerFires(fakes)!;
  expect(first).toBeDefined();
  expect(fakes.mail.sent.flatMap((m) => m.to)).toContain(B);
  expect(fakes.mail.sent.at(-1)?.body).toContain(first.publishedUrl);
  const row = registerRows(fakes)[0];
  expect(row).toContain(B); // generatedBy: who asked
  for (const admin of [A, B, C]) {
    expect(fakes.drive.canOpen(admin, first.docId)).toBe(true);
    const pdfId = /\/d\/([^/]+)\//.exec(first.pdfUrl)![1];
    expect(fakes.drive.canOpen(admin, pdfId)).toBe(true);
  }

  // A leaves the admins; C regenerates: same document, same public URL, the register's row updated
  setAdmins(fakes, [B, C]);
  expect(fakes.session.as(C, () => menuGenerateReport())).toBeUndefined();
  const again = ownersTriggerFires(fakes)!;
  expect(again.docId).toBe(first.docId);
  expect(again.publishedUrl).toBe(first.publishedUrl);
  expect(registerRows(fakes)).toHaveLength(1);
  expect(registerRows(fakes)[0]).toContain(C);
  expect(fakes.mail.sent.at(-1)?.to).toContain(C);
  for (const admin of [B, C]) expect(fakes.drive.canOpen(admin, again.docId)).toBe(true);

  // an empty queue: the trigger does nothing
  expect(ownersTriggerFires(fakes)).toBeUndefined();
});

test('without the queue, admin B generating directly fails in the fakes as in Drive (the bug the queue fixes)', () => {
  const fakes = installFakes({ user: A, owner: A, editors: [B, C] });
  fakes.drive.store.grantsPerUser = true; // drive.file: each admin's grant reaches only what the app made for them
  seedSpreadsheet(templateSnapshot({ example: true }));
  setAdmins(fakes, [A, B, C]);
  const setup = fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  // B's drive.file token: the folder A's app created is "File not found" for B, shared or not
  expect(() =>
    fakes.session.as(B, () =>
      (globalThis as unknown as { Drive: GoogleAppsScript.Drive }).Drive.Files?.get(
        setup.reportFolderId as string,
        {
          supportsAllDrives: true,
        } as never,
      ),
    ),
  ).toThrow(/File not found/);
});

test('a tracker set up before the queue existed: setup run again by the folder’s creator records them as owner; B is then queued', () => {
  const fakes = installFakes({ user: A, owner: A, editors: [B, C] });
  fakes.drive.store.grantsPerUser = true; // drive.file: each admin's grant reaches only what the app made for them
  seedSpreadsheet(templateSnapshot({ example: true }));
  setAdmins(fakes, [A, B, C]);
  fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  // as an older version left it: no owner recorded, no queue trigger
  fakes.properties.script.delete(REPORT_OWNER_KEY);
  // B, before setup is run again: the folder is out of B's reach, said in Thai, nothing written
  const { value, logged } = captureConsole('error', () => fakes.session.as(B, () => menuGenerateReport()));
  expect(value).toBeUndefined();
  expect(fakes.ui.lastAlert()?.prompt).toContain('reportFolderId');
  // the execution log has the error the alert explains
  const folder = String(fakes.sheets.values(SETTINGS_TAB.name)?.find((r) => r[0] === 'reportFolderId')?.[2]);
  expect(logged).toEqual([`Error: ${REPORT_DRIVE.folderUnreachable(folder)}`]);
  fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  expect(fakes.properties.script.get(REPORT_OWNER_KEY)).toBe(A);
  expect(fakes.session.as(B, () => menuGenerateReport())).toBeUndefined();
  expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.report));
  expect(ownersTriggerFires(fakes)?.publishedUrl).toBeTruthy();
});

test('another admin running setup keeps the owner’s folder (it is not lost, only out of their reach)', () => {
  const fakes = installFakes({ user: A, owner: A, editors: [B, C] });
  fakes.drive.store.grantsPerUser = true; // drive.file: each admin's grant reaches only what the app made for them
  seedSpreadsheet(templateSnapshot({ example: true }));
  setAdmins(fakes, [A, B, C]);
  const first = fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  const again = fakes.session.as(C, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  expect(again.reportFolderId).toBe(first.reportFolderId);
  expect(fakes.properties.script.get(REPORT_OWNER_KEY)).toBe(A);
});
