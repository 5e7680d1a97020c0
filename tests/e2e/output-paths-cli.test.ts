// Output and paths (issue 26, class 7): what the CLI prints reaches a slow pipe whole, places no file
// can live are refused at once in Thai, and a report folder is written all or nothing.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MEASURES_TAB } from '../../src/core/schema';
import { writeWorkbookFile } from '../../src/node/xlsx-store';
import { BUILT_CLI, runCli } from '../support/cli';
import { scaledTracker } from '../support/scaled-tracker';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ita-out-'));
});

/** The CLI's stdout through a pipe whose reader only starts reading after a second (as `| less` does). */
function throughSlowPipe(args: string[]): { bytes: number; text: string } {
  const cli = [process.execPath, BUILT_CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('/bin/sh', ['-c', `${cli} | (sleep 1; cat)`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { bytes: Buffer.byteLength(r.stdout), text: r.stdout };
}

test('remind --simulate --json through a slow pipe arrives whole (not cut at 64 KB) and parses', () => {
  const wb = join(dir, 't.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  const args = ['remind', wb, '--simulate', '2022-10-01', '2023-09-30', '--json'];
  const direct = runCli(args);
  expect(direct.code).toBe(0);
  const full = Buffer.byteLength(direct.out);
  expect(full).toBeGreaterThan(100_000);
  const piped = throughSlowPipe(args);
  expect(piped.bytes).toBe(full);
  expect(() => JSON.parse(piped.text)).not.toThrow();
});

test('validate | less keeps the count line of a long list of problems', async () => {
  const wb = join(dir, 'bad.xlsx');
  const s = scaledTracker(1200);
  const measures = s.tabs[MEASURES_TAB.name];
  const area = measures[0].indexOf('ด้าน');
  for (let r = 1; r < measures.length; r++) measures[r][area] = 'XYZ';
  await writeWorkbookFile(wb, s);
  const piped = throughSlowPipe(['validate', wb]);
  expect(piped.bytes).toBeGreaterThan(64 * 1024);
  const lines = piped.text.trimEnd().split('\n');
  expect(lines.at(-1)).toMatch(/^พบข้อผิดพลาด \d+ รายการ คำเตือน \d+ รายการ$/);
});

test('--out under /proc is refused at once in Thai (no spinning), exit 2, nothing written', async () => {
  const wb = join(dir, 't.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  for (const args of [
    ['report', wb, '--out', '/proc/ita-x', '--no-pdf'],
    ['index', wb, '--out', '/proc/ita-x/y'],
  ]) {
    const started = Date.now();
    const r = spawnSync(process.execPath, [BUILT_CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBeNull();
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/proc/ita-x');
    expect(r.stderr).toContain('โฟลเดอร์ของระบบ');
  }
});

test('a pipe (a special file) as the workbook to create is refused, not replaced', () => {
  // a FIFO, not /dev/null: on today's code the rename replaced the special file (as root, /dev/null)
  const fifo = join(dir, 'pipe.xlsx');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const r = runCli(['init', fifo, '--force']);
  expect(r.code).toBe(2);
  expect(r.err).toContain('อุปกรณ์หรือช่องทางพิเศษ');
  expect(lstatSync(fifo).isFIFO()).toBe(true);
});

test('a name the system refuses gives a Thai reason, never its English error code', () => {
  const wb = join(dir, 't.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  const r = runCli(['index', wb, '--out', join(dir, 'x'.repeat(300))]);
  expect(r.code).toBe(2);
  expect(r.err).toContain('ยาวเกินที่ระบบรับ');
  expect(r.err).not.toMatch(/E[A-Z]{3,}|name too long/);
});

test('a report whose PDF fails leaves no half-written folder, and an existing folder as it was', () => {
  const wb = join(dir, 't.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  // a LibreOffice that fails, so the PDF step throws after the .docx and .html are made
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'soffice'), '#!/bin/sh\necho "conversion failed" >&2\nexit 1\n');
  chmodSync(join(bin, 'soffice'), 0o755);
  const out = join(dir, 'out');
  const r = runCli(['report', wb, '--out', out, '--pdf'], { PATH: `${bin}:/usr/bin:/bin` });
  expect(r.code).toBe(2);
  expect(r.err).toContain('ไม่มีไฟล์ใดถูกเขียน');
  expect(existsSync(out)).toBe(false);
  expect(readdirSync(dir).sort()).toEqual(['bin', 't.xlsx']);

  mkdirSync(out);
  writeFileSync(join(out, 'notes.txt'), 'mine');
  expect(runCli(['report', wb, '--out', out, '--pdf'], { PATH: `${bin}:/usr/bin:/bin` }).code).toBe(2);
  expect(readdirSync(out)).toEqual(['notes.txt']);
  expect(readdirSync(dir).sort()).toEqual(['bin', 'out', 't.xlsx']);

  // and when it succeeds the files are there, beside what was already in the folder
  const ok = runCli(['report', wb, '--out', out, '--no-pdf']);
  expect(ok.code).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['notes.txt', 'report.docx', 'report.html']);
  expect(readdirSync(dir).sort()).toEqual(['bin', 'out', 't.xlsx']);
});

test('the CLI ends by itself after its output: no handle keeps it alive', async () => {
  const wb = join(dir, 't.xlsx');
  expect(runCli(['init', wb]).code).toBe(0);
  const child = spawn(process.execPath, [BUILT_CLI, 'validate', wb], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill();
      resolve(null);
    }, 20_000);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  expect(code).toBe(0);
});
