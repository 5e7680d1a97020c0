// Last year's ITA results analysed for the measures plan: per tool and per indicator the score, the
// gap to the pass mark, a flag for each one under it, weakest first. The indicator structure is the
// tab's data (the NACC revises it), never code: a tool's score is its own row when the tab has one
// (tool set, indicator blank), else the mean of its indicators.
import { PLAN } from './messages/plan';
import { AREAS, type Area, type Tracker } from './model';

export interface IndicatorAnalysis {
  tool: Area | null;
  indicator: number;
  name: string;
  score: number;
  /** score − pass mark: negative under it */
  gap: number;
  weak: boolean;
  /** the admin's line for a weak indicator, or a default sentence */
  note: string;
}

export interface ToolAnalysis {
  tool: Area;
  score: number;
  gap: number;
  weak: boolean;
  /** weakest first */
  indicators: IndicatorAnalysis[];
}

export interface ItaAnalysis {
  /** the assessment year analysed (BE): the year before the plan's */
  year: number;
  passMark: number;
  overall: number | null;
  /** weakest first */
  tools: ToolAnalysis[];
  /** every weak indicator, weakest first */
  weak: IndicatorAnalysis[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * The year analysed: always the one before the plan's fiscal year (issue 26, class 8: a FY 2566 plan
 * analyses 2565, never 2567). When the tab has no row for it, the analysis is empty and the plan says so.
 */
export function analysedYear(fiscalYear: number): number {
  return fiscalYear - 1;
}

export function analyseIta(tracker: Pick<Tracker, 'itaResults' | 'settings'>): ItaAnalysis {
  const passMark = tracker.settings.itaPassMark;
  const year = analysedYear(tracker.settings.fiscalYear);
  const rows = tracker.itaResults.filter((r) => r.year === year);
  const weakest = (a: { score: number }, b: { score: number }) => a.score - b.score;
  const indicators: IndicatorAnalysis[] = rows
    .filter((r) => r.indicator !== null)
    .map((r) => {
      const weak = r.score < passMark;
      return {
        tool: r.tool,
        indicator: r.indicator as number,
        name: r.name,
        score: r.score,
        gap: round2(r.score - passMark),
        weak,
        note: r.analysis || (weak ? PLAN.weakDefault(r.name) : ''),
      };
    })
    .sort(weakest);
  const tools: ToolAnalysis[] = [];
  for (const tool of AREAS) {
    const own = indicators.filter((i) => i.tool === tool);
    const toolRow = rows.find((r) => r.tool === tool && r.indicator === null);
    if (!own.length && !toolRow) continue;
    const score = toolRow ? toolRow.score : round2(own.reduce((a, i) => a + i.score, 0) / own.length);
    tools.push({ tool, score, gap: round2(score - passMark), weak: score < passMark, indicators: own });
  }
  tools.sort(weakest);
  const overall = rows.find((r) => r.tool === null && r.indicator === null)?.score ?? null;
  return { year, passMark, overall, tools, weak: indicators.filter((i) => i.weak) };
}
