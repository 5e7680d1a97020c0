// The document kinds generateDocument (./documents.ts) makes, one registry line each. A kind is its
// builder: which tabs it reads, what blocks it, its document model, its register row and cells. Adding
// a kind is its builder plus a line in DOCUMENT_KINDS; the menus, the owner's queue and the CLI then
// run it as they run these (tests/core/document-kinds.test.ts adds one).
import type { Cell } from '../cells';
import { reportInputs, reportMemoInputs } from '../closed-documents';
import { documentTextProblems } from '../document-text';
import { indicatorProblems } from '../framework-checks';
import { buildMemo, type MemoSubject, memoProblems, memoSubjectLine } from '../memo';
import { APPROVAL, APPROVAL_STATUS, DOC_KIND, DOCUMENT_LABEL, PLAN } from '../messages/plan';
import { REPORT } from '../messages/report';
import { formatProblem } from '../messages/validation';
import { buildPlan, planProblems } from '../plan';
import { docIdOfUrl, laterStatus, onRecordOf, type RegisterKey, warningsCell } from '../register-row';
import { buildReport, type ReportModel, reportDocument } from '../report';
import {
  DIVISIONS_TAB,
  ITA_RESULTS_TAB,
  MEASURES_TAB,
  MILESTONES_TAB,
  REPORTS_TAB,
  ROUND_LOG_TAB,
  ROUND_SNAPSHOT_TAB,
  SETTINGS_TAB,
} from '../schema';
import { validateParsed } from '../validate';
import type { ParsedWorkbook } from '../workbook';
import type { BuiltDocument, DocumentKind, StoredDocument } from './documents';

/** The cells of a row that holds the document itself: its id, links, when, who, warnings, status. */
export const documentCells =
  (row: RegisterKey, warnings: readonly string[]) =>
  (stored: StoredDocument, now: Date, by: string): Record<string, Cell> => ({
    fiscalYear: row.fiscalYear,
    round: row.round ?? '',
    docId: stored.docId,
    docUrl: stored.docUrl,
    publishedUrl: stored.publishedUrl,
    pdfUrl: stored.pdfUrl,
    generatedAt: now,
    generatedBy: by,
    warnings: warningsCell(warnings),
    docKind: row.docKind,
    approvalStatus: APPROVAL_STATUS[stored.published ? 'published' : 'draft'],
  });

/** Text a document prints as the cell holds it: extraction glitches and stray spaces, at their cells. */
const textWarnings = (parsed: ParsedWorkbook): string[] => documentTextProblems(parsed).map(formatProblem);

/** The round's report (รายงานผลการดำเนินการ): a closed round from its snapshot, so it prints what was closed. */
export const REPORT_KIND: DocumentKind<ReportModel> = {
  name: 'report',
  label: DOCUMENT_LABEL.report,
  errorsTitle: REPORT.errorsTitle,
  blockedTitle: REPORT.blockedTitle,
  blockedIntro: REPORT.blockedIntro,
  // the milestones (their rows print under their measure); the snapshot tab and the closing log: a closed round is printed from its snapshot, and rows deleted
  // from it by hand refuse it (src/core/closed-rounds.ts)
  needs: {
    tabs: [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, MILESTONES_TAB, REPORTS_TAB, ROUND_SNAPSHOT_TAB, ROUND_LOG_TAB],
    divisionTabs: true,
  },
  failed: REPORT.failed,
  problems: (snapshot, parsed, request) => reportInputs(snapshot, parsed, request).problems,
  build(snapshot, parsed, request): BuiltDocument<ReportModel> {
    // a closed round: the measures and results that were closed (src/core/closed-documents.ts), so the
    // text is the one published; an earlier year's report after rollover comes from its snapshot
    const from = reportInputs(snapshot, parsed, request);
    const { model, warnings } = buildReport(from.tracker, from.round);
    warnings.unshift(...from.warnings);
    if (from.year === parsed.tracker.settings.fiscalYear) warnings.push(...textWarnings(parsed));
    const row: RegisterKey = { fiscalYear: from.year, docKind: DOC_KIND.report, round: from.round };
    return {
      model: reportDocument(model),
      title: model.documentName,
      warnings,
      source: model,
      row,
      onRecord: onRecordOf(snapshot, row),
      fiscalYear: from.year,
      round: from.round,
      numerals: model.numerals,
      archivePdf: true,
      publishable: true,
      registerCells: documentCells(row, warnings),
    };
  },
};

/** The fiscal year's measures plan (มาตรการประจำปี): one document per year. */
export const PLAN_KIND: DocumentKind<null> = {
  name: 'plan',
  label: DOCUMENT_LABEL.plan,
  errorsTitle: PLAN.failedTitle,
  blockedTitle: PLAN.blockedTitle,
  blockedIntro: PLAN.blockedIntro,
  needs: { tabs: [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB, ITA_RESULTS_TAB], divisionTabs: false },
  failed: PLAN.failed,
  problems: (_snapshot, parsed) => [...validateParsed(parsed), ...planProblems(parsed)],
  build(snapshot, parsed): BuiltDocument<null> {
    const { tracker } = parsed;
    const { model, warnings } = buildPlan(tracker);
    // a weak indicator no measure addresses, an indicator the year does not have (validate says the same)
    if (tracker.settings.planAnalysis) warnings.push(...indicatorProblems(parsed).map(formatProblem));
    warnings.push(...textWarnings(parsed));
    const row: RegisterKey = { fiscalYear: tracker.settings.fiscalYear, docKind: DOC_KIND.plan, round: null };
    return {
      model,
      title: model.title,
      warnings,
      source: null,
      row,
      onRecord: onRecordOf(snapshot, row),
      fiscalYear: row.fiscalYear,
      round: null,
      numerals: tracker.settings.numerals,
      archivePdf: true,
      publishable: true,
      registerCells: documentCells(row, warnings),
    };
  },
};

/**
 * The memo to the executive (บันทึกข้อความเสนอผู้บริหาร) proposing the plan or a round's report: its
 * link and the status เสนอแล้ว go on that document's register row. Never published itself.
 */
export const MEMO_KIND: DocumentKind<MemoSubject> = {
  name: 'memo',
  label: DOCUMENT_LABEL.memo,
  errorsTitle: APPROVAL.memoErrorsTitle,
  blockedTitle: APPROVAL.memoBlockedTitle,
  blockedIntro: PLAN.blockedIntro,
  needs: {
    tabs: [
      SETTINGS_TAB,
      DIVISIONS_TAB,
      MEASURES_TAB,
      REPORTS_TAB,
      ITA_RESULTS_TAB,
      MILESTONES_TAB,
      ROUND_SNAPSHOT_TAB,
      ROUND_LOG_TAB,
    ],
    divisionTabs: true,
  },
  failed: APPROVAL.memoFailed,
  // a round's memo: its report's inputs (a closed round: the snapshot's, not the next round's rules)
  problems: (snapshot, parsed, request) =>
    request.subject === 'plan'
      ? [...validateParsed(parsed), ...memoProblems(parsed)]
      : reportMemoInputs(snapshot, parsed, { round: request.round }).problems,
  build(snapshot, parsed, request) {
    const inputs = request.subject === 'plan' ? null : reportMemoInputs(snapshot, parsed, { round: request.round });
    const tracker = inputs ? inputs.tracker : parsed.tracker;
    const subject: MemoSubject = inputs ? { kind: 'report', round: inputs.round } : { kind: 'plan' };
    const fiscalYear = tracker.settings.fiscalYear;
    const row: RegisterKey =
      subject.kind === 'plan'
        ? { fiscalYear, docKind: DOC_KIND.plan, round: null }
        : { fiscalYear, docKind: DOC_KIND.report, round: subject.round };
    const proposed = onRecordOf(snapshot, row);
    if (!proposed.docId) return { refused: APPROVAL.notGenerated(memoSubjectLine(tracker, subject)) };
    const model = buildMemo(tracker, {
      subject,
      date: request.date,
      link: proposed.publishedUrl || proposed.docUrl,
      ...(request.garudaImageId ? { garudaImageId: request.garudaImageId } : {}),
    });
    return {
      model,
      title: model.title,
      warnings: [],
      source: subject,
      row,
      onRecord: { docId: docIdOfUrl(proposed.memoUrl), publishedUrl: '', status: '' },
      fiscalYear,
      round: subject.kind === 'plan' ? null : subject.round,
      numerals: tracker.settings.numerals,
      archivePdf: false,
      publishable: false,
      registerCells: (stored) => ({
        memoUrl: stored.docUrl,
        approvalStatus: APPROVAL_STATUS[laterStatus(proposed.status, 'proposed')],
      }),
    };
  },
};

/** Every kind by the name a request (and the owner's queue) gives it. */
export const DOCUMENT_KINDS: Readonly<Record<string, DocumentKind<unknown>>> = {
  report: REPORT_KIND,
  plan: PLAN_KIND,
  memo: MEMO_KIND,
};
