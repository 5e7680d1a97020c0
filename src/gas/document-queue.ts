// The folder owner's queue (issue 11, every document since issue 21): drive.file reaches the report
// folder only with its owner's grant, so a request by any other account (a report, the plan, a memo,
// the publish after an executive's approval) is kept in script properties and run by the owner's
// trigger, as the owner, through the same use cases (src/core/app/documents.ts, approve.ts). Everyone
// who asked gets the links, or the reason, by e-mail. An empty queue costs one property read.
import { publishApproved, recordApproval } from '../core/app/approve';
import { DOCUMENT_KINDS } from '../core/app/document-kinds';
import { type DocumentKind, generateDocument } from '../core/app/documents';
import { runSync } from '../core/app/flow';
import { isApprovalRequest, isPublishRequest, readQueue } from '../core/app/queue';
import { ENTRY_LABEL } from '../core/messages/menu';
import { APPROVAL, DOCUMENT_LABEL } from '../core/messages/plan';
import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { formatProblem } from '../core/messages/validation';
import { firstOf } from '../core/register-row';
import { activeSpreadsheet, withDocumentLock } from './context';
import { gasDocumentPorts, REPORT_QUEUE_KEY, scriptProperties } from './document-ports';

/** The owner's trigger that runs the queue (the name is data: installed triggers call it). */
export const REPORT_QUEUE_HANDLER = 'processReportQueue';

// The trigger itself (one, the folder owner's, every 5 minutes; hourly in the add-on): src/gas/queue-trigger.ts

/** What one queued request made: its document's links. */
export interface QueueResult {
  kind: string;
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
}

/**
 * Entry point for the owner's trigger: every waiting request, in the order asked, each run with the
 * owner's Drive grant; answers the last document made (undefined when none). Takes no argument: a
 * trigger hands its event object.
 */
export const processReportQueue = (): QueueResult | undefined => runQueue(DOCUMENT_KINDS);

/** The queue run over a registry of kinds (a test adds one). */
export function runQueue(kinds: Readonly<Record<string, DocumentKind<unknown>>>): QueueResult | undefined {
  const props = scriptProperties();
  if (!props().getProperty(REPORT_QUEUE_KEY)) return undefined;
  return withDocumentLock(ENTRY_LABEL.reportQueue, () => {
    const queue = readQueue(props().getProperty(REPORT_QUEUE_KEY));
    props().deleteProperty(REPORT_QUEUE_KEY);
    const ss = activeSpreadsheet();
    let last: QueueResult | undefined;
    for (const { request, by } of queue) {
      const tell = (subject: string, body: string) => {
        for (const to of by) MailApp.sendEmail(to, subject, body);
      };
      // each request reads the tabs afresh: the one before may have written the register
      const ports = gasDocumentPorts(ss, { queue: false, props });
      if (isApprovalRequest(request)) {
        const label = DOCUMENT_LABEL.approve;
        const outcome = runSync(recordApproval(request, ports, APPROVAL.publishFailed));
        if (outcome.kind === 'recorded') {
          tell(
            REPORT_DRIVE.documentDoneMailSubject(label),
            REPORT_DRIVE.documentDoneMailBody(
              label,
              outcome.published ? REPORT_DRIVE.mailLink(REPORT.linkPublished, outcome.publishedUrl) : '',
            ),
          );
          last = { kind: 'approve', docId: request.docId, docUrl: '', publishedUrl: outcome.publishedUrl, pdfUrl: '' };
        } else if (outcome.kind === 'failed') {
          console.error(outcome.error);
          tell(
            REPORT_DRIVE.documentFailedMailSubject(label),
            REPORT_DRIVE.documentFailedMailBody(label, outcome.message),
          );
        }
        continue;
      }
      if (isPublishRequest(request)) {
        const label = DOCUMENT_LABEL.publish;
        const outcome = runSync(publishApproved(request, ports, APPROVAL.publishFailed));
        if (outcome.kind === 'done') {
          tell(
            REPORT_DRIVE.documentDoneMailSubject(label),
            REPORT_DRIVE.documentDoneMailBody(label, REPORT_DRIVE.mailLink(REPORT.linkPublished, outcome.publishedUrl)),
          );
          last = { kind: 'publish', docId: request.docId, docUrl: '', publishedUrl: outcome.publishedUrl, pdfUrl: '' };
        } else {
          console.error(outcome.error);
          tell(
            REPORT_DRIVE.documentFailedMailSubject(label),
            REPORT_DRIVE.documentFailedMailBody(label, outcome.message),
          );
        }
        continue;
      }
      const kind = kinds[request.kind];
      if (!kind) continue;
      const outcome = runSync(generateDocument(kind, { ...request, by: by.join(', ') }, ports));
      const failed = (why: string) =>
        tell(REPORT_DRIVE.documentFailedMailSubject(kind.label), REPORT_DRIVE.documentFailedMailBody(kind.label, why));
      if (outcome.kind === 'done') {
        const d = outcome.document;
        const links = [
          d.published || d.publishedUrl ? REPORT_DRIVE.mailLink(REPORT.linkPublished, d.publishedUrl) : '',
          REPORT_DRIVE.mailLink(REPORT.linkDoc, d.docUrl),
          d.pdfUrl ? REPORT_DRIVE.mailLink(REPORT.linkPdf, d.pdfUrl) : '',
        ].filter(Boolean);
        tell(
          REPORT_DRIVE.documentDoneMailSubject(d.title),
          REPORT_DRIVE.documentDoneMailBody(kind.label, links.join('\n')),
        );
        last = { kind: kind.name, docId: d.docId, docUrl: d.docUrl, publishedUrl: d.publishedUrl, pdfUrl: d.pdfUrl };
      } else if (outcome.kind === 'blocked')
        failed(firstOf(outcome.problems.filter((p) => p.severity === 'error').map(formatProblem), 20).join('\n'));
      else if (outcome.kind === 'refused') failed(outcome.message);
      else if (outcome.kind === 'failed') {
        console.error(outcome.error);
        failed(outcome.message);
      }
    }
    return last;
  });
}
