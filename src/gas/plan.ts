// Menu items of the year's other half (docs/documents.md), each through the use cases every runtime
// shares (src/core/app/documents.ts, approve.ts) on the bound sheet's ports (src/gas/document-ports.ts):
//  - "สร้างมาตรการประจำปี": the plan, one Google Doc per fiscal year (remembered in ทะเบียนรายงาน, so its
//    public URL never changes), a PDF archived, published last (or, with "เผยแพร่หลังผู้บริหารอนุมัติ",
//    left to the approval).
//  - "เสนอผู้บริหาร": the memo (บันทึกข้อความ) proposing the plan or a round's report, as a Google Doc;
//    its link and the status เสนอแล้ว go on that document's register row.
//  - "บันทึกการอนุมัติ": executives and admins in settings only; records approver, time and comment,
//    and publishes the document when publishing waits for the approval.
// Another admin's or an executive's click needs the report folder's owner for Drive: it goes through
// the owner's queue (src/gas/document-queue.ts), the same URLs, links by e-mail.

import { type ApprovalOutcome, approvalOf, awaitingApproval, recordApproval } from '../core/app/approve';
import { MEMO_KIND, PLAN_KIND } from '../core/app/document-kinds';
import { runSync } from '../core/app/flow';
import { escapeHtml } from '../core/cells';
import { memoQuestion } from '../core/closed-documents';
import type { DocumentModel } from '../core/document';
import { type MemoSubject, memoSubjectLine } from '../core/memo';
import { MENU } from '../core/messages/menu';
import { APPROVAL, DOCUMENT_LABEL, PLAN } from '../core/messages/plan';
import { REPORT } from '../core/messages/report';
import type { ReportRecord } from '../core/model';
import { laterStatus } from '../core/register-row';
import { REPORTS_TAB, SETTINGS_TAB } from '../core/schema';
import { numerals } from '../core/thai';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet, currentUserEmail, showAlert, ui, withDocumentLock } from './context';
import { dialog, documentFromMenu, link, showDone, showQueued } from './document-menu';
import { gasDocumentPorts, sheetReader } from './document-ports';

// ---------------------------------------------------------------- สร้างมาตรการประจำปี

export interface GeneratedPlan {
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
  published: boolean;
  warnings: string[];
  model: DocumentModel;
}

/** Menu entry "สร้างมาตรการประจำปี". */
export function menuGeneratePlan(): GeneratedPlan | undefined {
  const doc = documentFromMenu(PLAN_KIND, { kind: PLAN_KIND.name }, (d) => {
    const fy = numerals(d.fiscalYear, d.numerals);
    showDone(d, d.published ? PLAN.menuDone(fy) : PLAN.menuDoneNotPublished(fy), PLAN.doneTitle);
  });
  if (!doc) return undefined;
  const { docId, docUrl, publishedUrl, pdfUrl, published, warnings, model } = doc;
  return { docId, docUrl, publishedUrl, pdfUrl, published, warnings, model };
}

// ---------------------------------------------------------------- เสนอผู้บริหาร

/** Asks which document (the rounds the tracker's framework publishes); null when cancelled or not understood (the user is told). */
function askSubject(): MemoSubject | null {
  const u = ui();
  if (!u) return null;
  const { settings } = parseWorkbook(
    sheetReader(activeSpreadsheet()).read({ tabs: [SETTINGS_TAB], divisionTabs: false }),
  ).tracker;
  const question = memoQuestion(settings);
  const r = u.prompt(MENU.items.propose, question.prompt, u.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== u.Button.OK) return null;
  const text = r.getResponseText().trim();
  const subject = question.choose(text);
  if (!subject) showAlert(question.refusal(text));
  return subject;
}

export interface ProposedMemo {
  memoId: string;
  memoUrl: string;
  model: DocumentModel;
}

/** Menu entry "เสนอผู้บริหาร": the memo for the plan or a round's report, linked on its register row. */
export function menuProposeToExecutive(today?: string): ProposedMemo | undefined {
  const subject = askSubject();
  if (!subject) return undefined;
  return withDocumentLock(
    MENU.items.propose,
    () => {
      const request =
        subject.kind === 'plan'
          ? { kind: MEMO_KIND.name, subject: 'plan' as const, date: today }
          : { kind: MEMO_KIND.name, subject: 'report' as const, round: subject.round, date: today };
      const doc = documentFromMenu(MEMO_KIND, request, (d) =>
        dialog(
          `<p>${escapeHtml(APPROVAL.memoDone(d.docUrl))}</p>${link(REPORT.linkDoc, d.docUrl)}`,
          MENU.items.propose,
        ),
      );
      return doc ? { memoId: doc.docId, memoUrl: doc.docUrl, model: doc.model } : undefined;
    },
    5000,
  );
}

// ---------------------------------------------------------------- บันทึกการอนุมัติ

export interface RecordedApproval {
  record: ReportRecord;
  published: boolean;
  /** the publish waits for the folder owner's trigger */
  queued: boolean;
}

/**
 * Menu entry "บันทึกการอนุมัติ": executives and admins in settings only (the actions table checks):
 * which proposed document, the comment, then the approval (and the publish it releases) through the
 * use case, queued for the folder owner when this account is not the owner.
 */
export function menuRecordApproval(): RecordedApproval | undefined {
  const ports = gasDocumentPorts(activeSpreadsheet(), { queue: true });
  const { tracker } = parseWorkbook(ports.reader.read({ tabs: [SETTINGS_TAB, REPORTS_TAB], divisionTabs: false }));
  const user = currentUserEmail().toLowerCase();
  const candidates = awaitingApproval(tracker.reports);
  if (!candidates.length) {
    showAlert(APPROVAL.noDocument);
    return undefined;
  }
  const u = ui();
  if (!u) return undefined;
  const label = (r: ReportRecord) =>
    memoSubjectLine(tracker, r.kind === 'plan' ? { kind: 'plan' } : { kind: 'report', round: r.round });
  const chosen = askWhichDocument(u, candidates, label);
  if (!chosen) return undefined;
  const comment = askComment(u);
  if (comment === null) return undefined;
  // publishing waits for this approval when the setting says so; else it happened at generation
  const request = approvalOf(chosen, user, comment, tracker.settings.publishAfterApproval);
  const outcome = runSync(recordApproval(request, ports, APPROVAL.publishFailed));
  return showApproval(outcome, { ...chosen, approver: user, approvalComment: comment }, label(chosen));
}

type Ui = GoogleAppsScript.Base.Ui;

/** The proposed document by its number in the list; null when cancelled or not a number listed (said). */
function askWhichDocument(u: Ui, candidates: ReportRecord[], label: (r: ReportRecord) => string): ReportRecord | null {
  const pick = u.prompt(
    MENU.items.approve,
    APPROVAL.pick(candidates.map((r, i) => `${i + 1}. ${label(r)}`).join('\n')),
    u.ButtonSet.OK_CANCEL,
  );
  if (pick.getSelectedButton() !== u.Button.OK) return null;
  const typed = pick.getResponseText().trim();
  const n = Number(typed);
  const chosen = Number.isInteger(n) ? candidates[n - 1] : undefined;
  if (!chosen) showAlert(APPROVAL.badPick(typed));
  return chosen ?? null;
}

/** The approver's comment ('' allowed); null when cancelled. */
function askComment(u: Ui): string | null {
  const comment = u.prompt(MENU.items.approve, APPROVAL.commentPrompt, u.ButtonSet.OK_CANCEL);
  return comment.getSelectedButton() === u.Button.OK ? comment.getResponseText().trim() : null;
}

/** What the approver is told, and the row as it now stands. */
function showApproval(outcome: ApprovalOutcome, record: ReportRecord, label: string): RecordedApproval {
  const approved = { ...record, status: laterStatus(record.status, 'approved') };
  switch (outcome.kind) {
    case 'queued':
      showQueued(DOCUMENT_LABEL.approve, outcome.owner);
      return { record: approved, published: false, queued: true };
    case 'failed':
      console.error(outcome.error);
      showAlert(outcome.message, MENU.items.approve);
      return { record: approved, published: false, queued: false };
    case 'recorded':
      showAlert(
        outcome.published ? APPROVAL.donePublished(label, record.publishedUrl) : APPROVAL.done(label),
        MENU.items.approve,
      );
      return {
        record: outcome.published ? { ...record, status: 'published' } : approved,
        published: outcome.published,
        queued: false,
      };
  }
}
