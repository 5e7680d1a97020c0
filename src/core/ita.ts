// Last year's ITA results analysed for the measures plan: per tool and per indicator the score, the
// gap to the pass mark, a flag for each one under it, and the measures that name the indicator (their
// column ตัวชี้วัด ITA), in the order of the assessed year's framework (IIT 1–5, EIT 6–8, OIT 9–10: the
// framework's indicator list, src/core/messages/framework.ts), and the rating by the framework's rule.
// The scores are the tab's data (the NACC revises the structure), never code: a tool's score is its own
// row when the tab has one (tool set, indicator blank), else the mean of its indicators.
import { type Framework, frameworkForYear, type Rating, rate } from './framework';
import { PLAN } from './messages/plan';
import { AREAS, type Area, type Measure, type Tracker } from './model';

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
  /** the measures whose ตัวชี้วัด ITA names this indicator, in the plan's order */
  measures: Measure[];
  /** the ITA results tab's row of it */
  row: number;
}

export interface ToolAnalysis {
  tool: Area;
  score: number;
  gap: number;
  weak: boolean;
  /** in the framework's indicator order */
  indicators: IndicatorAnalysis[];
}

export interface ItaAnalysis {
  /** the assessment year analysed (BE): the year before the plan's */
  year: number;
  /** that year's framework: its indicators give the order, its rule the rating */
  framework: Framework;
  passMark: number;
  overall: number | null;
  /** the overall score's rating by the framework's rule (null without an overall score) */
  rating: Rating | null;
  /** in the framework's order (IIT, EIT, OIT) */
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

/** The framework a plan's measures answer to: the analysed year's (its indicators are the ones scored). */
export const analysedFramework = (settings: Tracker['settings']): Framework =>
  frameworkForYear(settings, analysedYear(settings.fiscalYear));

/** Where an indicator or tool sits in the framework's order; one the framework does not list comes after, by number. */
function orderOf(f: Framework) {
  const numbers = f.indicators.map((i) => i.number);
  const tools = [...new Set(f.indicators.map((i) => i.tool)), ...AREAS];
  return {
    indicator: (n: number) => (numbers.includes(n) ? numbers.indexOf(n) : numbers.length + n),
    tool: (t: Area) => tools.indexOf(t),
  };
}

export function analyseIta(tracker: Pick<Tracker, 'itaResults' | 'settings' | 'measures'>): ItaAnalysis {
  const passMark = tracker.settings.itaPassMark;
  const year = analysedYear(tracker.settings.fiscalYear);
  const framework = analysedFramework(tracker.settings);
  const order = orderOf(framework);
  const rows = tracker.itaResults.filter((r) => r.year === year);
  const indicators: IndicatorAnalysis[] = rows
    .filter((r) => r.indicator !== null)
    .map((r) => {
      const weak = r.score < passMark;
      const n = r.indicator as number;
      return {
        tool: r.tool,
        indicator: n,
        name: r.name,
        score: r.score,
        gap: round2(r.score - passMark),
        weak,
        note: r.analysis || (weak ? PLAN.weakDefault(r.name) : ''),
        measures: tracker.measures.filter((m) => m.indicators.includes(n)),
        row: r.row,
      };
    })
    .sort((a, b) => order.indicator(a.indicator) - order.indicator(b.indicator));
  const tools: ToolAnalysis[] = [];
  for (const tool of [...AREAS].sort((a, b) => order.tool(a) - order.tool(b))) {
    const own = indicators.filter((i) => i.tool === tool);
    const toolRow = rows.find((r) => r.tool === tool && r.indicator === null);
    if (!own.length && !toolRow) continue;
    const score = toolRow ? toolRow.score : round2(own.reduce((a, i) => a + i.score, 0) / own.length);
    tools.push({ tool, score, gap: round2(score - passMark), weak: score < passMark, indicators: own });
  }
  const overall = rows.find((r) => r.tool === null && r.indicator === null)?.score ?? null;
  const rating = overall === null ? null : rate(framework, overall, tools, passMark);
  const weak = indicators.filter((i) => i.weak).sort((a, b) => a.score - b.score);
  return { year, framework, passMark, overall, rating, tools, weak };
}
