// `ita-tracker plan` and `ita-tracker memo` as a user runs them: the built CLI on a workbook in a temp
// folder; bad input exits 1 with Thai messages naming tab and cell, and writes nothing.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quoteTabName } from '../../src/core/cells';
import { MEMO, PLAN_CLI } from '../../src/core/messages/plan';
import { PLAN_COLUMNS } from '../../src/core/plan';
import { ITA_RESULTS_TAB, SETTINGS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { findSoffice } from '../../src/node/pdf';
import { writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';
import { docxParagraphs, unzipEntry } from '../support/docx';

const run = (args: string[], path = '') => runCli(args, { PATH: path });

describe('CLI: ita-tracker plan and memo', () => {
  let dir: string;
  const workbook = async (edit: (s: WorkbookSnapshot) => void = () => {}) => {
    const snap = templateSnapshot();
    edit(snap);
    const wb = join(dir, `t${readdirSync(dir).length}.xlsx`);
    await writeWorkbookFile(wb, snap);
    return wb;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ita-plan-'));
  });

  test('plan writes plan.docx and plan.html: the analysis, then the measures in four columns', async () => {
    const out = join(dir, 'out');
    const r = run(['plan', await workbook(), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`เขียนไฟล์ ${join(out, 'plan.docx')} แล้ว`);
    const paras = docxParagraphs(readFileSync(join(out, 'plan.docx')));
    expect(paras[0]).toBe('มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    for (const c of PLAN_COLUMNS) expect(paras).toContain(c);
    expect(paras).toContain('๑๐. การป้องกันการทุจริต');
    const html = readFileSync(join(out, 'plan.html'), 'utf8');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html.match(/<tr id="/g)).toHaveLength(11);
  });

  test('memo writes memo.docx and memo.html for --round plan on --date (BE year accepted)', async () => {
    const out = join(dir, 'memo');
    const wb = await workbook();
    // as in the menu, a memo proposes a document already made: refused before, written after `plan`
    const before = run(['memo', wb, '--out', out, '--round', 'plan', '--date', '2565-10-05']);
    expect(before.code).toBe(1);
    expect(before.err).toContain('ยังไม่ได้สร้าง');
    expect(existsSync(out)).toBe(false);
    expect(run(['plan', wb, '--out', join(dir, 'plan-first')]).code).toBe(0);
    const r = run(['memo', wb, '--out', out, '--round', 'plan', '--date', '2565-10-05']);
    expect(r.code).toBe(0);
    // word joiners and no-break spaces keep the phone number on one line; tabs carry the dotted leaders
    const paras = docxParagraphs(readFileSync(join(out, 'memo.docx')))
      .map((p) => p.replace(/\u00a0/g, ' '))
      .filter((p) => p !== '');
    expect(paras.slice(0, 4)).toEqual([
      MEMO.heading,
      'ส่วนราชการ สำนักปลัด เทศบาลตำบลปรุใหญ่ โทร. ๐ ๔๔๐๐ ๐๐๐๐',
      'ที่ นม ๕๒๒๐๑/วันที่ ๕ ตุลาคม ๒๕๖๕',
      `เรื่อง ${MEMO.subjectPlan('๒๕๖๖')}`,
    ]);
    expect(paras).toContain(MEMO.opinionHeading);
    expect(readFileSync(join(out, 'memo.html'), 'utf8')).toContain('@page { size: A4 portrait');
  });

  test('memo --garuda puts the PNG on the heading line; a file that is not an image is refused by content', async () => {
    const wb = await workbook();
    // the smallest valid PNG: 1×1, grey
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
      'base64',
    );
    const garuda = join(dir, 'garuda.png');
    writeFileSync(garuda, png);
    expect(run(['plan', wb, '--out', join(dir, 'plan-first')]).code).toBe(0);
    const out = join(dir, 'memo');
    expect(run(['memo', wb, '--out', out, '--round', 'plan', '--garuda', garuda]).code).toBe(0);
    const docx = readFileSync(join(out, 'memo.docx'));
    const xml = unzipEntry(docx, 'word/document.xml');
    // inline, 1.5 cm high (in EMU), in the heading's paragraph
    const heading = xml.slice(xml.lastIndexOf('<w:p>', xml.indexOf(MEMO.heading)), xml.indexOf(MEMO.heading));
    expect(heading).toContain('<wp:inline');
    expect(heading).toMatch(/cy="5(3|4)\d{4}"/);
    const fake = join(dir, 'not-a-picture.png');
    writeFileSync(fake, 'hello, this is text');
    const bad = run(['memo', wb, '--out', join(dir, 'memo2'), '--garuda', fake]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(PLAN_CLI.garudaNotImage(fake));
    expect(existsSync(join(dir, 'memo2'))).toBe(false);
  });

  test('bad input: no executive title → exit 1, the settings tab and cell named, nothing written', async () => {
    const out = join(dir, 'none');
    const wb = await workbook((s) => {
      const row = s.tabs[SETTINGS_TAB.name].find((r) => r[0] === 'executiveTitle');
      if (row) row[2] = null;
    });
    const r = run(['memo', wb, '--out', out, '--date', '2023-04-05']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${SETTINGS_TAB.name}!C\\d+`));
    expect(existsSync(out)).toBe(false);
  });

  test('bad input: an out-of-range score and an unknown tool → exit 1 with tab and cell, nothing written', async () => {
    const out = join(dir, 'bad');
    const wb = await workbook((s) => {
      s.tabs[ITA_RESULTS_TAB.name][2][4] = 120;
      s.tabs[ITA_RESULTS_TAB.name][3][1] = 'XIT';
    });
    const r = run(['plan', wb, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${quoteTabName(ITA_RESULTS_TAB.name)}!E3`);
    expect(r.err).toContain(`${quoteTabName(ITA_RESULTS_TAB.name)}!B4`);
    expect(existsSync(out)).toBe(false);
  });

  test('usage: a bad --round or --date is refused before anything is read', async () => {
    const wb = await workbook();
    expect(run(['memo', wb, '--out', dir, '--round', '7']).err).toContain(PLAN_CLI.badMemoRound('7'));
    expect(run(['memo', wb, '--out', dir, '--date', '2023-02-30']).err).toContain(PLAN_CLI.badDate('2023-02-30'));
  });

  (findSoffice() ? test : test.skip)('--pdf writes plan.pdf and memo.pdf through LibreOffice', async () => {
    const wb = await workbook();
    const out = join(dir, 'pdf');
    expect(run(['plan', wb, '--out', out, '--pdf'], process.env.PATH).code).toBe(0);
    expect(
      run(['memo', wb, '--out', out, '--pdf', '--round', 'plan', '--date', '2023-04-05'], process.env.PATH).code,
    ).toBe(0);
    for (const f of ['plan.pdf', 'memo.pdf'])
      expect(readFileSync(join(out, f)).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
