// The dashboard tab: written with one setValues and one chart that a refresh never duplicates.
import { DASHBOARD } from '../../src/core/messages/dashboard';
import { TAB } from '../../src/core/messages/tabs-headers';
import { refreshDashboard, writeDashboard } from '../../src/gas/dashboard';
import { installFakes, seedSpreadsheet, uninstallFakes } from '../fakes';
import { calls } from '../fakes/calls';
import { dashboardTracker as tracker } from '../support/dashboard-tracker';
import { division, measure, miniWorkbook } from '../support/workbook';

describe('the tab (Apps Script)', () => {
  afterEach(() => uninstallFakes());

  it('one setValues and one chart; a refresh with fewer divisions blanks what is left and updates the same chart', () => {
    const fakes = installFakes();
    seedSpreadsheet({ tabs: { [TAB.dashboard]: [] } });
    writeDashboard(fakes.spreadsheet, tracker(), { today: '2023-04-01' });
    expect(calls.by('Range.setValues')).toBe(1);
    expect(calls.by('Sheet.insertChart')).toBe(1);
    const before = fakes.sheets.values(TAB.dashboard)!;
    expect(before[0][0]).toBe(DASHBOARD.title);
    const [chart] = fakes.sheets.charts(TAB.dashboard);
    expect(chart.type).toBe('COLUMN');
    expect(chart.options.title).toBe(DASHBOARD.chartTitle);
    expect(chart.ranges).toEqual(['A6:D9']);

    // the daily refresh with the same divisions: the chart already reads the right cells
    calls.reset();
    writeDashboard(fakes.spreadsheet, tracker(), { today: '2023-04-02' });
    expect(calls.by('Sheet.updateChart') + calls.by('Sheet.insertChart')).toBe(0);
    expect(fakes.sheets.charts(TAB.dashboard)[0].ranges).toEqual(['A6:D9']);

    calls.reset();
    const fewer = { ...tracker(), divisions: tracker().divisions.slice(0, 2) };
    writeDashboard(fakes.spreadsheet, fewer, { today: '2023-04-01' });
    expect(calls.by('Sheet.insertChart')).toBe(0);
    const charts = fakes.sheets.charts(TAB.dashboard);
    expect(charts).toHaveLength(1);
    expect(charts[0].id).toBe(chart.id);
    expect(charts[0].ranges).toEqual(['A6:D8']);
    const after = fakes.sheets.values(TAB.dashboard)!;
    expect(after.length).toBeLessThan(before.length);
    expect(after.some((r) => r[0] === 'กองช่าง')).toBe(false);
    expect(fakes.sheets.cell(TAB.dashboard, 'A1').fontWeight).toBe('bold');
  });

  it('refreshDashboard (for report generation and the daily trigger) reads the workbook once and needs no UI', () => {
    const fakes = installFakes();
    seedSpreadsheet(
      miniWorkbook({
        divisions: [division('FIN', 'กองคลัง')],
        measures: [measure('OIT-01', 'OIT', ['กองคลัง'])],
        entries: { FIN: [{ key: 'OIT-01', area: 'OIT', status: 'done' }] },
      }),
    );
    fakes.ui.setAvailable(false);
    calls.reset();
    refreshDashboard();
    expect(calls.by('Range.getValues')).toBe(fakes.sheets.tabNames().length - 1); // the dashboard tab is new
    expect(
      fakes.sheets
        .values(TAB.dashboard)
        ?.find((r) => r[0] === 'กองคลัง')
        ?.slice(1, 4),
    ).toEqual([0, 0, 1]);
  });
});
