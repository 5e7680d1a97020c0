// The one schema: tab names, headers, column types, required cells and who edits them.
// It drives sheet setup (headers, widths, validation, protections), parsing, import,
// validation and the report's columns, in both runtimes. Columns are found by header text,
// so a user who moves a column breaks nothing.

import { PAGE_NUMBERS_LABEL, PLAN_CLOSING_LABEL, YES_NO } from './messages/plan';
import { WEEKDAY_LABEL } from './messages/reminder-rhythm';
import { HEADER, NUMERALS_LABEL, SETTING_LABEL, TAB } from './messages/tabs-headers';

export type ColumnType =
  | 'text' // one line of text
  | 'multiline' // lines of text (list items one per line)
  | 'id' // IIT-01, MS-03 …: letters, digits, dash
  | 'area' // IIT | EIT | OIT
  | 'status' // ยังไม่ดำเนินการ | อยู่ระหว่างดำเนินการ | ดำเนินการแล้ว
  | 'round' // 6 | 12
  | 'date' // a real date cell
  | 'datetime' // a real date-time cell
  | 'url' // http(s) link
  | 'emails' // e-mail addresses, comma or newline separated
  | 'divisions' // division names (or codes), one per line
  | 'division' // one division code or name
  | 'integer'
  | 'score' // 0–100, decimals allowed, Thai digits read as Arabic
  | 'beYear' // a year in the Buddhist era (Thai digits read as Arabic)
  | 'number' // a whole number ≥ 1, Thai digits read as Arabic (ITA indicator numbers)
  | 'indicators' // ITA indicator numbers a measure addresses ("4, 10"), comma or newline separated
  | 'json';

/** who may change a column: admins only, the division the tab belongs to (and admins), or the system alone */
export type Editor = 'admin' | 'division' | 'system';

export interface ColumnSpec {
  key: string;
  header: string;
  type: ColumnType;
  required: boolean;
  editor: Editor;
  /** pixels, for setup */
  width: number;
  /** a column added after sheets were made: a tab without it is read as blank there, not refused */
  optional?: boolean;
}

export type TabKey =
  | 'settings'
  | 'divisions'
  | 'measures'
  | 'milestones'
  | 'dashboard'
  | 'reports'
  | 'emailLog'
  | 'archive'
  | 'holidays'
  | 'roundSnapshot'
  | 'roundLog'
  | 'itaResults';

export interface TabSpec {
  key: TabKey | 'division';
  /** the sheet's name; for division tabs it is the division's name */
  name: string;
  columns: ColumnSpec[];
}

const col = (
  key: keyof typeof HEADER,
  type: ColumnType,
  opts: { required?: boolean; editor?: Editor; width?: number; optional?: boolean } = {},
): ColumnSpec => ({
  key,
  header: HEADER[key],
  type,
  required: opts.required ?? false,
  editor: opts.editor ?? 'admin',
  width: opts.width ?? (type === 'multiline' ? 320 : 140),
  ...(opts.optional ? { optional: true } : {}),
});

export const SETTINGS_TAB: TabSpec = {
  key: 'settings',
  name: TAB.settings,
  columns: [
    col('settingKey', 'id', { required: true, width: 150 }),
    col('settingLabel', 'text', { width: 260 }),
    col('settingValue', 'text', { width: 320 }),
    col('settingHelp', 'text', { width: 320 }),
  ],
};

export const DIVISIONS_TAB: TabSpec = {
  key: 'divisions',
  name: TAB.divisions,
  columns: [
    col('divisionCode', 'id', { required: true, width: 110 }),
    col('divisionName', 'text', { required: true, width: 200 }),
    col('divisionHead', 'text', { width: 200 }),
    col('divisionNotify', 'emails', { width: 260 }),
    col('divisionEditors', 'emails', { width: 260 }),
    // the paired LINE group (a groupId written by pairing, docs/line.md); empty: e-mail only
    col('divisionLine', 'text', { width: 200 }),
  ],
};

export const MEASURES_TAB: TabSpec = {
  key: 'measures',
  name: TAB.measures,
  columns: [
    col('measureId', 'id', { required: true, width: 90 }),
    col('area', 'area', { required: true, width: 70 }),
    col('issue', 'multiline', { required: true, width: 240 }),
    col('steps', 'multiline', { required: true, width: 360 }),
    col('responsible', 'divisions', { required: true, width: 160 }),
    col('monitoring', 'multiline', { required: true, width: 360 }),
    col('order', 'integer', { width: 70 }),
    // the ITA indicator(s) of last year's assessment the measure addresses (issue 23): the plan's analysis
    // lists the measures under each indicator; a weak indicator no measure names is a validation warning
    col('measureIndicators', 'indicators', { width: 110, optional: true }),
  ],
};

export const MILESTONES_TAB: TabSpec = {
  key: 'milestones',
  name: TAB.milestones,
  columns: [
    col('milestoneId', 'id', { required: true, width: 110 }),
    col('milestoneMeasure', 'id', { required: true, width: 110 }),
    col('milestoneDivision', 'division', { width: 200 }),
    col('task', 'multiline', { required: true, width: 360 }),
    col('due', 'date', { required: true, width: 120 }),
  ],
};

/**
 * Columns of every division's tab. Division staff edit only the 'division' columns. A new column is
 * one line here (and its header in messages): parsing, writing, sync, protections, onEdit stamps and
 * validation all follow from this list (tests/sync.test.ts adds one to prove it).
 */
export const DIVISION_TAB_COLUMNS: ColumnSpec[] = [
  col('entryKey', 'id', { required: true, editor: 'system', width: 90 }),
  col('area', 'area', { editor: 'system', width: 60 }),
  col('entryIssue', 'multiline', { editor: 'system', width: 240 }),
  col('task', 'multiline', { editor: 'system', width: 260 }),
  col('due', 'date', { editor: 'system', width: 110 }),
  col('status', 'status', { required: true, editor: 'division', width: 150 }),
  col('result6', 'multiline', { editor: 'division', width: 320 }),
  col('result12', 'multiline', { editor: 'division', width: 320 }),
  col('evidenceUrl', 'url', { editor: 'division', width: 220 }),
  col('updatedAt', 'datetime', { editor: 'system', width: 140 }),
  col('updatedBy', 'text', { editor: 'system', width: 180 }),
];

/** The stamps onEdit writes on a division's row whenever its staff change one of their columns. */
export const DIVISION_STAMP_KEYS: readonly string[] = ['updatedAt', 'updatedBy'];

/**
 * THE list of a division row's own values: every 'division' column, then the stamps of its edits.
 * Sync keeps them through every re-sync (and archives them), the division's editors may write them,
 * a change in one of them (stamps aside) stamps the row. Read from DIVISION_TAB_COLUMNS at each call,
 * so a column added there is owned everywhere at once.
 */
export const divisionOwnedColumns = (): ColumnSpec[] =>
  DIVISION_TAB_COLUMNS.filter((c) => c.editor === 'division' || DIVISION_STAMP_KEYS.includes(c.key));

export const divisionOwnedKeys = (): string[] => divisionOwnedColumns().map((c) => c.key);

export const divisionTab = (divisionName: string): TabSpec => ({
  key: 'division',
  name: divisionName,
  columns: DIVISION_TAB_COLUMNS,
});

export const REPORTS_TAB: TabSpec = {
  key: 'reports',
  name: TAB.reports,
  columns: [
    col('fiscalYear', 'integer', { required: true, editor: 'system', width: 90 }),
    col('round', 'round', { required: true, editor: 'system', width: 60 }),
    col('docId', 'text', { editor: 'system', width: 200 }),
    col('docUrl', 'url', { editor: 'system', width: 260 }),
    col('publishedUrl', 'url', { editor: 'system', width: 260 }),
    col('pdfUrl', 'url', { editor: 'system', width: 260 }),
    col('generatedAt', 'datetime', { editor: 'system', width: 140 }),
    col('generatedBy', 'text', { editor: 'system', width: 180 }),
    col('warnings', 'multiline', { editor: 'system', width: 320 }),
    // the approval on record (docs/documents.md): one row per document — kind รายงาน (round 6 or 12)
    // or มาตรการ (the year's plan, round blank); the memo proposing it is linked on its row
    col('docKind', 'text', { editor: 'system', width: 100 }),
    col('approvalStatus', 'text', { editor: 'system', width: 110 }),
    col('memoUrl', 'url', { editor: 'system', width: 260 }),
    col('approver', 'text', { editor: 'system', width: 180 }),
    col('approvedAt', 'datetime', { editor: 'system', width: 140 }),
    col('approvalComment', 'multiline', { editor: 'system', width: 260 }),
  ],
};

/**
 * Last year's ITA results, one row per indicator (the structure is data: the NACC revises it), plus
 * one overall row per year (tool and indicator number blank). The analysis column is the admin's text
 * for a weak indicator; blank: a default sentence.
 */
export const ITA_RESULTS_TAB: TabSpec = {
  key: 'itaResults',
  name: TAB.itaResults,
  columns: [
    col('itaYear', 'beYear', { required: true, width: 110 }),
    col('itaTool', 'area', { width: 80 }),
    col('itaIndicator', 'number', { width: 80 }),
    col('itaIndicatorName', 'text', { required: true, width: 240 }),
    col('itaScore', 'score', { required: true, width: 80 }),
    col('itaAnalysis', 'multiline', { width: 360 }),
    // the example's made-up scores say so here ("ตัวอย่าง"); a plan built on such a row is marked as a
    // sample on every page until the row is replaced (the cell cleared or the row retyped)
    col('itaSample', 'text', { width: 110, optional: true }),
  ],
};

export const EMAIL_LOG_TAB: TabSpec = {
  key: 'emailLog',
  name: TAB.emailLog,
  columns: [
    col('sentAt', 'datetime', { editor: 'system', width: 140 }),
    col('logDivision', 'text', { editor: 'system', width: 120 }),
    col('recipients', 'text', { editor: 'system', width: 260 }),
    col('items', 'text', { editor: 'system', width: 260 }),
    col('stage', 'text', { editor: 'system', width: 120 }),
    col('outcome', 'text', { editor: 'system', width: 120 }),
    col('subject', 'text', { editor: 'system', width: 320 }),
    // อีเมล, LINE, or อีเมลแทน LINE with the reason (issue 25)
    col('channel', 'text', { editor: 'system', width: 260 }),
  ],
};

export const ARCHIVE_TAB: TabSpec = {
  key: 'archive',
  name: TAB.archive,
  columns: [
    col('archivedAt', 'datetime', { editor: 'system', width: 140 }),
    col('archivedFrom', 'text', { editor: 'system', width: 140 }),
    col('archivedKey', 'text', { editor: 'system', width: 110 }),
    col('archivedReason', 'text', { editor: 'system', width: 260 }),
    col('archivedRow', 'json', { editor: 'system', width: 420 }),
  ],
};

/** The agency's holidays (DESIGN §13): no reminder goes out on one, and a due date on one moves back a working day. */
export const HOLIDAYS_TAB: TabSpec = {
  key: 'holidays',
  name: TAB.holidays,
  columns: [col('holidayDate', 'date', { required: true, width: 120 }), col('holidayName', 'text', { width: 320 })],
};

/** The snapshot tab's key of a measures-tab column (the measure's text as closed). */
export const snapshotMeasureKey = (measureKey: string): string => `measure.${measureKey}`;

/** The measures tab's columns (but the id: the snapshot row's key is it) as snapshot columns, same headers. */
function snapshotMeasureColumns(): ColumnSpec[] {
  return MEASURES_TAB.columns
    .filter((c) => c.key !== 'measureId')
    .map((c) => ({ ...c, key: snapshotMeasureKey(c.key), required: false, editor: 'system' as const }));
}

/**
 * A closed round's results as they were when it was closed (issue 14, src/core/year-cycle.ts): one row
 * per division row, by fiscal year and round. A closed round's report is built from these rows, so
 * regenerating it publishes the same text. Reopening a round moves its rows to the archive.
 */
export const ROUND_SNAPSHOT_TAB: TabSpec = {
  key: 'roundSnapshot',
  name: TAB.roundSnapshot,
  columns: [
    col('fiscalYear', 'integer', { required: true, editor: 'system', width: 90 }),
    col('round', 'round', { required: true, editor: 'system', width: 60 }),
    col('divisionCode', 'id', { required: true, editor: 'system', width: 110 }),
    col('entryKey', 'id', { required: true, editor: 'system', width: 90 }),
    col('status', 'status', { editor: 'system', width: 150 }),
    col('snapshotResult', 'multiline', { editor: 'system', width: 320 }),
    col('evidenceUrl', 'url', { editor: 'system', width: 220 }),
    col('closedAt', 'datetime', { editor: 'system', width: 140 }),
    col('closedBy', 'text', { editor: 'system', width: 180 }),
    // the measure's texts at closing (issue 23), on the first row of each measure: the report of a closed
    // (year, round) prints them after rollover, whatever the measures tab says by then
    ...snapshotMeasureColumns(),
  ],
};

/** Who closed, reopened (and why) and rolled over, when: the year cycle's history. */
export const ROUND_LOG_TAB: TabSpec = {
  key: 'roundLog',
  name: TAB.roundLog,
  columns: [
    col('loggedAt', 'datetime', { editor: 'system', width: 140 }),
    col('loggedBy', 'text', { editor: 'system', width: 180 }),
    col('logAction', 'text', { editor: 'system', width: 160 }),
    col('fiscalYear', 'integer', { editor: 'system', width: 90 }),
    col('round', 'round', { editor: 'system', width: 60 }),
    col('logReason', 'multiline', { editor: 'system', width: 320 }),
    // closing: how many snapshot rows it wrote, so rows deleted by hand are noticed (issue 26, class 8)
    col('logRows', 'integer', { editor: 'system', width: 90 }),
  ],
};

/** The dashboard is derived: it has no columns to parse, only a layout written by code. */
export const DASHBOARD_TAB: TabSpec = { key: 'dashboard', name: TAB.dashboard, columns: [] };

/** Fixed tabs in the order setup creates them. Division tabs follow the divisions. */
export const FIXED_TABS: TabSpec[] = [
  SETTINGS_TAB,
  DIVISIONS_TAB,
  MEASURES_TAB,
  MILESTONES_TAB,
  DASHBOARD_TAB,
  REPORTS_TAB,
  EMAIL_LOG_TAB,
  ARCHIVE_TAB,
  HOLIDAYS_TAB,
  ROUND_SNAPSHOT_TAB,
  ROUND_LOG_TAB,
  ITA_RESULTS_TAB,
];

/** Tabs the tracker needs data from; a workbook missing one of them cannot be read. */
export const REQUIRED_TABS: TabSpec[] = [SETTINGS_TAB, DIVISIONS_TAB, MEASURES_TAB];

export const headersOf = (tab: TabSpec): string[] => tab.columns.map((c) => c.header);

export type SettingType =
  | 'text'
  | 'integer'
  | 'score'
  | 'round'
  | 'date'
  | 'emails'
  | 'offsets'
  | 'numerals'
  | 'weekday'
  | 'yesno';

export interface SettingSpec {
  key: keyof typeof SETTING_LABEL;
  label: string;
  help: string;
  type: SettingType;
  required: boolean;
  /** the value a new tracker starts with, as typed in the sheet */
  defaultValue: string;
  /** the smallest number an integer setting takes (a smaller one would be ignored or misread) */
  min?: number;
}

const setting = (
  key: keyof typeof SETTING_LABEL,
  type: SettingType,
  required: boolean,
  defaultValue = '',
  min?: number,
): SettingSpec => ({
  key,
  label: SETTING_LABEL[key][0],
  help: SETTING_LABEL[key][1],
  type,
  required,
  defaultValue,
  ...(min === undefined ? {} : { min }),
});

export const SETTINGS: SettingSpec[] = [
  setting('agencyName', 'text', true),
  setting('district', 'text', false),
  setting('province', 'text', false),
  setting('fiscalYear', 'integer', true),
  setting('currentRound', 'round', true, '6'),
  setting('round6Due', 'date', false),
  setting('round12Due', 'date', false),
  setting('admins', 'emails', false),
  setting('executives', 'emails', false),
  setting('reminderOffsets', 'offsets', false, '14, 7, 1'),
  setting('overdueRepeatDays', 'integer', false, '7', 1),
  setting('escalateAfterDays', 'integer', false, '7', 0),
  setting('numerals', 'numerals', false, NUMERALS_LABEL.thai),
  setting('reportFont', 'text', false, 'Sarabun'),
  setting('reportFontSize', 'integer', false, '16', 1),
  setting('reportFolderId', 'text', false),
  setting('itaItemCodes', 'text', false),
  setting('divisionDigestDay', 'weekday', false, WEEKDAY_LABEL[1]),
  setting('dueSoonDays', 'integer', false, '7'),
  setting('executiveSummaryDay', 'weekday', false, WEEKDAY_LABEL[1]),
  setting('itaPassMark', 'score', false, '85'),
  setting('executiveTitle', 'text', false),
  setting('memoUnit', 'text', false),
  setting('memoNumberPrefix', 'text', false),
  setting('proposerName', 'text', false),
  setting('proposerPosition', 'text', false),
  setting('garudaImageId', 'text', false),
  setting('publishAfterApproval', 'yesno', false, YES_NO.no),
  setting('itaFramework', 'text', false),
  setting('itaCalendarDates', 'text', false),
  setting('planAnalysis', 'yesno', false, YES_NO.yes),
  // the executives' paired LINE group (issue 25), written by pairing
  setting('executivesLine', 'text', false),
  setting('executiveName', 'text', false),
  setting('planClosing', 'text', false, PLAN_CLOSING_LABEL.signature),
  setting('pageNumbers', 'text', false, PAGE_NUMBERS_LABEL['top-center']),
  setting('sampleData', 'yesno', false, YES_NO.no),
];

/** A division's tab is named after it, so a division cannot take a fixed tab's name. */
export const isFixedTabName = (name: string): boolean => FIXED_TABS.some((t) => t.name === name.trim());

/** Excel's limits on a tab name (Google Sheets allows more): at most 31 characters, none of * ? : \ / [ ]. */
export const EXCEL_TAB_NAME_MAX = 31;
export const fitsExcelTabName = (name: string): boolean =>
  name.length <= EXCEL_TAB_NAME_MAX && !/[*?:\\/[\]]/.test(name);

/**
 * The longest text one cell keeps: Excel's limit (32,767 characters; Google Sheets takes 50,000, but the
 * same workbook is kept as .xlsx offline and downloaded as one, where a longer cell is cut). One limit
 * for both runtimes (issue 26, class 9).
 */
export const MAX_CELL_CHARS = 32_767;

/** Ids: letters, digits, dash, underscore, dot; starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
