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
import { seedFixture } from '../support/import-fixtures';

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

const NEW_MEASURE = 'IIT-99';
/** An admin adds a measure (a copy of the first, for every division it names): sync has rows to add. */
async function addMeasure(): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(wb);
  const measures = book.getWorksheet(TAB.measures)!;
  const copy = (measures.getRow(2).values as ExcelJS.CellValue[]).slice(1);
  copy[0] = NEW_MEASURE;
  measures.addRow(copy);
  await book.xlsx.writeFile(wb);
}

/** Division tabs holding a row keyed `key`, by tab name. */
async function tabsWithRow(key: string): Promise<string[]> {
  const s = await readWorkbookFile(wb);
  const { tracker } = parseWorkbook(s);
  return tracker.divisions.map((d) => d.name).filter((name) => (s.tabs[name] ?? []).some((row) => row[0] === key));
}

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

  test('sync and remind together: the new division rows and every e-mail log row are both kept', async () => {
    await addMeasure();
    const outbox = join(dir, 'outbox');
    const [synced, reminded] = await Promise.all([
      start(['sync', wb]),
      start(['remind', wb, '--today', '2023-03-27', '--outbox', outbox]),
    ]);
    expect(synced.code).toBe(0);
    expect(reminded.code).toBe(0);
    const mails = readdirSync(outbox);
    expect(mails.length).toBeGreaterThan(0);
    // sync's rows: the new measure on every tab of the divisions it names
    const responsible = parseWorkbook(await readWorkbookFile(wb)).tracker.measures.find((m) => m.id === NEW_MEASURE);
    expect(responsible?.responsibleCodes.length).toBeGreaterThan(0);
    expect((await tabsWithRow(NEW_MEASURE)).length).toBe(responsible?.responsibleCodes.length);
    // remind's rows: one log row per e-mail written
    expect(await logRows()).toBe(mails.length);
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
    // a division's own tab: a highlight on a kept row's result and a formula beside the table
    const division = book.getWorksheet(firstDivisionTab)!;
    division.getCell('F2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    division.getCell('Z2').value = { formula: SETTINGS_FORMULA, result: 3 };
    await book.xlsx.writeFile(wb);
  }
  const firstDivisionTab = parseWorkbook(templateSnapshot({ example: true })).tracker.divisions[0].name;
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
    const division = book.getWorksheet(firstDivisionTab)!;
    expect((division.getCell('F2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF00FF00');
    expect((division.getCell('Z2').value as ExcelJS.CellFormulaValue).formula).toBe(SETTINGS_FORMULA);
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
    // sync with work to do: a new measure's rows added to its divisions' tabs
    ['sync', [['sync', 'WB']]],
    // import of last year's report into the workbook in use: its results written into the division tabs
    ['import', [['import', 'SEED', 'WB']]],
  ])('%s keeps formulas, link text, fills and the hidden tab', async (name, steps) => {
    if (name === 'sync') await addMeasure();
    writeFileSync(join(dir, 'seed.txt'), seedFixture().text);
    await decorate();
    const before = await readWorkbookFile(wb);
    for (const step of steps) {
      const r = runCli(
        step.map((a) => (a === 'WB' ? wb : a === 'SEED' ? join(dir, 'seed.txt') : a)),
        { PATH: '' },
      );
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
    }
    // the command did write (a test of a command that wrote nothing could not fail)
    expect(await readWorkbookFile(wb)).not.toEqual(before);
    if (name === 'sync') expect((await tabsWithRow(NEW_MEASURE)).length).toBeGreaterThan(0);
    await expectKept();
  });
});
