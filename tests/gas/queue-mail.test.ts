// The mail the folder owner's trigger sends everyone who asked, one wording per outcome
// (src/gas/document-queue.ts, MAIL): a document made (its links), an approval recorded and published,
// and a request that could not be run (blocked by the tracker's errors by then) with the reason.
import { DOCUMENT_LABEL } from '../../src/core/messages/plan';
import { REPORT } from '../../src/core/messages/report';
import { REPORT_DRIVE } from '../../src/core/messages/report-drive';
import { MEASURES_TAB, SETTINGS_TAB } from '../../src/core/schema';
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

const setSetting = (fakes: FakeHandles, key: string, value: string) => {
  const row = fakes.sheets.values(SETTINGS_TAB.name)!.findIndex((r) => r[0] === key) + 1;
  fakes.session.as(A, () => fakes.sheets.typeInto(SETTINGS_TAB.name, `C${row}`, value));
};

function tracker(): FakeHandles {
  const fakes = installFakes({ user: A, owner: A, editors: [B, MAYOR] });
  seedSpreadsheet(templateSnapshot({ example: true }));
  setSetting(fakes, 'admins', `${A}, ${B}`);
  setSetting(fakes, 'executives', MAYOR);
  setSetting(fakes, 'publishAfterApproval', 'ใช่');
  fakes.session.as(A, () => setupSpreadsheet(fakes.spreadsheet, { example: false }));
  return fakes;
}

/** The owner's trigger runs the queue; answers the mail it sent, as [to, subject, body]. */
function ownersTrigger(fakes: FakeHandles) {
  const owner = fakes.triggers.list().find((t) => t.handler === REPORT_QUEUE_HANDLER)!.owner;
  const before = fakes.mail.sent.length;
  fakes.ui.setAvailable(false);
  try {
    const made = fakes.session.as(owner, () => processReportQueue());
    return { made, mail: fakes.mail.sent.slice(before).map((m) => [m.to.join(', '), m.subject, m.body]) };
  } finally {
    fakes.ui.setAvailable(true);
  }
}

test('a document made: its title, then each link on a line; an approval that publishes: the public link', () => {
  const fakes = tracker();
  fakes.session.as(B, () => menuGeneratePlan());
  const plan = ownersTrigger(fakes);
  const d = plan.made!;
  expect(plan.mail).toEqual([
    [
      B,
      REPORT_DRIVE.documentDoneMailSubject(fakes.drive.store.files.get(d.docId)!.name),
      REPORT_DRIVE.documentDoneMailBody(
        DOCUMENT_LABEL.plan,
        [
          REPORT_DRIVE.mailLink(REPORT.linkPublished, d.publishedUrl),
          REPORT_DRIVE.mailLink(REPORT.linkDoc, d.docUrl),
          REPORT_DRIVE.mailLink(REPORT.linkPdf, d.pdfUrl),
        ].join('\n'),
      ),
    ],
  ]);
  fakes.ui.respond('OK', '1');
  fakes.session.as(B, () => menuProposeToExecutive('2022-10-05'));
  ownersTrigger(fakes);
  fakes.ui.respond('OK', '1');
  fakes.ui.respond('OK', '');
  fakes.session.as(MAYOR, () => menuRecordApproval());
  expect(ownersTrigger(fakes).mail).toEqual([
    [
      MAYOR,
      REPORT_DRIVE.documentDoneMailSubject(DOCUMENT_LABEL.approve),
      REPORT_DRIVE.documentDoneMailBody(
        DOCUMENT_LABEL.approve,
        REPORT_DRIVE.mailLink(REPORT.linkPublished, d.publishedUrl),
      ),
    ],
  ]);
});

test('an approval recorded with nothing to publish: the done mail without links', () => {
  const fakes = tracker();
  setSetting(fakes, 'publishAfterApproval', 'ไม่ใช่');
  fakes.session.as(A, () => menuGeneratePlan());
  fakes.ui.respond('OK', '1');
  fakes.session.as(A, () => menuProposeToExecutive('2022-10-05'));
  fakes.ui.respond('OK', '1');
  fakes.ui.respond('OK', 'เห็นชอบ');
  fakes.session.as(MAYOR, () => menuRecordApproval());
  expect(ownersTrigger(fakes).mail).toEqual([
    [
      MAYOR,
      REPORT_DRIVE.documentDoneMailSubject(DOCUMENT_LABEL.approve),
      REPORT_DRIVE.documentDoneMailBody(DOCUMENT_LABEL.approve, ''),
    ],
  ]);
});

test('blocked by the tracker’s errors by the time the owner runs it: the failure mail names the cell', () => {
  const fakes = tracker();
  fakes.session.as(B, () => menuGenerateReport());
  // the measures tab loses its first measure's id before the owner's trigger comes round
  fakes.session.as(A, () => fakes.sheets.typeInto(MEASURES_TAB.name, 'A2', ''));
  const run = ownersTrigger(fakes);
  expect(run.made).toBeUndefined();
  expect(run.mail).toHaveLength(1);
  const [to, subject, body] = run.mail[0];
  expect([to, subject]).toEqual([B, REPORT_DRIVE.documentFailedMailSubject(DOCUMENT_LABEL.report)]);
  expect(body).toMatch(new RegExp(`^${DOCUMENT_LABEL.report}ที่คุณขอไม่สำเร็จ: .*${MEASURES_TAB.name}!A2`));
});
