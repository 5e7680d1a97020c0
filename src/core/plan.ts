// The measures plan (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) as a document model: the seed's
// title block and intro, the analysis of last year's ITA results (the overall score and its rating by the
// framework's rule, a table of tools and indicators in the framework's order — IIT 1–5, EIT 6–8, OIT 9–10 —
// with the gap, a flag and the measures that address each, then a line per weak indicator, weakest
// first), the measures by area with the seed's first four columns — no results column: the plan is
// published before anything is done — and the signature block. buildPlan puts the parts together.

import type { Problem } from './cell-rules';
import { cell, type DocumentModel, type ParagraphBlock, paragraph, type TableBlock, textWidthPt } from './document';
import { documentFrame, itaYearIsSample } from './document-frame';
import { glyphsPerLine, keepingWordsWhole, WordKeeper, wholeWordsCell } from './document-words';
import { type DocumentHeading, documentHeading } from './framework';
import { analyseIta, type IndicatorAnalysis, type ItaAnalysis } from './ita';
import { FRAMEWORK } from './messages/framework';
import { MEMO, PLAN, PLAN_V } from './messages/plan';
import { REPORT } from './messages/report';
import type { Tracker } from './model';
import { AREAS } from './model';
import { COLUMN_WEIGHTS, lines, PAGE, REPORT_COLUMNS, withPrefix } from './report';
import { ITA_RESULTS_TAB, SETTINGS, type SettingSpec } from './schema';
import { DISTRICT_PREFIXES, numerals, PROVINCE_PREFIXES } from './thai';
import type { ParsedWorkbook } from './workbook';

/** The plan's measure columns: the report's first four. */
export const PLAN_COLUMNS: readonly string[] = REPORT_COLUMNS.slice(0, 4);
const PLAN_WEIGHTS = COLUMN_WEIGHTS.slice(0, 4);
const PLAN_PAGE = {
  size: 'A4',
  orientation: 'landscape',
  marginsPt: { top: PAGE.marginPt, right: PAGE.marginPt, bottom: PAGE.marginPt, left: PAGE.marginPt },
} as const;

/** What keeps a table cell's names whole (src/core/document-words.ts): the agency's and divisions' names, the size. */
interface CellWords {
  names: readonly string[];
  sizePt: number;
}
const cellWords = (tracker: Tracker): CellWords => ({
  names: [tracker.settings.agencyName, ...tracker.divisions.map((d) => d.name)],
  sizePt: tracker.settings.reportFontSize,
});
const ANALYSIS_WEIGHTS = [22, 8, 9, 9, 26, 26];

export interface PlanBuild {
  model: DocumentModel;
  analysis: ItaAnalysis;
  warnings: string[];
}

/**
 * Why the plan cannot be written: its analysis is asked for (the setting มาตรการมีผลวิเคราะห์ ITA,
 * default ใช่) and the ITA results tab has no scores. A plan never prints a system message instead.
 */
export function planProblems(parsed: ParsedWorkbook): Problem[] {
  const { tracker } = parsed;
  if (!tracker.settings.planAnalysis || analyseIta(tracker).tools.length > 0) return [];
  const spec = SETTINGS.find((s) => s.key === 'planAnalysis') as SettingSpec;
  return [
    {
      tab: ITA_RESULTS_TAB.name,
      cell: '',
      severity: 'error',
      code: 'no-ita-scores',
      message: PLAN_V.noScores(ITA_RESULTS_TAB.name, String(tracker.settings.fiscalYear - 1), spec.label),
    },
  ];
}

/**
 * How the plan ends, kept on one page together: the executive's signature block (ลงชื่อ, the name in
 * brackets, the position, the date to write in), or with ท้ายมาตรการประจำปี = ประกาศ the ประกาศ ณ วันที่
 * line above it. Right of centre, as official documents sign.
 */
function closingBlocks(tracker: Tracker): ParagraphBlock[] {
  const s = tracker.settings;
  const sign = { align: 'center' as const, indentStartPt: 300, keepWithNext: true };
  const name = s.executiveName.trim();
  const bracketed = name === '' ? PLAN.nameDots : /^\(.*\)$/.test(name) ? name : `(${name})`;
  const lines: ParagraphBlock[] = [];
  if (s.planClosing === 'announcement')
    lines.push(paragraph(PLAN.announcementDate, { ...sign, indentStartPt: 0, spaceBeforePt: 24 }));
  lines.push(
    paragraph(PLAN.signatureLine, { ...sign, spaceBeforePt: 36 }),
    paragraph(bracketed, sign),
    paragraph(s.executiveTitle || MEMO.dots, { ...sign, keepWithNext: s.planClosing !== 'announcement' }),
  );
  if (s.planClosing !== 'announcement') lines.push(paragraph(PLAN.signatureDate, { ...sign, keepWithNext: false }));
  else lines[lines.length - 1].style.keepWithNext = false;
  return lines;
}

/** Numbers as the settings print them: plain, a score (2 decimals), a gap (signed). */
interface Numbering {
  num(n: number | string): string;
  score(n: number): string;
  gap(n: number): string;
}

const numbering = (s: Tracker['settings']): Numbering => {
  const num = (n: number | string): string => numerals(n, s.numerals);
  return {
    num,
    score: (n) => num(n.toFixed(2)),
    gap: (n) => num(`${n > 0 ? '+' : ''}${n.toFixed(2)}`),
  };
};

/** The title block (or the ประกาศ form's) and the intro, which speaks of the analysis only when there is one. */
function titleBlocks(
  tracker: Tracker,
  heading: DocumentHeading,
  analysedYear: number | null,
  { num }: Numbering,
): ParagraphBlock[] {
  const s = tracker.settings;
  const place = [
    withPrefix(s.district.trim(), DISTRICT_PREFIXES),
    withPrefix(s.province.trim(), PROVINCE_PREFIXES),
  ].filter((p) => p !== '');
  const centred = (text: string, bold = false): ParagraphBlock => paragraph(text, { align: 'center', bold });
  return [
    ...(s.planClosing === 'announcement'
      ? [
          centred(PLAN.announcementTitle(s.agencyName), true),
          centred(PLAN.announcementSubject(heading.title, num(s.fiscalYear)), true),
        ]
      : [centred(heading.title, true), centred(PLAN.fiscalYearLine(num(s.fiscalYear))), centred(s.agencyName)]),
    ...(place.length ? [centred(place.join(' '))] : []),
    paragraph(
      analysedYear !== null ? PLAN.intro(num(analysedYear), s.agencyName) : PLAN.introNoAnalysis(s.agencyName),
      { indentFirstPt: 36, spaceBeforePt: 12 },
    ),
  ];
}

/** The overall score, its rating by the analysed year's rule, and the rule itself (the framework's data). */
function overallBlocks(analysis: ItaAnalysis, { num, score }: Numbering): ParagraphBlock[] {
  if (analysis.overall === null) return [];
  const pass = num(analysis.passMark);
  const out = [
    paragraph(
      PLAN.overallLine(
        score(analysis.overall),
        pass,
        analysis.overall >= analysis.passMark ? PLAN.passed : PLAN.notPassed,
      ),
    ),
  ];
  const r = analysis.rating;
  if (r?.band)
    out.push(
      paragraph(
        r.capping.length
          ? FRAMEWORK.ratingCapped(r.band, r.capping.join(', '), pass, r.rating)
          : FRAMEWORK.rating(r.rating),
      ),
    );
  if (analysis.framework.toolBelowPassCap)
    out.push(paragraph(FRAMEWORK.ratingRule(pass, analysis.framework.toolBelowPassCap)));
  return out;
}

/** The measures that address an indicator, by the issue the measures' table prints; a weak one with none: a dash. */
const addressedBy = (i: IndicatorAnalysis): string[] =>
  i.measures.length ? i.measures.map((m) => `- ${lines(m.issue).join(' ')}`) : i.weak ? [PLAN.noMeasure] : [''];

/** The analysis table: a row per tool, then its indicators, in the framework's order. */
function analysisTable(analysis: ItaAnalysis, { num, score, gap }: Numbering, words: CellWords): TableBlock {
  // names and compounds never broken across a cell's lines
  const { names } = words;
  const fit = glyphsPerLine(textWidthPt(PLAN_PAGE), ANALYSIS_WEIGHTS, words.sizePt);
  const keepers = fit.map((f) => new WordKeeper(names, f));
  const whole = (texts: readonly string[], c: number, style = {}) => wholeWordsCell(texts, keepers[c], style);
  const header = PLAN.analysisColumns.map((c, i) => whole([c], i));
  const rows = analysis.tools.flatMap((t) => [
    [
      cell([PLAN.toolRow(t.tool)], { bold: true }),
      cell([score(t.score)], { bold: true, align: 'center' }),
      cell([gap(t.gap)], { bold: true, align: 'center' }),
      cell([t.weak ? PLAN.flagWeak : PLAN.flagOk], { bold: true, align: 'center' }),
      cell(['']),
      cell(['']),
    ],
    ...t.indicators.map((i) => [
      whole([PLAN.indicatorLabel(num(i.indicator), i.name)], 0, { indentStartPt: 12 }),
      cell([score(i.score)], { align: 'center' }),
      cell([gap(i.gap)], { align: 'center' }),
      cell([i.weak ? PLAN.flagWeak : PLAN.flagOk], { align: 'center', bold: i.weak }),
      whole(i.weak ? lines(i.note) : [''], 4),
      whole(addressedBy(i), 5),
    ]),
  ]);
  return { kind: 'table', columnWeights: ANALYSIS_WEIGHTS, headerRows: 1, rows: [header, ...rows] };
}

/** 1. the analysis: heading, overall and rating, the table, then the weak indicators weakest first. */
function analysisBlocks(analysis: ItaAnalysis, n: Numbering, words: CellWords): DocumentModel['blocks'] {
  const blocks: DocumentModel['blocks'] = [
    paragraph(PLAN.analysisHeading(n.num(1), n.num(analysis.year)), { heading: 3, bold: true }),
    ...overallBlocks(analysis, n),
    analysisTable(analysis, n, words),
  ];
  if (analysis.weak.length) {
    blocks.push(paragraph(PLAN.weakSummary(n.num(analysis.weak.length)), { spaceBeforePt: 6 }));
    for (const i of analysis.weak)
      blocks.push(
        paragraph(
          `- ${PLAN.indicatorLabel(n.num(i.indicator), i.name)} (${n.score(i.score)}): ${lines(i.note).join(' ')}`,
          {
            indentStartPt: 18,
          },
        ),
      );
  }
  return blocks;
}

/** The measures by area under the part's number, the seed's first four columns. */
function measureBlocks(tracker: Tracker, part: string, { num }: Numbering): DocumentModel['blocks'] {
  const blocks: DocumentModel['blocks'] = [
    paragraph(PLAN.measuresHeading(part), { heading: 3, bold: true, spaceBeforePt: 12 }),
  ];
  // names and compounds never broken across a cell's lines
  const { names, sizePt } = cellWords(tracker);
  const fit = glyphsPerLine(textWidthPt(PLAN_PAGE), PLAN_WEIGHTS, sizePt);
  const keepers = fit.map((f) => new WordKeeper(names, f));
  const whole = (texts: readonly string[], c: number) => wholeWordsCell(texts, keepers[c]);
  let areaNo = 0;
  for (const area of AREAS) {
    const measures = tracker.measures.filter((m) => m.area === area).sort((a, b) => a.order - b.order);
    if (!measures.length) continue;
    areaNo++;
    blocks.push(paragraph(REPORT.areaHeading(`${part}.${num(areaNo)}`, area), { heading: 3, bold: true }));
    blocks.push({
      kind: 'table',
      columnWeights: PLAN_WEIGHTS,
      headerRows: 1,
      rows: [
        PLAN_COLUMNS.map((c, i) => whole([c], i)),
        ...measures.map((m) => [
          whole(lines(m.issue), 0),
          whole(m.steps, 1),
          whole(m.responsible, 2),
          whole(m.monitoring, 3),
        ]),
      ],
      rowIds: measures.map((m) => m.id),
    });
  }
  return blocks;
}

export function buildPlan(tracker: Tracker): PlanBuild {
  const s = tracker.settings;
  const n = numbering(s);
  const analysis = analyseIta(tracker);
  // no analysis asked for, or none to give: the plan has no analysis and no wording about one
  const withAnalysis = s.planAnalysis && analysis.tools.length > 0;
  // the title and ITA code as the year's framework says (src/core/framework.ts)
  const heading = documentHeading(s, 'plan', s.fiscalYear);
  const measures = measureBlocks(tracker, n.num(withAnalysis ? 2 : 1), n);
  const warnings = measures.length > 1 ? [] : [REPORT.warnNoMeasures];
  const blocks: DocumentModel['blocks'] = [
    ...titleBlocks(tracker, heading, withAnalysis ? analysis.year : null, n),
    ...(withAnalysis ? analysisBlocks(analysis, n, cellWords(tracker)) : []),
    ...measures,
    ...closingBlocks(tracker),
  ];
  return {
    // outside the tables too: the agency's name and the known compounds never broken across lines
    model: keepingWordsWhole(
      {
        title: PLAN.documentName(heading.code, s.agencyName, n.num(s.fiscalYear)),
        page: { ...PLAN_PAGE, marginsPt: { ...PLAN_PAGE.marginsPt } },
        font: s.reportFont,
        fontSizePt: s.reportFontSize,
        // the example's scores in the analysis mark the plan as a sample, whatever the setting says
        ...documentFrame(s, withAnalysis && itaYearIsSample(tracker, analysis.year)),
        blocks,
      },
      cellWords(tracker).names,
    ),
    analysis,
    warnings,
  };
}
