// The province-wide roll-up: the pure summary of one tracker, then `ita-tracker rollup` end to end
// against the local Sheets API stand-in (failures, a slow sheet, retries, escaping), and 200 trackers.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { GOOGLE, ROLLUP, TAB } from '../src/core/messages';
import { ROLLUP_COLUMNS, type RollupEntry, renderRollupHtml, summariseTracker } from '../src/core/rollup';
import { tableOf } from '../src/core/rows';
import { REPORTS_TAB, SETTINGS_TAB } from '../src/core/schema';
import { templateSnapshot } from '../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../src/core/workbook';
import { FakeSheetsApi, makeServiceAccountKey, type ServiceAccountKey, spreadsheetOf } from './support/fake-sheets-api';
import { d, division, measure, miniWorkbook } from './support/workbook';

const CLI = join(__dirname, '..', 'build', 'cli.js');

function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH, HOME: tmpdir(), METADATA_SERVER_DETECTION: 'none' };
  return new Promise((resolve) => {
    execFile(
      'node',
      [...nodeFlags, CLI, ...args],
      { encoding: 'utf8', env: { ...base, ...env }, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Two divisions, five measures over the three areas, rows in every status, two registered reports. */
function smallTracker(agencyName: string): WorkbookSnapshot {
  const snapshot = miniWorkbook({
    settings: { agencyName, district: 'อำเภอทดสอบ', province: 'จังหวัดทดสอบ', round6Due: d('2023-03-31') },
    divisions: [division('A', 'สำนักปลัด'), division('B', 'กองคลัง')],
    measures: [
      measure('IIT-01', 'IIT', ['สำนักปลัด', 'กองคลัง']),
      measure('IIT-02', 'IIT', ['สำนักปลัด']),
      measure('EIT-01', 'EIT', ['กองคลัง']),
      measure('OIT-01', 'OIT', ['สำนักปลัด']),
      measure('OIT-02', 'OIT', ['กองคลัง']),
    ],
    entries: {
      A: [
        { key: 'IIT-01', status: 'done', result6: 'ทำแล้ว' },
        { key: 'IIT-02', status: 'in_progress' },
        { key: 'OIT-01', status: 'not_started', due: '2023-03-01' },
      ],
      B: [
        { key: 'IIT-01', status: 'not_started', due: '2023-04-30' },
        { key: 'EIT-01', status: 'done', result6: 'ทำแล้ว' },
      ],
    },
  });
  snapshot.tabs[TAB.reports] = tableOf(REPORTS_TAB, [
    { fiscalYear: 2566, round: 6, docId: 'doc-6', publishedUrl: 'https://docs.google.com/document/d/doc-6/pub' },
    { fiscalYear: 2566, round: 12, docId: 'doc-12', docUrl: 'https://docs.google.com/document/d/doc-12/edit' },
    { fiscalYear: 2565, round: 12, docId: 'old', publishedUrl: 'https://docs.google.com/document/d/old/pub' },
  ]);
  return snapshot;
}

describe('one tracker → one summary row', () => {
  const tracker = parseWorkbook(smallTracker('อบต.ทดสอบ')).tracker;

  test('a measure counts as done only when every division has done it; none begun → not started', () => {
    const s = summariseTracker(tracker, '2023-03-25');
    expect(s.measures).toBe(5);
    expect(s.byArea).toEqual({
      IIT: { not_started: 0, in_progress: 2, done: 0 }, // IIT-01: one division done, one not; IIT-02 in progress
      EIT: { not_started: 0, in_progress: 0, done: 1 },
      OIT: { not_started: 2, in_progress: 0, done: 0 }, // OIT-02 has no division rows at all
    });
    expect([s.agencyName, s.district, s.province, s.fiscalYear, s.round]).toEqual([
      'อบต.ทดสอบ',
      'อำเภอทดสอบ',
      'จังหวัดทดสอบ',
      2566,
      6,
    ]);
  });

  test('overdue: not done and due before today; a row without its own due date uses the round due date', () => {
    expect(summariseTracker(tracker, '2023-03-01').overdue).toBe(0); // due today is not overdue yet
    expect(summariseTracker(tracker, '2023-03-25').overdue).toBe(1); // OIT-01 (1 March)
    expect(summariseTracker(tracker, '2023-04-01').overdue).toBe(2); // + IIT-02 (round due 31 March)
    expect(summariseTracker(tracker, '2023-05-01').overdue).toBe(3); // + B's IIT-01 (30 April); done rows never
  });

  test('the last report is the latest fiscal year and round in the register, its published URL before its doc URL', () => {
    expect(summariseTracker(tracker, '2023-03-25').lastReport).toEqual({
      fiscalYear: 2566,
      round: 12,
      url: 'https://docs.google.com/document/d/doc-12/edit',
    });
    const none = parseWorkbook(miniWorkbook({ divisions: [], measures: [] })).tracker;
    expect(summariseTracker(none, '2023-03-25').lastReport).toBeNull();
  });

  test('the page escapes every value and links only http(s) URLs', () => {
    const hostile = parseWorkbook(smallTracker('<img src=x onerror=alert(1)> & "อบต."')).tracker;
    const summary = summariseTracker(hostile, '2023-03-25');
    const entries: RollupEntry[] = [
      { no: 1, sheet: 'x', url: 'javascript:alert(1)', title: 't', summary },
      { no: 2, sheet: '<b>bad</b>', error: 'อ่านไม่ได้ <เพราะ>' },
    ];
    const html = renderRollupHtml(entries, '2023-03-25');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;อบต.&quot;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>bad');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('ชีตที่ 2 (&lt;b&gt;bad&lt;/b&gt;): อ่านไม่ได้ &lt;เพราะ&gt;');
    expect(html).toContain('ข้อมูล ณ วันที่ ๒๕ มีนาคม ๒๕๖๖');
  });
});

describe('ita-tracker rollup against the Sheets API stand-in', () => {
  let api: FakeSheetsApi;
  let key: ServiceAccountKey;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ita-rollup-'));
    api = await FakeSheetsApi.start();
    key = makeServiceAccountKey(dir);
    api.acceptKey(key);
  });
  afterAll(() => api.close());

  test('per-sheet failures are reported in Thai and skipped; the rest are summarised in list order (exit 1)', async () => {
    const ids = {
      seed: '1SeedTrackerOfPruYai0000000000000000000000',
      notShared: '1NotSharedWithTheServiceAccount00000000000',
      slow: '1SlowSheetWhichTimesOut000000000000000000',
      flaky: '1RateLimitedThenInternalErrorThenFine000000',
      other: '1NotATrackerAtAll0000000000000000000000000',
      hostile: '1AgencyNameThatLooksLikeAFormula0000000000',
    };
    api.addSheet(ids.seed, spreadsheetOf('ปรุใหญ่', templateSnapshot()));
    api.addSheet(ids.notShared, spreadsheetOf('x', templateSnapshot()), { refuse: 403 });
    api.addSheet(ids.slow, spreadsheetOf('ช้า', templateSnapshot()), { delayMs: 10000 });
    api.addSheet(ids.flaky, spreadsheetOf('ไม่เสถียร', smallTracker('อบต.ไม่เสถียร')), {
      failFirst: [
        { status: 429, retryAfter: '0' },
        { status: 500, on: 'batchGet' },
      ],
    });
    api.addSheet(ids.other, { title: 'งบประมาณ', tabs: { แผ่นงาน1: [['a']] } });
    api.addSheet(ids.hostile, spreadsheetOf('ชีต', smallTracker('=HYPERLINK("http://evil.example","<b>คลิก</b>")')));
    const list = join(dir, 'sheets.txt');
    writeFileSync(
      list,
      [
        '# ชีตติดตามมาตรการ ITA ของหน่วยงานในจังหวัด',
        `https://docs.google.com/spreadsheets/d/${ids.seed}/edit#gid=0`,
        ids.notShared,
        '',
        `${ids.slow}   # ช้า`,
        ids.flaky,
        ids.other,
        'ไม่ใช่ลิงก์',
        ids.hostile,
      ].join('\n'),
    );
    const out = join(dir, 'out');
    const r = await cli(
      ['rollup', '--sheets', list, '--out', out, '--today', '2566-03-25', '--timeout', '3', '--concurrency', '3'],
      api.env(key.path),
    );
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(
      [
        ROLLUP.failedLine(2, ids.notShared, GOOGLE.notShared(ids.notShared, key.email)),
        ROLLUP.failedLine(3, ids.slow, GOOGLE.timeout(ids.slow, 3)),
        ROLLUP.failedLine(5, ids.other, GOOGLE.notTracker('งบประมาณ', [TAB.settings, TAB.divisions, TAB.measures])),
        ROLLUP.failedLine(6, 'ไม่ใช่ลิงก์', GOOGLE.badSheetRef('ไม่ใช่ลิงก์')),
      ].sort(),
    );
    expect(r.stdout).toContain(ROLLUP.done(3, 4));
    // the flaky sheet was read after its 429 and 500
    expect(api.requestsFor(ids.flaky).map((q) => `${q.kind} ${q.status}`)).toEqual([
      'get 429',
      'get 200',
      'batchGet 500',
      'batchGet 200',
    ]);
    // the roll-up asks for the summary tabs only, never the e-mail log or the archive
    const ranges = api.requestsFor(ids.seed, 'batchGet')[0].query.getAll('ranges');
    expect(ranges).not.toContain(`'${TAB.emailLog}'`);
    expect(ranges).not.toContain(`'${TAB.archive}'`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'rollup.xlsx'));
    const ws = wb.getWorksheet(ROLLUP.sheetName)!;
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual(ROLLUP_COLUMNS.map((c) => c.header));
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = [4, 5, 6, 7, 8, 9, 10].map((n) => ws.getRow(n));
    expect(rows.map((row) => row.getCell(1).value)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const seed = summariseTracker(parseWorkbook(templateSnapshot()).tracker, '2023-03-25');
    expect(rows[0].getCell(col(ROLLUP.header.agency)).value).toBe(seed.agencyName);
    expect(rows[0].getCell(col(ROLLUP.header.measures)).value).toBe(seed.measures);
    expect(rows[0].getCell(col(ROLLUP.header.overdue)).value).toBe(seed.overdue);
    expect(rows[1].getCell(col(ROLLUP.header.error)).value).toBe(GOOGLE.notShared(ids.notShared, key.email));
    expect(rows[3].getCell(col(ROLLUP.header.agency)).value).toBe('อบต.ไม่เสถียร');
    expect(rows[3].getCell(col(ROLLUP.header.lastReport)).value).toEqual({
      text: ROLLUP.reportLabel('2566', '12'),
      hyperlink: 'https://docs.google.com/document/d/doc-12/edit',
    });
    // text that a spreadsheet would run as a formula is written as text
    expect(rows[6].getCell(col(ROLLUP.header.agency)).value).toBe(`'=HYPERLINK("http://evil.example","<b>คลิก</b>")`);
    const totals = ws.getRow(11);
    expect(totals.getCell(col(ROLLUP.header.measures)).value).toBe(seed.measures + 5 + 5);

    const html = readFileSync(join(out, 'rollup.html'), 'utf8');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;b&gt;คลิก&lt;/b&gt;&quot;)');
    expect(html).not.toContain('<b>คลิก');
    expect(html).toContain(ROLLUP.counts(3, 4));
  });

  test('a missing list file, and bad flags, are usage errors before anything is read', async () => {
    const before = api.total;
    let r = await cli(['rollup', '--sheets', join(dir, 'none.txt'), '--out', dir], api.env(key.path));
    expect([r.code, r.stderr.trim()]).toEqual([2, ROLLUP.listNotFound(join(dir, 'none.txt'))]);
    r = await cli(
      ['rollup', '--sheets', join(dir, 'sheets.txt'), '--out', dir, '--concurrency', '0'],
      api.env(key.path),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(GOOGLE.badCount('concurrency', '0'));
    expect(api.total).toBe(before);
  });

  test('200 trackers: all summarised in list order; one token, one get and one batchGet each', async () => {
    api.logRequests = false;
    const base = templateSnapshot();
    const settingsRow = base.tabs[SETTINGS_TAB.name].findIndex((row) => row[0] === 'agencyName');
    const idOf = (n: number) => `1Tracker${String(n).padStart(4, '0')}ForTheProvinceRollup000000000`;
    const run = async (count: number) => {
      for (let n = 1; n <= count; n++)
        // built on every request, so the server holds no tracker between answers
        api.addSheet(idOf(n), () => {
          const snapshot = templateSnapshot();
          snapshot.tabs[SETTINGS_TAB.name][settingsRow][2] = `หน่วยงานที่ ${n}`;
          return spreadsheetOf(`ติดตามมาตรการ ${n}`, snapshot);
        });
      const list = join(dir, `list-${count}.txt`);
      writeFileSync(list, Array.from({ length: count }, (_, i) => idOf(i + 1)).join('\n'));
      const out = join(dir, `out-${count}`);
      const before = { ...api.counts };
      const started = Date.now();
      // --expose-gc lets --stats also say what is still held after a collection
      const r = await cli(
        ['rollup', '--sheets', list, '--out', out, '--today', '2023-03-25', '--stats'],
        api.env(key.path),
        ['--expose-gc'],
      );
      const wall = Date.now() - started;
      const served = {
        token: api.counts.token - before.token,
        get: api.counts.get - before.get,
        batchGet: api.counts.batchGet - before.batchGet,
      };
      return { r, wall, served, out };
    };
    const small = await run(20);
    const big = await run(200);
    expect(big.r.stderr).toBe('');
    expect(big.r.code).toBe(0);
    expect(big.served).toEqual({ token: 1, get: 200, batchGet: 200 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(big.out, 'rollup.xlsx'));
    const ws = wb.getWorksheet(ROLLUP.sheetName)!;
    const agencies = Array.from({ length: 200 }, (_, i) => ws.getRow(4 + i).getCell(2).value);
    expect(agencies).toEqual(Array.from({ length: 200 }, (_, i) => `หน่วยงานที่ ${i + 1}`));
    const statsOf = (s: string) => s.split('\n').find((l) => l.startsWith('อ่านชีตใช้เวลา')) ?? '';
    process.stdout.write(
      [
        '',
        `rollup  20 trackers: ${statsOf(small.r.stdout)} | test wall ${small.wall} ms, served ${JSON.stringify(small.served)}`,
        `rollup 200 trackers: ${statsOf(big.r.stdout)} | test wall ${big.wall} ms, served ${JSON.stringify(big.served)}`,
        '',
      ].join('\n'),
    );
  });
});
