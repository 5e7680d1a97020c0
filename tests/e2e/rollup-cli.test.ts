// `ita-tracker rollup` end to end against the local Sheets API stand-in (failures, a slow sheet,
// retries, escaping), and 200 trackers.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { GOOGLE } from '../../src/core/messages/google';
import { ROLLUP } from '../../src/core/messages/rollup';
import { TAB } from '../../src/core/messages/tabs-headers';
import { ROLLUP_COLUMNS, summariseTracker } from '../../src/core/rollup';
import { SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import {
  FakeSheetsApi,
  makeServiceAccountKey,
  type ServiceAccountKey,
  spreadsheetOf,
} from '../support/fake-sheets-api';

const CLI = join(__dirname, '../..', 'build', 'cli.js');

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

import { figure } from '../support/figures';
import { smallTracker } from '../support/rollup-tracker';

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
    figure(
      [
        `rollup  20 trackers: ${statsOf(small.r.stdout)} | test wall ${small.wall} ms, served ${JSON.stringify(small.served)}`,
        `rollup 200 trackers: ${statsOf(big.r.stdout)} | test wall ${big.wall} ms, served ${JSON.stringify(big.served)}`,
      ].join('\n'),
    );
  });
});
