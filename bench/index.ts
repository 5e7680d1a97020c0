// npm run bench: Apps Script service calls (counted by the in-memory fakes) and local Node wall time
// for each operation at 11 / 100 / 1,000 / 5,000 measures, against a naive per-cell baseline measured
// in the same run. Prints one table and writes out/bench.json. No assertions: figures, not a test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnLetter } from '../src/core/cells';
import { TAB } from '../src/core/messages/tabs-headers';
import { simulateReminders } from '../src/core/reminder-simulation';
import { templateSnapshot } from '../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../src/core/workbook';
import * as gas from '../src/gas/index';
import { writeWorkbookFile } from '../src/node/xlsx-store';
import { calls } from '../tests/fakes/calls';
import { type FakeHandles, installFakes, seedSpreadsheet, uninstallFakes } from '../tests/fakes/index';
import { generateTracker, SIZES } from './generate';
import { journeyFigures } from './journey';
import * as naive from './naive';

/** Stated per-call latency for the Apps Script estimate: a service call is a round trip to Google. */
const MS_PER_CALL = 40;
const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'build', 'cli.js');
const ADMIN = 'admin@example.org';

type Entry = (...args: unknown[]) => unknown;
function entry(name: string): Entry | null {
  const f = (gas.ENTRY_POINTS as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as Entry) : null;
}

class NotBuilt extends Error {}
/** Calls an entry point; an operation whose entry point does not exist yet is reported as "—". */
function call(name: string, ...args: unknown[]): void {
  const fn = entry(name);
  if (!fn) throw new NotBuilt(name);
  fn(...args);
}

/** Runs fn with the clock at a fixed instant, as the trigger would see it that day. */
function onDay<T>(iso: string, fn: () => T): T {
  const real = Date.now;
  Date.now = () => Date.parse(iso);
  try {
    return fn();
  } finally {
    Date.now = real;
  }
}

interface Operation {
  name: string;
  /** runs the operation through the Apps Script entry point, fakes installed and seeded */
  gas: (snapshot: WorkbookSnapshot, fakes: FakeHandles) => void;
  /** the same work done the naive way, or null where there is no meaningful baseline (the health check) */
  naive: ((snapshot: WorkbookSnapshot) => void) | null;
  /** who runs it, setup included (default ADMIN) */
  user?: string;
  /** changes to the tracker before it is seeded (e.g. the acting user among the admins) */
  seed?: (snapshot: WorkbookSnapshot) => WorkbookSnapshot;
  /** CLI arguments after the workbook path, or null when the operation has no CLI form */
  cli: ((workbook: string, out: string) => string[]) | null;
  /** the CLI command rewrites the workbook: run each time on a fresh copy */
  mutates?: boolean;
  /** counted on a tracker that has been through setup (uncounted), as in daily use; setup itself is not */
  afterSetup?: boolean;
  /**
   * Continues in the fake spreadsheet the named operation (the one just before it) left, running `gas`
   * here instead of the operation's own: what `gas` would first do uncounted (a report, a plan) that
   * operation has just done, so its seeding, setup and prerequisite runs are not repeated. The count is
   * the same either way (the bench's figures were compared before and after this was introduced).
   */
  after?: { operation: string; gas: (snapshot: WorkbookSnapshot, fakes: FakeHandles) => void };
}

function firstDivisionEdit(snapshot: WorkbookSnapshot): { sheet: string; row: number; column: number } {
  const names = Object.keys(snapshot.tabs);
  const sheet = names.find((n) => snapshot.tabs[n][0]?.[0] === 'รหัสรายการ') as string;
  return { sheet, row: 2, column: (snapshot.tabs[sheet][0] as string[]).indexOf('สถานะ') + 1 };
}

/**
 * The division's own editor types into its tab and Sheets runs the simple trigger as it runs it
 * (fakes.sheets.edit): AuthMode LIMITED, the editor's e-mail withheld from the event (the strict world:
 * a Gmail-owned sheet). The editor is the first listed on the divisions tab (the bench's user when none).
 */
function divisionTypes(snapshot: WorkbookSnapshot, fakes: FakeHandles, a1: string, values: unknown): void {
  const { sheet } = firstDivisionEdit(snapshot);
  const division = parseWorkbook(snapshot).tracker.divisions.find((d) => d.name === sheet);
  const typist = division?.editors[0];
  const edit = () => fakes.sheets.edit(sheet, a1, values, (e) => call('onEdit', e));
  if (typist) fakes.session.as(typist, edit);
  else edit();
}

/** A division sets a status to "done". */
function typeStatus(snapshot: WorkbookSnapshot, fakes: FakeHandles): void {
  const { row, column } = firstDivisionEdit(snapshot);
  divisionTypes(snapshot, fakes, `${columnLetter(column - 1)}${row}`, 'ดำเนินการแล้ว');
}

/** Closing a round is for the settings' admins: the bench's user is made one (uncounted). */
function actAsAdmin(): void {
  calls.untracked(() => {
    const settings = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('ตั้งค่า')!;
    const values = settings.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === 'admins');
    if (row >= 0) settings.getRange(row + 1, 3).setValue(ADMIN);
  });
}

/** A division pastes 3 rows × 4 columns (status, results, evidence) from row 2. */
function pasteRows(snapshot: WorkbookSnapshot, fakes: FakeHandles): void {
  const { row, column } = firstDivisionEdit(snapshot);
  divisionTypes(snapshot, fakes, `${columnLetter(column - 1)}${row}:${columnLetter(column + 2)}${row + 2}`, [
    ['อยู่ระหว่างดำเนินการ', 'เริ่มแล้ว', '', 'https://example.org/a'],
    ['ดำเนินการแล้ว', 'ทำแล้ว', '', 'https://example.org/b'],
    ['ดำเนินการแล้ว', '', '', ''],
  ]);
}

const OPERATIONS: Operation[] = [
  { name: 'setup', gas: () => call('menuSetup'), naive: () => naive.naiveSetup(), cli: null },
  {
    name: 'sync',
    afterSetup: true,
    gas: () => call('menuSyncDivisionTabs'),
    naive: () => naive.naiveSync(),
    cli: (wb) => ['sync', wb],
    mutates: true,
  },
  {
    name: 'validate-all',
    afterSetup: true,
    gas: () => call('menuValidateAll'),
    naive: () => naive.naiveValidate(),
    cli: (wb) => ['validate', wb, '--json'],
  },
  {
    name: 'onEdit (1 cell)',
    afterSetup: true,
    // typing is uncounted (fakes.sheets.typeInto); the simple trigger's calls count
    gas: (s, fakes) => typeStatus(s, fakes),
    naive: (s) => {
      const { sheet, row, column } = firstDivisionEdit(s);
      naive.naiveOnEdit(SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!, row, column);
    },
    cli: null,
  },
  {
    name: 'onEdit (paste 3×4)',
    afterSetup: true,
    gas: (s, fakes) => pasteRows(s, fakes),
    naive: (s) => {
      const { sheet, row, column } = firstDivisionEdit(s);
      const tab = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheet)!;
      for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) naive.naiveOnEdit(tab, row + r, column + c);
    },
    cli: null,
  },
  {
    name: 'report (1st of round)',
    afterSetup: true,
    gas: () => call('menuGenerateReport'),
    naive: () => naive.naiveReport(),
    cli: null,
  },
  {
    name: 'report (regenerate)',
    afterSetup: true,
    gas: () => {
      calls.untracked(() => call('menuGenerateReport'));
      calls.reset();
      call('menuGenerateReport');
    },
    naive: () => naive.naiveReport(),
    cli: (wb, out) => ['report', wb, '--out', out, '--no-pdf'],
    after: { operation: 'report (1st of round)', gas: () => call('menuGenerateReport') },
  },
  {
    name: 'public page visit',
    afterSetup: true,
    // published once (uncounted), then one visit of the web app: served from the stored copy
    gas: () => {
      calls.untracked(() => call('menuGenerateReport'));
      calls.reset();
      call('doGet');
    },
    naive: () => naive.naivePublicPageVisit(),
    cli: (wb, out) => ['index', wb, '--out', out],
    after: { operation: 'report (regenerate)', gas: () => call('doGet') },
  },
  {
    name: 'close round',
    afterSetup: true,
    gas: () => {
      actAsAdmin();
      call('menuCloseRound');
    },
    naive: () => naive.naiveCloseRound(),
    cli: (wb) => ['close-round', wb],
    mutates: true,
  },
  {
    name: 'reminders',
    afterSetup: true,
    // the same day as the CLI run: 25 Mar 2023, 08:00 Bangkok (the trigger's hour)
    gas: () => onDay('2023-03-25T01:00:00Z', () => call('dailyReminders')),
    naive: () => naive.naiveReminders(),
    // the real offline run: .eml files into the outbox and the log appended to the workbook (a fresh copy each time)
    cli: (wb, out) => ['remind', wb, '--today', '2023-03-25', '--outbox', out],
    mutates: true,
  },
  {
    // a full run: every check, the scratch document, and the test e-mail (the fakes answer "yes")
    name: 'health check (full)',
    afterSetup: true,
    user: 'ita-admin@example.org', // the template's admin: the menu is for admins
    gas: () => call('menuHealthCheck'),
    naive: null,
    cli: null,
  },
  // issue 13: the year's plan, the memo to the executive, the approval on record
  {
    name: 'plan (สร้างมาตรการประจำปี)',
    afterSetup: true,
    gas: () => {
      calls.untracked(() => call('menuGeneratePlan'));
      calls.reset();
      call('menuGeneratePlan');
    },
    naive: null,
    cli: (wb, out) => ['plan', wb, '--out', out],
  },
  {
    name: 'propose (เสนอผู้บริหาร)',
    afterSetup: true,
    gas: (_, fakes) => {
      calls.untracked(() => call('menuGeneratePlan'));
      calls.reset();
      fakes.ui.respond('OK', 'plan');
      call('menuProposeToExecutive', '2022-10-05');
    },
    naive: null,
    cli: (wb, out) => ['memo', wb, '--out', out, '--round', 'plan', '--date', '2022-10-05'],
    after: {
      operation: 'plan (สร้างมาตรการประจำปี)',
      gas: (_, fakes) => {
        fakes.ui.respond('OK', 'plan');
        call('menuProposeToExecutive', '2022-10-05');
      },
    },
  },
  {
    name: 'approve (บันทึกการอนุมัติ)',
    afterSetup: true,
    seed: (s) => withSetting(withSetting(s, 'admins', ADMIN), 'publishAfterApproval', 'ใช่'),
    gas: (_, fakes) => {
      calls.untracked(() => {
        call('menuGeneratePlan');
        fakes.ui.respond('OK', 'plan');
        call('menuProposeToExecutive', '2022-10-05');
      });
      calls.reset();
      fakes.ui.respond('OK', '1');
      fakes.ui.respond('OK', 'เห็นชอบ');
      call('menuRecordApproval');
    },
    naive: null,
    cli: null,
  },
];

/** The snapshot with one setting's value replaced (the settings tab: key, label, value, help). */
function withSetting(snapshot: WorkbookSnapshot, key: string, value: string): WorkbookSnapshot {
  const settings = snapshot.tabs[TAB.settings].map((r) => r.slice());
  const row = settings.find((r) => r[0] === key);
  if (row) row[2] = value;
  return { tabs: { ...snapshot.tabs, ตั้งค่า: settings } };
}

interface Counted {
  calls: number | null;
  /** the run stopped with this error (the naive reminders run out of the day's e-mail quota) */
  failed?: string;
}

/** Counts the calls `run` makes in the fakes installed now (what the Apps Script code logs is not part of the table). */
function countIn(
  snapshot: WorkbookSnapshot,
  fakes: FakeHandles,
  prepare: () => void,
  run: (s: WorkbookSnapshot, fakes: FakeHandles) => void,
): Counted {
  const log = console.log;
  console.log = () => undefined;
  try {
    prepare();
    calls.reset();
    run(snapshot, fakes);
    return { calls: calls.total() };
  } catch (e) {
    if (e instanceof NotBuilt) return { calls: null };
    const why = e instanceof Error ? e.message : String(e);
    console.error(`  (stopped: ${why})`);
    return { calls: calls.total(), failed: why };
  } finally {
    console.log = log;
  }
}

/**
 * Counts the calls one run makes, on a fresh fake spreadsheet seeded with the snapshot. With `keep`,
 * the fakes stay installed afterwards (returned), for an operation that continues from this one.
 */
function countCalls(
  snapshot: WorkbookSnapshot,
  run: ((s: WorkbookSnapshot, fakes: FakeHandles) => void) | null,
  afterSetup = false,
  user = ADMIN,
  keep = false,
): Counted & { fakes?: FakeHandles } {
  if (!run) return { calls: null };
  const fakes = installFakes({ user, owner: user });
  const counted = countIn(
    snapshot,
    fakes,
    () => {
      seedSpreadsheet(snapshot);
      if (afterSetup) calls.untracked(() => call('menuSetup'));
    },
    run,
  );
  if (keep && counted.calls !== null && !counted.failed) return { ...counted, fakes };
  uninstallFakes();
  return counted;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function cliMillis(op: Operation, workbook: string, runs: number): number | null {
  if (!op.cli) return null;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'ita-bench-'));
    const wb = join(dir, 'tracker.xlsx');
    copyFileSync(workbook, wb);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, ...op.cli(wb, join(dir, 'out'))], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0 && r.status !== 1) {
      console.error(`  (${op.name} CLI exit ${r.status}: ${r.stderr.split('\n')[0]})`);
      return null;
    }
    times.push(ms);
  }
  return median(times);
}

const fmt = (n: number | null, digits = 0) => (n === null ? '—' : n.toFixed(digits));

async function main() {
  // arguments: sizes (11 100 …) and/or words naming operations ("health"); none = everything
  const args = process.argv.slice(2);
  const only = args.filter((a) => /^\d+$/.test(a));
  const words = args.filter((a) => !/^\d+$/.test(a));
  const operations = OPERATIONS.filter((op) => !words.length || words.some((w) => op.name.includes(w)));
  // no operation asked for (e.g. `npm run bench journey`): no tracker sizes to build either
  const sizes = operations.length ? SIZES.filter((s) => !only.length || only.includes(String(s.measures))) : [];
  const rows: Record<string, unknown>[] = [];
  const work = mkdtempSync(join(tmpdir(), 'ita-bench-wb-'));
  for (const size of sizes) {
    const snapshot = generateTracker(size.measures, size.divisions);
    const workbook = join(work, `tracker-${size.measures}.xlsx`);
    await writeWorkbookFile(workbook, snapshot);
    // the CLI's wall time: one run per operation and size (issue 21: the bench within 3 minutes; a
    // median of 3 at the small sizes cost a minute and moved no figure that matters); the call counts
    // are deterministic and counted once
    const runs = 1;
    // a naive baseline two operations share (the report's, for its first and regenerated runs) is run once
    const naiveSeen = new Map<string, Counted>();
    // first every operation's Apps Script count, so that one continuing from the one before it
    // (Operation.after) finds that one's fakes still installed; then the naive baselines and the CLI
    const counts = new Map<Operation, { gas: Counted; seconds: number }>();
    let live: { operation: string; fakes: FakeHandles } | null = null;
    for (const op of operations) {
      const seeded = op.seed ? op.seed(snapshot) : snapshot;
      const t0 = performance.now();
      const keep = operations.some((o) => o.after?.operation === op.name);
      let gas: Counted & { fakes?: FakeHandles };
      if (live && op.after && op.after.operation === live.operation) {
        gas = countIn(seeded, live.fakes, () => undefined, op.after.gas);
        if (keep && !gas.failed) gas = { ...gas, fakes: live.fakes };
        else uninstallFakes();
      } else {
        if (live) uninstallFakes();
        gas = countCalls(seeded, op.gas, op.afterSetup, op.user, keep);
      }
      live = gas.fakes ? { operation: op.name, fakes: gas.fakes } : null;
      counts.set(op, { gas, seconds: (performance.now() - t0) / 1000 });
    }
    if (live) uninstallFakes();
    for (const op of operations) {
      const seeded = op.seed ? op.seed(snapshot) : snapshot;
      const { gas, seconds } = counts.get(op) as { gas: Counted; seconds: number };
      const t1 = performance.now();
      const naiveKey = op.naive
        ? `${op.naive.toString()}|${op.seed ? op.name : ''}|${op.afterSetup}|${op.user ?? ''}`
        : '';
      const naiveRun = naiveSeen.get(naiveKey) ?? countCalls(seeded, op.naive, op.afterSetup, op.user);
      if (op.naive) naiveSeen.set(naiveKey, naiveRun);
      const t2 = performance.now();
      const gasCalls = gas.failed ? null : gas.calls;
      const naiveCalls = naiveRun.calls;
      const nodeMs = cliMillis(op, workbook, runs);
      const spent = `gas ${seconds.toFixed(1)} s, naive ${((t2 - t1) / 1000).toFixed(1)} s, CLI ${((performance.now() - t2) / 1000).toFixed(1)} s`;
      const row = {
        operation: op.name,
        measures: size.measures,
        divisions: size.divisions,
        gasCalls,
        gasEstimateSeconds: gasCalls === null ? null : (gasCalls * MS_PER_CALL) / 1000,
        naiveCalls,
        naiveEstimateSeconds: naiveCalls === null ? null : (naiveCalls * MS_PER_CALL) / 1000,
        naiveFailed: naiveRun.failed ?? null,
        gasFailed: gas.failed ?? null,
        fewerCallsThanNaive: gasCalls && naiveCalls ? naiveCalls / gasCalls : null,
        nodeCliMedianMs: nodeMs,
      };
      rows.push(row);
      console.error(
        `${op.name} @ ${size.measures}: ${gasCalls} calls (naive ${naiveCalls}), CLI ${fmt(nodeMs)} ms  [${spent}]`,
      );
    }
  }
  rmSync(work, { recursive: true, force: true });
  const codeBytes = statSync(join(ROOT, 'dist', 'Code.js')).size;
  const header = [
    'operation',
    'measures',
    'divs',
    'GAS calls',
    `est. GAS s @${MS_PER_CALL}ms`,
    'naive calls',
    `est. naive s`,
    'naive/ours',
    'Node CLI ms (one run)',
  ];
  const table = rows.map((r) => [
    String(r.operation),
    String(r.measures),
    String(r.divisions),
    fmt(r.gasCalls as number | null),
    fmt(r.gasEstimateSeconds as number | null, 1),
    r.naiveFailed ? `${fmt(r.naiveCalls as number | null)}+ (fails)` : fmt(r.naiveCalls as number | null),
    fmt(r.naiveEstimateSeconds as number | null, 1),
    r.fewerCallsThanNaive === null
      ? '—'
      : `${r.naiveFailed ? '>' : ''}${(r.fewerCallsThanNaive as number).toFixed(0)}×`,
    fmt(r.nodeCliMedianMs as number | null),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const t of table) console.log(line(t));
  console.log(`\ndist/Code.js: ${(codeBytes / 1024).toFixed(1)} KB (${codeBytes} bytes)`);
  console.log(
    `Apps Script estimate = service calls × ${MS_PER_CALL} ms per call (a round trip each); Node = wall time of one run of the CLI command, process start included.`,
  );
  console.log('"(fails)": the naive run stopped there — one e-mail per open item runs past MailApp\'s daily quota.');
  const reminderYear = reminderYearFigures();
  // issue 22: the journey's calls per account profile and step ("journey" alone runs just this)
  const journey = !words.length || words.includes('journey') ? journeyFigures() : null;
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  writeFileSync(
    join(ROOT, 'out', 'bench.json'),
    JSON.stringify({ msPerCall: MS_PER_CALL, codeBytes, rows, reminderYear, journey }, null, 2),
  );
  console.log('figures written to out/bench.json');
}

/**
 * Issue 12's figures: a year of the daily run (FY 2566, every item reopened, nothing ever done) as
 * `remind --simulate 2022-10-01 2023-09-30` computes them, for the example and 15 divisions × 300 measures.
 */
function reminderYearFigures() {
  const trackers = [
    { name: 'example (5 divisions, 11 measures)', snapshot: templateSnapshot({ example: true }) },
    { name: '15 divisions, 300 measures', snapshot: generateTracker(300, 15) },
  ];
  console.log('\nA year of reminders (remind --simulate 2022-10-01 2023-09-30, nothing ever done):');
  return trackers.map(({ name, snapshot }) => {
    const started = performance.now();
    const sim = simulateReminders({ tracker: parseWorkbook(snapshot).tracker, from: '2022-10-01', to: '2023-09-30' });
    const ms = performance.now() - started;
    const divisions = sim.recipients.filter((r) => r.divisionCode !== '');
    const executives = sim.recipients.find((r) => r.divisionCode === '');
    const figures = {
      name,
      total: sim.total,
      weekendSends: sim.weekendSends,
      holidaySends: sim.holidaySends,
      divisionTotals: [Math.min(...divisions.map((r) => r.total)), Math.max(...divisions.map((r) => r.total))],
      divisionWorstWeek: Math.max(...divisions.map((r) => r.worstWeek?.count ?? 0)),
      executives: executives?.total ?? 0,
      executivesWorstWeek: executives?.worstWeek?.count ?? 0,
      dueDatesInWindow: `${sim.dueMentions.filter((m) => m.mentionedOn).length}/${sim.dueMentions.length}`,
      ms: Math.round(ms),
    };
    console.log(
      `  ${name}: ${figures.total} e-mails (weekend ${figures.weekendSends}, holiday ${figures.holidaySends}); ` +
        `per division ${figures.divisionTotals.join('–')}, worst week ${figures.divisionWorstWeek}; ` +
        `executives ${figures.executives}, worst week ${figures.executivesWorstWeek}; due dates in window ${figures.dueDatesInWindow}; ${figures.ms} ms`,
    );
    return figures;
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
