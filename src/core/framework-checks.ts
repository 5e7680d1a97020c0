// What validate says about the year's ITA framework (src/core/framework.ts): a preset setting that names
// none, and a due date typed for a round the framework does not publish (FY 2569: no 6-month round).

import type { Problem } from './cell-rules';
import { a1, isBlank } from './cells';
import { frameworkOf, presetById, publishesRound } from './framework';
import { FRAMEWORK, FRAMEWORK_PRESETS } from './messages/framework';
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
  return out;
}
