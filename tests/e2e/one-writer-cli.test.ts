// One writer at a time per workbook, and every writer keeps what it does not own (issue 26, classes 1
// and 2): real concurrent processes of the built CLI on one file, and a workbook with an admin's
// formula, a link with its text, a fill and a hidden tab through each writing command.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TAB } from '../../src/core/messages/tabs-headers';
import { EMAIL_LOG_TAB, ROUND_SNAPSHOT_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import { parseWorkbook } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { BUILT_CLI, runCli } from '../support/cli';

let dir: string;
let wb: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ita-lock-'));
  wb = join(dir, 'tracker.xlsx');
  await writeWorkbookFile(wb, templateSnapshot({ example: true }));
});

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, PATH: '', ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  );
}

const logRows = async () => (await readWorkbookFile(wb)).tabs[EMAIL_LOG_TAB.name].length - 1;

describe('class 1: two commands at once', () => {
  test('two reminds on one Monday: every digest written once and logged once', async () => {
    const outbox = join(dir, 'outbox');
    const args = ['remind', wb, '--today', '2023-03-27', '--outbox', outbox];
    const [a, b] = await Promise.all([start(args), start(args)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const mails = readdirSync(outbox);
    expect(mails.length).toBeGreaterThan(0);
    expect(await logRows()).toBe(mails.length);
  });

  test('close-round and remind together: the round closed and the e-mails logged', async () => {
    const outbox = join(dir, 'outbox');
    const [closed, reminded] = await Promise.all([
      start(['close-round', wb, '--by', 'admin']),
      start(['remind', wb, '--today', '2023-03-27', '--outbox', outbox]),
    ]);
    expect(closed.code).toBe(0);
    expect(reminded.code).toBe(0);
    const s = await readWorkbookFile(wb);
    expect(parseWorkbook(s).tracker.settings.currentRound).toBe(12);
    expect(s.tabs[ROUND_SNAPSHOT_TAB.name].length).toBeGreaterThan(1);
    expect(s.tabs[EMAIL_LOG_TAB.name].length - 1).toBe(readdirSync(outbox).length);
  });

  test('a lock held by a live process: refused after the bounded wait, exit 3, Thai, file untouched', async () => {
    const lock = `${wb}.lock`;
    const startedAt = new Date().toISOString();
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), command: 'rollover', startedAt }));
    const r = await start(['close-round', wb], { ITA_LOCK_WAIT_MS: '600' });
    expect(r.code).toBe(3);
    expect(r.err).toContain('คำสั่งอื่นกำลังทำงานกับไฟล์');
    expect(r.err).toContain('คำสั่ง rollover');
    expect(r.err).toContain(`โปรเซส ${process.pid}`);
    expect(r.err).toContain(lock);
    expect(existsSync(lock)).toBe(true);
    expect(parseWorkbook(await readWorkbookFile(wb)).tracker.settings.currentRound).toBe(6);
    // read-only commands do not need it
    expect(runCli(['validate', wb]).code).toBe(0);
  });

  test('a stale lock (its process gone on this machine) is taken over and removed', async () => {
    const lock = `${wb}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), command: 'sync', startedAt: '' }));
    const r = await start(['close-round', wb]);
    expect(r.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('class 2: every writer keeps what it does not own', () => {
  const SETTINGS_FORMULA = 'LEN("ita")';
  async function decorate(): Promise<void> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(wb);
    const measures = book.getWorksheet(TAB.measures)!;
    measures.getCell('Z2').value = { formula: SETTINGS_FORMULA, result: 3 };
    measures.getCell('Z3').value = { text: 'หลักฐานของกอง', hyperlink: 'https://example.org/evidence' };
    measures.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    book.getWorksheet(TAB.archive)!.state = 'hidden';
    await book.xlsx.writeFile(wb);
  }
  async function expectKept(): Promise<void> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(wb);
    const measures = book.getWorksheet(TAB.measures)!;
    expect((measures.getCell('Z2').value as ExcelJS.CellFormulaValue).formula).toBe(SETTINGS_FORMULA);
    expect(measures.getCell('Z3').value).toMatchObject({
      text: 'หลักฐานของกอง',
      hyperlink: 'https://example.org/evidence',
    });
    expect((measures.getCell('B2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    expect(book.getWorksheet(TAB.archive)!.state).toBe('hidden');
  }

  test.each([
    ['close-round', [['close-round', 'WB']]],
    [
      'reopen-round',
      [
        ['close-round', 'WB'],
        ['reopen-round', 'WB', '--round', '6', '--reason', 'แก้ไข'],
      ],
    ],
    ['rollover', [['rollover', 'WB', '--force']]],
  ])('%s keeps formulas, link text, fills and the hidden tab', async (_name, steps) => {
    await decorate();
    for (const step of steps) {
      const r = runCli(
        step.map((a) => (a === 'WB' ? wb : a)),
        { PATH: '' },
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    await expectKept();
  });
});
