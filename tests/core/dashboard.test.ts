// The dashboard's numbers: counts by division × area, overdue as of a date, the last report's link.

import { dashboardData, dashboardGrid, isOverdue, LAST_REPORT_ROW, lastReport } from '../../src/core/dashboard';
import { DASHBOARD } from '../../src/core/messages/dashboard';
import { STATUS_LABEL } from '../../src/core/messages/tabs-headers';
import type { ReportRecord } from '../../src/core/model';
import { dashboardTracker as tracker } from '../support/dashboard-tracker';

describe('counts (core)', () => {
  it('status counts by division and by division × area, overdue as of a date (not done and past due)', () => {
    const data = dashboardData(tracker(), '2023-04-01');
    const fin = data.divisions.find((d) => d.divisionCode === 'FIN')!;
    expect(fin.total).toEqual({ not_started: 1, in_progress: 1, done: 1, overdue: 1 });
    expect(fin.byArea.EIT).toEqual({ not_started: 1, in_progress: 0, done: 0, overdue: 1 });
    expect(fin.byArea.OIT).toEqual({ not_started: 0, in_progress: 1, done: 1, overdue: 0 });
    const palad = data.divisions.find((d) => d.divisionCode === 'PALAD')!;
    expect(palad.total).toEqual({ not_started: 0, in_progress: 1, done: 1, overdue: 1 });
    expect(data.divisions.find((d) => d.divisionCode === 'WORKS')?.total).toEqual({
      not_started: 0,
      in_progress: 0,
      done: 0,
      overdue: 0,
    });
    expect(data.overdue).toBe(2);
    // on the due day nothing is overdue yet
    expect(dashboardData(tracker(), '2023-03-31').overdue).toBe(0);
    expect(isOverdue({ status: 'done', due: '2020-01-01' }, null, '2023-01-01')).toBe(false);
    expect(isOverdue({ status: 'not_started', due: null }, null, '2023-01-01')).toBe(false);
  });

  it('the last report: latest fiscal year, then round, then generation; its public link first', () => {
    expect(lastReport([])).toBeNull();
    const r = (fy: number, round: 6 | 12, at: string, url: Partial<ReportRecord>) =>
      ({
        fiscalYear: fy,
        round,
        generatedAt: at,
        docId: '',
        docUrl: '',
        publishedUrl: '',
        pdfUrl: '',
        generatedBy: '',
        warnings: '',
        ...url,
      }) as ReportRecord;
    expect(
      lastReport([
        r(2566, 12, '2023-10-01 09:00', {
          publishedUrl: 'https://docs.google.com/document/d/b/pub',
          docUrl: 'https://docs.google.com/document/d/b/edit',
        }),
        r(2566, 6, '2023-04-01 09:00', { publishedUrl: 'https://docs.google.com/document/d/a/pub' }),
        r(2567, 6, '2024-04-01 09:00', {}), // no link: not a report anyone can open
      ]),
    ).toEqual({ fiscalYear: 2566, round: 12, url: 'https://docs.google.com/document/d/b/pub' });
  });

  it('the grid: title, as-of in Thai, the division table the chart reads, division × area rows, overdue and last report', () => {
    const t = tracker([{ publishedUrl: 'https://docs.google.com/document/d/x/pub', generatedAt: '2023-04-02 10:00' }]);
    const grid = dashboardGrid(dashboardData(t, '2023-04-01'), t.settings);
    const v = grid.values;
    expect(new Set(v.map((r) => r.length)).size).toBe(1); // rectangular: one setValues
    expect(v[0][0]).toBe(DASHBOARD.title);
    expect(v[1][0]).toBe(DASHBOARD.asOf('1 เมษายน 2566', '2566', '6'));
    const header = v[grid.chart.row - 1];
    expect(header.slice(0, 4)).toEqual([
      DASHBOARD.division,
      STATUS_LABEL.not_started,
      STATUS_LABEL.in_progress,
      STATUS_LABEL.done,
    ]);
    expect(v.slice(grid.chart.row, grid.chart.row + grid.chart.numRows - 1).map((r) => r[0])).toEqual([
      'สำนักปลัด',
      'กองคลัง',
      'กองช่าง',
    ]);
    expect(v.find((r) => r[0] === DASHBOARD.allTotal)?.slice(1, 6)).toEqual([1, 2, 2, 5, 2]);
    expect(v.find((r) => r[0] === 'กองคลัง' && r[1] === 'EIT')?.slice(2)).toEqual([1, 0, 0, 1, 1]);
    expect(v.filter((r) => r[1] === 'IIT' || r[1] === 'EIT' || r[1] === 'OIT')).toHaveLength(9);
    expect(v.find((r) => r[0] === DASHBOARD.overdueTotal('1 เมษายน 2566'))?.[1]).toBe(2);
    // the last report sits on a fixed row, so report generation can rewrite it alone
    expect(v[LAST_REPORT_ROW - 1].slice(0, 3)).toEqual([
      DASHBOARD.lastReport,
      DASHBOARD.reportLabel('2566', '6'),
      'https://docs.google.com/document/d/x/pub',
    ]);
    expect(
      dashboardGrid(dashboardData(tracker(), '2023-04-01'), t.settings).values.find(
        (r) => r[0] === DASHBOARD.lastReport,
      )?.[1],
    ).toBe(DASHBOARD.noReport);
  });
});
