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
import { type Cell, escapeHtml, sheetSafe } from '../core/cells';
import { trackerForRound } from '../core/closed-rounds';
import { lastReport } from '../core/dashboard';
import { APPROVAL_STATUS, DOC_KIND, formatProblem, MENU, REPORT } from '../core/messages';
import type { ReportRecord, Round } from '../core/model';
import { buildReport, type ReportModel, reportDocument } from '../core/report';
import {
  DIVISIONS_TAB,
  divisionTab,
  MEASURES_TAB,
  REPORTS_TAB,
  ROUND_SNAPSHOT_TAB,
  SETTINGS_TAB,
} from '../core/schema';
import { numerals } from '../core/thai';
import { hasErrors } from '../core/validate';
import { parseDivisions, parseWorkbook, readTable, type WorkbookSnapshot } from '../core/workbook';
import { reportBlockers } from '../core/year-cycle';
import { activeSpreadsheet, runAction, showAlert, showDialog, withDocumentLock } from './context';
import { writeLastReportLine } from './dashboard';
import { writeGoogleDoc } from './document-doc';
import { storePublicPage } from './public-page';
import { ensureSize, type ReadTab, readTab } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MIME_FOLDER = 'application/vnd.google-apps.folder';
const MIME_DOC = 'application/vnd.google-apps.document';
const MIME_PDF = 'application/pdf';

export const docUrlOf = (id: string) => `https://docs.google.com/document/d/${id}/edit`;
export const publishedUrlOf = (id: string) => `https://docs.google.com/document/d/${id}/pub`;

// ---------------------------------------------------------------- reading only what the report needs

function readReportTabs(ss: Spreadsheet): { snapshot: WorkbookSnapshot; register: ReadTab | null } {
  const tabs: Record<string, Cell[][]> = {};
  let register: ReadTab | null = null;
  // the snapshot tab: a closed round's report is built from it (absent until a round is closed)
  for (const spec of [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB, REPORTS_TAB, ROUND_SNAPSHOT_TAB]) {
    const t = readTab(ss, spec, 0);
    if (t) tabs[spec.name] = t.values;
    if (spec === REPORTS_TAB) register = t;
  }
  // the division tabs hold the results; their names come from the divisions tab
  const divisions = parseDivisions(readTable({ tabs }, DIVISIONS_TAB));
  for (const name of new Set(divisions.map((d) => d.name).filter(Boolean))) {
    const t = readTab(ss, divisionTab(name), 0);
    if (t) tabs[name] = t.values;
  }
  return { snapshot: { tabs }, register };
}

// ---------------------------------------------------------------- dialogs

const dialog = (html: string, title: string): void =>
  showDialog(`<div style="font-family: Sarabun, sans-serif; font-size: 14px">${html}</div>`, title, null);

const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
const link = (label: string, url: string) =>
  `<p>${escapeHtml(label)}:<br><a href="${escapeHtml(url)}" target="_blank" rel="noopener">${escapeHtml(url)}</a></p>`;

// ---------------------------------------------------------------- the report folder

/**
 * The folder PDFs go to: the id in settings, else a folder this app creates (drive.file reaches only
 * what the app created) and records in the settings tab. Setup may call this once so generation never has to.
 */
export function ensureReportFolder(
  ss: Spreadsheet,
  currentId: string,
  settingsRow: number | null,
  valueColumn: number,
  verify = false,
): string {
  if (currentId && (!verify || reachableFolder(currentId))) return currentId;
  const folder = drive().Files?.create({ name: REPORT.folderName, mimeType: MIME_FOLDER }) as { id?: string };
  const id = folder.id as string;
  // once per tracker: one cell, written where the settings tab keeps reportFolderId
  if (settingsRow !== null && valueColumn >= 0)
    ss.getSheetByName(SETTINGS_TAB.name)
      ?.getRange(settingsRow, valueColumn + 1)
      .setValue(id);
  return id;
}

/**
 * Whether this script can still open the folder. A copy of a tracker carries the settings tab, and
 * with it the original's folder id, but not the access: drive.file reaches only files this script
 * created (the copy's script is a new project), so Drive answers 404 and setup makes a folder of its own.
 */
function reachableFolder(id: string): boolean {
  try {
    const file = drive().Files?.get(id, { fields: 'id,mimeType,trashed' }) as { mimeType?: string; trashed?: boolean };
    return file.mimeType === MIME_FOLDER && !file.trashed;
  } catch {
    return false;
  }
}

/** The advanced services this needs, or a Thai message saying to turn them on. */
export function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) throw new Error(REPORT.servicesMissing);
  return Drive;
}
export function docs(): GoogleAppsScript.Docs {
  if (typeof Docs === 'undefined' || !Docs) throw new Error(REPORT.servicesMissing);
  return Docs;
}

/** Publishes the document's current revision at its stable /pub URL (later edits stay private until this runs again). */
export function publishDocument(docId: string): void {
  drive().Revisions?.update({ published: true, publishedOutsideDomain: true, publishAuto: false }, docId, 'head');
}

// ---------------------------------------------------------------- the register

/** Warnings as one cell's text, cut well below Sheets' per-cell limit, saying how many were left out. */
export function warningsCell(warnings: readonly string[], maxChars = 10_000): string {
  const kept: string[] = [];
  let length = 0;
  for (const w of warnings) {
    if (length + w.length + 1 > maxChars) break;
    kept.push(w);
    length += w.length + 1;
  }
  return kept.length < warnings.length
    ? [...kept, REPORT.moreWarnings(warnings.length - kept.length)].join('\n')
    : kept.join('\n');
}

/** At most `max` items, then one saying how many more. */
const firstOf = (items: readonly string[], max: number): string[] =>
  items.length > max ? [...items.slice(0, max), REPORT.moreWarnings(items.length - max)] : items.slice();

/** The register row for (fiscal year, round) written into the values read, appended when absent. */
function registerValues(register: ReadTab, record: ReportRecord): Cell[][] {
  const table = readTable({ tabs: { [REPORTS_TAB.name]: register.values } }, REPORTS_TAB);
  const values = register.values.map((r) => r.slice());
  const existing = table.rows.find(
    (r) => Number(r.cells.fiscalYear) === record.fiscalYear && Number(r.cells.round) === record.round,
  );
  const rowIndex = existing ? existing.row - 1 : values.length;
  const width = Math.max(values[0]?.length ?? 0, REPORTS_TAB.columns.length);
  while (values.length <= rowIndex) values.push(new Array(width).fill(''));
  const row = values[rowIndex];
  const cells: Record<string, Cell> = {
    fiscalYear: record.fiscalYear,
    round: record.round,
    docId: record.docId,
    docUrl: record.docUrl,
    publishedUrl: record.publishedUrl,
    pdfUrl: record.pdfUrl,
    generatedAt: new Date(), // an instant: Sheets shows it in the sheet's zone
    generatedBy: record.generatedBy,
    warnings: record.warnings,
    docKind: DOC_KIND.report,
    approvalStatus: APPROVAL_STATUS[record.status || 'published'],
  };
  for (const c of REPORTS_TAB.columns) {
    const ci = table.columnIndex[c.key];
    if (ci >= 0) row[ci] = sheetSafe(cells[c.key] ?? '');
  }
  return values;
}

const rectangular = (values: Cell[][], height: number, width: number): unknown[][] =>
  Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => values[r]?.[c] ?? ''));

function writeRegister(ss: Spreadsheet, register: ReadTab | null, record: ReportRecord): Cell[][] {
  if (register?.range) {
    const values = registerValues(register, record);
    if (values.length <= register.height) {
      // the very range that was read, in one setValues: the rows below the table stay blank
      register.range.setValues(rectangular(values, register.height, register.width));
      return values;
    }
    // the sheet is full to its last row: grow it first
    const sheet = register.range.getSheet();
    ensureSize(sheet, values.length, register.width);
    sheet.getRange(1, 1, values.length, register.width).setValues(rectangular(values, values.length, register.width));
    return values;
  }
  // no register tab yet: create it with its header row
  const sheet = ss.insertSheet(REPORTS_TAB.name);
  const values = registerValues(
    { values: [REPORTS_TAB.columns.map((c) => c.header)], range: null, height: 1, width: REPORTS_TAB.columns.length },
    record,
  );
  sheet
    .getRange(1, 1, values.length, REPORTS_TAB.columns.length)
    .setValues(rectangular(values, values.length, REPORTS_TAB.columns.length));
  return values;
}

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
    try {
      return { doc: DocumentApp.openById(existingId), id: existingId, fresh: false };
    } catch {
      // deleted or no longer reachable: a new document, and the user is told its public URL changed
      warnings.unshift(REPORT.docReplaced(existingId));
    }
  }
  const created = drive().Files?.create({ name, mimeType: MIME_DOC, parents: [folderId] }) as { id?: string };
  const id = created.id as string;
  return { doc: DocumentApp.openById(id), id, fresh: true };
}

/** Everything after validation; throws on any failure (the caller reports it). */
function generate(ss: Spreadsheet, snapshot: WorkbookSnapshot, register: ReadTab | null): GeneratedReport {
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

  const previous = tracker.reports.find((r) => r.kind !== 'plan' && r.fiscalYear === fy && r.round === round);
  const { doc, id: docId, fresh } = openReportDocument(previous?.docId ?? '', model.documentName, folderId, warnings);

  // the report's document model through the one Google Doc writer: tables through DocumentApp, then
  // one documents.get and one batchUpdate (src/gas/document-doc.ts)
  writeGoogleDoc(doc, docId, fresh, reportDocument(model), docs());

  // the PDF of this generation, archived in the report folder
  const pdfBlob = DocumentApp.openById(docId).getAs(MIME_PDF);
  const pdf = drive().Files?.create(
    { name: `${model.documentName}.pdf`, mimeType: MIME_PDF, parents: [folderId] },
    pdfBlob,
    {
      fields: 'id,webViewLink,lastModifyingUser(emailAddress)',
    },
  ) as { id?: string; webViewLink?: string; lastModifyingUser?: { emailAddress?: string } };
  const pdfUrl = pdf.webViewLink || `https://drive.google.com/file/d/${pdf.id}/view`;

  // publish last: the public sees the new revision only now that it is complete. With the setting
  // "เผยแพร่หลังผู้บริหารอนุมัติ" the public keeps the previous revision until the approval is recorded.
  const publishNow = !tracker.settings.publishAfterApproval;
  if (publishNow) publishDocument(docId);

  const result: GeneratedReport = {
    docId,
    docUrl: docUrlOf(docId),
    publishedUrl: publishedUrlOf(docId),
    pdfUrl,
    warnings,
    model,
  };
  // who generated it: Drive records the account that created the PDF (no extra Session call)
  const user = pdf.lastModifyingUser?.emailAddress || Session.getEffectiveUser().getEmail();
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
  const registerNow = writeRegister(ss, register, record);
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
 * Holds the document lock, as sync and setup do: a report is never read from tabs being rewritten.
 */
export function menuGenerateReport(): GeneratedReport | undefined {
  const what = MENU.items.report;
  return runAction(what, () => withDocumentLock(what, () => generateFromMenu(activeSpreadsheet()), 5000));
}

function generateFromMenu(ss: Spreadsheet): GeneratedReport | undefined {
  const { snapshot, register } = readReportTabs(ss);
  const parsed = parseWorkbook(snapshot);
  // a closed round is printed from its snapshot: edits on the division tabs since do not block it
  const problems = reportBlockers(snapshot, parsed, parsed.tracker.settings.currentRound);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    dialog(
      `<p>${escapeHtml(REPORT.blockedIntro(errors.length))}</p>${list(firstOf(errors.map(formatProblem), 50))}`,
      REPORT.blockedTitle,
    );
    return undefined;
  }
  let result: GeneratedReport;
  try {
    result = generate(ss, snapshot, register);
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
