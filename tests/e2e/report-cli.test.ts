// `ita-tracker report` as a user runs it: the built CLI on a workbook in a temp folder, with and
// without LibreOffice on the PATH.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { escapeHtml } from '../../src/core/cells';
import { APPROVAL_STATUS, DOC_KIND } from '../../src/core/messages/plan';
import { REPORT_CLI } from '../../src/core/messages/report';
import { HEADER } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE, YEAR_CYCLE_CLI } from '../../src/core/messages/year-cycle';
import { MEASURES_TAB, REPORTS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { findSoffice } from '../../src/node/pdf';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { docxParagraphs } from '../support/docx';
import { seedText, squeeze } from '../support/seed-report';

const template = (): WorkbookSnapshot => templateSnapshot({ example: true });

describe('CLI: ita-tracker report', () => {
  const CLI_JS = join(__dirname, '../..', 'build', 'cli.js');
  /** PATH '' hides LibreOffice, so only --pdf or a found soffice makes a PDF. */
  const run = (args: string[], path = '') => {
    const r = spawnSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8', env: { ...process.env, PATH: path } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  let dir: string;
  let wb: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ita-report-'));
    wb = join(dir, 'tracker.xlsx');
    await writeWorkbookFile(wb, template());
  });

  test('writes report.docx and report.html from the template workbook, prints the warnings and paths, exit 0', () => {
    const out = join(dir, 'out');
    const r = run(['report', wb, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(REPORT_CLI.warningsCount(4));
    expect(r.out).toContain(`เขียนไฟล์ ${join(out, 'report.docx')} แล้ว`);
    expect(r.out).toContain(`เขียนไฟล์ ${join(out, 'report.html')} แล้ว`);
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    expect(squeeze(docxParagraphs(readFileSync(join(out, 'report.docx'))).join('\n'))).toBe(seedText());
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    // the era stays with its year: one no-break span
    expect(html).toContain(
      '<span class="nb">ประจำปีงบประมาณ</span> <span class="nb">พ.ศ. ๒๕๖๖</span> รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๕ - มีนาคม ๒๕๖๖)',
    );
  });

  test('the offline register (issue 24): index says why it is empty; report records its files; index then lists the report, linked relative to the page', async () => {
    const site = join(dir, 'site');
    const empty = run(['index', wb, '--out', site]);
    expect(empty.code).toBe(0);
    expect(empty.out).toContain(YEAR_CYCLE_CLI.indexEmpty);
    expect(readFileSync(join(site, 'index.html'), 'utf8')).toContain(PUBLIC_PAGE.none);

    const out = join(site, 'report-6');
    const r = run(['report', wb, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(REPORT_CLI.recorded(wb));
    // the register row: kind, year, round, the files as file: URLs, when, status
    const register = (await readWorkbookFile(wb)).tabs[REPORTS_TAB.name];
    const col = (h: string) => register[0].indexOf(h);
    expect(register).toHaveLength(2);
    const row = register[1];
    expect([row[col(HEADER.docKind)], row[col(HEADER.fiscalYear)], row[col(HEADER.round)]]).toEqual([
      DOC_KIND.report,
      2566,
      6,
    ]);
    expect(row[col(HEADER.publishedUrl)]).toBe(pathToFileURL(join(out, 'report.html')).href);
    expect(row[col(HEADER.docUrl)]).toBe(pathToFileURL(join(out, 'report.docx')).href);
    expect(row[col(HEADER.generatedAt)]).toBeInstanceOf(Date);
    expect(row[col(HEADER.approvalStatus)]).toBe(APPROVAL_STATUS.published);

    // regenerating rewrites that row, never adds one
    expect(run(['report', wb, '--out', out]).code).toBe(0);
    expect((await readWorkbookFile(wb)).tabs[REPORTS_TAB.name]).toHaveLength(2);

    const listed = run(['index', wb, '--out', site]);
    expect(listed.code).toBe(0);
    expect(listed.out).not.toContain(YEAR_CYCLE_CLI.indexEmpty);
    const page = readFileSync(join(site, 'index.html'), 'utf8');
    expect(page).toContain(escapeHtml(PUBLIC_PAGE.report('๖')));
    expect(page).toContain('href="report-6/report.html"');
    expect(page).not.toContain('file:');
  });

  test('--no-pdf skips the PDF even where LibreOffice is installed; with --pdf it is a usage error', () => {
    const out = join(dir, 'nopdf');
    const r = run(['report', wb, '--out', out, '--no-pdf'], process.env.PATH);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'report.docx'))).toBe(true);
    expect(existsSync(join(out, 'report.pdf'))).toBe(false);
    const clash = run(['report', wb, '--out', out, '--pdf', '--no-pdf'], process.env.PATH);
    expect(clash.code).toBe(2);
    expect(clash.err).toContain(REPORT_CLI.pdfFlagsClash);
  });

  test('--round 12 writes the 12-month report', () => {
    const out = join(dir, 'out12');
    expect(run(['report', wb, '--out', out, '--round', '12']).code).toBe(0);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๕ - กันยายน ๒๕๖๖)');
  });

  test('blocking errors: printed with tab and cell, exit 1, nothing written', async () => {
    const s = template();
    const measures = s.tabs[MEASURES_TAB.name];
    measures[4][measures[0].indexOf(HEADER.area)] = 'XYZ';
    await writeWorkbookFile(wb, s);
    const out = join(dir, 'out');
    const r = run(['report', wb, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('ข้อผิดพลาด มาตรการ!B5');
    expect(r.err).toContain(REPORT_CLI.blockedCli);
    expect(existsSync(out)).toBe(false);
  });

  test('usage and file errors exit 2 with a Thai message', () => {
    const noOut = run(['report', wb]);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('ต้องระบุ --out');
    const badRound = run(['report', wb, '--out', join(dir, 'o'), '--round', '7']);
    expect(badRound.code).toBe(2);
    expect(badRound.err).toContain(REPORT_CLI.badRound('7'));
    const missing = run(['report', join(dir, 'nope.xlsx'), '--out', join(dir, 'o')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('ไม่พบไฟล์');
    const help = run(['report', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('ita-tracker report <workbook.xlsx> --out');
  });

  test('--pdf without LibreOffice: says so in Thai, exit 2, nothing written', () => {
    const out = join(dir, 'out');
    const r = run(['report', wb, '--out', out, '--pdf']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(REPORT_CLI.pdfMissing);
    expect(existsSync(out)).toBe(false);
  });

  const soffice = findSoffice();
  (soffice ? test : test.skip)(
    '--pdf with LibreOffice installed: a landscape A4 PDF',
    () => {
      const out = join(dir, 'out');
      const r = run(['report', wb, '--out', out, '--pdf'], process.env.PATH ?? '');
      expect(r.code).toBe(0);
      const pdf = readFileSync(join(out, 'report.pdf'));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const info = spawnSync('pdfinfo', [join(out, 'report.pdf')], { encoding: 'utf8' });
      if (info.status === 0) expect(info.stdout).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    },
    120_000,
  );
});
