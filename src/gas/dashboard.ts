// The dashboard tab "แดชบอร์ด": the grid core computes, written with one setValues (and one
// setFontWeights for its headings), and one chart that is inserted once and updated afterwards.
// Refreshed by sync, by report generation and by the daily reminder trigger (refreshDashboard).

import { columnLetter, quoteTabName } from '../core/cells';
import { offsetClock, todayOn } from '../core/clock';
import { dashboardData, dashboardGrid, LAST_REPORT_ROW, lastReport, lastReportLine } from '../core/dashboard';
import { DASHBOARD } from '../core/messages/dashboard';
import type { Tracker } from '../core/model';
import { DASHBOARD_TAB } from '../core/schema';
import { parseWorkbook } from '../core/workbook';
import { activeSpreadsheet } from './context';
import { ensureSheet, readWorkbook, toSheet, writeTable, zoneOffsetMs } from './sheetio';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Writes the dashboard from a tracker already read (sync and report pass theirs, so nothing is read
 * twice). today: ISO date; default: today in the spreadsheet's zone.
 */
export function writeDashboard(
  ss: Spreadsheet,
  tracker: Pick<Tracker, 'settings' | 'divisions' | 'entries' | 'reports'>,
  options: { today?: string; offsetMs?: number; publicUrl?: string } = {},
): void {
  const offsetMs = options.offsetMs ?? zoneOffsetMs(ss);
  const today = options.today ?? todayOn(offsetClock(offsetMs));
  const grid = dashboardGrid(dashboardData(tracker, today), tracker.settings, options.publicUrl ?? '');
  const { sheet } = ensureSheet(ss, DASHBOARD_TAB.name);
  // as wide as what is there, so an older, wider grid leaves nothing behind
  const width = Math.max(grid.values[0]?.length ?? 1, sheet.getLastColumn());
  const written = writeTable(sheet, grid.values, 1, { clearBelow: true, width, offsetMs });
  const rows = written.rowsWritten + written.rowsCleared;
  const bold = new Set(grid.headingRows);
  const weights = Array.from({ length: rows }, (_, r) =>
    new Array<'bold' | null>(width).fill(bold.has(r + 1) ? 'bold' : null),
  );
  sheet.getRange(1, 1, rows, width).setFontWeights(weights);

  const c = grid.chart;
  const anchorColumn = (grid.values[0]?.length ?? 1) + 2;
  const chartA1 = `${columnLetter(c.column - 1)}${c.row}:${columnLetter(c.column + c.numColumns - 2)}${c.row + c.numRows - 1}`;
  const existing = sheet.getCharts()[0];
  if (existing) {
    // the daily refresh: the chart reads the same cells unless the number of divisions changed,
    // and then the data written above is all it needs (never a second chart)
    const current = existing.getRanges()[0];
    if (current && current.getA1Notation() === chartA1) return;
    sheet.updateChart(
      existing.modify().clearRanges().addRange(sheet.getRange(chartA1)).setPosition(c.row, anchorColumn, 0, 0).build(),
    );
  } else {
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange(chartA1))
      .setPosition(c.row, anchorColumn, 0, 0)
      .asColumnChart()
      .setStacked()
      .setTitle(DASHBOARD.chartTitle)
      .build();
    sheet.insertChart(chart);
  }
}

/**
 * After a report is generated only the last-report line changes (the counts do not): one write to its
 * fixed row, so generation stays cheap. A tracker without a dashboard yet gets it at the next refresh.
 */
export function writeLastReportLine(
  ss: Spreadsheet,
  reports: Tracker['reports'],
  style: Tracker['settings']['numerals'],
): void {
  const line = lastReportLine(lastReport(reports), style);
  // one sheet-qualified range (no getSheetByName): a tracker without a dashboard yet throws here,
  // and the caller carries on; the next refresh writes the whole dashboard
  const a1 = `${quoteTabName(DASHBOARD_TAB.name)}!A${LAST_REPORT_ROW}:${columnLetter(line.length - 1)}${LAST_REPORT_ROW}`;
  // no Dates in this line, so the zone offset does not matter
  ss.getRange(a1).setValues([line.map((c) => toSheet(c, 0))]);
}

/**
 * Entry point (and what the daily trigger and sync call): reads the workbook once and
 * rewrites the dashboard. Works without a UI (time-driven trigger).
 */
export function refreshDashboard(): void {
  const ss = activeSpreadsheet();
  const parsed = parseWorkbook(readWorkbook(ss));
  writeDashboard(ss, parsed.tracker, { publicUrl: storedPublicUrl() });
}

/**
 * Document property: the public page's web-app URL (src/gas/public-page.ts records it), shown on the
 * dashboard so an admin can copy the one link the agency's website needs.
 */
export const PUBLIC_URL_PROPERTY = 'ita.publicUrl';

export const storedPublicUrl = (): string =>
  PropertiesService.getDocumentProperties().getProperty(PUBLIC_URL_PROPERTY) ?? '';
