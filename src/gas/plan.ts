// Menu items of the year's other half (docs/documents.md):
//  - "สร้างมาตรการประจำปี": validate → build the plan's document model → write the fiscal year's
//    Google Doc (one per year, remembered in ทะเบียนรายงาน, so its public URL never changes) → archive a
//    PDF → publish last (or, with "เผยแพร่หลังผู้บริหารอนุมัติ", leave publishing to the approval).
//  - "เสนอผู้บริหาร": the memo (บันทึกข้อความ) proposing the plan or a round's report, as a Google Doc;
//    its link and the status เสนอแล้ว go on that document's register row.
//  - "บันทึกการอนุมัติ": executives and admins in settings only; records approver, time and comment,
//    and publishes the document when publishing waits for the approval.
// Service calls do not grow with the number of measures: each tab is one read, each table one
// appendTable, the layout one Docs batchUpdate, the register one setValues.

import type { Problem } from '../core/cell-rules';
import { type Cell, escapeHtml } from '../core/cells';
import type { DocumentModel } from '../core/document';
import { buildMemo, type MemoSubject, memoProblems, memoSubjectLine, parseMemoChoice } from '../core/memo';
import { MENU } from '../core/messages/menu';
import { APPROVAL, APPROVAL_STATUS, DOC_KIND, PLAN } from '../core/messages/plan';
import { REPORT } from '../core/messages/report';
import { formatProblem } from '../core/messages/validation';
import type { ApprovalStatus, ReportRecord, Tracker } from '../core/model';
import { APPROVAL_STATUSES } from '../core/model';
import { buildPlan, planProblems } from '../core/plan';
import {
  DIVISIONS_TAB,
  divisionTab,
  ITA_RESULTS_TAB,
  MEASURES_TAB,
  MILESTONES_TAB,
  REPORTS_TAB,
  SETTINGS_TAB,
} from '../core/schema';
import { numerals } from '../core/thai';
import { hasErrors, validateParsed } from '../core/validate';
import { type ParsedWorkbook, parseDivisions, parseWorkbook, readTable } from '../core/workbook';
import {
  createEmpty,
  createWithContent,
  docUrlOf,
  findFile,
  MIME_DOC,
  MIME_PDF,
  pdfUrlOf,
  publishedUrlOf,
} from './adapters/drive';
import { activeSpreadsheet, currentUserEmail, showAlert, showDialog, ui, withDocumentLock } from './context';
import { writeGoogleDoc } from './document-doc';
import { upsertRegisterRow } from './register';
import { ensureReportFolder, publishDocument } from './report-drive';
import { warningsCell } from './report-register';
import { type ReadTab, readTab } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

// ---------------------------------------------------------------- reading

function readTabs(ss: Spreadsheet, withDivisionTabs: boolean): { parsed: ParsedWorkbook; register: ReadTab | null } {
  const tabs: Record<string, Cell[][]> = {};
  let register: ReadTab | null = null;
  const specs = [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB, ITA_RESULTS_TAB];
  if (withDivisionTabs) specs.push(MILESTONES_TAB);
  for (const spec of specs) {
    const t = readTab(ss, spec, 0);
    if (t) tabs[spec.name] = t.values;
    if (spec === REPORTS_TAB) register = t;
  }
  if (withDivisionTabs) {
    const divisions = parseDivisions(readTable({ tabs }, DIVISIONS_TAB));
    for (const name of new Set(divisions.map((d) => d.name).filter(Boolean))) {
      const t = readTab(ss, divisionTab(name), 0);
      if (t) tabs[name] = t.values;
    }
  }
  return { parsed: parseWorkbook({ tabs }), register };
}

const dialog = (html: string, title: string): void =>
  showDialog(`<div style="font-family: Sarabun, sans-serif; font-size: 14px">${html}</div>`, title, null);
const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
const link = (label: string, url: string) =>
  `<p>${escapeHtml(label)}:<br><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(url)}</a></p>`;

/** Shows the blocking problems (tab and cell in each); true when there were any. */
function blocked(problems: readonly Problem[], title: string): boolean {
  if (!hasErrors(problems)) return false;
  const errors = problems.filter((p) => p.severity === 'error');
  const shown = errors.slice(0, 50).map(formatProblem);
  dialog(`<p>${escapeHtml(PLAN.blockedIntro(errors.length))}</p>${list(shown)}`, title);
  return true;
}

/** The register row of a document of this fiscal year. */
const isRowOf =
  (fiscalYear: number, subject: MemoSubject) =>
  (cells: Readonly<Record<string, Cell>>): boolean => {
    const isPlan = String(cells.docKind ?? '').trim() === DOC_KIND.plan;
    if (Number(cells.fiscalYear) !== fiscalYear) return false;
    return subject.kind === 'plan' ? isPlan : !isPlan && Number(cells.round) === subject.round;
  };

const recordOf = (tracker: Tracker, subject: MemoSubject): ReportRecord | undefined =>
  tracker.reports.find(
    (r) =>
      r.fiscalYear === tracker.settings.fiscalYear &&
      (subject.kind === 'plan' ? r.kind === 'plan' : r.kind !== 'plan' && r.round === subject.round),
  );

/** The later of two statuses: the flow never goes back (ร่าง → เสนอแล้ว → อนุมัติแล้ว → เผยแพร่แล้ว). */
const later = (a: ApprovalStatus | '' | undefined, b: ApprovalStatus): ApprovalStatus =>
  a && APPROVAL_STATUSES.indexOf(a) > APPROVAL_STATUSES.indexOf(b) ? a : b;

/** Opens the document with this id (rewritten from empty) or creates one in the folder. */
function openOrCreate(existingId: string, name: string, folderId: string, warnings: string[]) {
  if (existingId) {
    // trashed = missing: a binned document is never written into or published again
    if (findFile(existingId)) return { doc: DocumentApp.openById(existingId), id: existingId, fresh: false };
    warnings.unshift(REPORT.docReplaced(existingId));
  }
  const id = createEmpty({ name, mimeType: MIME_DOC, parents: [folderId] }).id as string;
  return { doc: DocumentApp.openById(id), id, fresh: true };
}

function folderOf(ss: Spreadsheet, parsed: ParsedWorkbook): string {
  const settingsRead = parsed.tables.settings;
  const folderRow =
    settingsRead.rows.find((r) => String(r.cells.settingKey ?? '').trim() === 'reportFolderId')?.row ?? null;
  return ensureReportFolder(
    ss,
    parsed.tracker.settings.reportFolderId,
    folderRow,
    settingsRead.columnIndex.settingValue,
  );
}

function writeDoc(model: DocumentModel, existingId: string, folderId: string, warnings: string[]): string {
  const { doc, id, fresh } = openOrCreate(existingId, model.title, folderId, warnings);
  writeGoogleDoc(doc, id, fresh, model);
  return id;
}

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

function generatePlan(ss: Spreadsheet, parsed: ParsedWorkbook, register: ReadTab | null): GeneratedPlan {
  const { tracker } = parsed;
  const fy = tracker.settings.fiscalYear;
  const { model, warnings } = buildPlan(tracker);
  const folderId = folderOf(ss, parsed);
  const previous = recordOf(tracker, { kind: 'plan' });
  const docId = writeDoc(model, previous?.docId ?? '', folderId, warnings);
  const pdf = createWithContent(
    { name: `${model.title}.pdf`, mimeType: MIME_PDF, parents: [folderId] },
    DocumentApp.openById(docId).getAs(MIME_PDF),
    'id,webViewLink,lastModifyingUser(emailAddress)',
  );
  const pdfUrl = pdfUrlOf(pdf);
  const published = !tracker.settings.publishAfterApproval;
  if (published) publishDocument(docId);
  const status: ApprovalStatus = published ? 'published' : 'draft';
  upsertRegisterRow(ss, register, isRowOf(fy, { kind: 'plan' }), {
    fiscalYear: fy,
    round: '',
    docId,
    docUrl: docUrlOf(docId),
    publishedUrl: publishedUrlOf(docId),
    pdfUrl,
    generatedAt: new Date(),
    generatedBy: pdf.lastModifyingUser?.emailAddress || Session.getEffectiveUser().getEmail(),
    warnings: warningsCell(warnings),
    docKind: DOC_KIND.plan,
    approvalStatus: APPROVAL_STATUS[status],
  });
  return { docId, docUrl: docUrlOf(docId), publishedUrl: publishedUrlOf(docId), pdfUrl, published, warnings, model };
}

/** Menu entry "สร้างมาตรการประจำปี". */
export function menuGeneratePlan(): GeneratedPlan | undefined {
  const ss = activeSpreadsheet();
  const { parsed, register } = readTabs(ss, false);
  if (blocked([...validateParsed(parsed), ...planProblems(parsed)], PLAN.blockedTitle)) return undefined;
  let result: GeneratedPlan;
  try {
    result = generatePlan(ss, parsed, register);
  } catch (e) {
    console.error(e);
    showAlert(PLAN.failed(e instanceof Error ? e.message : String(e)), PLAN.failedTitle);
    return undefined;
  }
  const fy = numerals(parsed.tracker.settings.fiscalYear, parsed.tracker.settings.numerals);
  dialog(
    `<p>${escapeHtml(result.published ? PLAN.menuDone(fy) : PLAN.menuDoneNotPublished(fy))}</p>` +
      link(REPORT.linkPublished, result.publishedUrl) +
      link(REPORT.linkDoc, result.docUrl) +
      link(REPORT.linkPdf, result.pdfUrl) +
      (result.warnings.length ? `<p>${escapeHtml(REPORT.warningsHeader)}:</p>${list(result.warnings)}` : ''),
    PLAN.doneTitle,
  );
  return result;
}

// ---------------------------------------------------------------- เสนอผู้บริหาร

/** Asks which document; null when cancelled or not understood (the user is told). */
function askSubject(): MemoSubject | null {
  const u = ui();
  if (!u) return null;
  const r = u.prompt(MENU.items.propose, APPROVAL.proposeWhich, u.ButtonSet.OK_CANCEL);
  if (r.getSelectedButton() !== u.Button.OK) return null;
  const text = r.getResponseText().trim();
  const subject = parseMemoChoice(text);
  if (!subject) showAlert(APPROVAL.badWhich(text));
  return subject;
}

export interface ProposedMemo {
  memoId: string;
  memoUrl: string;
  model: DocumentModel;
}

/** Menu entry "เสนอผู้บริหาร": the memo for the plan or a round's report, linked on its register row. */
export function menuProposeToExecutive(today?: string): ProposedMemo | undefined {
  const what = MENU.items.propose;
  const subject = askSubject();
  if (!subject) return undefined;
  return withDocumentLock(
    what,
    () => {
      const ss = activeSpreadsheet();
      const { parsed, register } = readTabs(ss, true);
      const problems = [...validateParsed(parsed), ...memoProblems(parsed)];
      if (blocked(problems, APPROVAL.memoBlockedTitle)) return undefined;
      const { tracker } = parsed;
      const record = recordOf(tracker, subject);
      if (!record?.docId) {
        showAlert(APPROVAL.notGenerated(memoSubjectLine(tracker, subject)));
        return undefined;
      }
      const date =
        typeof today === 'string' ? today : Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'yyyy-MM-dd');
      const model = buildMemo(tracker, { subject, date, link: record.publishedUrl || record.docUrl });
      const memoId = writeDoc(model, /\/d\/([^/]+)/.exec(record.memoUrl ?? '')?.[1] ?? '', folderOf(ss, parsed), []);
      const memoUrl = docUrlOf(memoId);
      upsertRegisterRow(ss, register, isRowOf(tracker.settings.fiscalYear, subject), {
        memoUrl,
        approvalStatus: APPROVAL_STATUS[later(record.status, 'proposed')],
      });
      dialog(`<p>${escapeHtml(APPROVAL.memoDone(memoUrl))}</p>${link(REPORT.linkDoc, memoUrl)}`, MENU.items.propose);
      return { memoId, memoUrl, model };
    },
    5000,
  );
}

// ---------------------------------------------------------------- บันทึกการอนุมัติ

export interface RecordedApproval {
  record: ReportRecord;
  published: boolean;
}

/** Menu entry "บันทึกการอนุมัติ": executives and admins in settings only (the actions table checks). */
export function menuRecordApproval(): RecordedApproval | undefined {
  const what = MENU.items.approve;
  const ss = activeSpreadsheet();
  const { parsed, register } = readTabs(ss, false);
  const { tracker } = parsed;
  const s = tracker.settings;
  const user = currentUserEmail().toLowerCase();
  // proposed and not yet approved
  const candidates = tracker.reports.filter((r) => r.memoUrl && (r.status === 'proposed' || !r.approvedAt));
  if (!candidates.length) {
    showAlert(APPROVAL.noDocument);
    return undefined;
  }
  const u = ui();
  if (!u) return undefined;
  const label = (r: ReportRecord) =>
    memoSubjectLine(tracker, r.kind === 'plan' ? { kind: 'plan' } : { kind: 'report', round: r.round });
  const pick = u.prompt(
    what,
    APPROVAL.pick(candidates.map((r, i) => `${i + 1}. ${label(r)}`).join('\n')),
    u.ButtonSet.OK_CANCEL,
  );
  if (pick.getSelectedButton() !== u.Button.OK) return undefined;
  const n = Number(pick.getResponseText().trim());
  const chosen = Number.isInteger(n) ? candidates[n - 1] : undefined;
  if (!chosen) {
    showAlert(APPROVAL.badPick(pick.getResponseText().trim()));
    return undefined;
  }
  const comment = u.prompt(what, APPROVAL.commentPrompt, u.ButtonSet.OK_CANCEL);
  if (comment.getSelectedButton() !== u.Button.OK) return undefined;
  // publishing waits for this approval when the setting says so; else it happened at generation
  let status: ApprovalStatus = later(chosen.status, 'approved');
  let published = false;
  if (s.publishAfterApproval && chosen.docId) {
    publishDocument(chosen.docId);
    status = 'published';
    published = true;
  }
  const subject: MemoSubject = chosen.kind === 'plan' ? { kind: 'plan' } : { kind: 'report', round: chosen.round };
  upsertRegisterRow(ss, register, isRowOf(chosen.fiscalYear, subject), {
    approver: user,
    approvedAt: new Date(),
    approvalComment: comment.getResponseText().trim(),
    approvalStatus: APPROVAL_STATUS[status],
  });
  showAlert(
    published ? APPROVAL.donePublished(label(chosen), chosen.publishedUrl) : APPROVAL.done(label(chosen)),
    what,
  );
  return {
    record: { ...chosen, status, approver: user, approvalComment: comment.getResponseText().trim() },
    published,
  };
}
