// The report model: what the round's report says, in the order the official format (the seed
// report, docs/design.md §6) prints it. Built once here; the Google Doc writer, the .docx writer and the
// HTML page only lay it out, so the three cannot disagree on a word.
import { type DocumentModel, paragraph, textWidthPt } from './document';
import { type DocumentFrame, documentFrame } from './document-frame';
import { glyphsPerLine, keepingWordsWhole, WordKeeper, wholeWordsCell } from './document-words';
import { documentHeading } from './framework';
import { REPORT, REPORT_WORD } from './messages/report';
import { HEADER } from './messages/tabs-headers';
import { AREAS, type Area, type Division, type DivisionEntry, type Measure, resultFor, type Tracker } from './model';
import { MEASURES_TAB } from './schema';
import {
  DISTRICT_PREFIXES,
  formatRoundMonths,
  type Numerals,
  numerals,
  PROVINCE_PREFIXES,
  type Round,
  shortText,
} from './thai';

/** A cell's text: one string per paragraph (list items are separate paragraphs). */
export type Paragraphs = string[];

export interface ReportSection {
  area: Area;
  /** "๑. ด้าน IIT" — numbered over the areas present */
  heading: string;
  /** measure ids, one per row */
  measureIds: string[];
  /** rows × 5 cells */
  rows: Paragraphs[][];
}

export interface ReportModel {
  fiscalYear: number;
  round: Round;
  numerals: Numerals;
  /** settings' report font (Google Docs name) and size in points */
  font: string;
  fontSize: number;
  /** file name / page title */
  documentName: string;
  /** centred lines: title, fiscal year & round, agency, district & province */
  titleBlock: string[];
  heading: string;
  intro: string;
  /** the 5 column headers, the same for every section */
  columns: string[];
  sections: ReportSection[];
  /** the agency's name as the settings write it (kept on one line where it appears in running text) */
  agencyName?: string;
  /** the divisions' names, kept on one line in the table's cells (src/core/document-words.ts) */
  divisionNames?: string[];
  /** page numbers and the sample banner (src/core/document-frame.ts) */
  frame?: DocumentFrame;
}

/** Measure columns the report prints, by schema key, then the round's result column. */
const MEASURE_COLUMN_KEYS = ['issue', 'steps', 'responsible', 'monitoring'] as const;

/** The report's column headers: the schema's own measure headers plus the result column. */
export const REPORT_COLUMNS: readonly string[] = [
  ...MEASURE_COLUMN_KEYS.map((k) => (MEASURES_TAB.columns.find((c) => c.key === k) ?? { header: HEADER[k] }).header),
  REPORT_WORD.resultHeader,
];

/** Relative column widths (issue, steps, responsible, monitoring, result), shared by every layout. */
export const COLUMN_WEIGHTS: readonly number[] = [16, 25, 13, 25, 21];

/** Landscape A4 in points, with the margins every layout uses. */
export const PAGE = { widthPt: 841.89, heightPt: 595.28, marginPt: 42.52 } as const;

/** A cell's text as paragraphs: one per non-blank line (the report and the plan print cells this way). */
export const lines = (text: string): Paragraphs =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** "เมืองนครราชสีมา" → "อำเภอเมืองนครราชสีมา": the first prefix, unless the agency already wrote one. */
export const withPrefix = (text: string, prefixes: readonly string[]): string =>
  text === '' || prefixes.some((p) => text.startsWith(p)) ? text : prefixes[0] + text;

/** Each measure's rows in the division tabs, in tab order: read once for every measure's result cell. */
function measureEntries(tracker: Tracker): Map<string, DivisionEntry[]> {
  const byMeasure = new Map<string, DivisionEntry[]>();
  for (const e of tracker.entries) {
    if (e.kind !== 'measure') continue;
    const list = byMeasure.get(e.measureId);
    if (list) list.push(e);
    else byMeasure.set(e.measureId, [e]);
  }
  return byMeasure;
}

/** The result cell of one measure (its division rows: `entries`), and what to warn about. */
function resultCell(
  tracker: Tracker,
  measure: Measure,
  entries: readonly DivisionEntry[],
  round: Round,
  roundText: string,
): { cell: Paragraphs; warnings: string[] } {
  const byDivision = new Map<string, string>();
  for (const e of entries) {
    const text = resultFor(e, round).trim();
    if (text !== '' && !byDivision.has(e.divisionCode)) byDivision.set(e.divisionCode, text);
  }
  const label = REPORT.measureLabel(measure.id, shortText(measure.issue.replace(/\s+/g, ' '), 40));
  // responsible divisions first, in the order the measure names them, then any other that reported
  const order = [
    ...measure.responsibleCodes,
    ...tracker.divisions.map((d) => d.code).filter((c) => !measure.responsibleCodes.includes(c)),
  ];
  const reported = order.filter((c) => byDivision.has(c));
  const nameOf = (code: string): string => tracker.divisions.find((d: Division) => d.code === code)?.name || code;
  if (reported.length === 0) return { cell: [REPORT.noResult], warnings: [REPORT.warnNoResult(label, roundText)] };
  const warnings = measure.responsibleCodes
    .filter((c) => !byDivision.has(c))
    .map((c) => REPORT.warnDivisionMissing(nameOf(c), label, roundText));
  if (reported.length === 1) return { cell: lines(byDivision.get(reported[0]) as string), warnings };
  // several: each division's text, its first paragraph prefixed with the division's name
  const cell = reported.flatMap((c) => {
    const [first, ...rest] = lines(byDivision.get(c) as string);
    return [REPORT.divisionResult(nameOf(c), first), ...rest];
  });
  return { cell, warnings };
}

/** The report of one round (default: the settings' current round) and the warnings to show the user. */
export function buildReport(tracker: Tracker, round?: Round): { model: ReportModel; warnings: string[] } {
  const s = tracker.settings;
  const r: Round = round ?? s.currentRound;
  const num = (n: number | string): string => numerals(n, s.numerals);
  const fy = num(s.fiscalYear);
  const roundText = num(r);
  const place = [
    withPrefix(s.district.trim(), DISTRICT_PREFIXES),
    withPrefix(s.province.trim(), PROVINCE_PREFIXES),
  ].filter((p) => p !== '');
  // the title and ITA code as the year's framework says (src/core/framework.ts)
  const heading = documentHeading(s, 'report', s.fiscalYear, r);
  const titleBlock = [
    heading.title,
    REPORT.roundLine(fy, roundText, formatRoundMonths(s.fiscalYear, r, s.numerals)),
    s.agencyName,
    ...(place.length ? [place.join(' ')] : []),
  ].filter((l) => l !== '');

  const warnings: string[] = [];
  const sections: ReportSection[] = [];
  const entries = measureEntries(tracker);
  for (const area of AREAS) {
    const measures = tracker.measures.filter((m) => m.area === area).sort((a, b) => a.order - b.order);
    if (measures.length === 0) continue;
    const rows = measures.map((m) => {
      const result = resultCell(tracker, m, entries.get(m.id) ?? [], r, roundText);
      warnings.push(...result.warnings);
      return [lines(m.issue), m.steps.slice(), m.responsible.slice(), m.monitoring.slice(), result.cell];
    });
    sections.push({
      area,
      heading: REPORT.areaHeading(num(sections.length + 1), area),
      measureIds: measures.map((m) => m.id),
      rows,
    });
  }
  if (sections.length === 0) warnings.push(REPORT.warnNoMeasures);

  return {
    model: {
      fiscalYear: s.fiscalYear,
      round: r,
      numerals: s.numerals,
      font: s.reportFont,
      fontSize: s.reportFontSize,
      documentName: REPORT.documentName(heading.code, s.agencyName, fy, roundText),
      titleBlock,
      heading: REPORT.heading(s.agencyName, fy),
      intro: REPORT.intro(num(s.fiscalYear - 1), s.agencyName),
      columns: REPORT_COLUMNS.slice(),
      sections,
      agencyName: s.agencyName,
      divisionNames: tracker.divisions.map((d) => d.name),
      frame: documentFrame(s),
    },
    warnings,
  };
}

/**
 * The report's text in reading order, one string per paragraph: title block, heading, intro, then per
 * section its heading, the header row's five cells and every row's cells' paragraphs. Tests compare
 * it with the seed; the CLI could print it.
 */
export function reportParagraphs(model: ReportModel): string[] {
  const out = [...model.titleBlock, model.heading, model.intro];
  for (const section of model.sections) {
    out.push(section.heading, ...model.columns);
    for (const row of section.rows) for (const cell of row) out.push(...cell);
  }
  return out;
}

/**
 * The report as a document model (src/core/document.ts), which every writer renders: the title block
 * centred (its first line bold), the heading centred and bold, the intro with a first-line indent, then
 * per area its heading and one table whose header row repeats on every page. Landscape A4.
 */
export function reportDocument(model: ReportModel): DocumentModel {
  const m = PAGE.marginPt;
  // names and compounds never broken across a cell's lines
  const names = [model.agencyName ?? '', ...(model.divisionNames ?? [])];
  const page = { size: 'A4', orientation: 'landscape', marginsPt: { top: m, right: m, bottom: m, left: m } } as const;
  const fit = glyphsPerLine(textWidthPt(page), COLUMN_WEIGHTS, model.fontSize);
  const keepers = fit.map((f) => new WordKeeper(names, f));
  const whole = (texts: readonly string[], c: number) => wholeWordsCell(texts, keepers[c]);
  // outside the tables too: the agency's name and the known compounds never broken across lines
  return keepingWordsWhole(
    {
      title: model.documentName,
      page,
      font: model.font,
      fontSizePt: model.fontSize,
      ...(model.frame ?? {}),
      blocks: [
        ...model.titleBlock.map((l, i) => paragraph(l, { align: 'center', bold: i === 0 })),
        paragraph(model.heading, { heading: 2, align: 'center', bold: true, spaceBeforePt: 12 }),
        paragraph(model.intro, { indentFirstPt: 36 }),
        ...model.sections.flatMap((s) => [
          paragraph(s.heading, { heading: 3, bold: true }),
          {
            kind: 'table' as const,
            columnWeights: COLUMN_WEIGHTS.slice(),
            headerRows: 1,
            rows: [model.columns.map((c, i) => whole([c], i)), ...s.rows.map((row) => row.map((c, i) => whole(c, i)))],
            rowIds: s.measureIds.slice(),
          },
        ]),
      ],
    },
    names,
  );
}
