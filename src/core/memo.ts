// The proposal to the executive (บันทึกข้อความ, ระเบียบงานสารบรรณ) as a document model: room for the
// Garuda (1.5 cm), the heading, ส่วนราชการ / ที่ / วันที่ / เรื่อง / เรียน, the body (what is proposed,
// the counts done / in progress / overdue, the link), the proposer's name and position, and a
// ความเห็นผู้บริหาร block. No closing phrase: a memo has none. TH Sarabun 16 pt, left margin 3 cm,
// right 2 cm (docs/domain.md).

import type { Problem } from './cell-rules';
import { a1, isHttpUrl } from './cells';
import { dashboardData } from './dashboard';
import { CM, type DocumentModel, paragraph } from './document';
import { APPROVAL, MEMO } from './messages/plan';
import type { Tracker } from './model';
import { SETTINGS_TAB } from './schema';
import { readSettingsRows } from './settings-tab';
import type { Round } from './thai';
import { formatThaiDate, numerals, toArabicDigits } from './thai';
import type { ParsedWorkbook } from './workbook';

/** What a memo proposes: the year's plan, or a round's report. */
export type MemoSubject = { kind: 'plan' } | { kind: 'report'; round: Round };

export interface MemoOptions {
  subject: MemoSubject;
  /** the memo's date, ISO (the agency's wall clock) */
  date: string;
  /** the proposed document's public (or file) link; '' when it travels attached */
  link: string;
}

/**
 * The clerk's answer to "which document?" (the menu's prompt, APPROVAL.proposeWhich): 1 or มาตรการ the
 * plan, 6 or 12 a round's report, Thai digits alike; null when it is none of them. The English "plan"
 * is still understood from earlier habits, never asked for.
 */
export function parseMemoChoice(answer: string): MemoSubject | null {
  const text = toArabicDigits(answer.normalize('NFC')).replace(/\s+/g, '').toLowerCase();
  if (text === '1' || text === 'มาตรการ' || text === 'มาตรการประจำปี' || text === 'plan') return { kind: 'plan' };
  if (text === '6' || text === '12') return { kind: 'report', round: Number(text) as Round };
  return null;
}

/** Why a memo cannot be written (nothing is written then): no executive to address it to. */
export function memoProblems(parsed: ParsedWorkbook): Problem[] {
  if (parsed.tracker.settings.executiveTitle.trim() !== '') return [];
  const t = parsed.tables.settings;
  const row = readSettingsRows(t).executiveTitle?.row;
  const col = t.columnIndex.settingValue;
  const cell = row !== undefined && col >= 0 ? a1(col, row) : '';
  return [
    {
      tab: SETTINGS_TAB.name,
      cell,
      severity: 'error',
      code: 'required',
      message: APPROVAL.noExecutive(SETTINGS_TAB.name, cell || 'executiveTitle'),
    },
  ];
}

export const memoSubjectLine = (tracker: Tracker, subject: MemoSubject): string => {
  const num = (n: number | string) => numerals(n, tracker.settings.numerals);
  return subject.kind === 'plan'
    ? MEMO.subjectPlan(num(tracker.settings.fiscalYear))
    : MEMO.subjectReport(num(tracker.settings.fiscalYear), num(subject.round));
};

export function buildMemo(tracker: Tracker, opts: MemoOptions): DocumentModel {
  const s = tracker.settings;
  const num = (n: number | string) => numerals(n, s.numerals);
  const label = (text: string, sizePt?: number) => ({ text, bold: true, sizePt });
  const subject = memoSubjectLine(tracker, opts.subject);
  const counts = dashboardData(tracker, opts.date).divisions.reduce(
    (a, d) => ({ done: a.done + d.total.done, inProgress: a.inProgress + d.total.in_progress }),
    { done: 0, inProgress: 0 },
  );
  const overdue = dashboardData(tracker, opts.date).overdue;
  const body =
    opts.subject.kind === 'plan'
      ? MEMO.bodyPlan(s.agencyName, num(s.fiscalYear), num(s.fiscalYear - 1), num(tracker.measures.length))
      : MEMO.bodyReport(s.agencyName, num(s.fiscalYear), num(opts.subject.round), num(tracker.measures.length));
  const indent = { indentFirstPt: 2.5 * CM };
  // the signature block sits right of centre, as memos sign
  const signature = { align: 'center' as const, indentStartPt: 7 * CM };
  return {
    title: MEMO.documentName(subject),
    page: {
      size: 'A4',
      orientation: 'portrait',
      marginsPt: { top: 1.5 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM },
    },
    font: s.reportFont || 'Sarabun',
    fontSizePt: 16,
    blocks: [
      { kind: 'image', imageId: s.garudaImageId, heightPt: 1.5 * CM, align: 'start' },
      paragraph([label(MEMO.heading, 29)], { align: 'center' }),
      paragraph([label(MEMO.unitLabel, 20), { text: ` ${s.memoUnit || MEMO.dots}` }]),
      paragraph([label(MEMO.numberLabel, 20), { text: ` ${s.memoNumberPrefix}${MEMO.dots}` }]),
      paragraph([label(MEMO.dateLabel, 20), { text: ` ${formatThaiDate(opts.date, s.numerals)}` }]),
      paragraph([label(MEMO.subjectLabel, 20), { text: ` ${subject}` }]),
      paragraph([label(MEMO.toLabel), { text: ` ${s.executiveTitle}` }], { spaceBeforePt: 6 }),
      paragraph(body, { ...indent, spaceBeforePt: 6, align: 'justify' }),
      paragraph(MEMO.counts(num(counts.done), num(counts.inProgress), num(overdue)), indent),
      // only an http(s) link is printed (a javascript: target from a hand-edited register is not)
      paragraph(isHttpUrl(opts.link.trim()) ? MEMO.link(opts.link.trim()) : MEMO.noLink, indent),
      paragraph(MEMO.proposal, { ...indent, spaceBeforePt: 6 }),
      paragraph('', { spaceBeforePt: 24 }),
      paragraph(s.proposerName || MEMO.dots, signature),
      paragraph(s.proposerPosition || MEMO.dots, signature),
      paragraph(MEMO.opinionHeading, { bold: true, spaceBeforePt: 18 }),
      paragraph(MEMO.optAcknowledge, { indentStartPt: 1 * CM }),
      paragraph(MEMO.optApprove, { indentStartPt: 1 * CM }),
      paragraph(MEMO.optOther, { indentStartPt: 1 * CM }),
      paragraph(MEMO.signatureLine, { ...signature, spaceBeforePt: 18 }),
      paragraph(`(${MEMO.dots})`, signature),
      paragraph(s.executiveTitle, signature),
      paragraph(MEMO.signatureDate, signature),
    ],
  };
}
