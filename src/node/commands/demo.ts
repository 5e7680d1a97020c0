// `npm start`: the main job on the bundled example, end to end, on a fresh machine. It never writes
// over a workbook a person may have edited: a run whose out/tracker.xlsx exists writes the next free
// name (tracker-2.xlsx, its report in report-2/) and says that the earlier file was kept.
import { existsSync } from 'node:fs';

import { CLI, DEMO } from '../../core/messages/cli';
import { formatProblem } from '../../core/messages/validation';
import { templateSnapshot } from '../../core/template';
import { hasErrors, validateWorkbook } from '../../core/validate';
import { checkOutputFolder } from '../atomic';
import { defineCommand, EXIT } from '../command';
import { outputPath } from '../paths';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';
import { printReportResult, writeReportFiles } from './report';

/**
 * The first run's names (tracker.xlsx, report/), or the first free pair after it (tracker-2.xlsx,
 * report-2/ …) with the earlier workbook named as kept.
 */
function freshNames(outDir: string): { workbook: string; reportDir: string; kept?: string } {
  const first = outputPath(outDir, 'tracker.xlsx');
  if (!existsSync(first)) return { workbook: first, reportDir: outputPath(outDir, 'report') };
  let n = 2;
  while (existsSync(outputPath(outDir, `tracker-${n}.xlsx`)) || existsSync(outputPath(outDir, `report-${n}`))) n++;
  const kept = n === 2 ? first : outputPath(outDir, `tracker-${n - 1}.xlsx`);
  return { workbook: outputPath(outDir, `tracker-${n}.xlsx`), reportDir: outputPath(outDir, `report-${n}`), kept };
}

export const demo = defineCommand({
  name: 'demo',
  args: [],
  options: { out: { type: 'string', value: '<dir>' } },
  async run({ values }) {
    const outDir = values.out ?? 'out';
    checkOutputFolder(outDir);
    const { workbook, reportDir, kept } = freshNames(outDir);
    if (kept) console.log(DEMO.kept(kept, workbook));
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
    console.log(DEMO.step(3, DEMO.reporting(reportDir)));
    const files = await writeReportFiles(snapshot, reportDir, { pdf: 'auto' });
    printReportResult(files);
    if (!files.paths.pdf) console.log(`  ${DEMO.noPdf}`);
    console.log(DEMO.next(workbook));
    return EXIT.ok;
  },
});
