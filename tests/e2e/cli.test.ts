// The CLI as a user runs it: a child process of build/cli.js, real files in a temp folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEASURES_TAB } from '../../src/core/schema';
import { parseWorkbook } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';

const SEED = join(__dirname, '../..', 'sheets-template', 'ita-measures-report-2566-round6.txt');

const run = (...args: string[]) => runCli(args);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-cli-'));
});

test('init writes the example workbook; validate finds no problems; init refuses to overwrite', async () => {
  const wb = join(dir, 'tracker.xlsx');
  expect(run('init', wb).code).toBe(0);
  const { tracker } = parseWorkbook(await readWorkbookFile(wb));
  expect(tracker.measures).toHaveLength(11);
  expect(tracker.divisions.map((d) => d.name)).toEqual([
    'สำนักปลัด',
    'กองคลัง',
    'กองช่าง',
    'กองการศึกษา',
    'กองสาธารณสุขและสิ่งแวดล้อม',
  ]);
  expect(tracker.settings.fiscalYear).toBe(2566);
  const v = run('validate', wb);
  expect(v.code).toBe(0);
  expect(v.out).toContain('ไม่พบปัญหา');
  const again = run('init', wb);
  expect(again.code).toBe(2);
  expect(again.err).toContain('มีไฟล์');
});

test('validate --json lists problems with tab and A1 cell, exit 1; the file is untouched', async () => {
  const wb = join(dir, 'bad.xlsx');
  expect(run('init', wb).code).toBe(0);
  const s = await readWorkbookFile(wb);
  const measures = s.tabs[MEASURES_TAB.name];
  measures[3][measures[0].indexOf('ด้าน')] = 'XYZ';
  await writeWorkbookFile(wb, s);
  const before = readFileSync(wb);
  const r = run('validate', wb, '--json');
  expect(r.code).toBe(1);
  const problems = JSON.parse(r.out);
  expect(problems).toEqual([
    { tab: 'มาตรการ', cell: 'B4', severity: 'error', code: 'bad-area', message: expect.stringContaining('"XYZ"') },
  ]);
  expect(readFileSync(wb).equals(before)).toBe(true);
  const text = run('validate', wb);
  expect(text.out).toContain('ข้อผิดพลาด มาตรการ!B4: ด้าน "XYZ" ไม่ถูกต้อง');
});

test('missing file, non-xlsx file, missing tab: Thai message, no stack trace, exit 2 or 1', async () => {
  const missing = run('validate', join(dir, 'nope.xlsx'));
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('ไม่พบไฟล์');
  const fake = join(dir, 'fake.xlsx');
  writeFileSync(fake, 'not a zip');
  const notXlsx = run('validate', fake);
  expect(notXlsx.code).toBe(2);
  expect(notXlsx.err).toContain('ไม่ใช่ไฟล์ Excel');
  expect(notXlsx.err + notXlsx.out).not.toMatch(/at .*\.js:\d+/);
  const wb = join(dir, 'no-tab.xlsx');
  run('init', wb);
  const s = await readWorkbookFile(wb);
  delete s.tabs.มาตรการ;
  await writeWorkbookFile(wb, s);
  const noTab = run('validate', wb);
  expect(noTab.code).toBe(1);
  expect(noTab.out).toContain('ไม่พบแท็บ "มาตรการ"');
});

test('a division name Excel cannot hold: validate warns, sync refuses with a Thai message and leaves the file as it was', async () => {
  const wb = join(dir, 'long.xlsx');
  run('init', wb);
  const s = await readWorkbookFile(wb);
  const divisions = s.tabs.หน่วยงาน;
  const longName = 'กองสาธารณสุขและสิ่งแวดล้อมและการพัฒนาชุมชนตำบล';
  divisions[5][divisions[0].indexOf('ชื่อหน่วยงาน')] = longName;
  await writeWorkbookFile(wb, s);
  const v = run('validate', wb);
  expect(v.code).toBe(0);
  expect(v.out).toContain('คำเตือน หน่วยงาน!B6');
  const before = readFileSync(wb);
  const r = run('sync', wb);
  // refused as a workbook error (exit 1), at the division's name cell, before anything is written
  expect(r.code).toBe(1);
  expect(r.err).toContain(`หน่วยงาน!B6: ชื่อหน่วยงาน "${longName}" ใช้เป็นชื่อแท็บในไฟล์ .xlsx ไม่ได้`);
  expect(readFileSync(wb).equals(before)).toBe(true);
});

test('usage errors and --help', () => {
  expect(run().code).toBe(2);
  expect(run('frobnicate').code).toBe(2);
  const help = run('validate', '--help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('ita-tracker validate <workbook.xlsx> [--json]');
  for (const c of ['init', 'import', 'validate', 'sync', 'report', 'remind', 'demo'])
    expect(run(c, '--help').code).toBe(0);
  expect(run('validate').code).toBe(2);
});

test('import of the seed report into a new workbook gives the 11 measures, results, and a clean validation', async () => {
  const wb = join(dir, 'imported.xlsx');
  const r = run('import', SEED, wb);
  expect(r.code).toBe(0);
  expect(r.out).toContain('นำเข้า 11 มาตรการ 5 หน่วยงาน ใส่ผลการดำเนินการ 11 รายการ');
  expect(r.out).toMatch(/คำเตือน บรรทัด 39/);
  const { tracker } = parseWorkbook(await readWorkbookFile(wb));
  expect(tracker.settings).toMatchObject({ agencyName: 'เทศบาลตำบลปรุใหญ่', fiscalYear: 2566, currentRound: 6 });
  expect(tracker.measures.map((m) => m.id)).toEqual([
    'IIT-01',
    'IIT-02',
    'IIT-03',
    'EIT-01',
    'EIT-02',
    'EIT-03',
    'OIT-01',
    'OIT-02',
    'OIT-03',
    'OIT-04',
    'OIT-05',
  ]);
  const health = tracker.entries.filter((e) => e.key === 'OIT-02');
  expect(health).toHaveLength(1);
  expect(health[0].result6).toMatch(/^กองสาธารณสุขฯ ได้ดำเนินการสำรวจภารกิจ/);
  expect(health[0].status).toBe('done');
  expect(run('validate', wb).code).toBe(0);
});

test('importing again keeps what divisions typed', async () => {
  const wb = join(dir, 'again.xlsx');
  run('import', SEED, wb);
  const s = await readWorkbookFile(wb);
  const tab = s.tabs.กองคลัง;
  const col = tab[0].indexOf('ผลการดำเนินการ รอบ ๖ เดือน');
  const row = tab.findIndex((r) => r[0] === 'OIT-03');
  expect(tab[row][col]).toMatch(/^กองคลังได้จัดทำแผนการ/);
  tab[row][col] = 'ข้อความที่กองคลังพิมพ์เอง';
  await writeWorkbookFile(wb, s);
  const r = run('import', SEED, wb);
  expect(r.code).toBe(0);
  expect(r.out).toContain('ใส่ผลการดำเนินการ 0 รายการ (ไม่เขียนทับผลที่หน่วยงานกรอกไว้แล้ว 11 รายการ)');
  const after = await readWorkbookFile(wb);
  expect(after.tabs.กองคลัง[row][col]).toBe('ข้อความที่กองคลังพิมพ์เอง');
});

test('sync on the example changes no division tab and leaves no temp files behind', async () => {
  const wb = join(dir, 'sync.xlsx');
  run('init', wb);
  const before = await readWorkbookFile(wb);
  const r = run('sync', wb);
  expect(r.code).toBe(0);
  const after = await readWorkbookFile(wb);
  for (const name of ['สำนักปลัด', 'กองคลัง', 'กองสาธารณสุขและสิ่งแวดล้อม'])
    expect(after.tabs[name]).toEqual(before.tabs[name]);
  expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('demo (npm start) writes the workbook and the report into --out', () => {
  const r = run('demo', '--out', dir);
  expect(r.code).toBe(0);
  expect(existsSync(join(dir, 'tracker.xlsx'))).toBe(true);
  expect(statSync(join(dir, 'report', 'report.docx')).size).toBeGreaterThan(5000);
  expect(readFileSync(join(dir, 'report', 'report.html'), 'utf8')).toContain('เทศบาลตำบลปรุใหญ่');
  expect(r.out).toContain('ไม่พบปัญหา');
});

test("npm start twice keeps an edit to the first run's workbook: the second run writes tracker-2.xlsx", async () => {
  expect(run('demo', '--out', dir).code).toBe(0);
  const first = join(dir, 'tracker.xlsx');
  // the clerk edits the workbook the first run told them to open
  const edited = await readWorkbookFile(first);
  const measures = edited.tabs[MEASURES_TAB.name];
  measures[1][3] = 'ข้อความที่แก้ไขเอง';
  await writeWorkbookFile(first, edited);
  const again = run('demo', '--out', dir);
  expect(again.code).toBe(0);
  expect(again.out).toContain(`มี ${first} อยู่แล้ว`);
  expect(again.out).toContain(join(dir, 'tracker-2.xlsx'));
  expect((await readWorkbookFile(first)).tabs[MEASURES_TAB.name][1][3]).toBe('ข้อความที่แก้ไขเอง');
  expect(existsSync(join(dir, 'report-2', 'report.docx'))).toBe(true);
  expect(parseWorkbook(await readWorkbookFile(join(dir, 'tracker-2.xlsx'))).tracker.measures).toHaveLength(11);
});
