// What validate says about the year's ITA framework (src/core/framework.ts): a preset setting that names
// none, a due date typed for a round the framework does not publish (FY 2569: no 6-month round), a
// measure naming an indicator the assessed year's framework does not have, and a weak indicator of last
// year's results that no measure addresses (the plan's analysis lists the measures under each).

import type { Problem } from './cell-rules';
import { parseIndicatorNumbers, parseScore } from './cell-values';
import { a1, isBlank } from './cells';
import { frameworkOf, presetById, publishesRound } from './framework';
import { analysedFramework, analyseIta } from './ita';
import { typedMilestoneDates } from './ita-calendar';
import { FRAMEWORK, FRAMEWORK_PRESETS } from './messages/framework';
import { ITA_V } from './messages/plan';
import { ITA_RESULTS_TAB, MEASURES_TAB } from './schema';
import { readSettingsRows } from './settings-tab';
import type { ParsedWorkbook } from './workbook';

export function frameworkProblems(parsed: ParsedWorkbook): Problem[] {
  const table = parsed.tables.settings;
  if (!table.present) return [];
  const s = parsed.tracker.settings;
  const read = readSettingsRows(table);
  const valueCol = table.columnIndex.settingValue;
  const at = (key: string): string => (read[key] && valueCol >= 0 ? a1(valueCol, read[key].row) : '');
  const out: Problem[] = [];
  const warn = (key: string, code: Problem['code'], message: string) =>
    out.push({ tab: table.spec.name, cell: at(key), severity: 'warning', code, message });
  if (s.itaFramework && !presetById(s.itaFramework))
    warn(
      'itaFramework',
      'unknown-framework',
      FRAMEWORK.unknownPreset(s.itaFramework, FRAMEWORK_PRESETS.map((p) => p.id).join(', ')),
    );
  const framework = frameworkOf(s);
  for (const round of [6, 12] as const) {
    const key = round === 6 ? 'round6Due' : 'round12Due';
    if (!publishesRound(framework, round) && !isBlank(read[key]?.value ?? null))
      warn(key, 'round-not-in-framework', FRAMEWORK.dueOfUnpublishedRound(framework.label, String(round)));
  }
  if (s.itaCalendarDates)
    for (const p of typedMilestoneDates(s.itaCalendarDates, framework.calendar, s.fiscalYear).problems)
      warn('itaCalendarDates', 'ita-calendar-date', p);
  return [...out, ...indicatorProblems(parsed)];
}

const INDICATORS_HEADER = MEASURES_TAB.columns.find((c) => c.key === 'measureIndicators')?.header ?? '';

/**
 * The measures' indicators against last year's results: a number the assessed year's framework does not
 * list (at the measure's cell), and a weak indicator no measure names (at its row of the ITA results tab).
 */
export function indicatorProblems(parsed: ParsedWorkbook): Problem[] {
  const { tracker, tables } = parsed;
  const framework = analysedFramework(tracker.settings);
  const known = framework.indicators.map((i) => i.number);
  const out: Problem[] = [];
  const measuresCol = tables.measures.columnIndex.measureIndicators ?? -1;
  if (measuresCol >= 0)
    for (const r of tables.measures.rows)
      for (const n of parseIndicatorNumbers(r.cells.measureIndicators ?? null).numbers)
        if (!known.includes(n))
          out.push({
            tab: tables.measures.spec.name,
            cell: a1(measuresCol, r.row),
            severity: 'warning',
            code: 'unknown-indicator',
            message: ITA_V.unknownIndicator(String(n), String(tracker.settings.fiscalYear - 1), known.join(', ')),
          });
  const analysis = analyseIta(tracker);
  const itaCol = tables.itaResults.columnIndex.itaIndicator ?? -1;
  // a score that is no score is an error at its cell already: not read as a weak one here
  const scored = new Set(
    tables.itaResults.rows.filter((r) => parseScore(r.cells.itaScore ?? null) !== null).map((r) => r.row),
  );
  for (const i of analysis.weak)
    if (!i.measures.length && scored.has(i.row))
      out.push({
        tab: ITA_RESULTS_TAB.name,
        cell: itaCol >= 0 ? a1(itaCol, i.row) : '',
        severity: 'warning',
        code: 'weak-indicator-no-measure',
        message: (measuresCol >= 0 ? ITA_V.weakWithoutMeasure : ITA_V.weakWithoutColumn)(
          String(i.indicator),
          i.name,
          i.score.toFixed(2),
          String(analysis.passMark),
          INDICATORS_HEADER,
          MEASURES_TAB.name,
        ),
      });
  return out;
}
