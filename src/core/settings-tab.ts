// The settings tab (ตั้งค่า) read as key/value rows into Settings, each blank falling back to its
// schema default; validate.ts reports the rows these readers pass over.

import { parseRound, parseScore, parseYesNo } from './cell-values';
import { type Cell, cellDate, cellInteger, cellList, cellText, isBlank, nameText } from './cells';
import { frameworkOf, publishesRound, roundOfFramework } from './framework';
import { PAGE_NUMBERS_LABEL, PLAN_CLOSING_LABEL } from './messages/plan';
import { NUMERALS_LABEL } from './messages/tabs-headers';
import type { Settings } from './model';
import { SETTINGS, type SettingSpec } from './schema';
import type { Table } from './table';
import { toArabicDigits } from './thai';
import { parseWeekday } from './working-days';

// ---------------------------------------------------------------- settings

export type SettingsRead = Record<string, { row: number; value: Cell }>;

export function readSettingsRows(table: Table): SettingsRead {
  const out: SettingsRead = {};
  for (const r of table.rows) {
    const key = nameText(r.cells.settingKey);
    if (key && !(key in out)) out[key] = { row: r.row, value: r.cells.settingValue };
  }
  return out;
}

/** Reminder offsets "14, 7, 1", Thai digits read as the same numbers. */
export function parseOffsets(c: Cell): number[] | null {
  const parts = cellList(typeof c === 'number' ? String(c) : typeof c === 'string' ? toArabicDigits(c) : c).map((p) =>
    p.replace(/\s+/g, ''),
  );
  if (parts.some((p) => !/^\d+$/.test(p))) return null;
  return [...new Set(parts.map(Number))].sort((a, b) => b - a);
}

export function parseNumerals(c: Cell): 'thai' | 'arabic' | null {
  const t = cellText(c);
  if (t === '' || t === NUMERALS_LABEL.thai || t === 'thai') return 'thai';
  if (t === NUMERALS_LABEL.arabic || t === 'arabic') return 'arabic';
  return null;
}

/** A setting that takes one of a few Thai words: the key of the word typed (spaces ignored); null when none. */
export function parseChoice<K extends string>(labels: Readonly<Record<K, string>>, c: Cell): K | null {
  const text = nameText(c).replace(/\s+/g, '');
  if (text === '') return null;
  return (Object.keys(labels) as K[]).find((k) => labels[k] === text) ?? null;
}

const settingValue = (read: SettingsRead, spec: SettingSpec): Cell => {
  const v = read[spec.key]?.value;
  return isBlank(v) ? spec.defaultValue : (v as Cell);
};

export function parseSettings(table: Table): Settings {
  const read = readSettingsRows(table);
  const get = (key: SettingSpec['key']) => settingValue(read, SETTINGS.find((s) => s.key === key) as SettingSpec);
  const int = (key: SettingSpec['key'], fallback: number) => {
    const v = get(key);
    return cellInteger(typeof v === 'string' ? toArabicDigits(v) : v) ?? fallback;
  };
  const fiscalYear = int('fiscalYear', 0);
  const itaFramework = cellText(get('itaFramework'));
  // a round the year's framework does not publish is read as its first (FY 2569: 12 only)
  const framework = frameworkOf({ fiscalYear, itaFramework });
  return {
    agencyName: cellText(get('agencyName')),
    district: cellText(get('district')),
    province: cellText(get('province')),
    fiscalYear,
    currentRound: roundOfFramework(framework, parseRound(get('currentRound')) ?? framework.rounds[0]),
    // a round the framework does not publish has no due date (FY 2569: no 6-month round anywhere)
    roundDue: {
      6: publishesRound(framework, 6) ? cellDate(get('round6Due')) : null,
      12: publishesRound(framework, 12) ? cellDate(get('round12Due')) : null,
    },
    admins: cellList(get('admins')),
    executives: cellList(get('executives')),
    executivesLine: cellText(get('executivesLine')),
    reminderOffsets: parseOffsets(get('reminderOffsets')) ?? [14, 7, 1],
    overdueRepeatDays: Math.max(1, int('overdueRepeatDays', 7)),
    escalateAfterDays: Math.max(0, int('escalateAfterDays', 7)),
    numerals: parseNumerals(get('numerals')) ?? 'thai',
    reportFont: cellText(get('reportFont')) || 'Sarabun',
    reportFontSize: int('reportFontSize', 16),
    reportFolderId: cellText(get('reportFolderId')),
    itaItemCodes: cellText(get('itaItemCodes')),
    itaFramework,
    itaCalendarDates: cellText(get('itaCalendarDates')),
    divisionDigestDay: parseWeekday(cellText(get('divisionDigestDay'))) ?? 1,
    dueSoonDays: Math.min(14, Math.max(1, int('dueSoonDays', 7))),
    executiveSummaryDay: parseWeekday(cellText(get('executiveSummaryDay'))) ?? 1,
    itaPassMark: parseScore(get('itaPassMark')) ?? 85,
    executiveTitle: cellText(get('executiveTitle')),
    memoUnit: cellText(get('memoUnit')),
    memoNumberPrefix: cellText(get('memoNumberPrefix')),
    proposerName: cellText(get('proposerName')),
    proposerPosition: cellText(get('proposerPosition')),
    garudaImageId: cellText(get('garudaImageId')),
    publishAfterApproval: parseYesNo(get('publishAfterApproval')) ?? false,
    planAnalysis: parseYesNo(get('planAnalysis')) ?? true,
    executiveName: cellText(get('executiveName')),
    planClosing: parseChoice(PLAN_CLOSING_LABEL, get('planClosing')) ?? 'signature',
    pageNumbers: parseChoice(PAGE_NUMBERS_LABEL, get('pageNumbers')) ?? 'top-center',
    sampleData: parseYesNo(get('sampleData')) ?? false,
  };
}
