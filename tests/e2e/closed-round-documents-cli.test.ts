// The report agencies publish now (issue 23): last year's results report, after the tracker has rolled
// over. A FY 2567 tracker imported from a 12-month report: close-round --round 12, rollover --year 2568,
// then report --year 2567 --round 12 writes FY ๒๕๖๗'s report from the snapshot — the measures' texts and
// the results as closed — while the measures tab already holds the new year's text; the current year's
// report is unaffected. Snapshot rows deleted by hand: validate warns naming the tab, the report refuses.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEADER, TAB } from '../../src/core/messages/tabs-headers';
import { YEAR_CYCLE } from '../../src/core/messages/year-cycle';
import { templateSnapshot } from '../../src/core/template';
import { readWorkbookFile, writeWorkbookFile } from '../../src/node/xlsx-store';
import { runCli } from '../support/cli';
import { docxParagraphs } from '../support/docx';

const run = (args: string[]) => runCli(args, { PATH: '' });
const SEED = join(__dirname, '../../sheets-template/ita-measures-report-2566-round6.txt');

/** The seed report as FY 2567's 12-month report: the year and the round in its title and text. */
const report2567 = (): string =>
  readFileSync(SEED, 'utf8')
    .replace(/๒๕๖๖/g, '๒๕๖๗')
    .replace(/๒๕๖๕/g, '๒๕๖๖')
    .replace('รอบ ๖ เดือน (เดือนตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)', 'รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)');

describe("report --year: last year's report from its snapshot, after rollover", () => {
  let dir: string;
  let wb: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ita-past-year-'));
    wb = join(dir, 'tracker.xlsx');
    const txt = join(dir, 'report-2567-12.txt');
    writeFileSync(txt, report2567());
    expect(run(['init', wb, '--empty']).code).toBe(0);
    const imported = run(['import', txt, wb]);
    expect(imported.code).toBe(0);
  });

  test('close 12, rollover 2568, change the measures, report --year 2567 --round 12: FY ๒๕๖๗ as closed', async () => {
    const s0 = await readWorkbookFile(wb);
    const settings = s0.tabs[TAB.settings];
    expect(settings.find((r) => r[0] === 'fiscalYear')?.[2]).toBe(2567);
    expect(settings.find((r) => r[0] === 'currentRound')?.[2]).toBe(12);

    // the report as it stood before closing: the one the past year's report must repeat word for word
    const pre = join(dir, 'pre');
    expect(run(['report', wb, '--round', '12', '--out', pre, '--no-pdf']).code).toBe(0);
    const published = docxParagraphs(readFileSync(join(pre, 'report.docx')));

    const closed = run(['close-round', wb, '--round', '12', '--by', 'ita-admin@example.org']);
    expect(closed.code).toBe(0);
    expect(closed.out).toContain(YEAR_CYCLE.yearClosed('2567'));
    const rolled = run(['rollover', wb, '--year', '2568']);
    expect(rolled.err).toBe('');
    expect(rolled.code).toBe(0);

    // the new year's measures: the first measure's issue rewritten on the measures tab
    const s = await readWorkbookFile(wb);
    const measures = s.tabs[TAB.measures];
    const issueCol = measures[0].indexOf(HEADER.issue);
    const oldIssue = String(measures[1][issueCol]);
    measures[1][issueCol] = 'ประเด็นใหม่ของปีงบประมาณ 2568';
    await writeWorkbookFile(wb, s);

    const out = join(dir, 'r2567');
    const r = run(['report', wb, '--year', '2567', '--round', '12', '--out', out, '--no-pdf']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const paragraphs = docxParagraphs(readFileSync(join(out, 'report.docx')));
    expect(paragraphs).toEqual(published);
    // the era stays with its year: "พ.ศ. ๒๕๖๗" is written with a no-break space, read as the space it shows
    const text = paragraphs.join('\n').replace(/\u00A0/g, ' ');
    expect(text).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รอบ ๑๒ เดือน (เดือนตุลาคม ๒๕๖๖ - กันยายน ๒๕๖๗)');
    expect(text).toContain(oldIssue.split('\n')[0].trim());
    expect(text).not.toContain('ประเด็นใหม่ของปีงบประมาณ 2568');
    // the results as closed: the imported results are in it, no division "did not report"
    expect(text).not.toContain('๒๕๖๘');
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('๒๕๖๗');

    // the current year's report is unaffected: FY ๒๕๖๘, the new text, no results yet
    const now = join(dir, 'r2568');
    expect(run(['report', wb, '--out', now, '--no-pdf']).code).toBe(0);
    const current = docxParagraphs(readFileSync(join(now, 'report.docx'))).join('\n');
    expect(current).toContain('ประเด็นใหม่ของปีงบประมาณ 2568');
    expect(current).toContain('๒๕๖๘');
  });

  test('a year never closed is refused naming the snapshot tab; snapshot rows deleted by hand: warned, refused', async () => {
    const never = run(['report', wb, '--year', '2566', '--out', join(dir, 'x'), '--no-pdf']);
    expect(never.code).toBe(1);
    expect(never.err).toContain(YEAR_CYCLE.pastRoundNotClosed('2566', '12', ''));

    const s = await readWorkbookFile(wb);
    const snap = s.tabs[TAB.roundSnapshot];
    const before = snap.length - 1;
    s.tabs[TAB.roundSnapshot] = snap.slice(0, -2);
    await writeWorkbookFile(wb, s);
    const missing = YEAR_CYCLE.snapshotRowsMissing(2567, 12, before, before - 2);
    const validate = run(['validate', wb]);
    expect(validate.out + validate.err).toContain(missing);
    const refused = run(['report', wb, '--year', '2567', '--out', join(dir, 'y'), '--no-pdf']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(missing);
  });
});

describe('memo of a closed round (issue 26, class 8)', () => {
  test('memo --round 6 right after closing round 6: written from the snapshot, not refused with round-12 errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-memo-closed-'));
    const wb = join(dir, 'tracker.xlsx');
    await writeWorkbookFile(wb, templateSnapshot({ example: true }));
    const s = await readWorkbookFile(wb);
    const settings = s.tabs[TAB.settings];
    settings.find((r) => r[0] === 'executiveTitle')![2] = 'นายกเทศมนตรีตำบลปรุใหญ่';
    await writeWorkbookFile(wb, s);
    expect(run(['close-round', wb, '--round', '6']).code).toBe(0);
    // the memo proposes the round's report, so the report is made first (from the snapshot too)
    expect(run(['report', wb, '--round', '6', '--out', join(dir, 'r'), '--no-pdf']).code).toBe(0);
    const memo = run(['memo', wb, '--round', '6', '--out', join(dir, 'm'), '--date', '2566-04-20']);
    expect(memo.err).toBe('');
    expect(memo.code).toBe(0);
    const text = docxParagraphs(readFileSync(join(dir, 'm', 'memo.docx'))).join('\n');
    expect(text).toContain('รอบ ๖ เดือน');
    expect(text).not.toContain('รอบ ๑๒ เดือน');
  });
});
