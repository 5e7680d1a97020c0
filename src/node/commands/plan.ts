// `ita-tracker plan <workbook> --out <dir> [--pdf]` and `ita-tracker memo <workbook> --out <dir>
// [--round 6|12|plan] [--date YYYY-MM-DD] [--pdf]`: validate, then build the document model in core and
// write it through the one .docx writer and the one HTML writer (+ PDF through LibreOffice). Nothing
// is written when the workbook has blocking errors or the memo has no executive to address.
import type { Problem } from '../../core/cell-rules';
import { reportMemoInputs } from '../../core/closed-documents';
import type { DocumentModel } from '../../core/document';
import { renderDocumentHtml } from '../../core/document-html';
import { documentTextProblems } from '../../core/document-text';
import { buildMemo, type MemoSubject, memoProblems } from '../../core/memo';
import { CLI } from '../../core/messages/cli';
import { PLAN_CLI } from '../../core/messages/plan';
import { REPORT_CLI } from '../../core/messages/report';
import { formatProblem } from '../../core/messages/validation';
import { buildPlan, planProblems } from '../../core/plan';
import { hasErrors, validateParsed } from '../../core/validate';
import { type ParsedWorkbook, parseWorkbook } from '../../core/workbook';
import { checkOutputFolder, writeOutputFolder } from '../atomic';
import { defineCommand, EXIT, parseDateOption, UsageError } from '../command';
import { writeDocumentDocx } from '../document-docx';
import { findSoffice, writePdfFromDocx } from '../pdf';
import { openSource } from '../source';

/** Writes <base>.docx, <base>.html and, when asked for, <base>.pdf; returns the paths written. */
export async function writeDocumentFiles(
  model: DocumentModel,
  outDir: string,
  base: string,
  pdf: boolean,
): Promise<string[]> {
  const docx = await writeDocumentDocx(model);
  // all or nothing: a PDF that fails leaves no half-written folder (src/node/atomic.ts)
  return writeOutputFolder(outDir, async (folder) => {
    const paths = [folder.write(`${base}.docx`, docx), folder.write(`${base}.html`, renderDocumentHtml(model))];
    if (pdf) {
      const path = folder.path(`${base}.pdf`);
      await writePdfFromDocx(docx, path.staged);
      paths.push(path.final);
    }
    return paths;
  });
}

/** --round of memo: 6, 12 or plan; default the settings' current round. */
export function parseMemoSubject(value: string | undefined, parsed: ParsedWorkbook): MemoSubject {
  if (value === undefined) return { kind: 'report', round: parsed.tracker.settings.currentRound };
  if (value === 'plan') return { kind: 'plan' };
  if (value === '6' || value === '12') return { kind: 'report', round: Number(value) as 6 | 12 };
  throw new UsageError(PLAN_CLI.badMemoRound(value));
}

/** --date (see parseDateOption). */
export const parseMemoDate = (value: string | undefined): string => parseDateOption(value, PLAN_CLI.badDate);

/** Prints the blocking problems; true when there were any. */
function blocked(problems: readonly Problem[]): boolean {
  if (!hasErrors(problems)) return false;
  for (const p of problems) if (p.severity === 'error') console.error(formatProblem(p));
  console.error(REPORT_CLI.blockedCli);
  return true;
}

async function readChecked(path: string | undefined, out: string, pdf: boolean | undefined) {
  checkOutputFolder(out);
  if (pdf && !findSoffice()) {
    console.error(REPORT_CLI.pdfMissing);
    return null;
  }
  const source = await openSource(path, {});
  if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  return { snapshot: source.snapshot, parsed: parseWorkbook(source.snapshot) };
}

export const plan = defineCommand({
  name: 'plan',
  args: ['<workbook.xlsx>'],
  options: {
    out: { type: 'string', value: '<dir>', required: true },
    pdf: { type: 'boolean' },
  },
  async run({ positionals: [path], values }) {
    const read = await readChecked(path, values.out, values.pdf);
    if (!read) return EXIT.usage;
    const { parsed } = read;
    if (blocked([...validateParsed(parsed), ...planProblems(parsed)])) return EXIT.workbookErrors;
    const { model, warnings } = buildPlan(parsed.tracker);
    const written = await writeDocumentFiles(model, values.out, 'plan', values.pdf === true);
    // text the plan prints as the cell holds it: extraction glitches and stray spaces, at their cells
    for (const w of [...warnings, ...documentTextProblems(parsed).map(formatProblem)]) console.log(`  - ${w}`);
    for (const p of written) console.log(CLI.wrote(p));
    return EXIT.ok;
  },
});

export const memo = defineCommand({
  name: 'memo',
  args: ['<workbook.xlsx>'],
  options: {
    out: { type: 'string', value: '<dir>', required: true },
    round: { type: 'string', value: '6|12|plan' },
    date: { type: 'string', value: 'YYYY-MM-DD' },
    pdf: { type: 'boolean' },
  },
  async run({ positionals: [path], values }) {
    const date = parseMemoDate(values.date);
    if (values.round !== undefined && !['6', '12', 'plan'].includes(values.round))
      throw new UsageError(PLAN_CLI.badMemoRound(values.round));
    const read = await readChecked(path, values.out, values.pdf);
    if (!read) return EXIT.usage;
    const { parsed, snapshot } = read;
    const subject = parseMemoSubject(values.round, parsed);
    // a round's memo: its report's inputs (a closed round: the snapshot's, not the next round's rules)
    const inputs = subject.kind === 'report' ? reportMemoInputs(snapshot, parsed, { round: subject.round }) : null;
    const problems = inputs ? inputs.problems : [...validateParsed(parsed), ...memoProblems(parsed)];
    if (blocked(problems)) return EXIT.workbookErrors;
    const tracker = inputs ? inputs.tracker : parsed.tracker;
    // the proposed document's public link when the register has one
    const row = tracker.reports.find(
      (r) =>
        r.fiscalYear === tracker.settings.fiscalYear &&
        (subject.kind === 'plan' ? r.kind === 'plan' : r.kind !== 'plan' && r.round === subject.round),
    );
    const model = buildMemo(tracker, { subject, date, link: row?.publishedUrl || row?.docUrl || '' });
    const written = await writeDocumentFiles(model, values.out, 'memo', values.pdf === true);
    for (const p of written) console.log(CLI.wrote(p));
    return EXIT.ok;
  },
});
