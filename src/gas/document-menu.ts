// A document from a menu click: generateDocument (src/core/app/documents.ts) on the bound sheet's ports,
// its outcome shown the one way for every kind (blocked: the problems with tab and cell; queued for the
// folder owner: who and when; failed: the kind's own Thai message; done: the kind's dialog).

import {
  type DocumentKind,
  type DocumentOutcome,
  type DocumentRequest,
  type GeneratedDocument,
  generateDocument,
} from '../core/app/documents';
import { runSync } from '../core/app/flow';
import type { Problem } from '../core/cell-rules';
import { escapeHtml } from '../core/cells';
import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { formatProblem } from '../core/messages/validation';
import { firstOf } from '../core/register-row';
import { activeSpreadsheet, showAlert, showDialog, toast } from './context';
import { gasDocumentPorts } from './document-ports';
import { queueWait } from './queue-trigger';

export const dialog = (html: string, title: string): void =>
  showDialog(`<div style="font-family: Sarabun, sans-serif; font-size: 14px">${html}</div>`, title, null);

export const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;

export const link = (label: string, url: string) =>
  `<p>${escapeHtml(label)}:<br><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(url)}</a></p>`;

/** The blocking problems (tab and cell in each), at most 50, under the kind's title. */
export function showBlocked(
  kind: Pick<DocumentKind, 'blockedTitle' | 'blockedIntro'>,
  problems: readonly Problem[],
): void {
  const errors = problems.filter((p) => p.severity === 'error');
  dialog(
    `<p>${escapeHtml(kind.blockedIntro(errors.length))}</p>${list(firstOf(errors.map(formatProblem), 50))}`,
    kind.blockedTitle,
  );
}

/** Another account's click: the request waits for the folder owner's trigger, and the user is told so. */
export function showQueued(label: string, owner: string): void {
  dialog(
    `<p>${escapeHtml(REPORT_DRIVE.queuedDocument(label, owner, queueWait()))}</p>`,
    REPORT_DRIVE.queuedDocumentTitle(label),
  );
  toast(REPORT_DRIVE.queuedDocumentToast(label));
}

/** The generation's links and warnings, under the kind's title. */
export function showDone(doc: GeneratedDocument<unknown>, intro: string, title: string, withPdf = true): void {
  dialog(
    `<p>${escapeHtml(intro)}</p>` +
      link(REPORT.linkPublished, doc.publishedUrl) +
      link(REPORT.linkDoc, doc.docUrl) +
      (withPdf ? link(REPORT.linkPdf, doc.pdfUrl) : '') +
      (doc.warnings.length ? `<p>${escapeHtml(REPORT.warningsHeader)}:</p>${list(firstOf(doc.warnings, 30))}` : ''),
    title,
  );
}

/** Shows an outcome; the document when one was made. */
export function present<X>(
  kind: DocumentKind<X>,
  outcome: DocumentOutcome<X>,
  done: (doc: GeneratedDocument<X>) => void,
): GeneratedDocument<X> | undefined {
  switch (outcome.kind) {
    case 'blocked':
      showBlocked(kind, outcome.problems);
      return undefined;
    case 'refused':
      showAlert(outcome.message);
      return undefined;
    case 'queued':
      showQueued(kind.label, outcome.owner);
      return undefined;
    case 'failed':
      // the kind's own message: what failed, and that the published document and register are as they were
      console.error(outcome.error);
      showAlert(outcome.message, kind.errorsTitle);
      return undefined;
    case 'done':
      done(outcome.document);
      return outcome.document;
  }
}

/** A menu's document: generated now, or queued for the folder owner's trigger. */
export function documentFromMenu<X>(
  kind: DocumentKind<X>,
  request: DocumentRequest,
  done: (doc: GeneratedDocument<X>) => void,
): GeneratedDocument<X> | undefined {
  const ports = gasDocumentPorts(activeSpreadsheet(), { queue: true });
  return present(kind, runSync(generateDocument(kind, request, ports)), done);
}
