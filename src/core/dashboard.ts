// The dashboard tab, pure: status counts by division × area, the overdue count as of a date and the
// last report's link, laid out as one rectangular grid of values (written with one setValues) plus
// where the chart's data sits in it. Counts are of division-tab rows (measures and milestones).
import type { Cell } from './cells';
import { DASHBOARD } from './messages/dashboard';
import { STATUS_LABEL } from './messages/tabs-headers';
import { PUBLIC_PAGE } from './messages/year-cycle';
import { AREAS, type Area, type DivisionEntry, STATUSES, type Status, type Tracker } from './model';
import { formatThaiDate, numerals, type Round } from './thai';

export type StatusCounts = Record<Status, number>;

export interface DivisionCounts {
  divisionCode: string;
  divisionName: string;
  total: StatusCounts & { overdue: number };
  byArea: Record<Area, StatusCounts & { overdue: number }>;
}

export interface DashboardData {
  today: string;
  divisions: DivisionCounts[];
  overdue: number;
  lastReport: { fiscalYear: number; round: Round; url: string } | null;
}

/** 1-based position of a block inside the grid (the grid starts at A1). */
export interface GridArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface DashboardGrid {
  values: Cell[][];
  /** header row + one row per division, columns: division, then one per status */
  chart: GridArea;
  /** rows that are headings or table headers (for bold) */
  headingRows: number[];
}

const zero = (): StatusCounts & { overdue: number } => ({ not_started: 0, in_progress: 0, done: 0, overdue: 0 });

/** Not done and its due date (or, without one, the current round's) is before today. */
export function isOverdue(
  entry: Pick<DivisionEntry, 'status' | 'due'>,
  roundDue: string | null,
  today: string,
): boolean {
  const due = entry.due ?? roundDue;
  return entry.status !== 'done' && due !== null && due < today;
}

/** The latest report with a link: by fiscal year, then round, then when it was generated. */
export function lastReport(reports: Tracker['reports']): DashboardData['lastReport'] {
  let best: DashboardData['lastReport'] = null;
  let bestKey = '';
  for (const r of reports) {
    if (r.kind === 'plan') continue; // the year's plan is not a round's report
    const url = r.publishedUrl || r.docUrl || r.pdfUrl;
    if (!url) continue;
    const key = `${String(r.fiscalYear).padStart(4, '0')}-${String(r.round).padStart(2, '0')}-${r.generatedAt}`;
    if (key >= bestKey) {
      bestKey = key;
      best = { fiscalYear: r.fiscalYear, round: r.round, url };
    }
  }
  return best;
}

/** today: ISO date (the agency's wall clock). */
export function dashboardData(
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'entries' | 'reports'>,
  today: string,
): DashboardData {
  const roundDue = tracker.settings.roundDue[tracker.settings.currentRound];
  const byCode = new Map<string, DivisionCounts>();
  const divisions: DivisionCounts[] = [];
  for (const d of tracker.divisions) {
    if (!d.code || byCode.has(d.code)) continue;
    const counts: DivisionCounts = {
      divisionCode: d.code,
      divisionName: d.name || d.code,
      total: zero(),
      byArea: Object.fromEntries(AREAS.map((a) => [a, zero()])) as DivisionCounts['byArea'],
    };
    byCode.set(d.code, counts);
    divisions.push(counts);
  }
  let overdue = 0;
  for (const e of tracker.entries) {
    const counts = byCode.get(e.divisionCode);
    if (!counts) continue;
    const late = isOverdue(e, roundDue, today);
    counts.total[e.status]++;
    if (late) counts.total.overdue++;
    if (e.area) {
      counts.byArea[e.area][e.status]++;
      if (late) counts.byArea[e.area].overdue++;
    }
    if (late) overdue++;
  }
  return { today, divisions, overdue, lastReport: lastReport(tracker.reports) };
}

/**
 * The dashboard's row that names the last report. It sits at a fixed row (LAST_REPORT_ROW) so that
 * report generation can refresh it with one write, without re-reading the workbook.
 */
export const LAST_REPORT_ROW = 3;

export function lastReportLine(r: DashboardData['lastReport'], style: Tracker['settings']['numerals']): Cell[] {
  const n = (x: number) => numerals(String(x), style);
  return r
    ? [DASHBOARD.lastReport, DASHBOARD.reportLabel(n(r.fiscalYear), n(r.round)), r.url]
    : [DASHBOARD.lastReport, DASHBOARD.noReport, null];
}

/**
 * The dashboard as a grid: title, as-of line, the last report (row LAST_REPORT_ROW), the division table (the chart's data), the
 * division × area table and the overdue count. Every row has the same width.
 */
export function dashboardGrid(
  data: DashboardData,
  settings: Pick<Tracker['settings'], 'fiscalYear' | 'currentRound' | 'numerals'>,
  /** the public page's URL (issue 14): a line at the end when the web app is deployed */
  publicUrl = '',
): DashboardGrid {
  const n = (x: number | string) => numerals(String(x), settings.numerals);
  const statusHeaders = STATUSES.map((s) => STATUS_LABEL[s]);
  const rows: Cell[][] = [];
  const headingRows: number[] = [];
  const heading = (row: Cell[]) => {
    rows.push(row);
    headingRows.push(rows.length);
  };
  const todayText = formatThaiDate(data.today, settings.numerals);
  heading([DASHBOARD.title]);
  rows.push([DASHBOARD.asOf(todayText, settings.fiscalYear ? n(settings.fiscalYear) : '-', n(settings.currentRound))]);
  rows.push(lastReportLine(data.lastReport, settings.numerals));
  rows.push([]);

  heading([DASHBOARD.byDivision]);
  heading([DASHBOARD.division, ...statusHeaders, DASHBOARD.total, DASHBOARD.overdue]);
  const chartHeaderRow = rows.length;
  const all = zero();
  for (const d of data.divisions) {
    const t = d.total;
    rows.push([d.divisionName, ...STATUSES.map((s) => t[s]), STATUSES.reduce((m, s) => m + t[s], 0), t.overdue]);
    for (const s of STATUSES) all[s] += t[s];
    all.overdue += t.overdue;
  }
  rows.push([
    DASHBOARD.allTotal,
    ...STATUSES.map((s) => all[s]),
    STATUSES.reduce((m, s) => m + all[s], 0),
    all.overdue,
  ]);
  const chart: GridArea = {
    row: chartHeaderRow,
    column: 1,
    numRows: data.divisions.length + 1,
    numColumns: 1 + STATUSES.length,
  };
  rows.push([]);

  heading([DASHBOARD.byDivisionArea]);
  heading([DASHBOARD.division, DASHBOARD.area, ...statusHeaders, DASHBOARD.total, DASHBOARD.overdue]);
  for (const d of data.divisions)
    for (const a of AREAS) {
      const c = d.byArea[a];
      rows.push([d.divisionName, a, ...STATUSES.map((s) => c[s]), STATUSES.reduce((m, s) => m + c[s], 0), c.overdue]);
    }
  rows.push([]);

  rows.push([DASHBOARD.overdueTotal(todayText), data.overdue]);
  if (publicUrl) rows.push([], [PUBLIC_PAGE.dashboardLine, publicUrl]);

  const width = rows.reduce((m, row) => Math.max(m, row.length), 0);
  const values = rows.map((row) => Array.from({ length: width }, (_, i) => (row[i] === undefined ? null : row[i])));
  return { values, chart, headingRows };
}
