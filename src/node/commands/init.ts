import { existsSync } from 'node:fs';
import { CLI, INIT } from '../../core/messages/cli';
import { templateSnapshot } from '../../core/template';
import { fiscalYearOf } from '../../core/thai';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, FileError, UsageError } from '../command';
import { createWorkbookFile } from '../xlsx-store';

export const init = defineCommand({
  name: 'init',
  args: ['<workbook.xlsx>'],
  options: { empty: { type: 'boolean' }, force: { type: 'boolean' } },
  async run({ positionals: [path], values }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    // a tracker holds a year of divisions' work: never replace one by accident
    if (existsSync(path) && !values.force) throw new FileError(INIT.exists(path));
    // an empty tracker starts with this fiscal year's holidays: fixed, lunar and substitute days (src/core/holidays.ts)
    const fiscalYear = fiscalYearOf(bangkokNow().toISOString().slice(0, 10));
    await createWorkbookFile(path, 'init', templateSnapshot({ example: !values.empty, fiscalYear }));
    console.log(values.empty ? INIT.createdEmpty(path) : INIT.createdExample(path));
    return EXIT.ok;
  },
});
