// Embedded charts: Sheet.newChart()'s builder and the charts it builds.
import { counted } from '../calls';
import { FakeRange } from './range';
import type { FakeSheet } from './sheet';

type GRange = GoogleAppsScript.Spreadsheet.Range;
type GEmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type GEmbeddedChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;

export interface ChartState {
  id: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
}

export class FakeChart {
  readonly _api: GEmbeddedChart;
  constructor(
    public state: ChartState,
    readonly sheet: FakeSheet,
  ) {
    this._api = counted('EmbeddedChart', this) as unknown as GEmbeddedChart;
    chartTargets.set(this._api, this);
  }
  getChartId(): number {
    return this.state.id;
  }
  getRanges(): GRange[] {
    return this.state.ranges.map((a1) => this.sheet._range(a1)._api);
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    const options = this.state.options;
    return counted('ChartOptions', {
      get: (k: string) => options[k] ?? null,
      getOrDefault: (k: string) => options[k] ?? null,
    }) as unknown as GoogleAppsScript.Charts.ChartOptions;
  }
  modify(): GEmbeddedChartBuilder {
    return new FakeChartBuilder(this.sheet, this.state)._api;
  }
}

/** Sheet.newChart(): a builder that records type, ranges, options and position; build() gives the chart. */
export class FakeChartBuilder {
  readonly _api: GEmbeddedChartBuilder;
  private state: ChartState;
  constructor(
    readonly sheet: FakeSheet,
    from?: ChartState,
  ) {
    this.state = from
      ? { ...from, ranges: [...from.ranges], options: { ...from.options } }
      : { id: 0, type: 'COLUMN', ranges: [], options: {}, position: null };
    this._api = counted('EmbeddedChartBuilder', this) as unknown as GEmbeddedChartBuilder;
  }
  private self() {
    return this._api;
  }
  addRange(range: GRange) {
    this.state.ranges.push(FakeRange._of(range)._a1());
    return this.self();
  }
  clearRanges() {
    this.state.ranges = [];
    return this.self();
  }
  removeRange(range: GRange) {
    const a1 = FakeRange._of(range)._a1();
    this.state.ranges = this.state.ranges.filter((r) => r !== a1);
    return this.self();
  }
  setChartType(type: unknown) {
    this.state.type = String(type);
    return this.self();
  }
  setOption(option: string, value: unknown) {
    this.state.options[option] = value;
    return this.self();
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    this.state.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setStacked() {
    return this.setOption('isStacked', true);
  }
  setLegendPosition(position: unknown) {
    return this.setOption('legend.position', String(position));
  }
  setNumHeaders(headers: number) {
    return this.setOption('headers', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean) {
    return this.setOption('transposeRowsAndColumns', transpose);
  }
  asColumnChart() {
    return this.setChartType('COLUMN');
  }
  asBarChart() {
    return this.setChartType('BAR');
  }
  asPieChart() {
    return this.setChartType('PIE');
  }
  asLineChart() {
    return this.setChartType('LINE');
  }
  asTableChart() {
    return this.setChartType('TABLE');
  }
  getChartType() {
    return this.state.type;
  }
  getRanges(): GRange[] {
    return this.state.ranges.map((a1) => this.sheet._range(a1)._api);
  }
  build(): GEmbeddedChart {
    return new FakeChart(
      { ...this.state, ranges: [...this.state.ranges], options: { ...this.state.options } },
      this.sheet,
    )._api;
  }
}

const chartTargets = new WeakMap<object, FakeChart>();

export function chartOf(chart: GEmbeddedChart): FakeChart {
  const f = chartTargets.get(chart);
  if (!f) throw new Error('The fakes were handed a chart they did not build.');
  return f;
}
