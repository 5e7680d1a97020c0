import { CLI, formatProblem } from '../../core/messages';
import { hasErrors, type Problem, validateWorkbook } from '../../core/validate';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { openSource } from '../source';

export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.log(problems.length ? CLI.problemsSummary(errors, problems.length - errors) : CLI.noProblems);
}

export const validate = helpedCommand('validate', async (args) => {
  const { positional, flags } = parseArgs(args, ['json']);
  const source = await openSource(positional[0], flags);
  if (!source) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  const problems = validateWorkbook(source.snapshot);
  if (flags.json) console.log(JSON.stringify(problems, null, 2));
  else printProblems(problems);
  return hasErrors(problems) ? EXIT.workbookErrors : EXIT.ok;
});
