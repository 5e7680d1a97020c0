// A workbook snapshot (what an adapter read: every tab's values) parsed into the domain model.
// Parsing is lenient and never throws: what cannot be read becomes a default here and a Problem
// in validate.ts, with the tab and cell.
import {
  a1,
  type Cell,
  cellDate,
  cellDateTime,
  cellInteger,
  cellLines,
  cellList,
  cellText,
  cleanText,
  idKey,
  isBlank,
  nameText,
} from './cells';
import { APPROVAL_STATUS, DOC_KIND, NUMERALS_LABEL, REPORT_WORD, STATUS_LABEL, YES_NO } from './messages';
import {
  APPROVAL_STATUSES,
  type ApprovalStatus,
  AREAS,
  type Area,
  type Division,
  type DivisionEntry,
  type EmailLogEntry,
  type Holiday,
  type ItaResult,
  type Measure,
  type Milestone,
  type ReportRecord,
  type Settings,
  type Status,
  type Tracker,
} from './model';
import {
  type ColumnSpec,
  DIVISION_TAB_COLUMNS,
  DIVISIONS_TAB,
  divisionOwnedKeys,
  divisionTab,
  EMAIL_LOG_TAB,
  FIXED_TABS,
  HOLIDAYS_TAB,
  ITA_RESULTS_TAB,
  isFixedTabName,
  MEASURES_TAB,
  MILESTONES_TAB,
  REPORTS_TAB,
  SETTINGS,
  SETTINGS_TAB,
  type SettingSpec,
  type TabSpec,
} from './schema';
import { type Round, toArabicDigits } from './thai';
import { parseWeekday } from './working-days';

export interface WorkbookSnapshot {
  /** every tab's values, row 1 = headers; tab order as in the workbook */
  tabs: Record<string, Cell[][]>;
}

export interface TableRow {
  /** 1-based sheet row */
  row: number;
  cells: Record<string, Cell>;
}

export interface Table {
  spec: TabSpec;
  present: boolean;
  /** column key → 0-based column index, -1 when the header is missing */
  columnIndex: Record<string, number>;
  missingHeaders: string[];
  rows: TableRow[];
}

/** A header as columns are matched by it, in every runtime: spaces and letter case do not count. */
export const headerKey = (h: Cell | undefined): string => nameText(h).replace(/\s+/g, '').toLowerCase();

/**
 * The schema's column under each header cell of a tab, matched as readTable matches them: a fixed
 * tab's columns by its name, else the division columns when every one of them is there (a tab of
 * someone's own gets none).
 */
export function columnsByHeader(tabName: string, header: readonly Cell[]): (ColumnSpec | undefined)[] {
  const keys = header.map(headerKey);
  const fixed = FIXED_TABS.find((t) => t.name === tabName);
  const specs = fixed
    ? fixed.columns
    : DIVISION_TAB_COLUMNS.every((c) => keys.includes(headerKey(c.header)))
      ? DIVISION_TAB_COLUMNS
      : [];
  return keys.map((k) => (k === '' ? undefined : specs.find((c) => headerKey(c.header) === k)));
}

/** Finds columns by header text (row 1), so moved columns still read right. Blank rows are skipped. */
export function readTable(snapshot: WorkbookSnapshot, spec: TabSpec): Table {
  const values = snapshot.tabs[spec.name];
  const columnIndex: Record<string, number> = {};
  if (!values) {
    for (const c of spec.columns) columnIndex[c.key] = -1;
    return { spec, present: false, columnIndex, missingHeaders: spec.columns.map((c) => c.header), rows: [] };
  }
  const headerRow = (values[0] ?? []).map(headerKey);
  const missingHeaders: string[] = [];
  for (const c of spec.columns) {
    const i = headerRow.indexOf(headerKey(c.header));
    columnIndex[c.key] = i;
    if (i < 0) missingHeaders.push(c.header);
  }
  const rows: TableRow[] = [];
  for (let r = 1; r < values.length; r++) {
    const raw = values[r] ?? [];
    if (raw.every((c) => isBlank(c))) continue;
    const cells: Record<string, Cell> = {};
    for (const c of spec.columns) {
      const i = columnIndex[c.key];
      cells[c.key] = i >= 0 ? (raw[i] ?? null) : null;
    }
    rows.push({ row: r + 1, cells });
  }
  return { spec, present: true, columnIndex, missingHeaders, rows };
}

// ---------------------------------------------------------------- values

/** "ด้าน IIT" is read as IIT */
const AREA_WORD = new RegExp(`^${REPORT_WORD.area}\\s*`);

export function parseArea(c: Cell): Area | null {
  const t = cellText(c).toUpperCase().replace(AREA_WORD, '');
  return (AREAS as readonly string[]).includes(t) ? (t as Area) : null;
}

export function parseStatus(c: Cell): Status | null {
  const t = cellText(c);
  if (t === '') return 'not_started';
  for (const [k, label] of Object.entries(STATUS_LABEL)) if (label === t || k === t) return k as Status;
  return null;
}

export function parseRound(c: Cell): Round | null {
  const n = cellInteger(typeof c === 'string' ? toArabicDigits(c) : c);
  return n === 6 || n === 12 ? n : null;
}

/** Strips the abbreviation mark and spaces so "กองสาธารณสุขฯ" can be compared with "กองสาธารณสุข…". */
const divisionStem = (s: string): { stem: string; abbreviated: boolean } => {
  const t = s.replace(/\s+/g, '');
  return t.endsWith('ฯ') ? { stem: t.slice(0, -1), abbreviated: true } : { stem: t, abbreviated: false };
};

/**
 * Resolves a division as people write it: its code, its name, or its name shortened with "ฯ"
 * (or a unique prefix of it). Returns the division code, or null when none or several match.
 */
export function matchDivision(written: string, divisions: readonly Pick<Division, 'code' | 'name'>[]): string | null {
  const w = cleanText(written);
  if (w === '') return null;
  const byCode = divisions.find((d) => d.code.toLowerCase() === w.toLowerCase());
  if (byCode) return byCode.code;
  const { stem, abbreviated } = divisionStem(w);
  const exact = divisions.filter((d) => divisionStem(d.name).stem === stem);
  if (exact.length === 1) return exact[0].code;
  if (exact.length > 1) return null;
  const prefixed = divisions.filter((d) => divisionStem(d.name).stem.startsWith(stem));
  if (prefixed.length === 1 && (abbreviated || stem.length >= 4)) return prefixed[0].code;
  return null;
}

/**
 * Splits a responsible-divisions cell. One name per line is the tracker's form; a single line that
 * holds several known names separated by spaces (as reports print them) is split on spaces too.
 */
export function splitResponsible(c: Cell, divisions: readonly Pick<Division, 'code' | 'name'>[]): string[] {
  const lines = cellList(c);
  const out: string[] = [];
  for (const line of lines) {
    if (matchDivision(line, divisions) !== null || !/\s/.test(line)) {
      out.push(line);
      continue;
    }
    const words = line.split(/\s+/);
    // greedy: longest run of words that names a division
    let i = 0;
    const parts: string[] = [];
    while (i < words.length) {
      let j = words.length;
      while (j > i && matchDivision(words.slice(i, j).join(' '), divisions) === null) j--;
      if (j === i) {
        parts.length = 0;
        break;
      }
      parts.push(words.slice(i, j).join(' '));
      i = j;
    }
    out.push(...(parts.length ? parts : [line]));
  }
  return out;
}

// ---------------------------------------------------------------- ITA results and approval

/** A score 0–100 (decimals allowed; Thai digits read as Arabic), or null. */
export function parseScore(c: Cell): number | null {
  const t = typeof c === 'number' ? c : Number(toArabicDigits(cellText(c)).replace(/,/g, '.'));
  if (cellText(c) === '' || !Number.isFinite(t) || t < 0 || t > 100) return null;
  return t;
}

/** A whole number ≥ 1 (Thai digits read as Arabic), or null. */
export function parseWholeNumber(c: Cell): number | null {
  const t = typeof c === 'number' ? c : Number(toArabicDigits(cellText(c)));
  return cellText(c) !== '' && Number.isInteger(t) && t >= 1 ? t : null;
}

/** A Buddhist-era year (Thai digits read as Arabic), or null. */
export function parseBeYear(c: Cell): number | null {
  const t = typeof c === 'number' ? c : Number(toArabicDigits(cellText(c)));
  return Number.isInteger(t) && t >= 2400 && t < 3000 ? t : null;
}

export function parseYesNo(c: Cell): boolean | null {
  const t = cellText(c).toLowerCase();
  if (t === '' || t === YES_NO.no || t === 'no' || t === 'false') return t === '' ? null : false;
  if (t === YES_NO.yes || t === 'yes' || t === 'true') return true;
  return null;
}

export const parseApprovalStatus = (c: Cell): ApprovalStatus | '' =>
  APPROVAL_STATUSES.find((s) => APPROVAL_STATUS[s] === cellText(c)) ?? '';

export function parseItaResults(table: Table): ItaResult[] {
  return table.rows.map((r) => ({
    row: r.row,
    year: parseBeYear(r.cells.itaYear) ?? 0,
    tool: parseArea(r.cells.itaTool),
    indicator: parseWholeNumber(r.cells.itaIndicator),
    name: cellText(r.cells.itaIndicatorName),
    score: parseScore(r.cells.itaScore) ?? 0,
    analysis: cellText(r.cells.itaAnalysis),
  }));
}

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
  return {
    agencyName: cellText(get('agencyName')),
    district: cellText(get('district')),
    province: cellText(get('province')),
    fiscalYear: int('fiscalYear', 0),
    currentRound: parseRound(get('currentRound')) ?? 6,
    roundDue: { 6: cellDate(get('round6Due')), 12: cellDate(get('round12Due')) },
    admins: cellList(get('admins')),
    executives: cellList(get('executives')),
    reminderOffsets: parseOffsets(get('reminderOffsets')) ?? [14, 7, 1],
    overdueRepeatDays: Math.max(1, int('overdueRepeatDays', 7)),
    escalateAfterDays: Math.max(0, int('escalateAfterDays', 7)),
    numerals: parseNumerals(get('numerals')) ?? 'thai',
    reportFont: cellText(get('reportFont')) || 'Sarabun',
    reportFontSize: int('reportFontSize', 16),
    reportFolderId: cellText(get('reportFolderId')),
    itaItemCodes: cellText(get('itaItemCodes')),
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
  };
}

// ---------------------------------------------------------------- the whole tracker

export interface ParsedWorkbook {
  tracker: Tracker;
  tables: {
    settings: Table;
    divisions: Table;
    measures: Table;
    milestones: Table;
    reports: Table;
    emailLog: Table;
    holidays: Table;
    itaResults: Table;
    /** by division code */
    divisionTabs: Record<string, Table>;
  };
  /** every tab's name as the workbook spells it, in its order */
  tabNames?: string[];
}

export function parseDivisions(table: Table): Division[] {
  const notifyCol = table.columnIndex.divisionNotify ?? -1;
  return table.rows.map((r) => ({
    notifyCell: notifyCol >= 0 ? a1(notifyCol, r.row) : '',
    code: nameText(r.cells.divisionCode),
    name: nameText(r.cells.divisionName),
    head: cellText(r.cells.divisionHead),
    notifyEmails: cellList(r.cells.divisionNotify),
    editors: cellList(r.cells.divisionEditors),
  }));
}

export function parseMeasures(table: Table, divisions: readonly Division[]): Measure[] {
  return table.rows
    .map((r, i) => {
      const responsible = splitResponsible(r.cells.responsible, divisions);
      const codes = responsible.map((n) => matchDivision(n, divisions)).filter((c): c is string => c !== null);
      return {
        id: nameText(r.cells.measureId),
        area: parseArea(r.cells.area) ?? 'IIT',
        issue: cellText(r.cells.issue),
        steps: cellLines(r.cells.steps),
        responsible,
        responsibleCodes: [...new Set(codes)],
        monitoring: cellLines(r.cells.monitoring),
        order: cellInteger(r.cells.order) ?? i + 1,
      };
    })
    .sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || a.order - b.order);
}

export function parseMilestones(
  table: Table,
  divisions: readonly Division[],
  measures: readonly Pick<Measure, 'id'>[] = [],
): Milestone[] {
  return table.rows.map((r) => {
    const div = nameText(r.cells.milestoneDivision);
    const measureId = nameText(r.cells.milestoneMeasure);
    return {
      id: nameText(r.cells.milestoneId),
      // ids compare without letter case: the reference takes the measure's id as the measure writes it
      measureId: measures.find((m) => idKey(m.id) === idKey(measureId))?.id ?? measureId,
      divisionCode: div === '' ? '' : (matchDivision(div, divisions) ?? div),
      task: cellText(r.cells.task),
      due: cellDate(r.cells.due),
    };
  });
}

export function parseEntries(
  table: Table,
  division: Division,
  measures: readonly Measure[],
  milestones: readonly Milestone[],
): DivisionEntry[] {
  return table.rows.map((r) => {
    const key = nameText(r.cells.entryKey);
    const milestone = milestones.find((m) => idKey(m.id) === idKey(key));
    return {
      divisionCode: division.code,
      key,
      kind: milestone ? 'milestone' : 'measure',
      measureId: milestone ? milestone.measureId : key,
      area:
        parseArea(r.cells.area) ?? measures.find((m) => idKey(m.id) === idKey(milestone?.measureId ?? key))?.area ?? '',
      issue: cellText(r.cells.entryIssue),
      task: cellText(r.cells.task),
      due: cellDate(r.cells.due),
      ...ownedFields(r.cells),
    };
  });
}

export type OwnedFields = Pick<
  DivisionEntry,
  'owned' | 'status' | 'result6' | 'result12' | 'evidenceUrl' | 'updatedAt' | 'updatedBy'
>;

/**
 * A division row's own values from its cells: the cells themselves (every owned column, blank ones
 * null) and the model's typed reading of them. ownedFields({}) is a row nobody has typed in yet.
 */
export function ownedFields(cells: Readonly<Record<string, Cell>>): OwnedFields {
  const owned: Record<string, Cell> = {};
  // blank is null whatever the store hands over ('' from Apps Script, null from exceljs)
  for (const k of divisionOwnedKeys()) owned[k] = isBlank(cells[k]) ? null : (cells[k] as Cell);
  return {
    owned,
    status: parseStatus(owned.status) ?? 'not_started',
    result6: cellText(owned.result6),
    result12: cellText(owned.result12),
    evidenceUrl: cellText(owned.evidenceUrl),
    updatedAt: cellDateTime(owned.updatedAt),
    updatedBy: cellText(owned.updatedBy),
  };
}

/** The holidays tab's rows with a real date; a row without one is skipped here and reported by validation. */
export function parseHolidays(table: Table): Holiday[] {
  const out: Holiday[] = [];
  for (const r of table.rows) {
    const date = cellDate(r.cells.holidayDate);
    if (date) out.push({ date, name: cellText(r.cells.holidayName) });
  }
  return out;
}

export function parseWorkbook(snapshot: WorkbookSnapshot): ParsedWorkbook {
  const settingsT = readTable(snapshot, SETTINGS_TAB);
  const divisionsT = readTable(snapshot, DIVISIONS_TAB);
  const measuresT = readTable(snapshot, MEASURES_TAB);
  const milestonesT = readTable(snapshot, MILESTONES_TAB);
  const reportsT = readTable(snapshot, REPORTS_TAB);
  const emailLogT = readTable(snapshot, EMAIL_LOG_TAB);
  const holidaysT = readTable(snapshot, HOLIDAYS_TAB);
  const itaT = readTable(snapshot, ITA_RESULTS_TAB);
  const divisions = parseDivisions(divisionsT);
  const measures = parseMeasures(measuresT, divisions);
  const milestones = parseMilestones(milestonesT, divisions, measures);
  const divisionTabs: Record<string, Table> = {};
  const entries: DivisionEntry[] = [];
  for (const d of divisions) {
    // a division named like a fixed tab has no tab of its own (validation reports it)
    if (!d.name || d.code in divisionTabs || isFixedTabName(d.name)) continue;
    const t = readTable(snapshot, divisionTab(d.name));
    divisionTabs[d.code] = t;
    entries.push(...parseEntries(t, d, measures, milestones));
  }
  const reports: ReportRecord[] = reportsT.rows.map((r) => ({
    kind: cellText(r.cells.docKind) === DOC_KIND.plan ? 'plan' : 'report',
    fiscalYear: cellInteger(r.cells.fiscalYear) ?? 0,
    round: parseRound(r.cells.round) ?? 6,
    docId: cellText(r.cells.docId),
    docUrl: cellText(r.cells.docUrl),
    publishedUrl: cellText(r.cells.publishedUrl),
    pdfUrl: cellText(r.cells.pdfUrl),
    generatedAt: cellDateTime(r.cells.generatedAt),
    generatedBy: cellText(r.cells.generatedBy),
    warnings: cellText(r.cells.warnings),
    status: parseApprovalStatus(r.cells.approvalStatus),
    memoUrl: cellText(r.cells.memoUrl),
    approver: cellText(r.cells.approver),
    approvedAt: cellDateTime(r.cells.approvedAt),
    approvalComment: cellText(r.cells.approvalComment),
  }));
  const emailLog: EmailLogEntry[] = emailLogT.rows.map((r) => ({
    sentAt: cellDateTime(r.cells.sentAt),
    divisionCode: cellText(r.cells.logDivision),
    recipients: cellText(r.cells.recipients),
    items: cellText(r.cells.items),
    stage: cellText(r.cells.stage),
    outcome: cellText(r.cells.outcome),
    subject: cellText(r.cells.subject),
  }));
  return {
    tracker: {
      settings: parseSettings(settingsT),
      divisions,
      measures,
      milestones,
      entries,
      reports,
      emailLog,
      holidays: parseHolidays(holidaysT),
      itaResults: parseItaResults(itaT),
    },
    tables: {
      settings: settingsT,
      divisions: divisionsT,
      measures: measuresT,
      milestones: milestonesT,
      reports: reportsT,
      emailLog: emailLogT,
      holidays: holidaysT,
      itaResults: itaT,
      divisionTabs,
    },
    tabNames: Object.keys(snapshot.tabs),
  };
}
