// The CLI reading a live tracker (--sheet, backup) as a user runs it: build/cli.js in a child process,
// against a local server that answers like the Sheets API and Google's token endpoint.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOGLE } from '../../src/core/messages/google';
import { TAB } from '../../src/core/messages/tabs-headers';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook, type WorkbookSnapshot } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import {
  FakeSheetsApi,
  makeServiceAccountKey,
  type ServiceAccountKey,
  spreadsheetOf,
} from '../support/fake-sheets-api';

const CLI = join(__dirname, '../..', 'build', 'cli.js');
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';
const URL_OF = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`;

let api: FakeSheetsApi;
let dir: string;
let key: ServiceAccountKey;

/** The CLI as a user runs it, with this server in place of Google and no ambient credentials. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const base = { PATH: process.env.PATH, HOME: dir, METADATA_SERVER_DETECTION: 'none', NO_PROXY: '127.0.0.1' };
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { encoding: 'utf8', env: { ...base, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const noStackTrace = (s: string) => expect(s).not.toMatch(/\n\s+at /);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-google-'));
  api = await FakeSheetsApi.start();
  key = makeServiceAccountKey(dir);
  api.acceptKey(key);
  api.addSheet(ID, spreadsheetOf('ติดตามมาตรการ ITA เทศบาลตำบลปรุใหญ่ 2566', templateSnapshot({ example: true })));
});
afterAll(() => api.close());

describe('the CLI with --sheet and backup', () => {
  test('validate --sheet <URL> prints what validate prints for the same workbook on disk', async () => {
    const file = join(dir, 'offline.xlsx');
    await writeWorkbookFile(file, templateSnapshot());
    const offline = await cli(['validate', file], {});
    const live = await cli(['validate', '--sheet', URL_OF(ID)], api.env(key.path));
    expect(live.stderr).toBe('');
    expect(live.stdout).toBe(offline.stdout);
    expect(live.code).toBe(offline.code);
  });

  test('report --sheet writes the same report as from the workbook on disk', async () => {
    const file = join(dir, 'report.xlsx');
    await writeWorkbookFile(file, templateSnapshot());
    const offline = await cli(['report', file, '--out', join(dir, 'r-off'), '--no-pdf'], {});
    const live = await cli(['report', '--sheet', ID, '--out', join(dir, 'r-live'), '--no-pdf'], api.env(key.path));
    expect(live.stderr).toBe('');
    expect(live.code).toBe(0);
    expect(offline.code).toBe(0);
    expect(readFileSync(join(dir, 'r-live', 'report.html'), 'utf8')).toBe(
      readFileSync(join(dir, 'r-off', 'report.html'), 'utf8'),
    );
  });

  test('remind --sheet --dry-run prints what the offline dry run prints; without --dry-run it refuses', async () => {
    const file = join(dir, 'remind.xlsx');
    await writeWorkbookFile(file, templateSnapshot());
    const offline = await cli(['remind', file, '--today', '2023-03-27', '--dry-run'], {});
    const live = await cli(['remind', '--sheet', ID, '--today', '2023-03-27', '--dry-run'], api.env(key.path));
    expect(live.stderr).toBe('');
    expect(live.stdout).toBe(offline.stdout);
    expect(live.stdout).toContain('แจ้งเตือนมาตรการ ITA ของกองคลัง');
    const refused = await cli(['remind', '--sheet', ID, '--today', '2023-03-27'], api.env(key.path));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--dry-run');
  });

  test('backup --sheet writes a workbook the offline CLI reads the same; the live sheet gets no writes', async () => {
    const file = join(dir, 'backup', 'tracker.xlsx');
    const before = api.log.length;
    const r = await cli(['backup', '--sheet', ID, file], api.env(key.path));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const tabs = templateSnapshot().tabs;
    const rows = Object.values(tabs).reduce((n, t) => n + Math.max(0, t.length - 1), 0);
    expect(r.stdout).toContain(
      GOOGLE.backedUp('ติดตามมาตรการ ITA เทศบาลตำบลปรุใหญ่ 2566', Object.keys(tabs).length, rows),
    );
    expect(api.log.slice(before).map((q) => `${q.method} ${q.kind}`)).toEqual([
      'POST token',
      'GET get',
      'GET batchGet',
    ]);
    const backedUp = await readWorkbookFile(file);
    expect(parseWorkbook(backedUp).tracker).toEqual(parseWorkbook(templateSnapshot()).tracker);
    const offline = await cli(['validate', file], {});
    const live = await cli(['validate', '--sheet', ID], api.env(key.path));
    expect(offline.stdout).toBe(live.stdout);
  });

  test('--sheet with a workbook path as well is a usage error', async () => {
    const r = await cli(['validate', join(dir, 'offline.xlsx'), '--sheet', ID], api.env(key.path));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(GOOGLE.sheetAndFile);
  });
});

describe('what a user is told when it cannot work (exit 2, Thai, no stack trace)', () => {
  const NOT_SHARED = '1NotSharedWithTheServiceAccount000000000000';
  const GONE = '1ThisSpreadsheetWasDeleted00000000000000000';
  const NOT_TRACKER = '1SomeOtherSpreadsheetWithOtherTabs000000000';
  const DISABLED = '1SheetsApiIsNotEnabledInTheProject000000000';
  beforeAll(() => {
    api.addSheet(NOT_SHARED, spreadsheetOf('x', templateSnapshot()), { refuse: 403 });
    api.addSheet(GONE, spreadsheetOf('x', templateSnapshot()), { refuse: 404 });
    api.addSheet(DISABLED, spreadsheetOf('x', templateSnapshot()), { refuse: 'SERVICE_DISABLED' });
    const tabs: WorkbookSnapshot['tabs'] = {
      [TAB.settings]: templateSnapshot().tabs[TAB.settings],
      งบประมาณ: [['รายการ', 'จำนวนเงิน']],
    };
    api.addSheet(NOT_TRACKER, { title: 'งบประมาณ 2567', tabs });
  });

  test('a sheet not shared with the service account names the account to share it with', async () => {
    const r = await cli(['validate', '--sheet', URL_OF(NOT_SHARED)], api.env(key.path));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.notShared(URL_OF(NOT_SHARED), key.email));
    expect(r.stdout).toBe('');
  });

  test('a sheet that does not exist', async () => {
    const r = await cli(['backup', '--sheet', GONE, join(dir, 'never.xlsx')], api.env(key.path));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.notFound(GONE));
  });

  test('a sheet that is not a tracker lists the missing tabs and reads no values', async () => {
    const before = api.counts.batchGet;
    const r = await cli(['validate', '--sheet', NOT_TRACKER], api.env(key.path));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.notTracker('งบประมาณ 2567', [TAB.divisions, TAB.measures]));
    expect(api.counts.batchGet).toBe(before);
  });

  test('the Sheets API not enabled in the project', async () => {
    const r = await cli(['validate', '--sheet', DISABLED], api.env(key.path));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      GOOGLE.apiDisabled('Google Sheets API has not been used in project 100000000001 before or it is disabled.'),
    );
  });

  test('no credentials at all', async () => {
    const r = await cli(['validate', '--sheet', ID], api.env());
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.noCredentials);
    noStackTrace(r.stderr);
  });

  test('a key file that is missing, or is not a key', async () => {
    const missing = join(dir, 'nope.json');
    let r = await cli(['validate', '--sheet', ID, '--key', missing], api.env());
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.keyNotFound(missing));
    const notKey = join(dir, 'notes.json');
    writeFileSync(notKey, 'this is not json');
    r = await cli(['backup', '--sheet', ID, join(dir, 'x.xlsx')], api.env(notKey));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.keyNotJson(notKey));
  });

  test('a key Google does not accept (deleted or from elsewhere): the token endpoint says invalid_grant', async () => {
    const stranger = makeServiceAccountKey(dir, 'stranger');
    const r = await cli(['validate', '--sheet', ID], api.env(stranger.path));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(GOOGLE.badCredentials('invalid_grant: Invalid JWT Signature.'));
    noStackTrace(r.stderr);
  });
});
