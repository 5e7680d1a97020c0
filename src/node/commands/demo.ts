// `npm start`: the main job on the bundled example, end to end, on a fresh machine.

import { CLI, DEMO } from '../../core/messages/cli';
import { formatProblem } from '../../core/messages/validation';
import { templateSnapshot } from '../../core/template';
import { hasErrors, validateWorkbook } from '../../core/validate';
import { checkOutputFolder } from '../atomic';
import { defineCommand, EXIT } from '../command';
import { outputPath } from '../paths';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';
import { printReportResult, writeReportFiles } from './report';

export const demo = defineCommand({
  name: 'demo',
  args: [],
  options: { out: { type: 'string', value: '<dir>' } },
  async run({ values }) {
    const outDir = values.out ?? 'out';
    checkOutputFolder(outDir);
    const workbook = outputPath(outDir, 'tracker.xlsx');
    console.log(DEMO.step(1, DEMO.creating(workbook)));
    await writeWorkbookFile(workbook, templateSnapshot({ example: true }));
    // read back what was written, as a user's later run would
    const snapshot = await readWorkbookFile(workbook);
    console.log(DEMO.step(2, DEMO.validating));
    const problems = validateWorkbook(snapshot);
    for (const p of problems) console.log(`  ${formatProblem(p)}`);
    console.log(
      `  ${problems.length ? CLI.problemsSummary(problems.filter((p) => p.severity === 'error').length, problems.filter((p) => p.severity === 'warning').length) : CLI.noProblems}`,
    );
    if (hasErrors(problems)) return EXIT.workbookErrors;
    console.log(DEMO.step(3, DEMO.reporting(outputPath(outDir, 'report'))));
    const files = await writeReportFiles(snapshot, outputPath(outDir, 'report'), { pdf: 'auto' });
    printReportResult(files);
    if (!files.paths.pdf) console.log(`  ${DEMO.noPdf}`);
    console.log(DEMO.next(workbook));
    return EXIT.ok;
  },
});
