// Menu "สร้างรายงาน": validate → build the report model → write the round's Google Doc → archive a
// PDF in the report folder → publish the doc → record it in ทะเบียนรายงาน → show the links.
// One document per (fiscal year, round), remembered in the register: regenerating rewrites the same
// document, so its public URL never changes. Publishing is the last Drive step, after every write
// succeeded; with publishAuto false the public keeps seeing the previously published revision until
// then (Drive guide "Manage revisions": published revisions don't follow later edits unless publishAuto).
// A failure anywhere shows a Thai message and leaves the register and the published revision as they were.
//
// Service calls do not grow with the number of measures: each tab is read with one getRange + one
// getValues (the tabs this needs, not the whole workbook), each area's table is one appendTable, the
// Doc's layout is one Docs batchUpdate, the register is written with one setValues.
// Scopes: documents, drive.file (Drive advanced service v3 only — DriveApp would need the full drive scope).

import { reportProblems } from '../core/app/report-checks';
import { type Cell, escapeHtml } from '../core/cells';
import { trackerForRound } from '../core/closed-rounds';
import { lastReport } from '../core/dashboard';
import { MENU } from '../core/messages/menu';
import { REPORT } from '../core/messages/report';
import { REPORT_DRIVE } from '../core/messages/report-drive';
import { formatProblem } from '../core/messages/validation';
import type { ReportRecord } from '../core/model';
import { buildReport, type ReportModel, reportDocument } from '../core/report';
import {
  DIVISIONS_TAB,
  divisionTab,
  FIXED_TABS,
  MEASURES_TAB,
  REPORTS_TAB,
  ROUND_SNAPSHOT_TAB,
  SETTINGS_TAB,
} from '../core/schema';
import type { Round } from '../core/thai';
import { numerals } from '../core/thai';
import { hasErrors } from '../core/validate';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import {
  createEmpty,
  createWithContent,
  docUrlOf,
  findFile,
  MIME_DOC,
  MIME_PDF,
  pdfUrlOf,
  publishedUrlOf,
  trashFile,
} from './adapters/drive';
import { activeSpreadsheet, currentUserEmail, showAlert, showDialog, toast, withDocumentLock } from './context';
import { writeLastReportLine } from './dashboard';
import { writeGoogleDoc } from './document-doc';
import { storePublicPage } from './public-page';
import { ensureReportFolder, publishDocument, REPORT_OWNER_KEY, shareFolderWithAdmins } from './report-drive';
import { firstOf, warningsCell, writeRegister } from './report-register';
import type { ReadTab } from './sheetio';
import { readTab, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Script property: who asked for a report and is waiting for the owner's trigger (JSON list). */
export const REPORT_QUEUE_KEY = 'reportQueue';
/** The owner's trigger that generates queued reports. */
export const REPORT_QUEUE_HANDLER = 'processReportQueue';

// ---------------------------------------------------------------- reading only what the report needs

/**
 * The tabs the report needs, Dates shifted by the sheet's zone offset like every other adapter
 * (core sees wall-clock dates: a due date typed as 1 Oct is 1 Oct, not 30 Sep 17:00).
 */
export function readReportTabs(ss: Spreadsheet): {
  snapshot: WorkbookSnapshot;
  register: ReadTab | null;
  offsetMs: number;
} {
  const tabs: Record<string, Cell[][]> = {};
  let register: ReadTab | null = null;
  const offsetMs = zoneOffsetMs(ss);
  // the snapshot tab: a closed round's report is built from it (absent until a round is closed)
  for (const spec of [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB, ROUND_SNAPSHOT_TAB]) {
    const t = readTab(ss, spec, offsetMs);
    if (t) tabs[spec.name] = t.values;
    if (spec === REPORTS_TAB) register = t;
  }
  // the division tabs hold the results; their names come from the divisions tab
  const divisions = parseDivisions(readTable({ tabs }, DIVISIONS_TAB));
  let missing = false;
  for (const name of new Set(divisions.map((d) => d.name).filter(Boolean))) {
    const t = readTab(ss, divisionTab(name), offsetMs);
    if (t) tabs[name] = t.values;
    else missing = true;
  }
  // a division's tab not found by its exact name: every tab's name, so a look-alike ("กองคลัง ")
  // blocks the report here as it does in the CLI (src/core/app/report-checks.ts). Unread, so empty.
  if (missing)
    for (const sheet of ss.getSheets()) {
      const name = sheet.getName();
      // a fixed tab by its exact name is not a look-alike, and an empty one would read as headerless
      if (!(name in tabs) && !FIXED_TABS.some((t) => t.name === name)) tabs[name] = [];
    }
  return { snapshot: { tabs }, register, offsetMs };
}

// ---------------------------------------------------------------- dialogs

const dialog = (html: string, title: string): void =>
  showDialog(`<div style="font-family: Sarabun, sans-serif; font-size: 14px">${html}</div>`, title, null);

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
const link = (label: string, url: string) =>
  `<p>${escapeHtml(label)}:<br><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(url)}</a></p>`;

// ---------------------------------------------------------------- generation

export interface GeneratedReport {
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
  warnings: string[];
  model: ReportModel;
}

/** Opens the round's document (rewriting it from empty) or creates it in the report folder. */
function openReportDocument(
  existingId: string,
  name: string,
  folderId: string,
  warnings: string[],
): { doc: GoogleAppsScript.Document.Document; id: string; fresh: boolean } {
  if (existingId) {
    // a document in the trash still opens with openById: the facade counts it as missing
    if (findFile(existingId)) return { doc: DocumentApp.openById(existingId), id: existingId, fresh: false };
    // a new document, and the user is told its public URL changed
    warnings.unshift(REPORT.docReplaced(existingId));
  }
  const id = createEmpty({ name, mimeType: MIME_DOC, parents: [folderId] }).id as string;
  return { doc: DocumentApp.openById(id), id, fresh: true };
}

/** Everything after validation; throws on any failure (the caller reports it). */
function generate(
  ss: Spreadsheet,
  snapshot: WorkbookSnapshot,
  register: ReadTab | null,
  offsetMs: number,
  requestedBy = '',
): GeneratedReport {
  const parsed = parseWorkbook(snapshot);
  const { tracker } = parsed;
  // a closed round: the results that were closed, so regenerating publishes the same text
  const { model, warnings } = buildReport(trackerForRound(snapshot, tracker, tracker.settings.currentRound).tracker);
  const fy = tracker.settings.fiscalYear;
  const round: Round = model.round;

  const settingsRead = parsed.tables.settings;
  const folderRow =
    settingsRead.rows.find((r) => String(r.cells.settingKey ?? '').trim() === 'reportFolderId')?.row ?? null;
  const folderId = ensureReportFolder(
    ss,
    tracker.settings.reportFolderId,
    folderRow,
    settingsRead.columnIndex.settingValue,
  );

  warnings.push(...shareFolderWithAdmins(folderId, tracker.settings.admins));

  const previous = tracker.reports.find((r) => r.kind !== 'plan' && r.fiscalYear === fy && r.round === round);
  const { doc, id: docId, fresh } = openReportDocument(previous?.docId ?? '', model.documentName, folderId, warnings);

  // the report's document model through the one Google Doc writer: tables through DocumentApp, then
  // one documents.get and one batchUpdate (src/gas/document-doc.ts)
  writeGoogleDoc(doc, docId, fresh, reportDocument(model));

  // the PDF of this generation, archived in the report folder
  const pdfBlob = DocumentApp.openById(docId).getAs(MIME_PDF);
  const pdf = createWithContent(
    { name: `${model.documentName}.pdf`, mimeType: MIME_PDF, parents: [folderId] },
    pdfBlob,
    'id,webViewLink,lastModifyingUser(emailAddress)',
  );
  const pdfUrl = pdfUrlOf(pdf);

  // publish last: the public sees the new revision only now that it is complete. With the setting
  // "เผยแพร่หลังผู้บริหารอนุมัติ" the public keeps the previous revision until the approval is recorded.
  // A refusal takes this generation's PDF back to the trash, so retries leave no extra PDFs.
  const publishNow = !tracker.settings.publishAfterApproval;
  // the URL on record stays while the document does (the public link never changes)
  const onRecord = (previous?.docId === docId && previous.publishedUrl) || '';
  let publishedUrl = onRecord || publishedUrlOf(docId);
  if (publishNow)
    try {
      const link = publishDocument(docId);
      publishedUrl = onRecord || link;
    } catch (e) {
      try {
        trashFile(pdf.id as string);
      } catch (cleanup) {
        console.error(cleanup);
      }
      throw e;
    }

  const result: GeneratedReport = {
    docId,
    docUrl: docUrlOf(docId),
    publishedUrl,
    pdfUrl,
    warnings,
    model,
  };
  // who generated it: Drive records the account that created the PDF (no extra Session call)
  const user = requestedBy || pdf.lastModifyingUser?.emailAddress || Session.getEffectiveUser().getEmail();
  const record: ReportRecord = {
    fiscalYear: fy,
    round,
    docId,
    docUrl: result.docUrl,
    publishedUrl: result.publishedUrl,
    pdfUrl,
    generatedAt: '',
    generatedBy: user,
    warnings: warningsCell(warnings),
    status: publishNow ? 'published' : 'draft',
  };
  const registerNow = writeRegister(ss, register, record, offsetMs);
  // the public page shows the register: its stored copy is rebuilt now (2 calls), so a visit reads no sheet
  try {
    storePublicPage({ tabs: { ...snapshot.tabs, [REPORTS_TAB.name]: registerNow } });
  } catch (e) {
    console.error(e);
  }
  // The dashboard's last-report line changes only when the latest round does (regenerating keeps the
  // same public URL), so most generations skip the write. The report is out by now: a dashboard
  // hiccup is logged, never shown as a failure.
  const after = [...tracker.reports.filter((r) => r !== previous), record];
  if (JSON.stringify(lastReport(after)) !== JSON.stringify(lastReport(tracker.reports)))
    try {
      writeLastReportLine(ss, after, tracker.settings.numerals);
    } catch (e) {
      console.error(e);
    }
  return result;
}

/**
 * Menu entry "สร้างรายงาน". Returns what was generated (undefined when blocked, busy or failed).
 * Runs under the document lock (src/gas/actions.ts), as sync and setup do: a report is never read from
 * tabs being rewritten.
 */
export function menuGenerateReport(): GeneratedReport | undefined {
  return generateFromMenu(activeSpreadsheet());
}

function generateFromMenu(ss: Spreadsheet): GeneratedReport | undefined {
  const { snapshot, register, offsetMs } = readReportTabs(ss);
  const parsed = parseWorkbook(snapshot);
  // a closed round is printed from its snapshot: edits on the division tabs since do not block it
  const problems = reportProblems(snapshot, parsed, parsed.tracker.settings.currentRound);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    dialog(
      `<p>${escapeHtml(REPORT.blockedIntro(errors.length))}</p>${list(firstOf(errors.map(formatProblem), 50))}`,
      REPORT.blockedTitle,
    );
    return undefined;
  }
  // drive.file reaches the report folder only with its owner's token: another admin's click waits
  // for the owner's trigger (a minute at most), and is told so
  const owner = PropertiesService.getScriptProperties().getProperty(REPORT_OWNER_KEY) ?? '';
  if (owner && owner.toLowerCase() !== Session.getEffectiveUser().getEmail().toLowerCase()) {
    enqueueReport(currentUserEmail());
    dialog(`<p>${escapeHtml(REPORT_DRIVE.queued(owner))}</p>`, REPORT_DRIVE.queuedTitle);
    toast(REPORT_DRIVE.queuedToast);
    return undefined;
  }
  let result: GeneratedReport;
  try {
    result = generate(ss, snapshot, register, offsetMs);
  } catch (e) {
    // the report's own message: what failed, and that the published report and register are as they were
    console.error(e);
    showAlert(REPORT.failed(e instanceof Error ? e.message : String(e)), REPORT.errorsTitle);
    return undefined;
  }
  const m = result.model;
  const num = (n: number) => numerals(n, m.numerals);
  dialog(
    `<p>${escapeHtml(REPORT.doneIntro(num(m.fiscalYear), num(m.round)))}</p>` +
      link(REPORT.linkPublished, result.publishedUrl) +
      link(REPORT.linkDoc, result.docUrl) +
      link(REPORT.linkPdf, result.pdfUrl) +
      (result.warnings.length
        ? `<p>${escapeHtml(REPORT.warningsHeader)}:</p>${list(firstOf(result.warnings, 30))}`
        : ''),
    REPORT.doneTitle,
  );
  return result;
}

// ---------------------------------------------------------------- the owner's queue

function enqueueReport(by: string): void {
  const lock = LockService.getScriptLock();
  lock.waitLock(10000);
  try {
    const props = PropertiesService.getScriptProperties();
    const queue = JSON.parse(props.getProperty(REPORT_QUEUE_KEY) || '[]') as string[];
    if (!queue.includes(by)) queue.push(by);
    props.setProperty(REPORT_QUEUE_KEY, JSON.stringify(queue));
  } finally {
    lock.releaseLock();
  }
}

/** The owner's every-minute trigger, installed by setup (idempotent); true when it was created now. */
export function installReportQueueTrigger(): boolean {
  const mine = ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === REPORT_QUEUE_HANDLER);
  if (mine.length > 0) return false;
  ScriptApp.newTrigger(REPORT_QUEUE_HANDLER).timeBased().everyMinutes(1).create();
  return true;
}

/**
 * Entry point for the owner's trigger: one generation of the settings' current (FY, round) for every
 * admin waiting, run with the owner's Drive grant; each of them gets the links (or the reason) by e-mail.
 * An empty queue costs one property read.
 */
export function processReportQueue(): GeneratedReport | undefined {
  const props = PropertiesService.getScriptProperties();
  if (!props.getProperty(REPORT_QUEUE_KEY)) return undefined;
  return withDocumentLock(MENU.items.report, () => {
    const queue = JSON.parse(props.getProperty(REPORT_QUEUE_KEY) || '[]') as string[];
    props.deleteProperty(REPORT_QUEUE_KEY);
    if (!queue.length) return undefined;
    const ss = activeSpreadsheet();
    const { snapshot, register, offsetMs } = readReportTabs(ss);
    const tell = (subject: string, body: string) => {
      for (const to of queue) MailApp.sendEmail(to, subject, body);
    };
    const parsed = parseWorkbook(snapshot);
    // as the menu: a closed round is printed from its snapshot, so later edits do not block it
    const errors = reportProblems(snapshot, parsed, parsed.tracker.settings.currentRound).filter(
      (p) => p.severity === 'error',
    );
    if (errors.length) {
      tell(
        REPORT_DRIVE.failedMailSubject,
        REPORT_DRIVE.failedMailBody(firstOf(errors.map(formatProblem), 20).join('\n')),
      );
      return undefined;
    }
    try {
      const result = generate(ss, snapshot, register, offsetMs, queue.join(', '));
      const num = (n: number) => numerals(n, result.model.numerals);
      tell(
        REPORT_DRIVE.doneMailSubject(num(result.model.fiscalYear), num(result.model.round)),
        REPORT_DRIVE.doneMailBody(result.publishedUrl, result.docUrl, result.pdfUrl),
      );
      return result;
    } catch (e) {
      console.error(e);
      tell(REPORT_DRIVE.failedMailSubject, REPORT_DRIVE.failedMailBody(e instanceof Error ? e.message : String(e)));
      return undefined;
    }
  });
}
