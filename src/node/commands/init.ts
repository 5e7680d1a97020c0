import { existsSync } from 'node:fs';
import { CLI, INIT } from '../../core/messages';
import { templateSnapshot } from '../../core/template';
import { EXIT, helpedCommand, parseArgs, UsageError } from '../command';
import { FileError, writeWorkbookFile } from '../xlsx-store';

export const init = helpedCommand('init', async (args) => {
  const { positional, flags } = parseArgs(args, ['empty', 'force']);
  const path = positional[0];
  if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
  // a tracker holds a year of divisions' work: never replace one by accident
  if (existsSync(path) && !flags.force) throw new FileError(INIT.exists(path));
  await writeWorkbookFile(path, templateSnapshot({ example: !flags.empty }));
  console.log(flags.empty ? INIT.createdEmpty(path) : INIT.createdExample(path));
  return EXIT.ok;
});
