// Opt-in: the real Google Sheets API with a real service account (README, "Google Sheets").
//   ITA_LIVE_SHEET_ID=<id or URL of a tracker shared with the account as Viewer>
//   GOOGLE_APPLICATION_CREDENTIALS=<key.json>   (or ITA_LIVE_KEY=<key.json>)
//   npm run test:live
// Without both, every test here is skipped. Nothing is written to the sheet (read-only scope).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRED_TABS } from '../../src/core/schema';
import { parseWorkbook } from '../../src/core/workbook';
import { connectSheets } from '../../src/node/google/auth';
import { readTrackerFromSheet } from '../../src/node/google/sheets-store';

const SHEET = process.env.ITA_LIVE_SHEET_ID;
const KEY = process.env.ITA_LIVE_KEY || process.env.GOOGLE_APPLICATION_CREDENTIALS;
const live = SHEET && KEY ? describe : describe.skip;
const CLI = join(__dirname, '..', '..', 'build', 'cli.js');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      [CLI, ...args],
      { encoding: 'utf8', env: { ...process.env, GOOGLE_APPLICATION_CREDENTIALS: KEY } },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

live('the live tracker through the real Sheets API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ita-live-'));

  test('one token, one spreadsheets.get and one values.batchGet read a tracker with every required tab', async () => {
    const conn = await connectSheets({ keyFile: KEY, fetch });
    const sheet = await readTrackerFromSheet(conn, SHEET as string);
    expect(conn.requests()).toBe(3);
    for (const tab of REQUIRED_TABS) expect(Object.keys(sheet.snapshot.tabs)).toContain(tab.name);
    expect(parseWorkbook(sheet.snapshot).tracker.settings.agencyName).not.toBe('');
  });

  test('backup, then validate offline, says what validate --sheet says', async () => {
    const file = join(dir, 'backup.xlsx');
    const backup = await cli(['backup', '--sheet', SHEET as string, file]);
    expect([backup.code, backup.stderr]).toEqual([0, '']);
    const offline = await cli(['validate', file]);
    const online = await cli(['validate', '--sheet', SHEET as string]);
    expect(online.stdout).toBe(offline.stdout);
    expect(online.code).toBe(offline.code);
  });

  test('rollup of the sheet listed twice gives two identical rows', async () => {
    const list = join(dir, 'sheets.txt');
    writeFileSync(list, `# live\n${SHEET}\n${SHEET}\n`);
    const r = await cli(['rollup', '--sheets', list, '--out', join(dir, 'rollup'), '--stats']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    process.stdout.write(`\n${r.stdout}\n`);
  });
});
