// The report as LibreOffice prints it (issue 24), read back with pdftotext: last year's report (the
// seed) imported into an empty workbook, `report --pdf`. No name or known compound broken across the
// lines of a table cell ("ขับ|เคลื่อน", "ปรุ|ใหญ่", "กองสาธารณ|สุขฯ"), and page 1 carrying the header row
// and the first measure, not only the title block. Skipped where LibreOffice or pdftotext is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KNOWN_COMPOUNDS } from '../../src/core/document-words';
import { findSoffice } from '../../src/node/pdf';
import { runCli } from '../support/cli';

const SEED = join(__dirname, '../..', 'sheets-template', 'ita-measures-report-2566-round6.txt');
const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
const ready = Boolean(findSoffice()) && hasPdftotext;

/** pdftotext's text without word joiners and spaces (it puts spaces inside words: "เฝ้ า"); lines kept. */
const pdfText = (pdf: string, ...args: string[]): string =>
  spawnSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' })
    .stdout.replace(/\u2060/g, '')
    .replace(/[ \t\u00A0]+/g, '');

(ready ? describe : describe.skip)('the report PDF from the imported seed', () => {
  let text = '';
  let page1 = '';
  let pages: string[] = [];
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-print-'));
    const wb = join(dir, 'tracker.xlsx');
    expect(runCli(['init', wb, '--empty']).code).toBe(0);
    expect(runCli(['import', SEED, wb]).code).toBe(0);
    const r = runCli(['report', wb, '--out', join(dir, 'out'), '--pdf'], { PATH: process.env.PATH ?? '' });
    expect(r.code).toBe(0);
    text = pdfText(join(dir, 'out', 'report.pdf'));
    page1 = pdfText(join(dir, 'out', 'report.pdf'), '-f', '1', '-l', '1');
    // pdftotext ends each page with a form feed
    pages = text.split('\f').filter((p) => p.trim() !== '');
  }, 180_000);

  test('no name or compound is broken across two lines', () => {
    const words = ['เทศบาลตำบลปรุใหญ่', 'สำนักปลัด', 'กองคลัง', 'กองช่าง', 'กองการศึกษา', 'สาธารณสุขฯ', ...KNOWN_COMPOUNDS];
    const broken = words.flatMap((w) =>
      Array.from({ length: w.length - 1 }, (_, i) => i + 1)
        .filter((k) => text.includes(`${w.slice(0, k)}\n${w.slice(k)}`))
        .map((k) => `${w.slice(0, k)}|${w.slice(k)}`),
    );
    expect(broken).toEqual([]);
    // they are there, whole
    expect(text).toContain('ขับเคลื่อน');
    expect(text).toContain('สาธารณสุขฯ');
  });

  test('page 1: the title block, the first area heading, the header row and the first measure', () => {
    expect(page1).toContain('เทศบาลตำบลปรุใหญ่');
    expect(page1).toContain('๑.ด้านIIT');
    expect(page1).toContain('ผู้รับผิดชอบ');
    expect(page1).toContain('แนวทางในการ');
    expect(page1).toContain('สำนักปลัด');
  });

  test('no page holds only an area heading (the heading lets go of a table too tall to share its page)', () => {
    const lines = (page: string) => page.split('\n').filter((l) => l.trim() !== '' && !/^-[0-9]+-$/.test(l.trim()));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect(lines(page).length).toBeGreaterThan(3);
  });
});
