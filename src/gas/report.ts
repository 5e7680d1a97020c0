// Menu "สร้างรายงาน": the round's report through generateDocument (src/core/app/documents.ts) on the
// bound sheet's ports (src/gas/document-ports.ts): validate → build the report model → write the round's
// Google Doc → archive a PDF in the report folder → publish the doc → record it in ทะเบียนรายงาน → show
// the links. One document per (fiscal year, round), remembered in the register: regenerating rewrites the
// same document, so its public URL never changes. Publishing is the last Drive step, after every write
// succeeded; with publishAuto false the public keeps seeing the previously published revision until
// then (Drive guide "Manage revisions": published revisions don't follow later edits unless publishAuto).
// A failure anywhere shows a Thai message and leaves the register and the published revision as they were.
//
// Service calls do not grow with the number of measures: each tab is one read, each area's table one
// appendTable, the Doc's layout one Docs batchUpdate, the register one setValues.

import { REPORT_KIND } from '../core/app/document-kinds';
import { REPORT } from '../core/messages/report';
import type { ReportModel } from '../core/report';
import { numerals } from '../core/thai';
import type { WorkbookSnapshot } from '../core/workbook';
import { documentFromMenu, showDone } from './document-menu';
import { sheetReader } from './document-ports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The tabs the report reads, as it reads them (dates on the sheet's wall clock). */
export function readReportTabs(ss: Spreadsheet): { snapshot: WorkbookSnapshot } {
  return { snapshot: sheetReader(ss).read(REPORT_KIND.needs) };
}

export interface GeneratedReport {
  docId: string;
  docUrl: string;
  publishedUrl: string;
  pdfUrl: string;
  warnings: string[];
  model: ReportModel;
}

/**
 * Menu entry "สร้างรายงาน". Returns what was generated (undefined when blocked, queued, busy or failed).
 * Runs under the document lock (src/gas/actions.ts), as sync and setup do: a report is never read from
 * tabs being rewritten.
 */
export function menuGenerateReport(): GeneratedReport | undefined {
  const doc = documentFromMenu(REPORT_KIND, { kind: REPORT_KIND.name }, (d) => {
    const num = (n: number) => numerals(n, d.numerals);
    showDone(d, REPORT.doneIntro(num(d.fiscalYear), num(d.round ?? 6)), REPORT.doneTitle);
  });
  if (!doc) return undefined;
  const { docId, docUrl, publishedUrl, pdfUrl, warnings, source } = doc;
  return { docId, docUrl, publishedUrl, pdfUrl, warnings, model: source };
}
