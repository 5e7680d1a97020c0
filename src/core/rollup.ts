// The province-wide roll-up, pure: one tracker → one small summary row (so a roll-up of hundreds of
// trackers keeps only these rows, never the workbooks), and the rows → the summary table and web page.
// The Node side (src/node/google/rollup.ts) does the reading and writing.
import { escapeHtml, isHttpUrl } from './cells';
import { isOverdue, lastReport, type StatusCounts } from './dashboard';
import { htmlPage, THAI_FONT_STACK } from './html';
import { ROLLUP } from './messages/rollup';
import { STATUS_LABEL } from './messages/tabs-headers';
import { AREAS, type Area, STATUSES, type Status, type Tracker } from './model';
import { formatThaiDate, type Round } from './thai';

export interface TrackerSummary {
  agencyName: string;
  district: string;
  province: string;
  fiscalYear: number;
  round: Round;
  measures: number;
  /** measures by area and status (a measure's status from all its divisions' rows) */
  byArea: Record<Area, StatusCounts>;
  /** division rows (measures and milestones) not done whose due date is before today */
  overdue: number;
  lastReport: { fiscalYear: number; round: Round; url: string } | null;
}

const zeroCounts = (): StatusCounts => ({ not_started: 0, in_progress: 0, done: 0 });

/** A measure is done when every division's row for it is done, not started when none has begun. */
export function measureStatus(tracker: Pick<Tracker, 'entries'>, measureId: string): Status {
  const rows = tracker.entries.filter((e) => e.measureId === measureId);
  if (rows.length === 0 || rows.every((e) => e.status === 'not_started')) return 'not_started';
  if (rows.every((e) => e.status === 'done')) return 'done';
  return 'in_progress';
}

/** today: ISO date. A row without a due date of its own falls back to the current round's due date. */
export function summariseTracker(tracker: Tracker, today: string): TrackerSummary {
  const s = tracker.settings;
  const byArea = Object.fromEntries(AREAS.map((a) => [a, zeroCounts()])) as Record<Area, StatusCounts>;
  for (const m of tracker.measures) byArea[m.area][measureStatus(tracker, m.id)]++;
  const roundDue = s.roundDue[s.currentRound];
  // the same rules the tracker's own dashboard counts by
  const overdue = tracker.entries.filter((e) => isOverdue(e, roundDue, today)).length;
  return {
    agencyName: s.agencyName,
    district: s.district,
    province: s.province,
    fiscalYear: s.fiscalYear,
    round: s.currentRound,
    measures: tracker.measures.length,
    byArea,
    overdue,
    lastReport: lastReport(tracker.reports),
  };
}

/** One line of the roll-up: where the tracker was read from, and its summary or why it could not be. */
export interface RollupEntry {
  /** 1-based position in the list of sheets */
  no: number;
  /** the id or URL as listed */
  sheet: string;
  /** the sheet's own URL and title, when it was reached */
  url?: string;
  title?: string;
  summary?: TrackerSummary;
  error?: string;
}

export interface RollupCell {
  value: string | number | null;
  /** an http(s) link to put on the value */
  link?: string;
}

export interface RollupColumn {
  header: string;
  /** the group it belongs to in a two-row header (areas, totals), '' for a single-row column */
  group: string;
  /** the second header row's text under a group */
  sub: string;
  cell(entry: RollupEntry): RollupCell;
  /** whether the totals row sums it */
  summed: boolean;
}

const num =
  (f: (s: TrackerSummary) => number) =>
  (e: RollupEntry): RollupCell => ({ value: e.summary ? f(e.summary) : null });
const text =
  (f: (s: TrackerSummary) => string) =>
  (e: RollupEntry): RollupCell => ({ value: e.summary ? f(e.summary) : null });
const totalOf = (s: TrackerSummary, status: Status) => AREAS.reduce((n, a) => n + s.byArea[a][status], 0);

/** The roll-up's columns, shared by the workbook and the web page. */
export const ROLLUP_COLUMNS: RollupColumn[] = [
  { header: ROLLUP.header.no, group: '', sub: '', summed: false, cell: (e) => ({ value: e.no }) },
  {
    header: ROLLUP.header.agency,
    group: '',
    sub: '',
    summed: false,
    cell: (e) => ({ value: e.summary?.agencyName || e.title || e.sheet }),
  },
  { header: ROLLUP.header.district, group: '', sub: '', summed: false, cell: text((s) => s.district) },
  { header: ROLLUP.header.province, group: '', sub: '', summed: false, cell: text((s) => s.province) },
  { header: ROLLUP.header.fiscalYear, group: '', sub: '', summed: false, cell: num((s) => s.fiscalYear) },
  { header: ROLLUP.header.round, group: '', sub: '', summed: false, cell: num((s) => s.round) },
  { header: ROLLUP.header.measures, group: '', sub: '', summed: true, cell: num((s) => s.measures) },
  ...AREAS.flatMap((a) =>
    STATUSES.map((st) => ({
      header: ROLLUP.areaStatus(a, STATUS_LABEL[st]),
      group: ROLLUP.header.area(a),
      sub: STATUS_LABEL[st],
      summed: true,
      cell: num((s) => s.byArea[a][st]),
    })),
  ),
  ...STATUSES.map((st) => ({
    header: ROLLUP.totalStatus(STATUS_LABEL[st]),
    group: ROLLUP.header.total,
    sub: STATUS_LABEL[st],
    summed: true,
    cell: num((s) => totalOf(s, st)),
  })),
  { header: ROLLUP.header.overdue, group: '', sub: '', summed: true, cell: num((s) => s.overdue) },
  {
    header: ROLLUP.header.lastReport,
    group: '',
    sub: '',
    summed: false,
    cell: (e) => {
      const r = e.summary?.lastReport;
      if (!e.summary) return { value: null };
      if (!r) return { value: ROLLUP.noReport };
      return {
        value: ROLLUP.reportLabel(String(r.fiscalYear), String(r.round)),
        link: isHttpUrl(r.url) ? r.url : undefined,
      };
    },
  },
  {
    header: ROLLUP.header.sheet,
    group: '',
    sub: '',
    summed: false,
    cell: (e) => ({ value: e.title || e.sheet, link: e.url && isHttpUrl(e.url) ? e.url : undefined }),
  },
  { header: ROLLUP.header.error, group: '', sub: '', summed: false, cell: (e) => ({ value: e.error ?? null }) },
];

/** The totals row: sums over the trackers that were read. */
export function rollupTotals(entries: readonly RollupEntry[]): RollupCell[] {
  return ROLLUP_COLUMNS.map((c, i) => {
    if (i === 1) return { value: ROLLUP.totals };
    if (!c.summed) return { value: null };
    return { value: entries.reduce((n, e) => n + (e.summary ? Number(c.cell(e).value ?? 0) : 0), 0) };
  });
}

// ---------------------------------------------------------------- web page

const cellHtml = (c: RollupCell): string => {
  const v = c.value === null ? '' : escapeHtml(String(c.value));
  return c.link ? `<a href="${escapeHtml(c.link)}">${v}</a>` : v;
};

/** A self-contained page (UTF-8, Thai), every value escaped. today: ISO date. */
export function renderRollupHtml(entries: readonly RollupEntry[], today: string): string {
  const ok = entries.filter((e) => e.summary).length;
  const firstRow = ROLLUP_COLUMNS.map((c, i) => ({ c, i }))
    .filter(({ c, i }) => !c.group || ROLLUP_COLUMNS[i - 1]?.group !== c.group)
    .map(({ c }) => {
      if (!c.group) return `<th rowspan="2">${escapeHtml(c.header)}</th>`;
      const span = ROLLUP_COLUMNS.filter((x) => x.group === c.group).length;
      return `<th colspan="${span}">${escapeHtml(c.group)}</th>`;
    })
    .join('');
  const secondRow = ROLLUP_COLUMNS.filter((c) => c.group)
    .map((c) => `<th>${escapeHtml(c.sub)}</th>`)
    .join('');
  const numeric = (c: RollupCell) => typeof c.value === 'number';
  const row = (cells: RollupCell[], cls: string) =>
    `<tr${cls ? ` class="${cls}"` : ''}>${cells.map((c) => `<td${numeric(c) ? ' class="n"' : ''}>${cellHtml(c)}</td>`).join('')}</tr>`;
  const body = entries
    .map((e) =>
      row(
        ROLLUP_COLUMNS.map((c) => c.cell(e)),
        e.summary ? '' : 'failed',
      ),
    )
    .join('\n');
  const failed = entries.filter((e) => !e.summary);
  return htmlPage({
    title: ROLLUP.title,
    style: `
body { font-family: ${THAI_FONT_STACK}; margin: 1.5rem; }
table { border-collapse: collapse; font-size: 0.95rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; vertical-align: top; }
th { background: #eef; }
td.n { text-align: right; }
tr.failed td { background: #fee; }
tfoot td { font-weight: bold; }
`,
    body: `
<h1>${escapeHtml(ROLLUP.title)}</h1>
<p>${escapeHtml(ROLLUP.asOf(formatThaiDate(today, 'thai')))} · ${escapeHtml(ROLLUP.counts(ok, failed.length))}</p>
<table>
<thead>
<tr>${firstRow}</tr>
<tr>${secondRow}</tr>
</thead>
<tbody>
${body}
</tbody>
<tfoot>
${row(rollupTotals(entries), '')}
</tfoot>
</table>
${
  failed.length
    ? `<h2>${escapeHtml(ROLLUP.failedHeading)}</h2>\n<ul>\n${failed.map((e) => `<li>${escapeHtml(ROLLUP.failedLine(e.no, e.sheet, e.error ?? ''))}</li>`).join('\n')}\n</ul>\n`
    : ''
}`,
  });
}
