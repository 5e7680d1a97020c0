// The year cycle offline, as a user runs it: the built CLI closes round 6, a result is changed in the
// file afterwards, and `report --round 6` still writes the closed text; reopen needs a reason and is
// recorded; rollover refuses while a round is open and is a no-op the second time; index writes the page.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER, STATUS_LABEL, TAB } from '../../src/core/messages/tabs-headers';
import { PUBLIC_PAGE, YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { REPORTS_TAB } from '../../src/core/schema';
import { templateSnapshot } from '../../src/core/template';
import type { WorkbookSnapshot } from '../../src/core/workbook';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';
import { docxParagraphs } from '../support/docx';
import { seedText, squeeze } from '../support/seed-report';

const run = (args: string[]) => runCli(args, { PATH: '' });

/** Sets a division-tab cell of the row with that key, by header. */
function typeInto(s: WorkbookSnapshot, tab: string, key: string, header: string, value: string): void {
  const values = s.tabs[tab];
  const row = values.find((r) => r[values[0].indexOf(HEADER.entryKey)] === key)!;
  row[values[0].indexOf(header)] = value;
}

describe('CLI: close-round, reopen-round, rollover, index', () => {
  let dir: string;
  let wb: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ita-year-'));
    wb = join(dir, 'tracker.xlsx');
    await writeWorkbookFile(wb, templateSnapshot({ example: true }));
  });

  test('closed round 6, a result changed in the file, report --round 6: the closed (seed) text', async () => {
    const closed = run(['close-round', wb, '--by', 'ita-admin@example.org']);
    expect(closed.code).toBe(0);
    expect(closed.out).toContain(YEAR_CYCLE.closedRound('2566', '6', 0).split(':')[0]);
    expect(closed.out).toContain(YEAR_CYCLE.yearOpen('2566', '12'));
    const s = await readWorkbookFile(wb);
    typeInto(s, 'กองคลัง', 'OIT-03', HEADER.result6, 'แก้ไขภายหลังปิดรอบ');
    await writeWorkbookFile(wb, s);
    expect(run(['validate', wb]).out).toContain('กองคลัง!G3');
    const out = join(dir, 'out');
    const report = run(['report', wb, '--out', out, '--round', '6', '--no-pdf']);
    expect(report.code).toBe(0);
    expect(squeeze(docxParagraphs(readFileSync(join(out, 'report.docx'))).join('\n'))).toBe(seedText());
    expect(readFileSync(join(out, 'report.html'), 'utf8')).not.toContain('แก้ไขภายหลังปิดรอบ');

    expect(run(['close-round', wb, '--round', '6']).code).toBe(1);
    const noReason = run(['reopen-round', wb, '--round', '6']);
    expect(noReason.code).toBe(2);
    const reopened = run([
      'reopen-round',
      wb,
      '--round',
      '6',
      '--reason',
      'กองคลังขอแก้ไข',
      '--by',
      'deputy@example.org',
    ]);
    expect(reopened.code).toBe(0);
    const log = (await readWorkbookFile(wb)).tabs[TAB.roundLog];
    expect(log.at(-1)).toEqual(expect.arrayContaining(['deputy@example.org', YEAR_CYCLE.logReopen, 'กองคลังขอแก้ไข']));
  });

  test('rollover: refused while rounds are open (file untouched); --force to 2567; the same year again changes nothing', async () => {
    const before = readFileSync(wb);
    const refused = run(['rollover', wb]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(YEAR_CYCLE.yearOpen('2566', '12'));
    expect(readFileSync(wb).equals(before)).toBe(true);

    const rolled = run(['rollover', wb, '--year', '2567', '--force']);
    expect(rolled.code).toBe(0);
    const after = await readWorkbookFile(wb);
    const finance = after.tabs.กองคลัง;
    expect(finance.slice(1).every((r) => r[finance[0].indexOf(HEADER.status)] === STATUS_LABEL.not_started)).toBe(true);
    expect(run(['validate', wb]).code).toBe(0);
    const once = readFileSync(wb);
    const again = run(['rollover', wb, '--year', '2567']);
    expect(again.code).toBe(0);
    expect(again.out).toContain(YEAR_CYCLE.rolloverAlready('2567'));
    expect(readFileSync(wb).equals(once)).toBe(true);
    expect(run(['rollover', wb, '--year', '67']).code).toBe(2);
  });

  test('index writes index.html with the register, escaped', async () => {
    const s = await readWorkbookFile(wb);
    s.tabs[REPORTS_TAB.name].push([
      2566,
      6,
      'id',
      'https://docs.google.com/document/d/x/edit',
      'https://docs.google.com/document/d/x/pub',
      'https://drive.google.com/file/d/p/view',
      null,
      'ita-admin@example.org',
      '<b>คำเตือน</b>',
    ]);
    await writeWorkbookFile(wb, s);
    const out = join(dir, 'site');
    const r = run(['index', wb, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    expect(html).toContain('https://docs.google.com/document/d/x/pub');
    expect(html).toContain(PUBLIC_PAGE.report('๖'));
    expect(html).not.toContain('ita-admin@example.org');
    expect(html).not.toContain('คำเตือน');
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });
});
