// A workbook snapshot (what an adapter read: every tab's values) parsed into the domain model.
// Parsing is lenient and never throws: what cannot be read becomes a default here and a Problem
// in validate.ts, with the tab and cell.

import {
  matchDivision,
  parseApprovalStatus,
  parseArea,
  parseIndicatorNumbers,
  parseItaResults,
  parseRound,
  parseStatus,
  splitResponsible,
} from './cell-values';
import {
  a1,
  type Cell,
  cellDate,
  cellDateTime,
  cellInteger,
  cellLines,
  cellList,
  cellText,
  httpUrlOrBlank,
  idKey,
  isBlank,
  nameText,
} from './cells';
import { DOC_KIND } from './messages/plan';
import {
  AREAS,
  type Division,
  type DivisionEntry,
  type EmailLogEntry,
  type Measure,
  type Milestone,
  type ReportRecord,
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
  SETTINGS_TAB,
  type TabSpec,
} from './schema';
import { parseSettings } from './settings-tab';
import type { Table, TableRow } from './table';
import type { Holiday } from './working-days';

export interface WorkbookSnapshot {
  /** every tab's values, row 1 = headers; tab order as in the workbook */
  tabs: Record<string, Cell[][]>;
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
    if (i < 0 && !c.optional) missingHeaders.push(c.header);
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
    lineGroup: cellText(r.cells.divisionLine),
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
        indicators: parseIndicatorNumbers(r.cells.measureIndicators ?? null).numbers,
      };
    })
    .sort((a, b) => AREAS.indexOf(a.area) - AREAS.indexOf(b.area) || a.order - b.order);
}

/**
 * Items by their id's key (letter case ignored), the first of a repeated id winning as a search from
 * the top would: one pass, so a lookup per row stays flat however many measures there are.
 */
function byIdKey<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = idKey(item.id);
    if (!out.has(k)) out.set(k, item);
  }
  return out;
}

export function parseMilestones(
  table: Table,
  divisions: readonly Division[],
  measures: readonly Pick<Measure, 'id'>[] = [],
): Milestone[] {
  const measureById = byIdKey(measures);
  return table.rows.map((r) => {
    const div = nameText(r.cells.milestoneDivision);
    const measureId = nameText(r.cells.milestoneMeasure);
    return {
      id: nameText(r.cells.milestoneId),
      // ids compare without letter case: the reference takes the measure's id as the measure writes it
      measureId: measureById.get(idKey(measureId))?.id ?? measureId,
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
  const milestoneById = byIdKey(milestones);
  const measureById = byIdKey(measures);
  return table.rows.map((r) => {
    // the key as the measures or milestones tab writes the id (ids ignore letter case: docs/input-safety.md),
    // so the report, reminders and sync see one spelling whatever a division typed
    const typed = idKey(r.cells.entryKey);
    const milestone = milestoneById.get(typed);
    const measure = measureById.get(milestone ? idKey(milestone.measureId) : typed);
    const key = milestone?.id ?? measure?.id ?? nameText(r.cells.entryKey);
    return {
      divisionCode: division.code,
      key,
      kind: milestone ? 'milestone' : 'measure',
      measureId: milestone ? milestone.measureId : key,
      area: parseArea(r.cells.area) ?? measure?.area ?? '',
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
    // a link that is not http(s) (javascript:, data:, a typed word) reaches no memo, page or dashboard
    docUrl: httpUrlOrBlank(r.cells.docUrl),
    publishedUrl: httpUrlOrBlank(r.cells.publishedUrl),
    pdfUrl: httpUrlOrBlank(r.cells.pdfUrl),
    generatedAt: cellDateTime(r.cells.generatedAt),
    generatedBy: cellText(r.cells.generatedBy),
    warnings: cellText(r.cells.warnings),
    status: parseApprovalStatus(r.cells.approvalStatus),
    memoUrl: httpUrlOrBlank(r.cells.memoUrl),
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
    channel: cellText(r.cells.channel),
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
