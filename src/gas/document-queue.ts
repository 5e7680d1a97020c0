// The folder owner's queue (issue 11, every document since issue 21): drive.file reaches the report
// folder only with its owner's grant, so a request by any other account (a report, the plan, a memo,
// the publish after an executive's approval) is kept in script properties and run by the owner's
// trigger, as the owner, through the same use cases (src/core/app/documents.ts, approve.ts). Everyone
// who asked gets the links, or the reason, by e-mail. An empty queue costs one property read.
import { publishApproved, recordApproval } from '../core/app/approve';
import { DOCUMENT_KINDS } from '../core/app/document-kinds';
import type { DocumentPorts } from '../core/app/document-ports';
import { type DocumentKind, generateDocument } from '../core/app/documents';
import { runSync } from '../core/app/flow';
import { isApprovalRequest, isPublishRequest, type QueuedRequest, readQueue } from '../core/app/queue';
import { ENTRY_LABEL } from '../core/messages/menu';
import { APPROVAL, DOCUMENT_LABEL } from '../core/messages/plan';
import { QUEUE_TRIGGER } from '../core/messages/queue-trigger';
import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { formatProblem } from '../core/messages/validation';
import { firstOf } from '../core/register-row';
import { activeSpreadsheet, withDocumentLock } from './context';
import { gasDocumentPorts, REPORT_QUEUE_KEY, scriptProperties } from './document-ports';
import { REPORT_OWNER_KEY } from './report-drive';

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

/**
 * A queue trigger of an account that is not the folder's owner (an older version installed one for every
 * admin who ran setup): its Drive grant cannot reach the folder, so it leaves the requests to the
 * owner's trigger, and removes this account's queue triggers (an account may delete its own; "A given
 * account cannot see triggers installed from a second account", guides/triggers/installable). Checked only
 * when requests wait; with no owner recorded (before the owner's setup) every trigger runs as before.
 */
function strayTrigger(recordedOwner: string | null): boolean {
  const owner = (recordedOwner ?? '').trim().toLowerCase();
  if (!owner || Session.getEffectiveUser().getEmail().trim().toLowerCase() === owner) return false;
  for (const t of ScriptApp.getProjectTriggers())
    if (t.getHandlerFunction() === REPORT_QUEUE_HANDLER) ScriptApp.deleteTrigger(t);
  console.log(QUEUE_TRIGGER.strayRemoved(owner));
  return true;
}

/** The queue run over a registry of kinds (a test adds one). */
export function runQueue(kinds: Readonly<Record<string, DocumentKind<unknown>>>): QueueResult | undefined {
  const props = scriptProperties();
  if (!props().getProperty(REPORT_QUEUE_KEY)) return undefined;
  if (strayTrigger(props().getProperty(REPORT_OWNER_KEY))) return undefined;
  return withDocumentLock(ENTRY_LABEL.reportQueue, () => {
    const queue = readQueue(props().getProperty(REPORT_QUEUE_KEY));
    props().deleteProperty(REPORT_QUEUE_KEY);
    const ss = activeSpreadsheet();
    let last: QueueResult | undefined;
    for (const { request, by } of queue) {
      const runner = runnerOf(request, by, kinds);
      if (!runner) continue;
      // each request reads the tabs afresh: the one before may have written the register
      const settled = runner.run(gasDocumentPorts(ss, { queue: false, props }));
      if (!settled) continue;
      if (settled.error !== undefined) console.error(settled.error);
      const [subject, body] = MAIL[settled.outcome](runner.label, settled);
      for (const to of by) MailApp.sendEmail(to, subject, body);
      if (settled.result) last = settled.result;
    }
    return last;
  });
}

/**
 * What one request came to, for its mail: done (text: its links, one a line) or failed (text: the
 * reason); the subject a document names itself by; what it made, for the trigger's answer.
 */
interface Settled {
  outcome: 'done' | 'failed';
  text: string;
  subject?: string;
  error?: unknown;
  result?: QueueResult;
}

/** Each outcome's mail to everyone who asked, [subject, body], under the flow's label. */
const MAIL: Record<Settled['outcome'], (label: string, s: Settled) => [string, string]> = {
  done: (label, s) => [
    REPORT_DRIVE.documentDoneMailSubject(s.subject ?? label),
    REPORT_DRIVE.documentDoneMailBody(label, s.text),
  ],
  failed: (label, s) => [
    REPORT_DRIVE.documentFailedMailSubject(label),
    REPORT_DRIVE.documentFailedMailBody(label, s.text),
  ],
};

const failed = (reason: string, error?: unknown): Settled => ({ outcome: 'failed', text: reason, error });
const done = (links: string[], result: QueueResult, subject?: string): Settled => ({
  outcome: 'done',
  text: links.filter(Boolean).join('\n'),
  subject,
  result,
});

const publishedLink = (url: string) => REPORT_DRIVE.mailLink(REPORT.linkPublished, url);

/** A request's flow under its label: an approval, the publish after one, or a document of a registered kind. */
function runnerOf(
  request: QueuedRequest,
  by: string[],
  kinds: Readonly<Record<string, DocumentKind<unknown>>>,
): { label: string; run(ports: DocumentPorts): Settled | null } | null {
  if (isApprovalRequest(request))
    return {
      label: DOCUMENT_LABEL.approve,
      run(ports) {
        const o = runSync(recordApproval(request, ports, APPROVAL.publishFailed));
        if (o.kind === 'failed') return failed(o.message, o.error);
        if (o.kind === 'queued') return null;
        return done(
          [o.published ? publishedLink(o.publishedUrl) : ''],
          linksOnly('approve', request.docId, o.publishedUrl),
        );
      },
    };
  if (isPublishRequest(request))
    return {
      label: DOCUMENT_LABEL.publish,
      run(ports) {
        const o = runSync(publishApproved(request, ports, APPROVAL.publishFailed));
        if (o.kind === 'failed') return failed(o.message, o.error);
        return done([publishedLink(o.publishedUrl)], linksOnly('publish', request.docId, o.publishedUrl));
      },
    };
  const kind = kinds[request.kind];
  if (!kind) return null;
  return {
    label: kind.label,
    run(ports) {
      const o = runSync(generateDocument(kind, { ...request, by: by.join(', ') }, ports));
      switch (o.kind) {
        case 'done': {
          const { docId, docUrl, publishedUrl, pdfUrl, published, title } = o.document;
          const links = [
            published || publishedUrl ? publishedLink(publishedUrl) : '',
            REPORT_DRIVE.mailLink(REPORT.linkDoc, docUrl),
            pdfUrl ? REPORT_DRIVE.mailLink(REPORT.linkPdf, pdfUrl) : '',
          ];
          return done(links, { kind: kind.name, docId, docUrl, publishedUrl, pdfUrl }, title);
        }
        case 'blocked':
          return failed(firstOf(o.problems.filter((p) => p.severity === 'error').map(formatProblem), 20).join('\n'));
        case 'refused':
          return failed(o.message);
        case 'failed':
          return failed(o.message, o.error);
        case 'queued':
          return null;
      }
    },
  };
}

/** An approval's or a publish's answer: the document's public URL only. */
const linksOnly = (kind: string, docId: string, publishedUrl: string): QueueResult => ({
  kind,
  docId,
  docUrl: '',
  publishedUrl,
  pdfUrl: '',
});
