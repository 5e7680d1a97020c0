// Issue 21: every document that needs the report folder owner's Drive grant goes through the owner's
// queue, not only the report. In the strict world (drive.file grants per user, the fakes' default)
// admin B — not the folder's owner — generates the plan, proposes the memo, and an executive records
// the approval with publishing after approval on: each is run by the owner's trigger, and the plan is
// published at the URL it was generated with. The same with the folder in a shared drive. A trashed
// plan document is recreated, never written into or published again.
import { APPROVAL_STATUS, DOC_KIND, DOCUMENT_LABEL } from '../../src/core/messages/plan';
import { REPORT } from '../../src/core/messages/report';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { REPORTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { processReportQueue, REPORT_QUEUE_HANDLER } from '../../src/gas/document-queue';
import { menuGeneratePlan, menuProposeToExecutive, menuRecordApproval } from '../../src/gas/plan';
import { menuGenerateReport } from '../../src/gas/report';
import { setupSpreadsheet } from '../../src/gas/setup';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';

const A = 'a.admin@example.org';
const B = 'b.admin@example.org';
const MAYOR = 'mayor@example.org';

afterEach(() => uninstallFakes());

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

const setSetting = (fakes: FakeHandles, key: string, value: string) => {
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === key) + 1;
  fakes.session.as(A, () => fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, value));
};

const registerRow = (fakes: FakeHandles, docKind: string) => {
  const values = fakes.sheets.values(REPORTS_TAB.name) ?? [];
  const header = values[0].map(String);
  const row = values
    .slice(1)
    .find((r) => r[header.indexOf(REPORTS_TAB.columns.find((c) => c.key === 'docKind')!.header)] === docKind);
  return row ? Object.fromEntries(REPORTS_TAB.columns.map((c) => [c.key, row[header.indexOf(c.header)]])) : undefined;
};

/** A tracker set up by admin A (the folder's owner); B is an admin, the mayor an executive; publishing waits for approval. */
function tracker(opts: { sharedDrive?: boolean } = {}): FakeHandles {
  const fakes = installFakes({ user: A, owner: A, editors: [B, MAYOR] });
  seedSpreadsheet(templateSnapshot({ example: true }));
  setSetting(fakes, 'admins', `${A}, ${B}`);
  setSetting(fakes, 'executives', MAYOR);
  setSetting(fakes, 'publishAfterApproval', 'ใช่');
  const setup = fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  if (opts.sharedDrive) fakes.session.as(A, () => fakes.drive.moveToSharedDrive(setup.reportFolderId as string));
  return fakes;
}

describe.each([
  ['My Drive', false],
  ['a shared drive', true],
])(
  'admin B and an executive, the folder in %s: plan, memo and approval through the owner’s queue',
  (_where, sharedDrive) => {
    test('each is queued, run by the owner’s trigger, and the plan is published at the URL it was generated with', () => {
      const fakes = tracker({ sharedDrive });

      // B generates the plan: queued (B's drive.file grant cannot reach A's folder), then made by A's trigger
      expect(fakes.session.as(B, () => menuGeneratePlan())).toBeUndefined();
      expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.plan));
      const plan = ownersTriggerFires(fakes)!;
      expect(plan.kind).toBe('plan');
      expect(fakes.mail.sent.at(-1)?.to).toContain(B);
      expect(fakes.drive.publishedContent(plan.docId)).toBeNull(); // waits for the approval
      expect(registerRow(fakes, DOC_KIND.plan)).toMatchObject({
        docId: plan.docId,
        publishedUrl: plan.publishedUrl,
        approvalStatus: APPROVAL_STATUS.draft,
        generatedBy: B,
      });
      if (sharedDrive) expect(fakes.drive.store.files.get(plan.docId)?.driveId).toBeTruthy();

      // B proposes it: the memo is queued too, then written by A's trigger and linked on the plan's row
      fakes.ui.respond('OK', '1');
      expect(fakes.session.as(B, () => menuProposeToExecutive('2022-10-05'))).toBeUndefined();
      expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.memo));
      const memo = ownersTriggerFires(fakes)!;
      expect(memo.kind).toBe('memo');
      expect(fakes.docs.documentText(memo.docId)).toContain(plan.publishedUrl);
      expect(registerRow(fakes, DOC_KIND.plan)).toMatchObject({
        memoUrl: memo.docUrl,
        approvalStatus: APPROVAL_STATUS.proposed,
      });

      // the mayor approves: the register is the admins' and the publish needs A's grant, so the
      // approval as clicked (who, when, the comment) waits for A's trigger, which records it and publishes
      fakes.ui.respond('OK', '1');
      fakes.ui.respond('OK', 'เห็นชอบ');
      const approval = fakes.session.as(MAYOR, () => menuRecordApproval())!;
      expect(approval).toMatchObject({ published: false, queued: true });
      expect(fakes.ui.lastDialog()?.title).toBe(REPORT_DRIVE.queuedDocumentTitle(DOCUMENT_LABEL.approve));
      expect(fakes.drive.publishedContent(plan.docId)).toBeNull();
      const published = ownersTriggerFires(fakes)!;
      expect(published).toMatchObject({ kind: 'approve', docId: plan.docId, publishedUrl: plan.publishedUrl });
      expect(fakes.drive.publishedContent(plan.docId)).toBe(fakes.docs.documentText(plan.docId));
      expect(registerRow(fakes, DOC_KIND.plan)).toMatchObject({
        publishedUrl: plan.publishedUrl,
        approvalStatus: APPROVAL_STATUS.published,
      });
      expect(fakes.mail.sent.at(-1)?.to).toContain(MAYOR);
      // nothing left waiting
      expect(ownersTriggerFires(fakes)).toBeUndefined();
    });
  },
);

test('a trashed plan document is recreated: the binned one is never written into or published again', () => {
  const fakes = tracker();
  setSetting(fakes, 'publishAfterApproval', 'ไม่ใช่');
  const first = fakes.session.as(A, () => menuGeneratePlan())!;
  const old = fakes.drive.store.files.get(first.docId)!;
  const publishedBefore = fakes.drive.publishedContent(first.docId);
  const revisionsBefore = old.revisions.length;
  const textBefore = fakes.docs.documentText(first.docId);
  old.trashed = true;

  const again = fakes.session.as(A, () => menuGeneratePlan())!;
  fakes.docs.endExecution();
  expect(again.docId).not.toBe(first.docId);
  expect(again.warnings[0]).toBe(REPORT.docReplaced(first.docId));
  expect(fakes.docs.documentText(first.docId)).toBe(textBefore);
  expect(old.revisions).toHaveLength(revisionsBefore);
  expect(fakes.drive.publishedContent(first.docId)).toBe(publishedBefore);
  expect(fakes.drive.publishedContent(again.docId)).toBe(fakes.docs.documentText(again.docId));
  expect(registerRow(fakes, DOC_KIND.plan)).toMatchObject({ docId: again.docId, publishedUrl: again.publishedUrl });
});

test('sharing with each admin is caught per admin and named; the report and the plan are made all the same', () => {
  const OUTSIDER = 'clerk@refused.example';
  const C = 'c.admin@example.org';
  const fakes = tracker();
  setSetting(fakes, 'publishAfterApproval', 'ไม่ใช่');
  setSetting(fakes, 'admins', `${A}, ${OUTSIDER}, ${C}`);
  fakes.drive.refuseSharingWith(OUTSIDER);
  const plan = fakes.session.as(A, () => menuGeneratePlan())!;
  expect(plan).toBeDefined();
  const refusal = plan.warnings.find((w) => w.includes(OUTSIDER))!;
  expect(refusal).toMatch(/^แชร์โฟลเดอร์รายงานให้ผู้ดูแล clerk@refused\.example ไม่ได้ \(.*ACL change not allowed.*\)/);
  expect(plan.warnings.some((w) => w.includes(C))).toBe(false);
  expect(fakes.drive.canOpen(C, plan.docId)).toBe(true);
  expect(fakes.drive.canOpen(OUTSIDER, plan.docId)).toBe(false);
  expect(fakes.drive.publishedContent(plan.docId)).toBe(fakes.docs.documentText(plan.docId));
  // the dialog names the admin too
  expect(fakes.ui.lastDialog()?.html).toContain(OUTSIDER);
  const report = fakes.session.as(A, () => menuGenerateReport())!;
  expect(report.warnings.some((w) => w.includes(OUTSIDER))).toBe(true);
});
