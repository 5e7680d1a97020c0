// Text that reaches a document, checked where it enters: every cell of a column a report, plan or
// memo prints (the measures' text, the divisions' results, the ITA analysis, the settings a title
// block or memo shows). A cell whose text thai-text.ts would change — an extraction glitch such as
// ใ้, a mark split from its letter, a stray space inside a word — is a warning at that cell with the
// fix shown. Documents print what the cell holds: the agency corrects its own text.
import type { Problem } from './cell-rules';
import { a1, cellText } from './cells';
import { TEXT_CHECK } from './messages/document-text';
import { DOCUMENT_SETTING_V, PAGE_NUMBERS_LABEL, PLAN_CLOSING_LABEL } from './messages/plan';
import type { SettingSpec } from './schema';
import { parseChoice, readSettingsRows } from './settings-tab';
import type { Table } from './table';
import { fixThaiText, hasThai } from './thai-text';
import type { ParsedWorkbook } from './workbook';

/** Columns whose text a document prints, per fixed tab; division tabs print their results. */
const DOCUMENT_COLUMNS = {
  measures: ['issue', 'steps', 'responsible', 'monitoring'],
  itaResults: ['itaIndicatorName', 'itaAnalysis'],
  division: ['result6', 'result12'],
} as const;

/** Settings a document shows (title block, memo header and signature). */
const DOCUMENT_SETTINGS: ReadonlyArray<SettingSpec['key']> = [
  'agencyName',
  'district',
  'province',
  'executiveTitle',
  'memoUnit',
  'proposerName',
  'proposerPosition',
];

const SHOWN = 3;

/** The warning for one cell's text, or null when the text needs no fix. */
export function textProblem(tab: string, cell: string, text: string): Problem | null {
  if (!hasThai(text)) return null;
  const fix = fixThaiText(text);
  if (fix.text === text) return null;
  const unique = [...new Map(fix.changes.map((c) => [`${c[0]}→${c[1]}`, c])).values()];
  const shown = unique.slice(0, SHOWN).map(([b, a]) => TEXT_CHECK.change(b, a));
  if (unique.length > SHOWN) shown.push(TEXT_CHECK.more(unique.length - SHOWN));
  return { tab, cell, severity: 'warning', code: 'thai-text', message: TEXT_CHECK.glitch(shown.join(', ')) };
}

function tableProblems(table: Table, keys: readonly string[]): Problem[] {
  if (!table.present) return [];
  const out: Problem[] = [];
  for (const row of table.rows)
    for (const key of keys) {
      const ci = table.columnIndex[key];
      if (ci === undefined || ci < 0) continue;
      const p = textProblem(table.spec.name, a1(ci, row.row), cellText(row.cells[key]));
      if (p) out.push(p);
    }
  return out;
}

/** Settings a document reads as one of a few words: a word not understood is a warning, the default used. */
const CHOICE_SETTINGS = [
  ['planClosing', PLAN_CLOSING_LABEL, 'signature'],
  ['pageNumbers', PAGE_NUMBERS_LABEL, 'top-center'],
] as const;

/** Every document-bound cell whose text has an extraction glitch or a stray space, as warnings. */
export function documentTextProblems(parsed: ParsedWorkbook): Problem[] {
  const { tables } = parsed;
  const out: Problem[] = [];
  const st = tables.settings;
  if (st.present && st.columnIndex.settingValue >= 0) {
    const read = readSettingsRows(st);
    for (const [key, labels, fallback] of CHOICE_SETTINGS) {
      const r = read[key];
      if (!r || cellText(r.value) === '' || parseChoice<string>(labels, r.value) !== null) continue;
      const choices = Object.values(labels) as string[];
      out.push({
        tab: st.spec.name,
        cell: a1(st.columnIndex.settingValue, r.row),
        severity: 'warning',
        code: 'bad-choice',
        message: DOCUMENT_SETTING_V.badChoice(cellText(r.value), choices, (labels as Record<string, string>)[fallback]),
      });
    }
    for (const key of DOCUMENT_SETTINGS) {
      const r = read[key];
      if (!r) continue;
      const p = textProblem(st.spec.name, a1(st.columnIndex.settingValue, r.row), cellText(r.value));
      if (p) out.push(p);
    }
  }
  out.push(...tableProblems(tables.measures, DOCUMENT_COLUMNS.measures));
  out.push(...tableProblems(tables.itaResults, DOCUMENT_COLUMNS.itaResults));
  for (const table of Object.values(tables.divisionTabs)) out.push(...tableProblems(table, DOCUMENT_COLUMNS.division));
  return out;
}

/** The Thai text warnings among problems (what `report` and `plan` print before writing). */
export const textWarnings = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.code === 'thai-text');
