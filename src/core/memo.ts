// The proposal to the executive (บันทึกข้อความ, ระเบียบงานสารบรรณ แบบที่ 29; docs/documents.md) as a
// document model: the Garuda (1.5 cm high) at the left margin with the heading centred on its line;
// ส่วนราชการ, ที่ (at the margin) and วันที่ (from the centre) on one line, เรื่อง — each with a dotted
// leader to the margin; เรียน; the body left-aligned (no wide justification gaps); for a round's report
// one count (measures with a result in the report, and without — from the results, not the memo's
// date; a plan's memo has none); the link; the proposer's name and position, and the ความเห็นผู้บริหาร
// block kept together with its heading. No closing phrase: a memo has none. 16 pt, left margin 3 cm,
// right 2 cm (docs/domain.md).

import type { Problem } from './cell-rules';
import { a1, isHttpUrl } from './cells';
import { A4, CM, type DocumentModel, paragraph, type Run, type TabStop } from './document';
import { documentFrame } from './document-frame';
import { keepingWordsWhole } from './document-words';
import { APPROVAL, MEMO } from './messages/plan';
import { resultFor, type Tracker } from './model';
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
  /** the Garuda image's id where the runtime has its own (the CLI's --garuda file); default the setting's Drive id */
  garudaImageId?: string;
}

/**
 * The clerk's answer to "which document?" (the menu's prompt, memoQuestion in closed-documents.ts): 1 or
 * มาตรการ the plan, a round's number (of `rounds`, the rounds the framework publishes) its report, Thai
 * digits alike; null when it is none of them. The English "plan" is still understood from earlier habits,
 * never asked for.
 */
export function parseMemoChoice(answer: string, rounds: readonly Round[]): MemoSubject | null {
  const text = toArabicDigits(answer.normalize('NFC')).replace(/\s+/g, '').toLowerCase();
  if (text === '1' || text === 'มาตรการ' || text === 'มาตรการประจำปี' || text === 'plan') return { kind: 'plan' };
  const round = rounds.find((r) => String(r) === text);
  return round ? { kind: 'report', round } : null;
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

/** Measures of a round: how many the report lists, and how many of them carry a division's result. */
export function roundCounts(tracker: Tracker, round: Round): { measures: number; reported: number } {
  const reported = new Set(
    tracker.entries
      .filter((e) => e.kind === 'measure' && resultFor(e, round).trim() !== '')
      .map((e) => (e.kind === 'measure' ? e.measureId : '')),
  );
  const ids = tracker.measures.map((m) => m.id);
  return { measures: ids.length, reported: ids.filter((id) => reported.has(id)).length };
}

/** "สำนักปลัด … โทร. ๐ ๔๔๐๐ ๐๐๐๐": the phone number is one unbreakable run, the rest breaks as text. */
export function unitRuns(unit: string): Run[] {
  const m = /(โทร(?:ศัพท์)?\.?\s*[0-9๐-๙][0-9๐-๙ \-–,]*)$/.exec(unit);
  if (!m) return [{ text: unit }];
  const before = unit.slice(0, m.index);
  return [...(before ? [{ text: before }] : []), { text: m[1].trim(), noBreak: true }];
}

export function buildMemo(tracker: Tracker, opts: MemoOptions): DocumentModel {
  const s = tracker.settings;
  const num = (n: number | string) => numerals(n, s.numerals);
  const label = (text: string, sizePt = 20): Run => ({ text, bold: true, sizePt });
  const subject = memoSubjectLine(tracker, opts.subject);
  const page = {
    size: 'A4' as const,
    orientation: 'portrait' as const,
    marginsPt: { top: 1.5 * CM, right: 2 * CM, bottom: 2 * CM, left: 3 * CM },
  };
  const width = A4.widthPt - page.marginsPt.left - page.marginsPt.right;
  // ระเบียบงานสารบรรณ แบบที่ 29: dotted leaders to the right margin; ที่ at the margin, วันที่ from the centre
  const toEnd: TabStop[] = [{ atPt: width, align: 'end', leader: 'dot' }];
  const numberAndDate: TabStop[] = [
    { atPt: width / 2, align: 'start', leader: 'dot' },
    { atPt: width, align: 'end', leader: 'dot' },
  ];
  const body =
    opts.subject.kind === 'plan'
      ? MEMO.bodyPlan(s.agencyName, num(s.fiscalYear), num(s.fiscalYear - 1), num(tracker.measures.length))
      : MEMO.bodyReport(s.agencyName, num(s.fiscalYear), num(opts.subject.round), num(tracker.measures.length));
  const indent = { indentFirstPt: 2.5 * CM };
  // the report's counts, from the results themselves (not the memo's date); a plan has none
  const counts = opts.subject.kind === 'report' ? roundCounts(tracker, opts.subject.round) : null;
  // the signature blocks sit right of centre, as memos sign; each kept together on one page
  const sign = { align: 'center' as const, indentStartPt: 7 * CM, keepWithNext: true };
  const option = { indentStartPt: 1 * CM, keepWithNext: true };
  const link = opts.link.trim();
  // the agency's name and the official compounds (ส่งเสริม, ดำเนินการ …) never broken across lines
  return keepingWordsWhole(
    {
      title: MEMO.documentName(subject),
      page,
      font: s.reportFont || 'Sarabun',
      fontSizePt: 16,
      lineSpacing: 0.8,
      ...documentFrame(s),
      blocks: [
        // the Garuda, 1.5 cm high, at the left margin, and the heading centred on the same line
        paragraph(
          [
            { text: '', image: { imageId: opts.garudaImageId ?? s.garudaImageId, heightPt: 1.5 * CM } },
            label(`\t${MEMO.heading}`, 29),
          ],
          { tabStops: [{ atPt: width / 2, align: 'center' }] },
        ),
        paragraph([label(MEMO.unitLabel), { text: ' ' }, ...unitRuns(s.memoUnit), { text: '\t' }], {
          tabStops: toEnd,
        }),
        paragraph(
          [
            label(MEMO.numberLabel),
            { text: ` ${s.memoNumberPrefix}\t` },
            label(MEMO.dateLabel),
            { text: ` ${formatThaiDate(opts.date, s.numerals)}\t` },
          ],
          { tabStops: numberAndDate },
        ),
        paragraph([label(MEMO.subjectLabel), { text: ` ${subject}\t` }], { tabStops: toEnd }),
        paragraph([label(MEMO.toLabel, 16), { text: ` ${s.executiveTitle}` }], { spaceBeforePt: 6 }),
        paragraph(body, { ...indent, spaceBeforePt: 6 }),
        ...(counts
          ? [
              paragraph(
                MEMO.counts(
                  num(opts.subject.kind === 'report' ? opts.subject.round : ''),
                  num(counts.measures),
                  num(counts.reported),
                  num(counts.measures - counts.reported),
                ),
                indent,
              ),
            ]
          : []),
        // only an http(s) link is printed (a javascript: target from a hand-edited register is not)
        paragraph(isHttpUrl(link) ? MEMO.link(link) : MEMO.noLink, indent),
        paragraph(MEMO.proposal, { ...indent, spaceBeforePt: 6 }),
        paragraph(s.proposerName || MEMO.dots, { ...sign, spaceBeforePt: 24 }),
        paragraph(s.proposerPosition || MEMO.dots, { ...sign, keepWithNext: false }),
        paragraph(MEMO.opinionHeading, { bold: true, spaceBeforePt: 10, keepWithNext: true }),
        // the choices on one line, a line to write on: the block stays short enough for page one
        paragraph(`${MEMO.optAcknowledge}     ${MEMO.optApprove}     ${MEMO.optOther}\t`, {
          ...option,
          tabStops: [{ atPt: width, align: 'end', leader: 'dot' }],
        }),
        paragraph(MEMO.signatureLine, { ...sign, spaceBeforePt: 14 }),
        paragraph(`(${MEMO.dots})`, sign),
        paragraph(s.executiveTitle, sign),
        paragraph(MEMO.signatureDate, { ...sign, keepWithNext: false }),
      ],
    },
    [s.agencyName],
  );
}
