import type { Problem } from '../../core/cell-rules';
import { CLI } from '../../core/messages/cli';
import { formatProblem } from '../../core/messages/validation';
import { hasErrors, validateWorkbook } from '../../core/validate';
import { defineCommand, EXIT, UsageError } from '../command';
import { LIVE_SHEET_OPTIONS } from '../google/options';
import { openSource } from '../source';

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(problems.length ? CLI.problemsSummary(errors, problems.length - errors) : CLI.noProblems);
}

export const validate = defineCommand({
  name: 'validate',
  args: ['<workbook.xlsx>'],
  options: { json: { type: 'boolean' }, ...LIVE_SHEET_OPTIONS },
  async run({ positionals: [path], values }) {
    const source = await openSource(path, values);
    if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const problems = validateWorkbook(source.snapshot);
    if (values.json) console.log(JSON.stringify(problems, null, 2));
    else printProblems(problems);
    return hasErrors(problems) ? EXIT.workbookErrors : EXIT.ok;
  },
});
