import { CLI, SYNC } from '../../core/messages';
import { syncSnapshot } from '../../core/sync';
import { bangkokNow } from '../clock';
import { defineCommand, EXIT, UsageError } from '../command';
import { readWorkbookFile, writeWorkbookFile } from '../xlsx-store';

export const sync = defineCommand({
  name: 'sync',
  args: ['<workbook.xlsx>'],
  options: {},
  async run({ positionals: [path] }) {
    if (!path) throw new UsageError(CLI.missingArgument('<workbook.xlsx>'));
    const { snapshot, plan } = syncSnapshot(await readWorkbookFile(path), bangkokNow());
    await writeWorkbookFile(path, snapshot);
    for (const t of plan.tabs) console.log(SYNC.tabSummary(t.tabName, t.entries.length, t.created));
    if (plan.archive.length) console.log(SYNC.archivedSummary(plan.archive.length));
    for (const name of plan.orphanTabs) console.log(SYNC.orphanRemoved(name));
    console.log(CLI.wrote(path));
    return EXIT.ok;
  },
});
