// Domain records → sheet rows, by the schema's column keys. The inverse of workbook.ts' parsing,
// so import, sync and setup all write the same cells the parser reads.
import type { Cell } from './cells';
import { WEEKDAY_LABEL } from './messages/reminder-rhythm';
import { NUMERALS_LABEL } from './messages/tabs-headers';
import type { Division, DivisionEntry, Measure, Milestone, Settings } from './model';
import { headersOf, SETTINGS, type TabSpec } from './schema';
import { wallDateFromIso } from './thai';

export type RowObject = Record<string, Cell>;

/** Cells of one record in the column order of a tab. Unknown keys are ignored, missing ones blank. */
export const rowOf = (spec: TabSpec, obj: RowObject): Cell[] =>
  spec.columns.map((c) => {
    const v = obj[c.key];
    // blank is null in every store: an empty string would be a (typed) empty text cell
    return v === undefined || v === '' ? null : v;
  });

/** Header row + one row per record. */
export const tableOf = (spec: TabSpec, objects: readonly RowObject[]): Cell[][] => [
  headersOf(spec),
  ...objects.map((o) => rowOf(spec, o)),
];

const lines = (items: readonly string[]): string => items.join('\n');
const dateCell = (iso: string | null): Cell => (iso ? wallDateFromIso(iso) : null);

export const divisionObject = (d: Division): RowObject => ({
  divisionCode: d.code,
  divisionName: d.name,
  divisionHead: d.head,
  divisionNotify: d.notifyEmails.join(', '),
  divisionEditors: d.editors.join(', '),
  divisionLine: d.lineGroup ?? '',
});

export const measureObject = (m: Measure): RowObject => ({
  measureId: m.id,
  area: m.area,
  issue: m.issue,
  steps: lines(m.steps),
  responsible: lines(m.responsible),
  monitoring: lines(m.monitoring),
  order: m.order,
  measureIndicators: m.indicators.join(', '),
});

export const milestoneObject = (m: Milestone, divisions: readonly Division[]): RowObject => ({
  milestoneId: m.id,
  milestoneMeasure: m.measureId,
  milestoneDivision: m.divisionCode ? (divisions.find((d) => d.code === m.divisionCode)?.name ?? m.divisionCode) : '',
  task: m.task,
  due: dateCell(m.due),
});

/** A division tab's row: the system's columns from the plan, the division's own cells as they were typed. */
export const entryObject = (e: DivisionEntry): RowObject => ({
  ...e.owned,
  entryKey: e.key,
  area: e.area,
  entryIssue: e.issue,
  task: e.task,
  due: dateCell(e.due),
});

/** The settings tab's rows: one per setting, in schema order, with label and help beside the value. */
export function settingsObjects(
  values: Partial<Record<keyof Settings | 'round6Due' | 'round12Due', Cell>>,
): RowObject[] {
  return SETTINGS.map((s) => ({
    settingKey: s.key,
    settingLabel: s.label,
    settingValue: (values as Record<string, Cell>)[s.key] ?? (s.defaultValue === '' ? null : s.defaultValue),
    settingHelp: s.help,
  }));
}

/** Settings as typed values for settingsObjects (dates as cells, lists joined). */
export function settingsValues(s: Settings): Record<string, Cell> {
  return {
    agencyName: s.agencyName,
    district: s.district,
    province: s.province,
    fiscalYear: s.fiscalYear || null,
    currentRound: s.currentRound,
    round6Due: dateCell(s.roundDue[6]),
    round12Due: dateCell(s.roundDue[12]),
    admins: s.admins.join(', '),
    executives: s.executives.join(', '),
    executivesLine: s.executivesLine,
    reminderOffsets: s.reminderOffsets.join(', '),
    overdueRepeatDays: s.overdueRepeatDays,
    escalateAfterDays: s.escalateAfterDays,
    numerals: NUMERALS_LABEL[s.numerals],
    reportFont: s.reportFont,
    reportFontSize: s.reportFontSize,
    reportFolderId: s.reportFolderId,
    itaItemCodes: s.itaItemCodes,
    itaFramework: s.itaFramework,
    itaCalendarDates: s.itaCalendarDates,
    divisionDigestDay: WEEKDAY_LABEL[s.divisionDigestDay],
    dueSoonDays: s.dueSoonDays,
    executiveSummaryDay: WEEKDAY_LABEL[s.executiveSummaryDay],
  };
}
