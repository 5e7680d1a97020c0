// The measures plan (มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน) as a document model: the seed's
// title block and intro, the analysis of last year's ITA results (a table of tools and indicators with
// flags, weakest first, and a line per weak indicator), then the measures by area with the seed's
// first four columns — no results column: the plan is published before anything is done.

import type { Problem } from './cell-rules';
import { cell, type DocumentModel, keepingWhole, type ParagraphBlock, paragraph, type TableBlock } from './document';
import { documentFrame, itaYearIsSample } from './document-frame';
import { documentHeading } from './framework';
import { analyseIta, type ItaAnalysis } from './ita';
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
const ANALYSIS_WEIGHTS = [28, 10, 12, 14, 36];

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

export function buildPlan(tracker: Tracker): PlanBuild {
  const s = tracker.settings;
  const num = (n: number | string): string => numerals(n, s.numerals);
  const score = (n: number): string => num(n.toFixed(2));
  const gap = (n: number): string => num(`${n > 0 ? '+' : ''}${n.toFixed(2)}`);
  const analysis = analyseIta(tracker);
  // no analysis asked for, or none to give: the plan has no analysis and no wording about one
  const withAnalysis = s.planAnalysis && analysis.tools.length > 0;
  const warnings: string[] = [];
  const place = [
    withPrefix(s.district.trim(), DISTRICT_PREFIXES),
    withPrefix(s.province.trim(), PROVINCE_PREFIXES),
  ].filter((p) => p !== '');
  const centred = (text: string, bold = false): ParagraphBlock => paragraph(text, { align: 'center', bold });
  // the title and ITA code as the year's framework says (src/core/framework.ts)
  const heading = documentHeading(s, 'plan', s.fiscalYear);
  const announcement = s.planClosing === 'announcement';
  const blocks: DocumentModel['blocks'] = [
    ...(announcement
      ? [
          centred(PLAN.announcementTitle(s.agencyName), true),
          centred(PLAN.announcementSubject(heading.title, num(s.fiscalYear)), true),
        ]
      : [centred(heading.title, true), centred(PLAN.fiscalYearLine(num(s.fiscalYear))), centred(s.agencyName)]),
    ...(place.length ? [centred(place.join(' '))] : []),
    paragraph(
      keepingWhole(
        withAnalysis
          ? PLAN.intro(num(analysis.year || s.fiscalYear - 1), s.agencyName)
          : PLAN.introNoAnalysis(s.agencyName),
        [s.agencyName],
      ),
      { indentFirstPt: 36, spaceBeforePt: 12 },
    ),
  ];

  // 1. the analysis
  if (withAnalysis) {
    blocks.push(
      paragraph(PLAN.analysisHeading(num(1), num(analysis.year || s.fiscalYear - 1)), { heading: 3, bold: true }),
    );
    if (analysis.overall !== null)
      blocks.push(
        paragraph(
          PLAN.overallLine(
            score(analysis.overall),
            num(analysis.passMark),
            analysis.overall >= analysis.passMark ? PLAN.passed : PLAN.notPassed,
          ),
        ),
      );
    const header = PLAN.analysisColumns.map((c) => cell([c]));
    const rows = analysis.tools.flatMap((t) => [
      [
        cell([PLAN.toolRow(t.tool)], { bold: true }),
        cell([score(t.score)], { bold: true, align: 'center' }),
        cell([gap(t.gap)], { bold: true, align: 'center' }),
        cell([t.weak ? PLAN.flagWeak : PLAN.flagOk], { bold: true, align: 'center' }),
        cell(['']),
      ],
      ...t.indicators.map((i) => [
        cell([PLAN.indicatorLabel(num(i.indicator), i.name)], { indentStartPt: 12 }),
        cell([score(i.score)], { align: 'center' }),
        cell([gap(i.gap)], { align: 'center' }),
        cell([i.weak ? PLAN.flagWeak : PLAN.flagOk], { align: 'center', bold: i.weak }),
        cell(i.weak ? lines(i.note) : ['']),
      ]),
    ]);
    const table: TableBlock = {
      kind: 'table',
      columnWeights: ANALYSIS_WEIGHTS,
      headerRows: 1,
      rows: [header, ...rows],
    };
    blocks.push(table);
    if (analysis.weak.length) {
      blocks.push(paragraph(PLAN.weakSummary(num(analysis.weak.length)), { spaceBeforePt: 6 }));
      for (const i of analysis.weak)
        blocks.push(
          paragraph(
            `- ${PLAN.indicatorLabel(num(i.indicator), i.name)} (${score(i.score)}): ${lines(i.note).join(' ')}`,
            {
              indentStartPt: 18,
            },
          ),
        );
    }
  }

  // 2. the measures by area, the seed's first four columns (1. when there is no analysis)
  const part = num(withAnalysis ? 2 : 1);
  blocks.push(paragraph(PLAN.measuresHeading(part), { heading: 3, bold: true, spaceBeforePt: 12 }));
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
        PLAN_COLUMNS.map((c) => cell([c])),
        ...measures.map((m) => [cell(lines(m.issue)), cell(m.steps), cell(m.responsible), cell(m.monitoring)]),
      ],
      rowIds: measures.map((m) => m.id),
    });
  }
  if (areaNo === 0) warnings.push(REPORT.warnNoMeasures);
  blocks.push(...closingBlocks(tracker));

  return {
    model: {
      title: PLAN.documentName(heading.code, s.agencyName, num(s.fiscalYear)),
      page: {
        size: 'A4',
        orientation: 'landscape',
        marginsPt: { top: PAGE.marginPt, right: PAGE.marginPt, bottom: PAGE.marginPt, left: PAGE.marginPt },
      },
      font: s.reportFont,
      fontSizePt: s.reportFontSize,
      // the example's scores in the analysis mark the plan as a sample, whatever the setting says
      ...documentFrame(s, withAnalysis && itaYearIsSample(tracker, analysis.year)),
      blocks,
    },
    analysis,
    warnings,
  };
}
